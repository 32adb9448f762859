/**
 * The SQL behind the practices listed on principle, norm and supporter pages: published practices only (a draft or a
 * withdrawn practice is never read here), public columns only. No rules here.
 */
import { and, arrayContains, count, desc, asc, eq, ne, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../app/database/database.js';
import { practices, type Localized } from '../practices/practices.tables.js';

/** Whose practices: those linked to a principle, to a norm, or of one supporter. */
export type PracticeFilter = { principle: number } | { norm: string } | { supporterId: string };

/** Case studies (the principles' case studies from the official site) apart from every other practice. */
export type PracticeGroup = 'case-studies' | 'practices';

export interface ListedPractice {
  id: string;
  title: Localized | null;
  attribution: Localized | null;
  supporterId: string | null;
  year: number | null;
}

export interface PracticeBacker {
  supporterId: string | null;
  attribution: Localized | null;
  practices: number;
}

function where(filter: PracticeFilter, group?: PracticeGroup): SQL {
  const subject =
    'principle' in filter
      ? arrayContains(practices.principles, [filter.principle])
      : 'norm' in filter
        ? arrayContains(practices.norms, [filter.norm])
        : eq(practices.supporterId, filter.supporterId);
  const origin = group === undefined ? undefined : group === 'case-studies' ? eq(practices.origin, 'case-study') : ne(practices.origin, 'case-study');
  return and(eq(practices.state, 'published'), subject, origin)!;
}

export function createContributionsRepository(db: Executor) {
  return {
    /** The newest published first; imported ones (published together) in their source's order. */
    async listPublished(filter: PracticeFilter, group: PracticeGroup, limit: number): Promise<ListedPractice[]> {
      return db
        .select({ id: practices.id, title: practices.title, attribution: practices.attribution, supporterId: practices.supporterId, year: practices.year })
        .from(practices)
        .where(where(filter, group))
        .orderBy(desc(practices.publishedAt), asc(practices.sourceKey), asc(practices.id))
        .limit(limit);
    },

    async countPublished(filter: PracticeFilter, group: PracticeGroup): Promise<number> {
      const [row] = await db.select({ n: count() }).from(practices).where(where(filter, group));
      return row?.n ?? 0;
    },

    /** Who is behind the published practices: one row per registry entry, or per name when there is none. */
    async backers(filter: PracticeFilter): Promise<PracticeBacker[]> {
      return db
        .select({ supporterId: practices.supporterId, attribution: sql<Localized | null>`(array_agg(${practices.attribution}))[1]`, practices: count() })
        .from(practices)
        .where(where(filter))
        .groupBy(practices.supporterId, sql`case when ${practices.supporterId} is null then ${practices.attribution} end`);
    },
  };
}
