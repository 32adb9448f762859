/** The refusals of coordination cases, each with a stable code and a sentence in each language. */
import { defineError, type FieldIssue } from '../../app/http/errors.js';
import { casesMessages } from './cases.messages.js';

/** Not a party, or no such case: the same answer, so an embargoed case's existence is not told. */
export const caseNotFound = defineError('cases.not-found', 404, (l) => casesMessages(l)('error.notFound'));
export const notCoordinator = defineError('cases.not-coordinator', 403, (l) => casesMessages(l)('error.notAllowed'));
export const notContact = defineError('cases.not-contact', 403, (l) => casesMessages(l)('error.notContact'));
export const notParticipant = defineError('cases.not-participant', 403, (l) => casesMessages(l)('error.notParticipant'));
export const casePublished = defineError('cases.published', 409, (l) => casesMessages(l)('error.published'));
export const publicationTooEarly = defineError('cases.too-early', 409, (l) => casesMessages(l)('error.tooEarly'));
export const noEmbargo = defineError('cases.no-embargo', 409, (l) => casesMessages(l)('error.noEmbargo'));
export const noStatement = defineError('cases.no-statement', 409, (l) => casesMessages(l)('error.noStatement'));
export const advisoryNotFound = defineError('cases.advisory-not-found', 404, (l) => casesMessages(l)('error.notFound'));

/** The CSAF validator's errors, listed (test, place, message) in the refusal. */
export const csafInvalid = (errors: string) => defineError<{ errors: string }>('cases.csaf-invalid', 422, (l, p) => casesMessages(l)('error.csafInvalid', { errors: p.errors }))({ errors });

/** The input breaks a rule: each issue names a field and carries a catalog key as its message. */
export const caseInvalid = (issues: FieldIssue[]) => defineError('cases.invalid', 422, (l) => casesMessages(l)('error.invalid'))({}, issues);
