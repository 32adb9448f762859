import { defineError } from '../http/errors.js';
import { appMessages } from '../i18n/messages.js';

/** Not signed in: pages turn it into a redirect to the sign-in page. */
export const unauthorized = defineError('auth.unauthorized', 401, (l) => appMessages(l)('error.unauthorized.title'));
/** Signed in, may know the subject exists, may not do this. */
export const forbidden = defineError('auth.forbidden', 403, (l) => appMessages(l)('error.forbidden.title'));
/** A secretariat member signed in by e-mail link: the back office needs a passkey session (the page sends them to enrol). */
export const passkeyRequired = defineError('auth.passkey-required', 403, (l) => appMessages(l)('error.forbidden.title'));
