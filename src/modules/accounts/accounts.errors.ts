import { defineError } from '../../app/http/errors.js';
import { accountMessages } from './accounts.messages.js';

/** Owner-filtered: another person's session id, or one already closed, is not found (nothing changes). */
export const sessionNotFound = defineError('not-found', 404, (l) => accountMessages(l)('account.sessions.notFound'));
/** Owner-filtered: another person's passkey id is not found (nothing changes). */
export const passkeyNotFound = defineError('not-found', 404, (l) => accountMessages(l)('passkeys.notFound'));
