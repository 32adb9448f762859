/** The SQL of the practice imports: imported practices by source key, and their first or next published revision. No rules here. */
import { and, count, eq, inArray, max } from 'drizzle-orm';
import type { Executor } from '../../../app/database/database.js';
import { practiceRevisions, practices, type Localized, type PracticeContent, type PracticeSourceRef } from '../practices/practices.tables.js';

export type PracticeRow = typeof practices.$inferSelect;

/** What an import writes on the practice row besides its content. */
export interface ImportedFields {
  origin: string;
  sourceKey: string;
  sourceRef: PracticeSourceRef;
  supporterId: string | null;
  attribution: Localized;
  category: string | null;
  searchText: string;
}

/** The practice row's copy of a published content (the columns public reads and search use). */
const contentColumns = (content: PracticeContent) => ({
  title: content.title,
  description: content.description,
  original: content.original,
  kind: content.kind,
  implementationStatus: content.implementationStatus,
  startedOn: content.startedOn,
  endedOn: content.endedOn,
  year: content.year,
  principles: content.principles,
  norms: content.norms,
  sectors: content.sectors,
  countries: content.countries,
  links: content.links,
  attachments: content.attachments,
});

export function createImportsRepository(db: Executor) {
  return {
    async countAll(): Promise<number> {
      const [row] = await db.select({ n: count() }).from(practices);
      return row?.n ?? 0;
    },

    async findBySourceKeys(keys: string[]): Promise<PracticeRow[]> {
      if (keys.length === 0) return [];
      return db.select().from(practices).where(inArray(practices.sourceKey, keys));
    },

    /** A new practice, published at once as its revision 1. Returns its id. */
    async insertPublished(fields: ImportedFields, content: PracticeContent, actor: string, at: Date): Promise<string> {
      const [row] = await db
        .insert(practices)
        .values({ ...fields, ...contentColumns(content), state: 'published', publishedRevision: 1, publishedAt: at, createdBy: actor })
        .returning({ id: practices.id });
      await db.insert(practiceRevisions).values({ practiceId: row!.id, number: 1, content, state: 'published', authoredBy: actor, submittedAt: at, decidedAt: at, decidedBy: actor });
      return row!.id;
    },

    /** The source changed a practice nobody edited on the platform: its next revision is published, the previous one superseded. */
    async publishNextRevision(practiceId: string, fields: ImportedFields, content: PracticeContent, actor: string, at: Date): Promise<number> {
      const [last] = await db.select({ n: max(practiceRevisions.number) }).from(practiceRevisions).where(eq(practiceRevisions.practiceId, practiceId));
      const number = (last?.n ?? 0) + 1;
      await db
        .update(practiceRevisions)
        .set({ state: 'superseded' })
        .where(and(eq(practiceRevisions.practiceId, practiceId), eq(practiceRevisions.state, 'published')));
      await db.insert(practiceRevisions).values({ practiceId, number, content, state: 'published', authoredBy: actor, submittedAt: at, decidedAt: at, decidedBy: actor });
      await db
        .update(practices)
        .set({ ...fields, ...contentColumns(content), publishedRevision: number, publishedAt: at })
        .where(eq(practices.id, practiceId));
      return number;
    },

    /** Only the row's own fields changed (a registry entry now linked, say): the content and its revision stay. */
    async updateFields(practiceId: string, fields: ImportedFields): Promise<void> {
      await db.update(practices).set(fields).where(eq(practices.id, practiceId));
    },
  };
}
