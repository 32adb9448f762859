/** The refusals of requests between organisations, each with a stable code and a sentence in each language. */
import { defineError, type FieldIssue } from '../../app/http/errors.js';
import { requestsMessages } from './requests.messages.js';

/** A request the reader may not know about: unknown, or beyond its marking (404, never 403: no one learns it exists). */
export const requestNotFound = defineError('requests.not-found', 404, (l) => requestsMessages(l)('error.notFound'));
/** Signed in, yet no designated contact of any organisation. */
export const notInCooperation = defineError('requests.not-in-cooperation', 403, (l) => requestsMessages(l)('error.notInCooperation'));
/** A party to the request, but not the side that does this (only the recipient acknowledges, only the source grants). */
export const notYourSide = defineError('requests.not-your-side', 409, (l) => requestsMessages(l)('error.notYourSide'));
export const wrongState = defineError('requests.wrong-state', 409, (l) => requestsMessages(l)('error.wrongState'));
/** Forwarding beyond the marking (TLP:RED always): ask the source's permission instead. */
export const beyondMarking = defineError('requests.beyond-marking', 409, (l) => requestsMessages(l)('error.beyondMarking'));
export const shareDecided = defineError('requests.share-decided', 409, (l) => requestsMessages(l)('error.shareDecided'));

/** The input breaks a rule: each issue names a form field and carries a catalog key as its message. */
export const requestInvalid = (issues: Record<string, string>) =>
  defineError('requests.invalid', 422, (l) => requestsMessages(l)('error.invalid'))(
    {},
    Object.entries(issues).map(([field, message]): FieldIssue => ({ field, message, code: 'requests.invalid' })),
  );
