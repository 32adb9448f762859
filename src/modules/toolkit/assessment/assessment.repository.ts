/** All SQL of the self-assessment: the toolkit data a report reads, and the assessments kept behind private links. */
import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../../app/database/database.js';
import { toolkitActions, toolkitCells, toolkitDatasets, toolkitFrameworks, toolkitSavedAssessments } from '../toolkit.tables.js';

export type SavedAssessmentRow = typeof toolkitSavedAssessments.$inferSelect;

export function createAssessmentRepository(db: Executor) {
  return {
    async listActions() {
      return db.select({ code: toolkitActions.code, number: toolkitActions.number, principle: toolkitActions.principle, title: toolkitActions.title }).from(toolkitActions).orderBy(asc(toolkitActions.number));
    },

    /** The data set's frameworks in workbook order (name, position, recipients). */
    async listFrameworks(datasetKey: string) {
      return db
        .select({ key: toolkitFrameworks.key, name: toolkitFrameworks.name, category: toolkitFrameworks.category, position: toolkitFrameworks.position, recipients: toolkitFrameworks.recipients })
        .from(toolkitFrameworks)
        .innerJoin(toolkitDatasets, eq(toolkitFrameworks.datasetId, toolkitDatasets.id))
        .where(eq(toolkitDatasets.key, datasetKey))
        .orderBy(asc(toolkitFrameworks.position));
    },

    /** The data set's quoted pairs with the provision each cites. */
    async listQuotedCells(datasetKey: string) {
      return db
        .select({ frameworkKey: toolkitFrameworks.key, actionCode: toolkitCells.actionCode, locator: toolkitCells.locator })
        .from(toolkitCells)
        .innerJoin(toolkitFrameworks, eq(toolkitCells.frameworkId, toolkitFrameworks.id))
        .innerJoin(toolkitDatasets, eq(toolkitFrameworks.datasetId, toolkitDatasets.id))
        .where(and(eq(toolkitDatasets.key, datasetKey), eq(toolkitCells.status, 'quoted')));
    },

    async insertSaved(row: { lookup: string; sealed: string }): Promise<SavedAssessmentRow> {
      const [inserted] = await db.insert(toolkitSavedAssessments).values(row).returning();
      return inserted!;
    },

    async findSaved(lookup: string): Promise<SavedAssessmentRow | undefined> {
      const [row] = await db.select().from(toolkitSavedAssessments).where(eq(toolkitSavedAssessments.lookup, lookup)).limit(1);
      return row;
    },

    /** Locks the row for a new version (two tabs saving at once keep both versions, one after the other). */
    async lockSaved(lookup: string): Promise<SavedAssessmentRow | undefined> {
      const [row] = await db.select().from(toolkitSavedAssessments).where(eq(toolkitSavedAssessments.lookup, lookup)).for('update').limit(1);
      return row;
    },

    async updateSealed(lookup: string, sealed: string): Promise<void> {
      await db.update(toolkitSavedAssessments).set({ sealed, updatedAt: new Date() }).where(eq(toolkitSavedAssessments.lookup, lookup));
    },

    /** Deletes the row; true when there was one. */
    async deleteSaved(lookup: string): Promise<boolean> {
      const deleted = await db.delete(toolkitSavedAssessments).where(eq(toolkitSavedAssessments.lookup, lookup)).returning({ id: toolkitSavedAssessments.id });
      return deleted.length > 0;
    },
  };
}
