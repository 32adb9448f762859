import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../database/database.js';
import { scopedRoles, type Grant, type ScopedRole } from './actor.js';
import { roleGrants, type RoleGrantRow } from './authz.tables.js';

/** Data access for scoped roles; the rules (who may grant) are the callers' policies, the audit is in grants.ts. */
export function createGrantsRepository(db: Executor) {
  return {
    /** Inserts the grant; false if the person already held it. */
    async insert(input: { userId: string; role: ScopedRole; scopeId: string; grantedBy: string | null }): Promise<boolean> {
      const rows = await db
        .insert(roleGrants)
        .values({ userId: input.userId, role: input.role, scopeKind: scopedRoles[input.role], scopeId: input.scopeId, grantedBy: input.grantedBy })
        .onConflictDoNothing()
        .returning({ id: roleGrants.id });
      return rows.length > 0;
    },

    /** Deletes the grant; false if the person did not hold it. */
    async delete(input: { userId: string; role: ScopedRole; scopeId: string }): Promise<boolean> {
      const rows = await db
        .delete(roleGrants)
        .where(and(eq(roleGrants.userId, input.userId), eq(roleGrants.role, input.role), eq(roleGrants.scopeKind, scopedRoles[input.role]), eq(roleGrants.scopeId, input.scopeId)))
        .returning({ id: roleGrants.id });
      return rows.length > 0;
    },

    /** Every scoped role a person holds (the actor's grants). */
    async heldBy(userId: string): Promise<Grant[]> {
      const rows = await db.select({ role: roleGrants.role, scopeId: roleGrants.scopeId }).from(roleGrants).where(eq(roleGrants.userId, userId)).orderBy(asc(roleGrants.grantedAt));
      return rows as Grant[];
    },

    /** Who holds `role` on the subject, earliest first. */
    async holders(role: ScopedRole, scopeId: string): Promise<RoleGrantRow[]> {
      return db
        .select()
        .from(roleGrants)
        .where(and(eq(roleGrants.role, role), eq(roleGrants.scopeKind, scopedRoles[role]), eq(roleGrants.scopeId, scopeId)))
        .orderBy(asc(roleGrants.grantedAt));
    },

    async holds(userId: string, role: ScopedRole, scopeId: string): Promise<boolean> {
      const rows = await db
        .select({ id: roleGrants.id })
        .from(roleGrants)
        .where(and(eq(roleGrants.userId, userId), eq(roleGrants.role, role), eq(roleGrants.scopeKind, scopedRoles[role]), eq(roleGrants.scopeId, scopeId)))
        .limit(1);
      return rows.length > 0;
    },

    /** Removes every grant a person holds (account erasure); returns them. */
    async deleteAllOf(userId: string): Promise<Grant[]> {
      const rows = await db.delete(roleGrants).where(eq(roleGrants.userId, userId)).returning({ role: roleGrants.role, scopeId: roleGrants.scopeId });
      return rows as Grant[];
    },
  };
}
