/** The refusals of curated layers, each with a stable code and a sentence in each language. */
import { defineError } from '../../../app/http/errors.js';
import { toolkitMessages } from '../toolkit.messages.js';

export const layerNotFound = defineError('toolkit.layer.not-found', 404, (l) => toolkitMessages(l)('layers.error.notFound'));

/** Every write to a published layer (WG6 2021): it stays as published; a change goes into a curated layer. */
export const layerImmutable = defineError('toolkit.layer.immutable', 409, (l) => toolkitMessages(l)('layers.error.immutable'));

export const layerKeyTaken = defineError<{ key: string }>('toolkit.layer.key-taken', 409, (l, p) => toolkitMessages(l)('layers.error.keyTaken', p));

/** The framework a correction names does not exist in the layer it names. */
export const frameworkNotFound = defineError<{ key: string }>('toolkit.framework.not-found', 404, (l, p) => toolkitMessages(l)('layers.error.frameworkNotFound', p));

/** Only the representatives of a verified supporter propose (the secretariat edits directly). */
export const notAProposer = defineError('toolkit.proposal.not-allowed', 403, (l) => toolkitMessages(l)('layers.error.notAProposer'));

export const proposalNotFound = defineError('toolkit.proposal.not-found', 404, (l) => toolkitMessages(l)('layers.error.proposalNotFound'));

/** Another moderator decided first: a decision is taken once. */
export const proposalDecided = defineError('toolkit.proposal.decided', 409, (l) => toolkitMessages(l)('layers.error.proposalDecided'));

export const proposalBudgetSpent = defineError('toolkit.proposal.rate-limited', 429, (l) => toolkitMessages(l)('layers.error.budget'));
