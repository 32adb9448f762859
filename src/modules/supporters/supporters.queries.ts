/**
 * Read-side use cases of the public registry: faceted search, one supporter, statistics, CSV export, the history of
 * withdrawals, and the look-alikes other modules flag as possible duplicates. Nothing here writes.
 */
import type { Executor } from '../../app/database/database.js';
import type { Locale } from '../../app/i18n/i18n.js';
import { registryStartDate, supporterCategories, uncategorised } from './supporters.constants.js';
import { supportersToCsv } from './supporters.csv.js';
import { supporterNotFound, supporterWithdrawn } from './supporters.errors.js';
import { memoisedFacetCombos } from './supporters.facet-memo.js';
import { computeFacets, type Facets } from './supporters.facets.js';
import { presentSupporter, presentSupporterDetail, type SupporterDetail, type SupporterSummary } from './supporters.presenters.js';
import { createSupportersRepository, type SimilarSupporter } from './supporters.repository.js';
import type { SupporterFilters } from './supporters.schemas.js';

export interface SearchResult {
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  items: SupporterSummary[];
  facets: Facets;
}

/** Faceted search: two queries whatever the filters (grouped counts, then the page of rows). */
export async function searchSupporters(input: {
  db: Executor;
  filters: SupporterFilters;
  page: number;
  pageSize: number;
  locale?: Locale;
}): Promise<SearchResult> {
  const repository = createSupportersRepository(input.db);
  const combos = input.filters.q
    ? await repository.facetCombos(input.filters.q)
    : await memoisedFacetCombos(input.db, () => repository.facetCombos(undefined));
  const { total, facets } = computeFacets(combos, input.filters);
  const pageCount = Math.max(1, Math.ceil(total / input.pageSize));
  const offset = (input.page - 1) * input.pageSize;
  const rows = total > offset ? await repository.search(input.filters, input.pageSize, offset) : [];
  return {
    total,
    page: input.page,
    pageSize: input.pageSize,
    pageCount,
    items: rows.map((row) => presentSupporter(row, input.locale)),
    facets,
  };
}

export async function getSupporter(input: { db: Executor; slug: string; locale?: Locale }): Promise<SupporterDetail> {
  const row = await createSupportersRepository(input.db).findPublishedBySlug(input.slug);
  if (!row) {
    const gone = await createSupportersRepository(input.db).findWithdrawnBySlug(input.slug);
    if (gone?.withdrawnOn) throw supporterWithdrawn({ name: gone.name, on: gone.withdrawnOn });
    throw supporterNotFound({ slug: input.slug });
  }
  return presentSupporterDetail(row, input.locale);
}

export interface RegistryStats {
  total: number;
  byCategory: Record<string, number>;
  byCountry: Array<{ country: string; count: number; isState: boolean }>;
  byYear: Array<{ year: number; signed: number; firstSeen: number; cumulative: number }>;
  byMonth: Array<{ month: string; signed: number; firstSeen: number }>;
  withoutCountry: number;
  withoutDate: number;
  /** How many supporters are dated by the repository's first day, i.e. joined on or before it. */
  onOrBeforeStart: number;
}

export async function registryStats(input: { db: Executor }): Promise<RegistryStats> {
  const repository = createSupportersRepository(input.db);
  const combos = await memoisedFacetCombos(input.db, () => repository.facetCombos(undefined));
  const byCategory: Record<string, number> = Object.fromEntries([...supporterCategories, uncategorised].map((c) => [c, 0]));
  const countries = new Map<string, { count: number; isState: boolean }>();
  let total = 0;
  let withoutCountry = 0;
  for (const combo of combos) {
    total += combo.count;
    const category = combo.category ?? uncategorised;
    byCategory[category] = (byCategory[category] ?? 0) + combo.count;
    if (!combo.countryCode) {
      withoutCountry += combo.count;
      continue;
    }
    const entry = countries.get(combo.countryCode) ?? { count: 0, isState: false };
    entry.count += combo.count;
    if (combo.category === 'state') entry.isState = true;
    countries.set(combo.countryCode, entry);
  }
  const months = await repository.joinedByMonth();
  const byMonthMap = new Map<string, { signed: number; firstSeen: number }>();
  const byYearMap = new Map<number, { signed: number; firstSeen: number }>();
  let withoutDate = 0;
  for (const row of months) {
    if (!row.month) {
      withoutDate += row.count;
      continue;
    }
    const key = row.source === 'signed' ? 'signed' : 'firstSeen';
    const month = byMonthMap.get(row.month) ?? { signed: 0, firstSeen: 0 };
    month[key] += row.count;
    byMonthMap.set(row.month, month);
    const year = Number(row.month.slice(0, 4));
    const yearEntry = byYearMap.get(year) ?? { signed: 0, firstSeen: 0 };
    yearEntry[key] += row.count;
    byYearMap.set(year, yearEntry);
  }
  let cumulative = 0;
  const byYear = [...byYearMap.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([year, v]) => {
      cumulative += v.signed + v.firstSeen;
      return { year, ...v, cumulative };
    });
  return {
    total,
    byCategory,
    byCountry: [...countries.entries()]
      .map(([country, v]) => ({ country, ...v }))
      .sort((a, b) => b.count - a.count || a.country.localeCompare(b.country)),
    byYear,
    byMonth: [...byMonthMap.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([month, v]) => ({ month, ...v })),
    withoutCountry,
    withoutDate,
    onOrBeforeStart: await repository.countFirstSeenOn(registryStartDate),
  };
}

/**
 * The official CSV, for all published supporters or those matching the filters; with `verification`, the public
 * download's two extra columns after the official ones (the level and its day).
 */
export async function exportSupportersCsv(input: { db: Executor; filters: SupporterFilters; verification?: boolean }): Promise<string> {
  const rows = await createSupportersRepository(input.db).exportRows(input.filters);
  return supportersToCsv(
    rows.map((row) => ({
      name: row.name,
      category: row.category,
      sourceCountryCode: row.sourceCountryCode,
      nature: row.nature,
      website: row.website,
      twitter: row.twitter,
      dateSigned: row.dateSigned,
      verification: { level: row.verificationLevel, on: row.verifiedOn },
    })),
    { verification: input.verification },
  );
}

/** A withdrawn entry as the public sees it: when it joined and left, nothing personal, no reason. */
export interface WithdrawnSupporter {
  slug: string;
  name: string;
  category: string | null;
  countryCode: string | null;
  joinedOn: string | null;
  withdrawnOn: string;
}

/** The public history of withdrawals, most recent first. */
export async function listWithdrawnSupporters(input: { db: Executor }): Promise<WithdrawnSupporter[]> {
  const rows = await createSupportersRepository(input.db).listWithdrawn();
  return rows.map((r) => ({ ...r, withdrawnOn: r.withdrawnOn ?? '' }));
}

export type { SimilarSupporter };

/** Published entries whose folded name is at least `threshold` similar (pg_trgm) to `folded`, most similar first. */
export async function findSupportersWithSimilarName(input: {
  db: Executor;
  folded: string;
  threshold: number;
  limit: number;
  excludeId?: string | null;
}): Promise<SimilarSupporter[]> {
  return createSupportersRepository(input.db).findPublishedBySimilarName(input.folded, input);
}

/**
 * Published entries whose website mentions one of `spellings` of a domain, ranked by name similarity to `folded`:
 * candidates only (`notacme.example` mentions `acme.example`), the caller decides which really share the domain.
 */
export async function findSupportersMentioningDomain(input: {
  db: Executor;
  spellings: string[];
  folded: string;
  limit: number;
  excludeId?: string | null;
}): Promise<SimilarSupporter[]> {
  return createSupportersRepository(input.db).findPublishedByWebsiteMention(input.spellings, input);
}

/** The counts of supporters announced in dated public statements (reference bundle), oldest first. */
export async function listMilestones(input: { db: Executor }) {
  return createSupportersRepository(input.db).listMilestones();
}

/** True when the registry holds no entry at all, whatever its status: it was never loaded. */
export async function isRegistryEmpty(input: { db: Executor }): Promise<boolean> {
  return (await createSupportersRepository(input.db).countAll()) === 0;
}

/** Organisations' names by id (another module shows them beside its own records: the cooperation space's incidents). */
export async function supporterNamesByIds(input: { db: Executor; ids: readonly string[] }): Promise<Map<string, string>> {
  return createSupportersRepository(input.db).namesByIds(input.ids);
}
