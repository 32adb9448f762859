/** The report's stakeholder matrix in the database: written with the published layer, read by the views. */
import { asc, count, eq } from 'drizzle-orm';
import type { Executor } from '../../app/database/database.js';
import type { ParsedStakeholderRole } from './toolkit.models.js';
import { toolkitActions, toolkitStakeholderRoles } from './toolkit.tables.js';

export type ToolkitStakeholderRoleRow = typeof toolkitStakeholderRoles.$inferSelect;

export function createStakeholderRolesRepository(db: Executor) {
  return {
    async countRoles(): Promise<number> {
      const [row] = await db.select({ n: count() }).from(toolkitStakeholderRoles);
      return row?.n ?? 0;
    },

    async insertRoles(roles: ParsedStakeholderRole[]): Promise<void> {
      if (roles.length === 0) return;
      await db.insert(toolkitStakeholderRoles).values(roles.map(({ action, ...role }) => ({ ...role, actionCode: action })));
    },

    /** Every cell of the matrix, in the report's order: action number, then the column order of `stakeholderKinds`. */
    async listRoles(): Promise<ToolkitStakeholderRoleRow[]> {
      const rows = await db
        .select({ role: toolkitStakeholderRoles })
        .from(toolkitStakeholderRoles)
        .innerJoin(toolkitActions, eq(toolkitActions.code, toolkitStakeholderRoles.actionCode))
        .orderBy(asc(toolkitActions.number));
      return rows.map((row) => row.role);
    },
  };
}
