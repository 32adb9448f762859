/** Building blocks of the modules' rules: platform roles, scoped roles, and the system's standing. */
import { isSecretariatRole, type Actor, type ScopedRole } from './actor.js';
import { forbidden, passkeyRequired, unauthorized } from './authz.errors.js';
import { allow, refuse, type Verdict } from './policy.js';

/**
 * Whether a session opened this way must first be upgraded with a second factor (a passkey, or an authenticator code):
 * the secretariat's roles reach the back office only from such a session (whoever reads a moderator's mailbox must not
 * be a moderator).
 */
export function needsSecondFactor(role: string, method: string): boolean {
  return isSecretariatRole(role) && method === 'email-link';
}

/** A moderator or administrator signed in with a passkey: the only way into the back office. */
export function isSecretariat(actor: Actor): boolean {
  return actor.kind === 'user' && isSecretariatRole(actor.role) && !needsSecondFactor(actor.role, actor.method);
}

export function isAdmin(actor: Actor): boolean {
  return isSecretariat(actor) && actor.kind === 'user' && actor.role === 'admin';
}

/** The platform acting for an operator (the CLI) or a process (first start, a job). */
export function isSystem(actor: Actor): boolean {
  return actor.kind === 'system';
}

/** Whether the actor holds a scoped role on the subject (`representative` of `sup_…`). */
export function holds(actor: Actor, role: ScopedRole, scopeId: string | null | undefined): boolean {
  return actor.kind === 'user' && scopeId != null && actor.grants.some((g) => g.role === role && g.scopeId === scopeId);
}

/** The secretariat's verdict: 401 to visitors, 403 to others, and a passkey demanded from a secretariat member without one. */
export function secretariatOnly(actor: Actor): Verdict {
  if (isSecretariat(actor)) return allow;
  if (actor.kind !== 'user') return refuse(unauthorized);
  return refuse(isSecretariatRole(actor.role) ? passkeyRequired : forbidden);
}

/** As `secretariatOnly`, for administrators. */
export function adminOnly(actor: Actor): Verdict {
  if (isAdmin(actor)) return allow;
  const secretariat = secretariatOnly(actor);
  return secretariat.allowed ? refuse(forbidden) : secretariat;
}

/** The secretariat, or the system (imports, first start, jobs): the writers of shared reference data. */
export function secretariatOrSystem(actor: Actor): Verdict {
  return isSystem(actor) ? allow : secretariatOnly(actor);
}
