/** The SQL of the synthesis: the published practices of a set, with what a synthesis shows of each. No rules here. */
import { and, arrayContains, eq, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../app/database/database.js';
import { practices } from '../practices/practices.tables.js';

export interface SynthesisPracticeFilter {
  origin?: string | undefined;
  year?: number | undefined;
  principle?: number | undefined;
  norm?: string | undefined;
}

const columns = {
  id: practices.id,
  origin: practices.origin,
  sourceKey: practices.sourceKey,
  sourceRef: practices.sourceRef,
  supporterId: practices.supporterId,
  attribution: practices.attribution,
  category: practices.category,
  title: practices.title,
  description: practices.description,
  original: practices.original,
  kind: practices.kind,
  implementationStatus: practices.implementationStatus,
  year: practices.year,
  principles: practices.principles,
  norms: practices.norms,
  countries: practices.countries,
  publishedAt: practices.publishedAt,
};

export function createSynthesisRepository(db: Executor) {
  return {
    /** Published practices only: a draft or a withdrawn practice never reaches a synthesis. */
    async listPublished(filter: SynthesisPracticeFilter) {
      const conditions: SQL[] = [eq(practices.state, 'published')];
      if (filter.origin) conditions.push(eq(practices.origin, filter.origin));
      if (filter.year !== undefined) conditions.push(eq(practices.year, filter.year));
      if (filter.principle !== undefined) conditions.push(arrayContains(practices.principles, [filter.principle]));
      if (filter.norm) conditions.push(arrayContains(practices.norms, [filter.norm]));
      return db.select(columns).from(practices).where(and(...conditions));
    },
  };
}

export type SynthesisPracticeRow = Awaited<ReturnType<ReturnType<typeof createSynthesisRepository>['listPublished']>>[number];
