/** All SQL of the norms. No rules here. */
import { asc, count, eq } from 'drizzle-orm';
import type { Executor } from '../../app/database/database.js';
import type { ParsedNorm } from './norms.models.js';
import { norms, type NormText } from './norms.tables.js';

export type NormRow = typeof norms.$inferSelect;

export function createNormsRepository(db: Executor) {
  return {
    async count(): Promise<number> {
      const [row] = await db.select({ n: count() }).from(norms);
      return row?.n ?? 0;
    },

    async list(page?: { offset: number; limit: number }): Promise<NormRow[]> {
      const query = db.select().from(norms).orderBy(asc(norms.position));
      return page ? query.offset(page.offset).limit(page.limit) : query;
    },

    async findByCode(code: string): Promise<NormRow | undefined> {
      const [row] = await db.select().from(norms).where(eq(norms.code, code)).limit(1);
      return row;
    },

    /** Replaces a norm's text and where it comes from, naming who changed it (an import then leaves it alone). */
    async updateText(code: string, change: { text: NormText; sources: { en: string; fr?: string }; frWording: 'g7' | 'un' | null; editedBy: string }): Promise<boolean> {
      const rows = await db
        .update(norms)
        .set({ ...change, updatedAt: new Date() })
        .where(eq(norms.code, code))
        .returning({ code: norms.code });
      return rows.length === 1;
    },

    /** Inserts the norms not there yet; returns the codes inserted. A norm already there (perhaps edited) is left alone. */
    async insertMissing(parsed: ParsedNorm[]): Promise<string[]> {
      if (parsed.length === 0) return [];
      const rows = await db
        .insert(norms)
        .values(parsed.map((n) => ({ code: n.code, paragraph: n.paragraph, position: n.position, text: n.text, sources: n.sources, frWording: n.frWording })))
        .onConflictDoNothing({ target: norms.code })
        .returning({ code: norms.code });
      return rows.map((row) => row.code);
    },
  };
}
