import { defineError } from '../http/errors.js';
import { appMessages } from '../i18n/messages.js';
import { isSecretariatRole, type Actor, type UserActor } from './actor.js';

export const unauthorized = defineError('auth.unauthorized', 401, (l) => appMessages(l)('error.unauthorized.title'));
export const forbidden = defineError('auth.forbidden', 403, (l) => appMessages(l)('error.forbidden.title'));
/** A secretariat member signed in by e-mail link: the back office needs a passkey session (the page sends them to enrol). */
export const passkeyRequired = defineError('auth.passkey-required', 403, (l) => appMessages(l)('error.forbidden.title'));

/** Any signed-in person; else 401 (pages turn it into a redirect to the sign-in page). */
export function requireUser(actor: Actor): UserActor {
  if (actor.kind !== 'user') throw unauthorized();
  return actor;
}

/** True for a moderator or administrator on a passkey session: the only way into the back office. */
export function isSecretariat(actor: Actor): actor is UserActor {
  return actor.kind === 'user' && isSecretariatRole(actor.role) && actor.method === 'passkey';
}

/** Moderator or administrator, signed in with a passkey. */
export function requireSecretariat(actor: Actor): UserActor {
  const user = requireUser(actor);
  if (!isSecretariatRole(user.role)) throw forbidden();
  if (user.method !== 'passkey') throw passkeyRequired();
  return user;
}

/** Administrator, signed in with a passkey. */
export function requireAdmin(actor: Actor): UserActor {
  const user = requireSecretariat(actor);
  if (user.role !== 'admin') throw forbidden();
  return user;
}
