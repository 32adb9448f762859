import { and, asc, desc, eq, inArray, isNull, like, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../app/database/database.js';
import { noCountry, type CategoryFacet, type SortOrder } from './supporters.constants.js';
import { queryTerms } from './supporters.models.js';
import type { SupporterFilters } from './supporters.schemas.js';
import {
  registryMilestones,
  supporters,
  type NewRegistryMilestoneRow,
  type NewSupporterRow,
  type RegistryMilestoneRow,
  type SupporterRow,
} from './supporters.tables.js';

/** One group of the registry by every facet dimension; the whole faceted search is computed from these. */
export interface FacetCombo {
  category: string | null;
  countryCode: string | null;
  natureKey: string | null;
  nature: string | null;
  joinedYear: number | null;
  verificationLevel: string;
  count: number;
}

const published = eq(supporters.status, 'published');

/** A published entry that may be the same organisation as someone else's name or website, with its name similarity. */
export interface SimilarSupporter {
  supporterId: string;
  slug: string;
  name: string;
  website: string | null;
  similarity: number;
}

const similarityTo = (folded: string) => sql<number>`similarity(${supporters.sortName}, ${folded})`;
const similarColumns = (similarity: SQL<number>) => ({
  supporterId: supporters.id,
  slug: supporters.slug,
  name: supporters.name,
  website: supporters.website,
  similarity,
});

/** LIKE patterns are built from folded terms, which hold only letters, digits and spaces: no escaping needed. */
function textCondition(q: string | undefined): SQL | undefined {
  const terms = queryTerms(q);
  if (terms.length === 0) return undefined;
  return and(...terms.map((term) => sql`${supporters.searchText} like ${`%${term}%`}`));
}

function categoryCondition(values: CategoryFacet[]): SQL | undefined {
  if (values.length === 0) return undefined;
  const named = values.filter((v) => v !== 'uncategorised');
  const parts = [named.length ? inArray(supporters.category, named) : undefined, values.includes('uncategorised') ? isNull(supporters.category) : undefined];
  return or(...parts.filter(Boolean));
}

function countryCondition(values: string[]): SQL | undefined {
  if (values.length === 0) return undefined;
  const codes = values.filter((v) => v !== noCountry);
  return or(codes.length ? inArray(supporters.countryCode, codes) : undefined, values.includes(noCountry) ? isNull(supporters.countryCode) : undefined);
}

function filterConditions(filters: SupporterFilters): SQL | undefined {
  return and(
    published,
    textCondition(filters.q),
    categoryCondition(filters.category),
    countryCondition(filters.country),
    filters.nature.length ? inArray(supporters.natureKey, filters.nature) : undefined,
    filters.year.length ? inArray(supporters.joinedYear, filters.year) : undefined,
    filters.verification.length ? inArray(supporters.verificationLevel, filters.verification) : undefined,
  );
}

function orderBy(sort: SortOrder, q: string | undefined): SQL[] {
  switch (sort) {
    case '-name':
      return [desc(supporters.sortName), desc(supporters.slug)];
    case 'joined':
      return [sql`${supporters.joinedOn} asc nulls last`, asc(supporters.sortName)];
    case '-joined':
      return [sql`${supporters.joinedOn} desc nulls last`, asc(supporters.sortName)];
    case 'country':
      return [sql`${supporters.countryCode} asc nulls last`, asc(supporters.sortName)];
    case 'relevance': {
      const first = queryTerms(q)[0];
      // Names that start with the first term come first, then names containing it as a word.
      return first
        ? [sql`(${supporters.sortName} like ${`${first}%`}) desc`, sql`(${supporters.sortName} like ${`% ${first}%`}) desc`, asc(supporters.sortName)]
        : [asc(supporters.sortName), asc(supporters.slug)];
    }
    default:
      return [asc(supporters.sortName), asc(supporters.slug)];
  }
}

/** All SQL of the registry. A factory over an executor so use cases can pass a transaction. */
export function createSupportersRepository(db: Executor) {
  return {
    /** Names by id, for other modules that show an organisation beside their own records. */
    async namesByIds(ids: readonly string[]): Promise<Map<string, string>> {
      if (!ids.length) return new Map();
      const rows = await db.select({ id: supporters.id, name: supporters.name }).from(supporters).where(inArray(supporters.id, [...ids]));
      return new Map(rows.map((r) => [r.id, r.name]));
    },
    /** Groups of published supporters matching the text query, by every facet dimension. */
    async facetCombos(q: string | undefined): Promise<FacetCombo[]> {
      return db
        .select({
          category: supporters.category,
          countryCode: supporters.countryCode,
          natureKey: supporters.natureKey,
          // One published spelling per sub-type key is enough for its label; grouping by spelling would multiply groups.
          nature: sql<string | null>`min(${supporters.nature})`,
          joinedYear: supporters.joinedYear,
          verificationLevel: supporters.verificationLevel,
          count: sql<number>`count(*)::int`,
        })
        .from(supporters)
        .where(and(published, textCondition(q)))
        .groupBy(supporters.category, supporters.countryCode, supporters.natureKey, supporters.joinedYear, supporters.verificationLevel);
    },

    async search(filters: SupporterFilters, limit: number, offset: number): Promise<SupporterRow[]> {
      const sort = filters.sort ?? (filters.q ? 'relevance' : 'name');
      return db
        .select()
        .from(supporters)
        .where(filterConditions(filters))
        .orderBy(...orderBy(sort, filters.q))
        .limit(limit)
        .offset(offset);
    },

    async count(filters: SupporterFilters): Promise<number> {
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(supporters).where(filterConditions(filters));
      return row?.n ?? 0;
    },

    async findPublishedBySlug(slug: string): Promise<SupporterRow | undefined> {
      const [row] = await db.select().from(supporters).where(and(eq(supporters.slug, slug), published)).limit(1);
      return row;
    },

    /** The public record of a withdrawn entry: its name and the day it left. */
    async findWithdrawnBySlug(slug: string): Promise<Pick<SupporterRow, 'name' | 'withdrawnOn'> | undefined> {
      const [row] = await db
        .select({ name: supporters.name, withdrawnOn: supporters.withdrawnOn })
        .from(supporters)
        .where(and(eq(supporters.slug, slug), eq(supporters.status, 'withdrawn')))
        .limit(1);
      return row;
    },

    /** Withdrawn entries, most recently withdrawn first: the public history (no reason, nothing personal). */
    async listWithdrawn(): Promise<Pick<SupporterRow, 'slug' | 'name' | 'category' | 'countryCode' | 'joinedOn' | 'withdrawnOn'>[]> {
      return db
        .select({
          slug: supporters.slug,
          name: supporters.name,
          category: supporters.category,
          countryCode: supporters.countryCode,
          joinedOn: supporters.joinedOn,
          withdrawnOn: supporters.withdrawnOn,
        })
        .from(supporters)
        .where(eq(supporters.status, 'withdrawn'))
        .orderBy(desc(supporters.withdrawnOn), supporters.sortName);
    },

    /**
     * Published entries whose folded name is at least `threshold` similar (pg_trgm) to `folded`, most similar first.
     * pg_trgm scores every published name; at a few thousand rows a scan is cheaper than keeping another index.
     */
    async findPublishedBySimilarName(folded: string, options: { threshold: number; limit: number; excludeId?: string | null }): Promise<SimilarSupporter[]> {
      const similarity = similarityTo(folded);
      return db
        .select(similarColumns(similarity))
        .from(supporters)
        .where(and(published, options.excludeId ? ne(supporters.id, options.excludeId) : undefined, sql`${similarity} >= ${options.threshold}`))
        .orderBy(desc(similarity), supporters.sortName)
        .limit(options.limit);
    },

    /**
     * Published entries whose website contains one of `spellings` (case-insensitive), ranked by name similarity to
     * `folded`: candidates only, the caller decides which really share a domain.
     */
    async findPublishedByWebsiteMention(spellings: string[], options: { folded: string; limit: number; excludeId?: string | null }): Promise<SimilarSupporter[]> {
      const similarity = similarityTo(options.folded);
      const mentions = or(...spellings.map((spelling) => sql`${supporters.website} ilike ${`%${spelling.replace(/[\\%_]/g, '\\$&')}%`}`));
      return db
        .select(similarColumns(similarity))
        .from(supporters)
        .where(and(published, options.excludeId ? ne(supporters.id, options.excludeId) : undefined, mentions))
        .orderBy(desc(similarity))
        .limit(options.limit);
    },

    async listAll(): Promise<Pick<SupporterRow, 'id' | 'slug' | 'sourceHash' | 'status' | 'withdrawnOn' | 'platformChange'>[]> {
      return db
        .select({ id: supporters.id, slug: supporters.slug, sourceHash: supporters.sourceHash, status: supporters.status, withdrawnOn: supporters.withdrawnOn, platformChange: supporters.platformChange })
        .from(supporters);
    },

    async insertMany(rows: NewSupporterRow[]): Promise<void> {
      // Batches keep each statement under PostgreSQL's 65,535 bind-parameter limit.
      for (let i = 0; i < rows.length; i += 500) await db.insert(supporters).values(rows.slice(i, i + 500));
    },

    async updateBySlug(slug: string, row: Partial<NewSupporterRow>): Promise<void> {
      await db.update(supporters).set(row).where(eq(supporters.slug, slug));
    },

    async countFirstSeenOn(date: string): Promise<number> {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(supporters)
        .where(and(published, eq(supporters.joinedOnSource, 'first-seen'), eq(supporters.joinedOn, date)));
      return row?.n ?? 0;
    },

    /** Published supporters grouped by month of joining and date origin, for the growth chart. */
    async joinedByMonth(): Promise<Array<{ month: string | null; source: string | null; count: number }>> {
      return db
        .select({
          month: sql<string | null>`to_char(${supporters.joinedOn}::date, 'YYYY-MM')`,
          source: supporters.joinedOnSource,
          count: sql<number>`count(*)::int`,
        })
        .from(supporters)
        .where(published)
        .groupBy(sql`1`, supporters.joinedOnSource)
        .orderBy(sql`1`);
    },

    /** Every entry, whatever its status: zero means the registry was never loaded. */
    async countAll(): Promise<number> {
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(supporters);
      return row?.n ?? 0;
    },

    async countMilestones(): Promise<number> {
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(registryMilestones);
      return row?.n ?? 0;
    },

    async insertMilestones(rows: NewRegistryMilestoneRow[]): Promise<void> {
      if (rows.length) await db.insert(registryMilestones).values(rows);
    },

    /** The dated counts of public statements, oldest first, for the growth chart. */
    async listMilestones(): Promise<RegistryMilestoneRow[]> {
      return db.select().from(registryMilestones).orderBy(asc(registryMilestones.on));
    },

    /** Slugs already taken that start with `base` (to make a new entry's slug unique). */
    async slugsStartingWith(base: string): Promise<string[]> {
      return (await db.select({ slug: supporters.slug }).from(supporters).where(like(supporters.slug, `${base}%`))).map((r) => r.slug);
    },

    async insertOne(row: NewSupporterRow): Promise<Pick<SupporterRow, 'id' | 'slug'>> {
      const [inserted] = await db.insert(supporters).values(row).returning({ id: supporters.id, slug: supporters.slug });
      if (!inserted) throw new Error('insert returned no row');
      return inserted;
    },

    /** An entry by id, whatever its status. */
    async findById(id: string): Promise<SupporterRow | undefined> {
      const [row] = await db.select().from(supporters).where(eq(supporters.id, id)).limit(1);
      return row;
    },

    /** An entry by its public slug, whatever its status. */
    async findBySlug(slug: string): Promise<SupporterRow | undefined> {
      const [row] = await db.select().from(supporters).where(eq(supporters.slug, slug)).limit(1);
      return row;
    },

    async findByIds(ids: string[]): Promise<SupporterRow[]> {
      if (ids.length === 0) return [];
      return db.select().from(supporters).where(inArray(supporters.id, ids));
    },

    /** Entries, any status, whose sort name contains every (folded) term. */
    async findByNameTerms(terms: string[], limit: number): Promise<SupporterRow[]> {
      return db
        .select()
        .from(supporters)
        .where(and(...terms.map((term) => like(supporters.sortName, `%${term}%`))))
        .orderBy(supporters.sortName)
        .limit(limit);
    },

    async updateById(id: string, row: Partial<NewSupporterRow>): Promise<void> {
      await db.update(supporters).set(row).where(eq(supporters.id, id));
    },

    /** Marks a published entry withdrawn on `on`; false when it was not published. */
    async withdrawPublished(id: string, on: string): Promise<boolean> {
      const updated = await db
        .update(supporters)
        .set({ status: 'withdrawn', withdrawnOn: on })
        .where(and(eq(supporters.id, id), published))
        .returning({ id: supporters.id });
      return updated.length > 0;
    },

    /** Holds the import lock until the transaction ends: two imports at once would race on the same slugs. */
    async lockForImport(): Promise<void> {
      await db.execute(sql`select pg_advisory_xact_lock(hashtext('supporters.import'))`);
    },

    /** Fresh planner statistics after a bulk change (PGlite has no autovacuum). */
    async analyze(): Promise<void> {
      await db.execute(sql`analyze supporters`);
    },

    /** Every published row in the official export order (name), optionally filtered. */
    async exportRows(filters: SupporterFilters): Promise<SupporterRow[]> {
      return db.select().from(supporters).where(filterConditions(filters)).orderBy(asc(supporters.sortName), asc(supporters.slug));
    },
  };
}

export type SupportersRepository = ReturnType<typeof createSupportersRepository>;
