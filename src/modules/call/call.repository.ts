import { asc, eq, sql } from 'drizzle-orm';
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
    async listPrinciples() {
      return db.select().from(principles).orderBy(asc(principles.number));
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
