/** All SQL of the crosswalk (`principle_norm_links`). No rules here. */
import { and, asc, count, eq, isNull } from 'drizzle-orm';
import { auditLog } from '../../../app/audit/audit.tables.js';
import type { Executor } from '../../../app/database/database.js';
import { principleNormLinks, type NormText } from '../norms.tables.js';
import type { CrosswalkLink, LinkSource } from './crosswalk.models.js';

const columns = {
  principleNumber: principleNormLinks.principleNumber,
  normCode: principleNormLinks.normCode,
  rationale: principleNormLinks.rationale,
  source: principleNormLinks.source,
  editedBy: principleNormLinks.editedBy,
  updatedAt: principleNormLinks.updatedAt,
};
const order = [asc(principleNormLinks.principleNumber), asc(principleNormLinks.normCode)];
const byKey = (principleNumber: number, normCode: string) => and(eq(principleNormLinks.principleNumber, principleNumber), eq(principleNormLinks.normCode, normCode));

export function createCrosswalkRepository(db: Executor) {
  return {
    async count(): Promise<number> {
      const [row] = await db.select({ n: count() }).from(principleNormLinks);
      return row?.n ?? 0;
    },

    /** Whether the crosswalk was ever imported: its import's audit entry, which outlives the links themselves. */
    async wasImported(action: string): Promise<boolean> {
      const [row] = await db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.action, action)).limit(1);
      return row !== undefined;
    },

    async list(page?: { offset: number; limit: number }): Promise<CrosswalkLink[]> {
      const query = db.select(columns).from(principleNormLinks).orderBy(...order);
      return page ? query.offset(page.offset).limit(page.limit) : query;
    },

    async listForPrinciple(principleNumber: number): Promise<CrosswalkLink[]> {
      return db.select(columns).from(principleNormLinks).where(eq(principleNormLinks.principleNumber, principleNumber)).orderBy(...order);
    },

    async listForNorm(normCode: string): Promise<CrosswalkLink[]> {
      return db.select(columns).from(principleNormLinks).where(eq(principleNormLinks.normCode, normCode)).orderBy(...order);
    },

    async find(principleNumber: number, normCode: string): Promise<CrosswalkLink | undefined> {
      const [row] = await db.select(columns).from(principleNormLinks).where(byKey(principleNumber, normCode)).limit(1);
      return row;
    },

    /** Inserts a link; false when the pair is already linked (nothing written). */
    async insert(link: { principleNumber: number; normCode: string; rationale: NormText; source: LinkSource | null; editedBy: string | null }): Promise<boolean> {
      const rows = await db.insert(principleNormLinks).values(link).onConflictDoNothing().returning({ n: principleNormLinks.principleNumber });
      return rows.length === 1;
    },

    /** Replaces an imported link that nobody edited (`edited_by` null); false when it was edited meanwhile. */
    async updateImported(link: { principleNumber: number; normCode: string; rationale: NormText; source: LinkSource }): Promise<boolean> {
      const rows = await db
        .update(principleNormLinks)
        .set({ rationale: link.rationale, source: link.source, updatedAt: new Date() })
        .where(and(byKey(link.principleNumber, link.normCode), isNull(principleNormLinks.editedBy)))
        .returning({ n: principleNormLinks.principleNumber });
      return rows.length === 1;
    },

    async updateRationale(principleNumber: number, normCode: string, rationale: NormText, editedBy: string): Promise<boolean> {
      const rows = await db
        .update(principleNormLinks)
        .set({ rationale, editedBy, updatedAt: new Date() })
        .where(byKey(principleNumber, normCode))
        .returning({ n: principleNormLinks.principleNumber });
      return rows.length === 1;
    },

    async delete(principleNumber: number, normCode: string): Promise<boolean> {
      const rows = await db.delete(principleNormLinks).where(byKey(principleNumber, normCode)).returning({ n: principleNormLinks.principleNumber });
      return rows.length === 1;
    },
  };
}
