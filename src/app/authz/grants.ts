/**
 * Granting and revoking scoped roles. Who may grant is decided by the calling module's policy (a representative invites
 * a colleague, a co-chair admits a member); these functions record the change and its audit entry in the caller's
 * transaction, so a role never changes without a trace.
 */
import { recordAudit } from '../audit/audit.js';
import type { Executor } from '../database/database.js';
import type { Grant, ScopedRole } from './actor.js';
import { createGrantsRepository } from './grants.repository.js';

/** `by` in these functions is the audit name of who grants or revokes (`actorRef(actor)`, `user:usr_…`, `cli:…`). */
export interface GrantChange {
  userId: string;
  role: ScopedRole;
  scopeId: string;
  /** Why, kept in the audit entry (an application id, a decision). */
  cause?: string;
}

/** Grants the role (nothing happens, and nothing is audited, if it is already held). Returns whether it was new. */
export async function grantRole(db: Executor, by: string, change: GrantChange): Promise<boolean> {
  const added = await createGrantsRepository(db).insert({ userId: change.userId, role: change.role, scopeId: change.scopeId, grantedBy: by });
  if (added) await recordAudit(db, { actor: by, action: 'authz.grant', subject: change.scopeId, details: { user: change.userId, role: change.role, cause: change.cause } });
  return added;
}

/** Revokes the role; returns whether it was held. */
export async function revokeRole(db: Executor, by: string, change: GrantChange & { reason?: string | null }): Promise<boolean> {
  const removed = await createGrantsRepository(db).delete(change);
  if (removed) {
    await recordAudit(db, { actor: by, action: 'authz.revoke', subject: change.scopeId, reason: change.reason ?? null, details: { user: change.userId, role: change.role, cause: change.cause } });
  }
  return removed;
}

/** Revokes everything a person holds (their account is erased), one audit entry per role. */
export async function revokeAllRoles(db: Executor, by: string, userId: string, reason: string): Promise<Grant[]> {
  const removed = await createGrantsRepository(db).deleteAllOf(userId);
  for (const grant of removed) {
    await recordAudit(db, { actor: by, action: 'authz.revoke', subject: grant.scopeId, reason, details: { user: userId, role: grant.role } });
  }
  return removed;
}

/** Who holds `role` on the subject (user ids, earliest first). */
export async function holdersOf(db: Executor, role: ScopedRole, scopeId: string): Promise<string[]> {
  return (await createGrantsRepository(db).holders(role, scopeId)).map((row) => row.userId);
}

/** Whether the person holds the role, read from the database (for someone other than the request's actor). */
export async function holdsRole(db: Executor, userId: string, role: ScopedRole, scopeId: string): Promise<boolean> {
  return createGrantsRepository(db).holds(userId, role, scopeId);
}

/** Every scoped role a person holds. */
export async function rolesHeldBy(db: Executor, userId: string): Promise<Grant[]> {
  return createGrantsRepository(db).heldBy(userId);
}
