/** All SQL of curated layers: layers, the frameworks they add, cell corrections and proposals. No rules here. */
import { and, asc, count, desc, eq, inArray, max, sql } from 'drizzle-orm';
import { auditLog } from '../../../app/audit/audit.tables.js';
import type { Executor } from '../../../app/database/database.js';
import { toolkitActions, toolkitCellCorrections, toolkitCells, toolkitDatasets, toolkitFrameworks, toolkitProposals } from '../toolkit.tables.js';

export type LayerRow = typeof toolkitDatasets.$inferSelect;
export type LayerFrameworkRow = typeof toolkitFrameworks.$inferSelect;
export type LayerCellRow = typeof toolkitCells.$inferSelect;
export type CorrectionRow = typeof toolkitCellCorrections.$inferSelect;
export type ProposalRow = typeof toolkitProposals.$inferSelect;
export type NewFrameworkRow = typeof toolkitFrameworks.$inferInsert;
export type NewCellRow = Omit<typeof toolkitCells.$inferInsert, 'frameworkId'>;

/** A correction with the framework it corrects (and that framework's layer) and the cell as that layer states it. */
export interface CorrectionWithTarget {
  correction: CorrectionRow;
  layerKey: string;
  framework: LayerFrameworkRow;
  frameworkLayerKey: string;
  actionNumber: number;
  before: LayerCellRow | null;
}

export function createLayersRepository(db: Executor) {
  return {
    async findLayer(key: string): Promise<LayerRow | undefined> {
      const [row] = await db.select().from(toolkitDatasets).where(eq(toolkitDatasets.key, key)).limit(1);
      return row;
    },

    /** The layer, locked until the transaction ends: numbering its frameworks and writing in it happen one at a time. */
    async lockLayer(id: string): Promise<void> {
      await db.select({ id: toolkitDatasets.id }).from(toolkitDatasets).where(eq(toolkitDatasets.id, id)).for('update');
    },

    async findLayerById(id: string): Promise<LayerRow | undefined> {
      const [row] = await db.select().from(toolkitDatasets).where(eq(toolkitDatasets.id, id)).limit(1);
      return row;
    },

    /** Every layer, published first then oldest first, with how many frameworks it lists and cells it corrects. */
    async listLayers(): Promise<Array<LayerRow & { frameworks: number; corrections: number }>> {
      const frameworks = db.select({ datasetId: toolkitFrameworks.datasetId, n: count().as('frameworks') }).from(toolkitFrameworks).groupBy(toolkitFrameworks.datasetId).as('f');
      const corrections = db
        .select({ datasetId: toolkitCellCorrections.datasetId, n: count().as('corrections') })
        .from(toolkitCellCorrections)
        .groupBy(toolkitCellCorrections.datasetId)
        .as('c');
      const rows = await db
        .select({ layer: toolkitDatasets, frameworks: frameworks.n, corrections: corrections.n })
        .from(toolkitDatasets)
        .leftJoin(frameworks, eq(frameworks.datasetId, toolkitDatasets.id))
        .leftJoin(corrections, eq(corrections.datasetId, toolkitDatasets.id))
        .orderBy(desc(toolkitDatasets.immutable), asc(toolkitDatasets.createdAt), asc(toolkitDatasets.key));
      return rows.map((row) => ({ ...row.layer, frameworks: Number(row.frameworks ?? 0), corrections: Number(row.corrections ?? 0) }));
    },

    async insertLayer(row: Pick<typeof toolkitDatasets.$inferInsert, 'key' | 'name' | 'description' | 'version' | 'source' | 'sourceSha256' | 'createdBy'>): Promise<LayerRow | undefined> {
      const [inserted] = await db
        .insert(toolkitDatasets)
        .values({ ...row, immutable: false })
        .onConflictDoNothing({ target: toolkitDatasets.key })
        .returning();
      return inserted;
    },

    async nextFrameworkPosition(datasetId: string): Promise<number> {
      const [row] = await db.select({ last: max(toolkitFrameworks.position) }).from(toolkitFrameworks).where(eq(toolkitFrameworks.datasetId, datasetId));
      return (row?.last ?? 0) + 1;
    },

    async insertFramework(row: NewFrameworkRow): Promise<LayerFrameworkRow> {
      const [inserted] = await db.insert(toolkitFrameworks).values(row).returning();
      return inserted!;
    },

    async updateFramework(id: string, fields: Pick<NewFrameworkRow, 'name' | 'category' | 'documentType' | 'recipients' | 'resources'>): Promise<void> {
      await db.update(toolkitFrameworks).set(fields).where(eq(toolkitFrameworks.id, id));
    },

    /** Replaces a framework's cells with the given ones (an edit states the whole review again). */
    async replaceCells(frameworkId: string, cells: NewCellRow[]): Promise<void> {
      await db.delete(toolkitCells).where(eq(toolkitCells.frameworkId, frameworkId));
      if (cells.length > 0) await db.insert(toolkitCells).values(cells.map((cell) => ({ ...cell, frameworkId })));
    },

    async findFramework(datasetId: string, key: string): Promise<LayerFrameworkRow | undefined> {
      const [row] = await db.select().from(toolkitFrameworks).where(and(eq(toolkitFrameworks.datasetId, datasetId), eq(toolkitFrameworks.key, key))).limit(1);
      return row;
    },

    async listFrameworks(datasetId: string): Promise<LayerFrameworkRow[]> {
      return db.select().from(toolkitFrameworks).where(eq(toolkitFrameworks.datasetId, datasetId)).orderBy(asc(toolkitFrameworks.position));
    },

    /** The cells of the given frameworks, in action order. */
    async listCells(frameworkIds: string[]): Promise<LayerCellRow[]> {
      if (frameworkIds.length === 0) return [];
      const rows = await db
        .select({ cell: toolkitCells })
        .from(toolkitCells)
        .innerJoin(toolkitActions, eq(toolkitActions.code, toolkitCells.actionCode))
        .where(inArray(toolkitCells.frameworkId, frameworkIds))
        .orderBy(asc(toolkitCells.frameworkId), asc(toolkitActions.number));
      return rows.map((row) => row.cell);
    },

    async findCell(frameworkId: string, actionCode: string): Promise<LayerCellRow | undefined> {
      const [row] = await db.select().from(toolkitCells).where(and(eq(toolkitCells.frameworkId, frameworkId), eq(toolkitCells.actionCode, actionCode))).limit(1);
      return row;
    },

    async actionCodes(): Promise<string[]> {
      const rows = await db.select({ code: toolkitActions.code }).from(toolkitActions).orderBy(asc(toolkitActions.number));
      return rows.map((row) => row.code);
    },

    async listActions(): Promise<Array<{ code: string; title: string }>> {
      return db.select({ code: toolkitActions.code, title: toolkitActions.title }).from(toolkitActions).orderBy(asc(toolkitActions.number));
    },

    async findCorrection(datasetId: string, frameworkId: string, actionCode: string): Promise<CorrectionRow | undefined> {
      const [row] = await db
        .select()
        .from(toolkitCellCorrections)
        .where(and(eq(toolkitCellCorrections.datasetId, datasetId), eq(toolkitCellCorrections.frameworkId, frameworkId), eq(toolkitCellCorrections.actionCode, actionCode)))
        .limit(1);
      return row;
    },

    /** Writes the layer's correction of a cell, replacing the layer's earlier correction of the same cell. */
    async upsertCorrection(row: Omit<typeof toolkitCellCorrections.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>): Promise<CorrectionRow> {
      const { datasetId: _d, frameworkId: _f, actionCode: _a, ...changes } = row;
      const [written] = await db
        .insert(toolkitCellCorrections)
        .values(row)
        .onConflictDoUpdate({
          target: [toolkitCellCorrections.datasetId, toolkitCellCorrections.frameworkId, toolkitCellCorrections.actionCode],
          set: { ...changes, updatedAt: sql`now()` },
        })
        .returning();
      return written!;
    },

    /** The corrections a layer makes (or, with `cell`, every layer's corrections of one cell), with their targets. */
    async listCorrections(filter: { datasetId: string } | { frameworkId: string; actionCode: string }): Promise<CorrectionWithTarget[]> {
      const where =
        'datasetId' in filter
          ? eq(toolkitCellCorrections.datasetId, filter.datasetId)
          : and(eq(toolkitCellCorrections.frameworkId, filter.frameworkId), eq(toolkitCellCorrections.actionCode, filter.actionCode));
      const frameworkLayer = db.select({ id: toolkitDatasets.id, key: toolkitDatasets.key }).from(toolkitDatasets).as('framework_layer');
      const rows = await db
        .select({
          correction: toolkitCellCorrections,
          layerKey: toolkitDatasets.key,
          framework: toolkitFrameworks,
          frameworkLayerKey: frameworkLayer.key,
          actionNumber: toolkitActions.number,
          before: toolkitCells,
        })
        .from(toolkitCellCorrections)
        .innerJoin(toolkitDatasets, eq(toolkitDatasets.id, toolkitCellCorrections.datasetId))
        .innerJoin(toolkitFrameworks, eq(toolkitFrameworks.id, toolkitCellCorrections.frameworkId))
        .innerJoin(frameworkLayer, eq(frameworkLayer.id, toolkitFrameworks.datasetId))
        .innerJoin(toolkitActions, eq(toolkitActions.code, toolkitCellCorrections.actionCode))
        .leftJoin(toolkitCells, and(eq(toolkitCells.frameworkId, toolkitCellCorrections.frameworkId), eq(toolkitCells.actionCode, toolkitCellCorrections.actionCode)))
        .where(where)
        .orderBy(asc(frameworkLayer.key), asc(toolkitFrameworks.position), asc(toolkitActions.number), asc(toolkitDatasets.createdAt));
      return rows;
    },

    async insertProposal(row: Pick<typeof toolkitProposals.$inferInsert, 'datasetId' | 'kind' | 'payload' | 'proposedBy' | 'supporterId'>): Promise<ProposalRow> {
      const [inserted] = await db.insert(toolkitProposals).values(row).returning();
      return inserted!;
    },

    async findProposal(id: string): Promise<ProposalRow | undefined> {
      const [row] = await db.select().from(toolkitProposals).where(eq(toolkitProposals.id, id)).limit(1);
      return row;
    },

    /** Records the decision if the proposal is still pending; undefined when another decision came first. */
    async decideProposal(id: string, decision: { status: 'accepted' | 'rejected'; decidedBy: string; note: string | null }): Promise<ProposalRow | undefined> {
      const [row] = await db
        .update(toolkitProposals)
        .set({ status: decision.status, decidedBy: decision.decidedBy, decidedAt: sql`now()`, decisionNote: decision.note })
        .where(and(eq(toolkitProposals.id, id), eq(toolkitProposals.status, 'pending')))
        .returning();
      return row;
    },

    /** Proposals with their layer's key: by status (the queue, oldest first) or by proposer (newest first). */
    async listProposals(filter: { status: string } | { proposedBy: string }): Promise<Array<ProposalRow & { layerKey: string; layerName: string }>> {
      const rows = await db
        .select({ proposal: toolkitProposals, layerKey: toolkitDatasets.key, layerName: toolkitDatasets.name })
        .from(toolkitProposals)
        .innerJoin(toolkitDatasets, eq(toolkitDatasets.id, toolkitProposals.datasetId))
        .where('status' in filter ? eq(toolkitProposals.status, filter.status) : eq(toolkitProposals.proposedBy, filter.proposedBy))
        .orderBy('status' in filter ? asc(toolkitProposals.createdAt) : desc(toolkitProposals.createdAt))
        .limit(500);
      return rows.map((row) => ({ ...row.proposal, layerKey: row.layerKey, layerName: row.layerName }));
    },

    async countPendingProposals(): Promise<number> {
      const [row] = await db.select({ n: count() }).from(toolkitProposals).where(eq(toolkitProposals.status, 'pending'));
      return row?.n ?? 0;
    },

    /**
     * Who wrote each framework a curated layer added: the frameworks table keeps no author, the audit entry of the
     * addition names it (`details.author`: the proposer when a proposal was accepted).
     */
    async frameworkAuthors(frameworkIds: string[]): Promise<Map<string, string>> {
      if (frameworkIds.length === 0) return new Map();
      const rows = await db
        .select({ subject: auditLog.subject, actor: auditLog.actor, details: auditLog.details })
        .from(auditLog)
        .where(and(eq(auditLog.action, 'toolkit.layer.add-framework'), inArray(auditLog.subject, frameworkIds)));
      return new Map(rows.map((row) => [row.subject!, typeof row.details.author === 'string' ? row.details.author : row.actor]));
    },

    /** For each proposer (`user:…`), the supporter named by their latest accepted proposal: how a page credits them. */
    async supportersOfProposers(refs: string[]): Promise<Map<string, string>> {
      if (refs.length === 0) return new Map();
      const rows = await db
        .select({ proposedBy: toolkitProposals.proposedBy, supporterId: toolkitProposals.supporterId })
        .from(toolkitProposals)
        .where(and(inArray(toolkitProposals.proposedBy, refs), eq(toolkitProposals.status, 'accepted')))
        .orderBy(asc(toolkitProposals.decidedAt));
      return new Map(rows.map((row) => [row.proposedBy, row.supporterId]));
    },
  };
}

export type LayersRepository = ReturnType<typeof createLayersRepository>;
