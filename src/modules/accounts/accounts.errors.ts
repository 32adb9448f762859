import { defineError } from '../../app/http/errors.js';
import { accountMessages } from './accounts.messages.js';

/** Owner-filtered: another person's session id, or one already closed, is not found (nothing changes). */
export const sessionNotFound = defineError('not-found', 404, (l) => accountMessages(l)('account.sessions.notFound'));
/** Owner-filtered: another person's passkey id is not found (nothing changes). */
export const passkeyNotFound = defineError('not-found', 404, (l) => accountMessages(l)('passkeys.notFound'));
/** A wrong, expired or already used code from the authenticator app, or an unknown recovery code. */
export const codeInvalid = defineError('auth.code-invalid', 422, (l) => accountMessages(l)('totp.code.invalid'));
/** Five attempts in a quarter hour: the next ones wait (a 6-digit code must not be guessable by trying). */
export const codeAttemptsExceeded = defineError('auth.code-attempts', 429, (l) => accountMessages(l)('totp.code.tooMany'));
export const totpAlreadyEnrolled = defineError('auth.totp-enrolled', 409, (l) => accountMessages(l)('totp.already'));
export const totpNotEnrolled = defineError('auth.totp-missing', 404, (l) => accountMessages(l)('totp.missing'));
