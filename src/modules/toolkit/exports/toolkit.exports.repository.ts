/** All SQL of the toolkit's exports and read API: data sets with their figures, and cells filtered and paged. No rules. */
import { and, asc, count, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../app/database/database.js';
import type { CellStatus, FrameworkCategory, PrincipleKey, RecipientKind } from '../toolkit.constants.js';
import { toolkitActions, toolkitCells, toolkitDatasets, toolkitFrameworks } from '../toolkit.tables.js';

export type ExportDatasetRow = typeof toolkitDatasets.$inferSelect;
export type ExportFrameworkRow = typeof toolkitFrameworks.$inferSelect;
export type ExportActionRow = typeof toolkitActions.$inferSelect;

/** A cell with what the views show beside it: its framework's key, name and category, its action's principle. */
export interface ExportCellRow {
  frameworkKey: string;
  frameworkName: string;
  category: string;
  action: string;
  principle: string;
  status: string;
  quotation: string | null;
  locator: string | null;
  sourceCell: string;
  mergedRange: string | null;
}

/** What a list of cells may be narrowed to; each list is an OR, the lists combine with AND, an empty list filters nothing. */
export interface CellFilters {
  framework: string[];
  action: string[];
  status: CellStatus[];
  category: FrameworkCategory[];
  principle: PrincipleKey[];
  recipient: RecipientKind[];
}

export function createToolkitExportsRepository(db: Executor) {
  const where = (datasetId: string, filters: CellFilters): SQL | undefined =>
    and(
      eq(toolkitFrameworks.datasetId, datasetId),
      filters.framework.length ? inArray(toolkitFrameworks.key, filters.framework) : undefined,
      filters.action.length ? inArray(toolkitCells.actionCode, filters.action) : undefined,
      filters.status.length ? inArray(toolkitCells.status, filters.status) : undefined,
      filters.category.length ? inArray(toolkitFrameworks.category, filters.category) : undefined,
      filters.principle.length ? inArray(toolkitActions.principle, filters.principle) : undefined,
      // `recipients` is `{ states: { marked, … }, … }`: a framework is for a recipient when that kind is marked.
      filters.recipient.length ? or(...filters.recipient.map((kind) => sql`(${toolkitFrameworks.recipients} -> ${kind} ->> 'marked') = 'true'`)) : undefined,
    );

  return {
    async findDataset(key: string): Promise<ExportDatasetRow | undefined> {
      const [row] = await db.select().from(toolkitDatasets).where(eq(toolkitDatasets.key, key)).limit(1);
      return row;
    },

    /** Every layer, oldest first, with how many frameworks and cells it holds. */
    async listDatasets(): Promise<Array<ExportDatasetRow & { frameworks: number; cells: number }>> {
      const frameworks = db
        .select({ datasetId: toolkitFrameworks.datasetId, frameworks: count().as('frameworks') })
        .from(toolkitFrameworks)
        .groupBy(toolkitFrameworks.datasetId)
        .as('f');
      const cells = db
        .select({ datasetId: toolkitFrameworks.datasetId, cells: count().as('cells') })
        .from(toolkitCells)
        .innerJoin(toolkitFrameworks, eq(toolkitCells.frameworkId, toolkitFrameworks.id))
        .groupBy(toolkitFrameworks.datasetId)
        .as('c');
      const rows = await db
        .select({ dataset: toolkitDatasets, frameworks: frameworks.frameworks, cells: cells.cells })
        .from(toolkitDatasets)
        .leftJoin(frameworks, eq(frameworks.datasetId, toolkitDatasets.id))
        .leftJoin(cells, eq(cells.datasetId, toolkitDatasets.id))
        .orderBy(asc(toolkitDatasets.createdAt), asc(toolkitDatasets.key));
      return rows.map((row) => ({ ...row.dataset, frameworks: Number(row.frameworks ?? 0), cells: Number(row.cells ?? 0) }));
    },

    async listFrameworks(datasetId: string): Promise<ExportFrameworkRow[]> {
      return db.select().from(toolkitFrameworks).where(eq(toolkitFrameworks.datasetId, datasetId)).orderBy(asc(toolkitFrameworks.position));
    },

    async listActions(): Promise<ExportActionRow[]> {
      return db.select().from(toolkitActions).orderBy(asc(toolkitActions.number));
    },

    async countCells(datasetId: string, filters: CellFilters): Promise<number> {
      const [row] = await db
        .select({ n: count() })
        .from(toolkitCells)
        .innerJoin(toolkitFrameworks, eq(toolkitCells.frameworkId, toolkitFrameworks.id))
        .innerJoin(toolkitActions, eq(toolkitCells.actionCode, toolkitActions.code))
        .where(where(datasetId, filters));
      return row?.n ?? 0;
    },

    /** The cells matching the filters, in workbook order (framework, then action); all of them without `page`. */
    async listCells(datasetId: string, filters: CellFilters, page?: { offset: number; limit: number }): Promise<ExportCellRow[]> {
      const query = db
        .select({
          frameworkKey: toolkitFrameworks.key,
          frameworkName: toolkitFrameworks.name,
          category: toolkitFrameworks.category,
          action: toolkitCells.actionCode,
          principle: toolkitActions.principle,
          status: toolkitCells.status,
          quotation: toolkitCells.quotation,
          locator: toolkitCells.locator,
          sourceCell: toolkitCells.sourceCell,
          mergedRange: toolkitCells.mergedRange,
        })
        .from(toolkitCells)
        .innerJoin(toolkitFrameworks, eq(toolkitCells.frameworkId, toolkitFrameworks.id))
        .innerJoin(toolkitActions, eq(toolkitCells.actionCode, toolkitActions.code))
        .where(where(datasetId, filters))
        .orderBy(asc(toolkitFrameworks.position), asc(toolkitActions.number));
      return page ? query.offset(page.offset).limit(page.limit) : query;
    },
  };
}
