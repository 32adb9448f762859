/**
 * Who reaches the notifications' routes: the subscriptions page is anyone's signed in, for their own account; the
 * unsubscribe link's pages are the link holder's (`token`: the signed token in the address is the credential, whoever
 * is signed in or not, and the one-click POST carries no CSRF token by design, RFC 8058).
 */
import { declareAccess } from '../../app/authz/access.js';

export const notificationsAccess = declareAccess([
  { method: 'GET', path: '/:locale/account/subscriptions', access: 'signed-in' },
  { method: 'POST', path: '/:locale/account/subscriptions', access: 'signed-in' },
  { method: 'GET', path: '/:locale/unsubscribe/:token', access: 'token' },
  { method: 'POST', path: '/:locale/unsubscribe/:token', access: 'token' },
]);
