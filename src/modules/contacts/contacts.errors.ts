/** The refusals of the points-of-contact directory, each with a stable code and a sentence in each language. */
import { defineError, type FieldIssue } from '../../app/http/errors.js';
import type { KeyProblem } from './contacts.keys.js';
import { contactsMessages, type ContactsMessageKey } from './contacts.messages.js';

/** A contact (or an organisation's contacts) the visitor may not know about, or none. */
export const contactNotFound = defineError('contacts.not-found', 404, (l) => contactsMessages(l)('error.notFound'));
/** The secretariat reads an organisation's contacts but does not nominate in its name. */
export const notRepresentative = defineError('contacts.not-representative', 403, (l) => contactsMessages(l)('error.notRepresentative'));
/** Only the contact themself edits their publication choices, keys and attestation. */
export const notTheContact = defineError('contacts.not-the-contact', 403, (l) => contactsMessages(l)('error.notTheContact'));
/** Nominations are for organisations published in the registry. */
export const organisationNotPublished = defineError('contacts.organisation-not-published', 409, (l) => contactsMessages(l)('error.organisationNotPublished'));
/** The form was read from an older version of the record: nothing is written over the newer one. */
export const contactChanged = defineError('contacts.changed', 409, (l) => contactsMessages(l)('error.changed'));
/** A withdrawn contact changes no more. */
export const contactWithdrawn = defineError('contacts.withdrawn', 409, (l) => contactsMessages(l)('error.withdrawn'));
export const alreadyAccepted = defineError('contacts.already-accepted', 409, (l) => contactsMessages(l)('error.alreadyAccepted'));
export const keyNotFound = defineError('contacts.key-not-found', 404, (l) => contactsMessages(l)('error.notFound'));

/** The input breaks a rule: each issue names a form field and carries a catalog key as its message. */
export const contactInvalid = (issues: Record<string, string>) =>
  defineError('contacts.invalid', 422, (l) => contactsMessages(l)('error.invalid'))(
    {},
    Object.entries(issues).map(([field, message]): FieldIssue => ({ field, message, code: 'contacts.invalid' })),
  );

/** An uploaded key refused (malformed armor with its line, unreadable, private, expired, revoked): nothing stored. */
export const keyRefused = defineError<{ problem: KeyProblem['problem']; line?: number | undefined }>('contacts.key-refused', 422, (l, p) =>
  contactsMessages(l)(p.line ? `${p.problem}.line` as ContactsMessageKey : p.problem, { line: p.line ?? 0 }),
);

/** An imported file that does not parse, with the line where it stopped: nothing imported. */
export const importRefused = defineError<{ problem: string; line: number }>('contacts.import-refused', 422, (l, p) =>
  contactsMessages(l)('import.error', { line: p.line, problem: contactsMessages(l)(p.problem as ContactsMessageKey) }),
);
