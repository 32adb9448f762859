import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../../app/database/database.js';
import { callDocuments, principles, type Localized } from './call.tables.js';

export function createCallRepository(db: Executor) {
  return {
    async documentsByKey(key: string) {
      return db.select().from(callDocuments).where(eq(callDocuments.key, key));
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
