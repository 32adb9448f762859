/**
 * The vocabulary of curated layers: the states of a proposal, which verification levels make a supporter "verified"
 * enough to propose, and how many proposals one person may send.
 */
import type { VerificationLevel } from '../../supporters/supporters.constants.js';

/** A proposal waits for the secretariat, then is accepted (applied to its layer) or rejected with a note. */
export const proposalStatuses = ['pending', 'accepted', 'rejected'] as const;
export type ProposalStatus = (typeof proposalStatuses)[number];

export const proposalKinds = ['framework', 'cell'] as const;
export type ProposalKind = (typeof proposalKinds)[number];

/**
 * The levels that count as verified for proposing: those the secretariat established on this platform when it approved
 * a representative (its review, the e-mail domain, the website code, the diplomatic route). `official-registry` is only
 * the import of the Call's list: nobody on the platform has checked who speaks for the organisation.
 */
export const proposingLevels: readonly VerificationLevel[] = ['secretariat-review', 'email-domain', 'website', 'diplomatic-route'];

/** Proposals one person may send per window: enough for a careful reviewer, not for a flood of the queue. */
export const proposalBudget = { action: 'toolkit-proposal', max: 20, windowMs: 24 * 3_600_000 } as const;

/** A curated layer's key: lower-case words and digits joined by hyphens (`corrections-2025`). */
export const layerKeyPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The key prefix of frameworks a curated layer adds (`nf-1`): the same shape as WG6's sheet-and-row keys. */
export const addedFrameworkPrefix = 'nf';

/** A curated layer has no source file: its `source` says so and its digest is empty. */
export const curatedSource = 'curated on the platform';
