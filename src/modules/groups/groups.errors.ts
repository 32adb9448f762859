/** The refusals of the working groups, each with a stable code and a sentence in each language. */
import { defineError, type FieldIssue } from '../../app/http/errors.js';
import { groupsMessages } from './groups.messages.js';

export const groupNotFound = defineError('groups.not-found', 404, (l) => groupsMessages(l)('error.notFound'));
/** A closed group takes nothing new (phase rule, in the policies). */
export const groupClosed = defineError('groups.closed', 409, (l) => groupsMessages(l)('error.closed'));
export const groupNotAllowed = defineError('groups.not-allowed', 403, (l) => groupsMessages(l)('error.notAllowed'));
export const notRepresentative = defineError('groups.not-representative', 403, (l) => groupsMessages(l)('error.notRepresentative'));
export const alreadyParticipating = defineError('groups.already-participating', 409, (l) => groupsMessages(l)('error.alreadyParticipating'));
export const requestDecided = defineError('groups.request-decided', 409, (l) => groupsMessages(l)('error.decided'));
export const notParticipating = defineError('groups.not-participating', 409, (l) => groupsMessages(l)('error.notParticipating'));
/** A co-chair organisation no longer named (a second click on its removal). */
export const coChairGone = defineError('groups.co-chair-gone', 409, (l) => groupsMessages(l)('error.coChairGone'));
/** A document, version or file the visitor may not know about (members-only, or none). */
export const documentNotFound = defineError('groups.document-not-found', 404, (l) => groupsMessages(l)('error.notFound'));

/** The input breaks a rule: each issue names a form field and carries a catalog key as its message. */
export const groupInvalid = (issues: Record<string, string>) =>
  defineError('groups.invalid', 422, (l) => groupsMessages(l)('error.invalid'))(
    {},
    Object.entries(issues).map(([field, message]): FieldIssue => ({ field, message, code: 'groups.invalid' })),
  );
