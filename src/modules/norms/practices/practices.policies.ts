/**
 * Who may do what with practices. Published practices are public (no rule: their pages ask nothing). Drafts, revisions
 * and decisions are seen by the organisation's representatives and by the secretariat, and by no one else (404: an id
 * does not tell whether it exists). The representatives of a published, verified organisation write its practices
 * (create, edit, submit), and only they: what a practice says is the organisation's word, so the secretariat moderates
 * (publishes, asks for information, rejects) but never writes it; it or the organisation withdraws.
 */
import type { Actor } from '../../../app/authz/actor.js';
import { allow, allowIf, definePolicies, rule, userRule } from '../../../app/authz/policy.js';
import { holds, isSecretariat, secretariatOnly } from '../../../app/authz/rules.js';
import { submittingLevels } from './practices.constants.js';
import { practiceNotAllowed, practiceNotFound } from './practices.errors.js';

/** A practice as its rules see it: the organisation behind it. */
export interface PracticeSubject {
  supporterId: string | null;
}

/** The organisation a practice is written for, as the supporters module's read use cases give it. */
export interface WritingSupporter {
  id: string;
  status: string;
  verificationLevel: string;
}

const managesPractice = (actor: Actor, supporterId: string | null) => isSecretariat(actor) || holds(actor, 'representative', supporterId);

/** The actor represents the organisation, and the organisation is in the registry and verified on the platform. */
export function speaksForVerified(actor: Actor, supporter: WritingSupporter | null): boolean {
  return (
    supporter !== null &&
    supporter.status === 'published' &&
    (submittingLevels as readonly string[]).includes(supporter.verificationLevel) &&
    holds(actor, 'representative', supporter.id)
  );
}

export const practicesPolicies = definePolicies('practices', {
  /** The account's practice pages: anyone signed in (each page lists only what the person may see). */
  useAccount: userRule(() => allow),
  /** A practice's drafts, revisions and decisions, and the files of its drafts. */
  viewRevisions: rule<PracticeSubject>((actor, practice) => allowIf(managesPractice(actor, practice.supporterId), practiceNotFound)),
  /** Creating, editing and submitting a practice of the organisation. */
  write: userRule<{ supporter: WritingSupporter | null }>((user, { supporter }) => allowIf(speaksForVerified(user, supporter), practiceNotAllowed)),
  /** Withdrawing a practice from the library: its organisation's representatives, or the secretariat. */
  withdraw: userRule<PracticeSubject>((user, practice) => allowIf(managesPractice(user, practice.supporterId), practiceNotAllowed)),
  /** The moderation queue and its decisions. */
  moderate: userRule((user) => secretariatOnly(user)),
});
