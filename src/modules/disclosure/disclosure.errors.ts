/** The refusals of the disclosure-policy registry, each with a stable code and a sentence in each language. */
import { defineError } from '../../app/http/errors.js';
import { disclosureMessages } from './disclosure.messages.js';
import type { ProblemCode } from './disclosure.security-txt.js';

/** No entry, or one the reader may not manage. */
export const policyNotFound = defineError('disclosure.policy.not-found', 404, (l) => disclosureMessages(l)('disclosure.error.notFound'));

/** The supporter is not in the public registry (withdrawn). */
export const notPublished = defineError('disclosure.supporter.not-published', 403, (l) => disclosureMessages(l)('disclosure.error.notPublished'));

/** An uploaded security.txt with a problem: the first one, with its line. */
export const securityTxtInvalid = defineError<{ line: number; code: ProblemCode }>('disclosure.security-txt.invalid', 422, (l, p) =>
  disclosureMessages(l)('disclosure.error.securityTxt', { line: p.line, problem: disclosureMessages(l)(`disclosure.problem.${p.code}`) }),
);

/** A pasted key that does not read as an OpenPGP public key. */
export const keyInvalid = defineError<{ line: number }>('disclosure.key.invalid', 422, (l, p) => disclosureMessages(l)('disclosure.error.key', p));

/** An uploaded security.txt larger than the registry reads (32 KB). */
export const securityTxtTooLarge = defineError('disclosure.security-txt.invalid', 422, (l) => disclosureMessages(l)('disclosure.error.tooLarge'));
