import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../auth/auth.tables.js';
import { idColumn } from '../database/columns.js';

/**
 * Scoped roles: who holds which role on which subject (`representative` of a supporter, `co-chair` of a group), who
 * granted it and when. Every grant and revocation is also in the audit log. `scope_id` points into the table of its
 * kind (supporters, groups), so it has no foreign key; the subject's module revokes grants when the subject goes.
 */
export const roleGrants = pgTable(
  'role_grants',
  {
    id: idColumn('grt'),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    scopeKind: text('scope_kind').notNull(),
    scopeId: text('scope_id').notNull(),
    /** The audit name of who granted it (`user:usr_…`, `cli:…`); null only for grants made before it was recorded. */
    grantedBy: text('granted_by'),
    grantedAt: timestamp('granted_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('role_grants__holder').on(t.userId, t.role, t.scopeKind, t.scopeId),
    index('role_grants__scope').on(t.scopeKind, t.scopeId, t.role),
    check(
      'role_grants__role_valid',
      sql`(${t.role} in ('representative', 'contact') and ${t.scopeKind} = 'supporter') or (${t.role} in ('co-chair', 'member', 'observer') and ${t.scopeKind} = 'group')`,
    ),
  ],
);

export type RoleGrantRow = typeof roleGrants.$inferSelect;
