import { and, asc, count, eq, isNotNull, like, sql } from 'drizzle-orm';
import type { Executor } from '../../app/database/database.js';
import { callDocuments, principles, type Localized } from './call.tables.js';

export function createCallRepository(db: Executor) {
  return {
    async documentsByKey(key: string) {
      return db.select().from(callDocuments).where(eq(callDocuments.key, key));
    },
    /** Documents and principles stored: zero for both means the Call was never loaded. */
    async countContent(): Promise<number> {
      const [row] = await db.select({ n: sql<number>`(select count(*) from ${callDocuments})::int + (select count(*) from ${principles})::int` }).from(sql`(select 1) as one`);
      return row?.n ?? 0;
    },
    async listPrinciples(page?: { offset: number; limit: number }) {
      const query = db.select().from(principles).orderBy(asc(principles.number));
      return page ? query.offset(page.offset).limit(page.limit) : query;
    },
    async countPrinciples(): Promise<number> {
      const [row] = await db.select({ n: count() }).from(principles);
      return row?.n ?? 0;
    },
    async findPrinciple(number: number) {
      const [row] = await db.select().from(principles).where(eq(principles.number, number)).limit(1);
      return row;
    },
    async updatePrincipleNames(number: number, names: { shortName: Localized; fullName: Localized }, editedBy: string): Promise<boolean> {
      const rows = await db.update(principles).set({ ...names, editedBy, updatedAt: new Date() }).where(eq(principles.number, number)).returning({ number: principles.number });
      return rows.length === 1;
    },
    /** The principles whose names the secretariat changed on the platform. */
    async editedPrincipleNumbers(): Promise<Set<number>> {
      const rows = await db.select({ number: principles.number }).from(principles).where(isNotNull(principles.editedBy));
      return new Set(rows.map((row) => row.number));
    },
    async upsertDocument(doc: { key: string; locale: string; markdown: string; source: string }) {
      await db
        .insert(callDocuments)
        .values(doc)
        .onConflictDoUpdate({ target: [callDocuments.key, callDocuments.locale], set: { markdown: doc.markdown, source: doc.source, updatedAt: new Date() } });
    },
    async upsertPrinciple(p: { number: number; shortName: Localized; fullName: Localized }) {
      await db
        .insert(principles)
        .values(p)
        .onConflictDoUpdate({ target: principles.number, set: { shortName: p.shortName, fullName: p.fullName, updatedAt: new Date() } });
    },
  };
}
