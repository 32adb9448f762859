/** All SQL of the practices written on the platform and their revisions. No rules here. */
import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../app/database/database.js';
import { practiceRevisions, practices } from './practices.tables.js';

export type PracticeRow = typeof practices.$inferSelect;
export type NewPracticeRow = typeof practices.$inferInsert;
export type RevisionRow = typeof practiceRevisions.$inferSelect;
export type NewRevisionRow = typeof practiceRevisions.$inferInsert;
export type QueueRow = { revision: RevisionRow; practice: PracticeRow };

export function createPracticesRepository(db: Executor) {
  return {
    async insertPractice(values: NewPracticeRow): Promise<PracticeRow> {
      const [row] = await db.insert(practices).values(values).returning();
      return row!;
    },

    async findPractice(id: string): Promise<PracticeRow | undefined> {
      const [row] = await db.select().from(practices).where(eq(practices.id, id)).limit(1);
      return row;
    },

    /** The practice, locked until the transaction ends: two writers of one practice take turns. */
    async lockPractice(id: string): Promise<PracticeRow | undefined> {
      const [row] = await db.select().from(practices).where(eq(practices.id, id)).for('update').limit(1);
      return row;
    },

    async updatePractice(id: string, set: Partial<NewPracticeRow>): Promise<void> {
      await db.update(practices).set({ ...set, updatedAt: new Date() }).where(eq(practices.id, id));
    },

    /** The practices of these organisations, most recently changed first. */
    async listBySupporters(supporterIds: string[]): Promise<PracticeRow[]> {
      if (supporterIds.length === 0) return [];
      return db.select().from(practices).where(inArray(practices.supporterId, supporterIds)).orderBy(desc(practices.updatedAt));
    },

    async listRevisions(practiceId: string): Promise<RevisionRow[]> {
      return db.select().from(practiceRevisions).where(eq(practiceRevisions.practiceId, practiceId)).orderBy(asc(practiceRevisions.number));
    },

    /** The revisions of several practices (for lists: their open revision's state). */
    async listRevisionsOf(practiceIds: string[]): Promise<RevisionRow[]> {
      if (practiceIds.length === 0) return [];
      return db.select().from(practiceRevisions).where(inArray(practiceRevisions.practiceId, practiceIds)).orderBy(asc(practiceRevisions.number));
    },

    /** The revisions in these states, oldest first. */
    async listRevisionsIn(practiceId: string, states: readonly string[]): Promise<RevisionRow[]> {
      return db
        .select()
        .from(practiceRevisions)
        .where(and(eq(practiceRevisions.practiceId, practiceId), inArray(practiceRevisions.state, [...states])))
        .orderBy(asc(practiceRevisions.number));
    },

    async insertRevision(values: NewRevisionRow): Promise<RevisionRow> {
      const [row] = await db.insert(practiceRevisions).values(values).returning();
      return row!;
    },

    /** Updates the revision if it is in one of `from` (when given); undefined when it is not (someone decided first). */
    async updateRevision(practiceId: string, number: number, set: Partial<NewRevisionRow>, from?: readonly string[]): Promise<RevisionRow | undefined> {
      const where = and(eq(practiceRevisions.practiceId, practiceId), eq(practiceRevisions.number, number), from ? inArray(practiceRevisions.state, [...from]) : undefined);
      const [row] = await db.update(practiceRevisions).set({ ...set, updatedAt: new Date() }).where(where).returning();
      return row;
    },

    /** Moves every revision of the practice in one of `from` to `to` (a withdrawal takes them out of the queue). */
    async moveRevisions(practiceId: string, from: readonly string[], to: string): Promise<number[]> {
      const rows = await db
        .update(practiceRevisions)
        .set({ state: to, updatedAt: new Date() })
        .where(and(eq(practiceRevisions.practiceId, practiceId), inArray(practiceRevisions.state, [...from])))
        .returning({ number: practiceRevisions.number });
      return rows.map((row) => row.number);
    },

    /** The moderation queue: submitted revisions with their practice, the longest waiting first. */
    async listSubmitted(): Promise<QueueRow[]> {
      return db
        .select({ revision: practiceRevisions, practice: practices })
        .from(practiceRevisions)
        .innerJoin(practices, eq(practices.id, practiceRevisions.practiceId))
        .where(eq(practiceRevisions.state, 'submitted'))
        .orderBy(asc(practiceRevisions.submittedAt), asc(practiceRevisions.practiceId));
    },

    async countSubmitted(): Promise<number> {
      const [row] = await db.select({ n: count() }).from(practiceRevisions).where(eq(practiceRevisions.state, 'submitted'));
      return row?.n ?? 0;
    },
  };
}
