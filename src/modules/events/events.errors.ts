/** The refusals of events, each with a stable code and a sentence in each language. */
import type { FieldIssue } from '../../app/http/errors.js';
import { defineError } from '../../app/http/errors.js';
import { eventsMessages } from './events.messages.js';

export const eventNotFound = defineError('events.not-found', 404, (l) => eventsMessages(l)('error.notFound'));

/** Only the group's co-chairs and the secretariat organise its events; only the secretariat the Call-wide ones. */
export const eventNotAllowed = defineError('events.not-allowed', 403, (l) => eventsMessages(l)('error.notAllowed'));

export const notInvited = defineError('events.not-invited', 403, (l) => eventsMessages(l)('error.notInvited'));

export const registrationClosed = defineError('events.registration-closed', 409, (l) => eventsMessages(l)('error.registrationClosed'));

export const notRegistered = defineError('events.not-registered', 409, (l) => eventsMessages(l)('error.notRegistered'));

export const eventAlreadyCancelled = defineError('events.already-cancelled', 409, (l) => eventsMessages(l)('error.alreadyCancelled'));

/** The group is closed: nothing new is organised in it. */
export const groupClosed = defineError('events.group-closed', 409, (l) => eventsMessages(l)('error.groupClosed'));

/** The input breaks a rule: each issue names a form field and carries a catalog key as its message. */
export const eventInvalid = (issues: FieldIssue[]) => defineError('events.invalid', 422, (l) => eventsMessages(l)('error.invalid'))({}, issues);
