/** The refusals of the practice library, each with a stable code and a sentence in each language. */
import type { FieldIssue } from '../../../app/http/errors.js';
import { defineError } from '../../../app/http/errors.js';
import { practicesMessages } from './practices.messages.js';

/** No such practice, or one the visitor may not know about (a draft, another organisation's). */
export const practiceNotFound = defineError('practices.not-found', 404, (l) => practicesMessages(l)('error.notFound'));

/** A practice its organisation or the secretariat withdrew: its page says so rather than "not found". */
export const practiceWithdrawn = defineError('practices.withdrawn', 410, (l) => practicesMessages(l)('error.withdrawn'));

/** Only the representatives of a verified organisation write its practices. */
export const practiceNotAllowed = defineError('practices.not-allowed', 403, (l) => practicesMessages(l)('error.notAllowed'));

/** A revision waiting in the queue is not edited: the secretariat reads what was sent. */
export const practiceInModeration = defineError('practices.in-moderation', 409, (l) => practicesMessages(l)('error.inModeration'));

export const nothingToSubmit = defineError('practices.nothing-to-submit', 409, (l) => practicesMessages(l)('error.nothingToSubmit'));

/** The revision was decided (by another moderator), or is not the one the moderator read. */
export const revisionDecided = defineError('practices.revision-decided', 409, (l) => practicesMessages(l)('error.revisionDecided'));

export const practiceAlreadyWithdrawn = defineError('practices.already-withdrawn', 409, (l) => practicesMessages(l)('error.alreadyWithdrawn'));

/** The content breaks a rule: each issue names a form field and carries a catalog key as its message. */
export const practiceInvalid = (issues: FieldIssue[]) =>
  defineError('practices.invalid', 422, (l) => practicesMessages(l)('error.invalid'))({}, issues);
