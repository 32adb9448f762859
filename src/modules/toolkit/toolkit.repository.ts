/** All SQL of the toolkit: data sets, actions, frameworks and cells. No rules here. */
import { and, asc, count, eq } from 'drizzle-orm';
import type { Executor } from '../../app/database/database.js';
import type { ParsedAction, ParsedCell, ParsedDataset, ParsedFramework } from './toolkit.models.js';
import { toolkitActions, toolkitCells, toolkitDatasets, toolkitFrameworks } from './toolkit.tables.js';

export type ToolkitDatasetRow = typeof toolkitDatasets.$inferSelect;
export type ToolkitActionRow = typeof toolkitActions.$inferSelect;
export type ToolkitFrameworkRow = typeof toolkitFrameworks.$inferSelect;
export type ToolkitCellRow = typeof toolkitCells.$inferSelect;

export function createToolkitRepository(db: Executor) {
  return {
    async findDataset(key: string): Promise<ToolkitDatasetRow | undefined> {
      const [row] = await db.select().from(toolkitDatasets).where(eq(toolkitDatasets.key, key)).limit(1);
      return row;
    },

    async countDatasets(): Promise<number> {
      const [row] = await db.select({ n: count() }).from(toolkitDatasets);
      return row?.n ?? 0;
    },

    async insertDataset(dataset: Omit<ParsedDataset, 'frameworks' | 'actions' | 'cells' | 'stakeholderRoles'>, immutable: boolean): Promise<ToolkitDatasetRow> {
      const [row] = await db
        .insert(toolkitDatasets)
        .values({ key: dataset.key, name: dataset.name, immutable, version: dataset.version, source: dataset.source, sourceSha256: dataset.sourceSha256, anomalies: dataset.anomalies })
        .returning();
      return row!;
    },

    async listActions(): Promise<ToolkitActionRow[]> {
      return db.select().from(toolkitActions).orderBy(asc(toolkitActions.number));
    },

    /** Inserts the actions not yet present (they are shared by every layer). */
    async insertMissingActions(actions: ParsedAction[]): Promise<number> {
      if (actions.length === 0) return 0;
      const inserted = await db.insert(toolkitActions).values(actions).onConflictDoNothing({ target: toolkitActions.code }).returning({ id: toolkitActions.id });
      return inserted.length;
    },

    async insertFrameworks(datasetId: string, frameworks: ParsedFramework[]): Promise<Map<string, string>> {
      const rows = await db
        .insert(toolkitFrameworks)
        .values(frameworks.map((f) => ({ datasetId, ...f })))
        .returning({ id: toolkitFrameworks.id, key: toolkitFrameworks.key });
      return new Map(rows.map((row) => [row.key, row.id]));
    },

    async insertCells(frameworkIds: Map<string, string>, cells: ParsedCell[]): Promise<void> {
      const rows = cells.map((cell) => ({
        frameworkId: frameworkIds.get(cell.frameworkKey)!,
        actionCode: cell.action,
        status: cell.status,
        quotation: cell.quotation,
        locator: cell.locator,
        sourceCell: cell.source,
        mergedRange: cell.mergedRange,
      }));
      // Inserted in slices: one statement with 875 rows × 7 parameters stays well under PostgreSQL's limit anyway,
      // but slices keep each statement small on PGlite too.
      for (let i = 0; i < rows.length; i += 200) await db.insert(toolkitCells).values(rows.slice(i, i + 200));
    },

    async countFrameworks(datasetId: string): Promise<number> {
      const [row] = await db.select({ n: count() }).from(toolkitFrameworks).where(eq(toolkitFrameworks.datasetId, datasetId));
      return row?.n ?? 0;
    },

    async listFrameworks(datasetId: string, page: { offset: number; limit: number }): Promise<ToolkitFrameworkRow[]> {
      return db.select().from(toolkitFrameworks).where(eq(toolkitFrameworks.datasetId, datasetId)).orderBy(asc(toolkitFrameworks.position)).offset(page.offset).limit(page.limit);
    },

    async findFramework(datasetId: string, key: string): Promise<ToolkitFrameworkRow | undefined> {
      const [row] = await db.select().from(toolkitFrameworks).where(and(eq(toolkitFrameworks.datasetId, datasetId), eq(toolkitFrameworks.key, key))).limit(1);
      return row;
    },

    /** Every cell of a data set with its framework's key, in framework then action order. */
    async listCells(datasetId: string): Promise<Array<ToolkitCellRow & { frameworkKey: string }>> {
      const rows = await db
        .select({ cell: toolkitCells, frameworkKey: toolkitFrameworks.key })
        .from(toolkitCells)
        .innerJoin(toolkitFrameworks, eq(toolkitCells.frameworkId, toolkitFrameworks.id))
        .innerJoin(toolkitActions, eq(toolkitCells.actionCode, toolkitActions.code))
        .where(eq(toolkitFrameworks.datasetId, datasetId))
        .orderBy(asc(toolkitFrameworks.position), asc(toolkitActions.number));
      return rows.map((row) => ({ ...row.cell, frameworkKey: row.frameworkKey }));
    },

    /** Every cell's state without its text, for the matrix: the quotations are a few hundred kilobytes it does not show. */
    async listCellStatuses(datasetId: string): Promise<Array<{ frameworkKey: string; actionCode: string; status: string }>> {
      return db
        .select({ frameworkKey: toolkitFrameworks.key, actionCode: toolkitCells.actionCode, status: toolkitCells.status })
        .from(toolkitCells)
        .innerJoin(toolkitFrameworks, eq(toolkitCells.frameworkId, toolkitFrameworks.id))
        .where(eq(toolkitFrameworks.datasetId, datasetId));
    },

    async findCell(frameworkId: string, actionCode: string): Promise<ToolkitCellRow | undefined> {
      const [row] = await db.select().from(toolkitCells).where(and(eq(toolkitCells.frameworkId, frameworkId), eq(toolkitCells.actionCode, actionCode))).limit(1);
      return row;
    },
  };
}
