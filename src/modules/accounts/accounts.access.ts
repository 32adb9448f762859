/**
 * Who reaches the accounts' routes (see app/authz/access.ts; the matrix test checks every route against this): signing
 * in and out is for anyone, the account pages act on the visitor's own account, the secretariat's accounts are the
 * administrators' (`accounts.manageUsers`).
 */
import { declareAccess } from '../../app/authz/access.js';

export const accountsAccess = declareAccess([
  { method: 'GET', path: '/:locale/sign-in', access: 'public' },
  { method: 'POST', path: '/:locale/sign-in', access: 'public' },
  { method: 'GET', path: '/:locale/sign-in/sent', access: 'public' },
  { method: 'GET', path: '/:locale/sign-in/verify', access: 'token' },
  { method: 'POST', path: '/:locale/sign-in/verify', access: 'token' },
  { method: 'POST', path: '/:locale/sign-in/passkey/options', access: 'public' },
  { method: 'POST', path: '/:locale/sign-in/passkey', access: 'public' },
  { method: 'POST', path: '/:locale/sign-out', access: 'public' },
  { method: 'GET', path: '/:locale/account', access: 'signed-in' },
  { method: 'POST', path: '/:locale/account/profile', access: 'signed-in' },
  { method: 'POST', path: '/:locale/account/sessions/revoke', access: 'signed-in' },
  { method: 'GET', path: '/:locale/account/data.json', access: 'signed-in' },
  { method: 'POST', path: '/:locale/account/erase', access: 'signed-in' },
  // Shown once the account is gone, to a visitor who is no longer signed in.
  { method: 'GET', path: '/:locale/account/erased', access: 'public' },
  { method: 'GET', path: '/:locale/account/passkeys', access: 'signed-in' },
  { method: 'POST', path: '/:locale/account/passkeys/options', access: 'signed-in' },
  { method: 'POST', path: '/:locale/account/passkeys', access: 'signed-in' },
  { method: 'POST', path: '/:locale/account/passkeys/remove', access: 'second-factor-if-secretariat' },
  { method: 'GET', path: '/:locale/sign-in/code', access: 'signed-in' },
  { method: 'POST', path: '/:locale/sign-in/code', access: 'signed-in' },
  { method: 'GET', path: '/:locale/account/totp', access: 'signed-in' },
  { method: 'POST', path: '/:locale/account/totp', access: 'signed-in' },
  { method: 'POST', path: '/:locale/account/totp/recovery-codes', access: 'second-factor-if-secretariat' },
  { method: 'POST', path: '/:locale/account/totp/remove', access: 'second-factor-if-secretariat' },
  { method: 'GET', path: '/:locale/secretariat/users', access: 'admin' },
  { method: 'POST', path: '/:locale/secretariat/users', access: 'admin' },
  { method: 'POST', path: '/:locale/secretariat/users/:id/role', access: 'admin' },
  { method: 'POST', path: '/:locale/secretariat/users/:id/status', access: 'admin' },
]);
