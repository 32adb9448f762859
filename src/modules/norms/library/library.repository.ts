/**
 * All SQL of the practice library: public reads of published practices only. A factory over an executor, like every
 * repository. Text search is one `like` per folded term on `search_text`, which the pg_trgm GIN index serves for terms
 * of three characters or more; the arrays (principles, norms, countries) are matched with `&&` on their GIN indexes.
 */
import { and, arrayOverlaps, asc, desc, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../app/database/database.js';
import { queryTerms } from '../../supporters/supporters.models.js';
import { practices } from '../practices/practices.tables.js';
import { noRegion, type LibrarySort } from './library.constants.js';
import type { PracticeFilters } from './library.schemas.js';

/** The filters with the supporters' identifiers in place of their slugs (empty: no supporter filter). */
export type ResolvedFilters = Omit<PracticeFilters, 'supporter' | 'sort'> & { supporterIds: string[] };

/** What the public sees of a practice: the columns of its published version, never who wrote it. */
const publicColumns = {
  id: practices.id,
  origin: practices.origin,
  sourceRef: practices.sourceRef,
  supporterId: practices.supporterId,
  attribution: practices.attribution,
  category: practices.category,
  title: practices.title,
  description: practices.description,
  original: practices.original,
  kind: practices.kind,
  implementationStatus: practices.implementationStatus,
  startedOn: practices.startedOn,
  endedOn: practices.endedOn,
  year: practices.year,
  principles: practices.principles,
  norms: practices.norms,
  sectors: practices.sectors,
  countries: practices.countries,
  links: practices.links,
  attachments: practices.attachments,
  publishedAt: practices.publishedAt,
};
export type PublishedPracticeRow = { [K in keyof typeof publicColumns]: (typeof practices.$inferSelect)[K] };

/** The dimensions the library counts by (facets), each counted with every other filter applied. */
export type FacetDimension = 'principle' | 'norm' | 'kind' | 'status' | 'country' | 'category' | 'year';
export interface FacetCount {
  value: string;
  count: number;
}

const published = eq(practices.state, 'published');

/** LIKE patterns are built from folded terms, which hold only letters, digits and spaces: no escaping needed. */
function textCondition(q: string | undefined): SQL | undefined {
  const terms = queryTerms(q);
  return terms.length ? and(...terms.map((term) => sql`${practices.searchText} like ${`%${term}%`}`)) : undefined;
}

/** Every filter but `except` (a facet's own), with the published state first. */
function conditions(filters: ResolvedFilters, except?: FacetDimension): SQL | undefined {
  const when = <T>(dimension: FacetDimension, values: T[], condition: (values: T[]) => SQL) =>
    dimension !== except && values.length ? condition(values) : undefined;
  return and(
    published,
    textCondition(filters.q),
    when('principle', filters.principle, (v) => arrayOverlaps(practices.principles, v)),
    when('norm', filters.norm, (v) => arrayOverlaps(practices.norms, v)),
    when('country', filters.country, (v) => arrayOverlaps(practices.countries, v)),
    when('kind', filters.kind, (v) => inArray(practices.kind, v)),
    when('status', filters.status, (v) => inArray(practices.implementationStatus, v)),
    when('category', filters.category, (v) => inArray(practices.category, v)),
    when('year', filters.year, (v) => inArray(practices.year, v)),
    filters.supporterIds.length ? inArray(practices.supporterId, filters.supporterIds) : undefined,
  );
}

/** A title in the asked language, else the other, folded by lower() for a stable alphabetical order. */
function titleKey(locale: 'en' | 'fr'): SQL {
  const other = locale === 'en' ? 'fr' : 'en';
  return sql`lower(coalesce(${practices.title}->>${locale}, ${practices.title}->>${other}))`;
}

function orderBy(sort: LibrarySort, locale: 'en' | 'fr'): SQL[] {
  switch (sort) {
    // Exact reverses of each other, so that one index on (year desc nulls last, published_at desc, id desc) serves
    // both. Published practices always have a year (the content schema requires it): `nulls first` never shows.
    case 'year-desc':
      return [sql`${practices.year} desc nulls last`, desc(practices.publishedAt), desc(practices.id)];
    case 'year-asc':
      return [sql`${practices.year} asc nulls first`, asc(practices.publishedAt), asc(practices.id)];
    case 'title':
      return [sql`${titleKey(locale)} asc nulls last`, asc(practices.id)];
    default:
      // Served by the practices__published (state, published_at) index when nothing else narrows the rows.
      return [desc(practices.publishedAt), desc(practices.id)];
  }
}

/** Array facets: one group per element. */
const arrayFacet = { principle: practices.principles, norm: practices.norms, country: practices.countries } as const;

/** A row's values of one dimension (several for the arrays), as the rows of a lateral list for the facets. */
function valuesOf(dimension: FacetDimension): SQL {
  switch (dimension) {
    case 'principle':
    case 'norm':
    case 'country':
      return sql`select unnest(${arrayFacet[dimension]})::text`;
    case 'kind':
      return sql`select ${practices.kind}`;
    case 'status':
      return sql`select ${practices.implementationStatus}`;
    case 'category':
      return sql`select ${practices.category}`;
    case 'year':
      return sql`select ${practices.year}::text`;
  }
}

export function createLibraryRepository(db: Executor) {
  /** Counts of `unnest(column)` over the published rows matching `where`. */
  async function unnestCounts(column: SQL | (typeof arrayFacet)[keyof typeof arrayFacet], where: SQL | undefined): Promise<FacetCount[]> {
    const sub = db.select({ value: sql<string>`unnest(${column})::text`.as('value') }).from(practices).where(where).as('u');
    return db
      .select({ value: sub.value, count: sql<number>`count(*)::int` })
      .from(sub)
      .groupBy(sub.value);
  }

  return {
    async search(filters: ResolvedFilters, options: { sort: LibrarySort; locale: 'en' | 'fr'; limit: number; offset: number }): Promise<PublishedPracticeRow[]> {
      return db
        .select(publicColumns)
        .from(practices)
        .where(conditions(filters))
        .orderBy(...orderBy(options.sort, options.locale))
        .limit(options.limit)
        .offset(options.offset);
    },

    async count(filters: ResolvedFilters): Promise<number> {
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(practices).where(conditions(filters));
      return row?.n ?? 0;
    },

    /**
     * Counts per value of each given dimension, with every other filter applied: one grouped query per dimension, run
     * side by side (on PostgreSQL each on its own connection; measured faster at 50,000 practices than one pass
     * listing every dimension's values per row, 0.17 s against 0.3 s unfiltered).
     */
    async facets(filters: ResolvedFilters, dimensions: readonly FacetDimension[]): Promise<Record<FacetDimension, FacetCount[]>> {
      const counted = await Promise.all(
        dimensions.map((dimension) =>
          db
            .select({ value: sql<string>`d.value`, count: sql<number>`count(*)::int` })
            .from(sql`${practices} cross join lateral (${valuesOf(dimension)}) as d(value)`)
            .where(and(conditions(filters, dimension), sql`d.value is not null`))
            .groupBy(sql`d.value`),
        ),
      );
      return Object.fromEntries(dimensions.map((dimension, i) => [dimension, counted[i]!])) as Record<FacetDimension, FacetCount[]>;
    },

    /** Every published row matching, in the asked order: the downloads. */
    async exportRows(filters: ResolvedFilters, options: { sort: LibrarySort; locale: 'en' | 'fr' }): Promise<PublishedPracticeRow[]> {
      return db.select(publicColumns).from(practices).where(conditions(filters)).orderBy(...orderBy(options.sort, options.locale));
    },

    async findPublished(id: string): Promise<PublishedPracticeRow | undefined> {
      const [row] = await db.select(publicColumns).from(practices).where(and(eq(practices.id, id), published)).limit(1);
      return row;
    },

    /** The most recently published, newest first: the feed. */
    async latestPublished(limit: number): Promise<PublishedPracticeRow[]> {
      return db.select(publicColumns).from(practices).where(and(published, isNotNull(practices.publishedAt))).orderBy(desc(practices.publishedAt), desc(practices.id)).limit(limit);
    },

    /** One side of a comparison: the practices covering a country, or those of a supporter, most recent year first. */
    async side(side: { country: string } | { supporterId: string }, limit: number): Promise<PublishedPracticeRow[]> {
      const condition = 'country' in side ? arrayOverlaps(practices.countries, [side.country]) : eq(practices.supporterId, side.supporterId);
      return db
        .select(publicColumns)
        .from(practices)
        .where(and(published, condition))
        .orderBy(sql`${practices.year} desc nulls last`, desc(practices.publishedAt), desc(practices.id))
        .limit(limit);
    },

    /** Registry entries with published practices, and how many each: the comparison's choices. */
    async supportersWithPractices(): Promise<Array<{ supporterId: string; count: number }>> {
      const rows = await db
        .select({ supporterId: practices.supporterId, count: sql<number>`count(*)::int` })
        .from(practices)
        .where(and(published, isNotNull(practices.supporterId)))
        .groupBy(practices.supporterId);
      return rows.map((row) => ({ supporterId: row.supporterId!, count: row.count }));
    },

    /** Practices per (norm, principle) pair they both name. */
    async normPrinciplePairs(filters: ResolvedFilters): Promise<Array<{ norm: string; principle: number; count: number }>> {
      const byNorm = db
        .select({ norm: sql<string>`unnest(${practices.norms})`.as('norm'), principles: sql<number[]>`${practices.principles}`.as('principles') })
        .from(practices)
        .where(conditions(filters))
        .as('n');
      const pairs = db.select({ norm: byNorm.norm, principle: sql<number>`unnest(${byNorm.principles})`.as('principle') }).from(byNorm).as('p');
      return db
        .select({ norm: pairs.norm, principle: pairs.principle, count: sql<number>`count(*)::int` })
        .from(pairs)
        .groupBy(pairs.norm, pairs.principle);
    },

    /** Practices per value of an array dimension (norm, principle, country). */
    async perElement(filters: ResolvedFilters, dimension: 'norm' | 'principle' | 'country'): Promise<FacetCount[]> {
      return unnestCounts(arrayFacet[dimension], conditions(filters));
    },

    /** Practices per (category, norm): category null for practices of no known category. */
    async categoryNorms(filters: ResolvedFilters): Promise<Array<{ category: string | null; norm: string; count: number }>> {
      const sub = db.select({ category: practices.category, norm: sql<string>`unnest(${practices.norms})`.as('norm') }).from(practices).where(conditions(filters)).as('c');
      return db
        .select({ category: sub.category, norm: sub.norm, count: sql<number>`count(*)::int` })
        .from(sub)
        .groupBy(sub.category, sub.norm);
    },

    /** Practices per category (null: none known). */
    async perCategory(filters: ResolvedFilters): Promise<Array<{ category: string | null; count: number }>> {
      return db
        .select({ category: practices.category, count: sql<number>`count(*)::int` })
        .from(practices)
        .where(conditions(filters))
        .groupBy(practices.category);
    },

    /**
     * Practices per region and per (norm, region): a practice counts once in each region one of its countries is in
     * (`pairs` maps every country to its regions), and in `none` when it names no country.
     */
    async regionCounts(
      filters: ResolvedFilters,
      pairs: { codes: string[]; regions: string[] },
    ): Promise<{ perRegion: Array<{ region: string; count: number }>; perNormRegion: Array<{ norm: string; region: string; count: number }> }> {
      // Each list as one array literal (one parameter, not hundreds); codes and regions are capital letters only. The
      // map is joined once to the practices' countries (a hash join), and practices are counted distinct per region.
      const literal = (values: string[]) => `{${values.join(',')}}`;
      const map = sql`(select * from unnest(${literal(pairs.codes)}::text[], ${literal(pairs.regions)}::text[])) as m(code, region)`;
      const located = sql`${practices} cross join unnest(${practices.countries}) as c(code) join ${map} on m.code = c.code`;
      const where = conditions(filters);
      const nowhere = and(where, sql`cardinality(${practices.countries}) = 0`);
      // Each practice once per region it is in (a hashed distinct), with its norms.
      const inRegions = db.selectDistinct({ id: sql<string>`${practices.id}`.as('id'), region: sql<string>`m.region`.as('region'), norms: sql<string[]>`${practices.norms}`.as('norms') }).from(located).where(where).as('x');
      const [located1, unlocated1, located2, unlocated2] = await Promise.all([
        db.select({ region: inRegions.region, count: sql<number>`count(*)::int` }).from(inRegions).groupBy(inRegions.region),
        db.select({ region: sql<string>`${noRegion}::text`, count: sql<number>`count(*)::int` }).from(practices).where(nowhere),
        db
          .select({ norm: sql<string>`n.norm`, region: inRegions.region, count: sql<number>`count(*)::int` })
          .from(sql`${inRegions} cross join unnest(${inRegions.norms}) as n(norm)`)
          .groupBy(sql`n.norm`, inRegions.region),
        db
          .select({ norm: sql<string>`n.norm`, region: sql<string>`${noRegion}::text`, count: sql<number>`count(*)::int` })
          .from(sql`${practices} cross join unnest(${practices.norms}) as n(norm)`)
          .where(nowhere)
          .groupBy(sql`n.norm`),
      ]);
      const perRegion = [...located1, ...unlocated1];
      const perNormRegion = [...located2, ...unlocated2];
      return { perRegion, perNormRegion };
    },

    /**
     * Lays rows as they are, for the test support and the bench (synthetic rows in a bench database). Practices are
     * written, moderated and published through the practices' use cases; nothing in the application calls this.
     */
    async insertMany(rows: Array<typeof practices.$inferInsert>): Promise<void> {
      // 27 columns × 1,000 rows stays under PostgreSQL's 65,535 bind parameters per statement.
      for (let i = 0; i < rows.length; i += 1000) await db.insert(practices).values(rows.slice(i, i + 1000));
    },
  };
}

export type LibraryRepository = ReturnType<typeof createLibraryRepository>;
