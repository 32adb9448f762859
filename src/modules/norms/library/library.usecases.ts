/**
 * The public practice library: search with filters and counts, one published practice, the downloads and the feed,
 * the comparison of two countries or supporters, and the coverage. Everything here reads published practices only
 * (a draft or a withdrawn practice has no published columns to show), so these reads are open to everyone and need no
 * policy; the supporter behind a practice is named from the registry's own read use cases.
 */
import type { Executor } from '../../../app/database/database.js';
import type { Locale } from '../../../app/i18n/i18n.js';
import { isCountryCode } from '../../../shared/countries.js';
import { listPrinciples } from '../../call/call.usecases.js';
import { supporterCategories } from '../../supporters/supporters.constants.js';
import { getSupporterBySlug, listSupportersByIds } from '../../supporters/supporters.usecases.js';
import { listNorms } from '../norms.usecases.js';
import type { Localized } from '../practices/practices.tables.js';
import { compareSideLimit, feedSize, normCodes, principleNumbers, type LibrarySort } from './library.constants.js';
import { unknownSupporterFilter } from './library.errors.js';
import { countTable, regionCoverage, type CountTable, type RegionColumn } from './library.models.js';
import { countryRegionPairs } from './library.regions.js';
import { createLibraryRepository, type FacetCount, type FacetDimension, type PublishedPracticeRow, type ResolvedFilters } from './library.repository.js';
import type { PracticeFilters } from './library.schemas.js';

/** A published practice with the registry entry behind it, when it is linked. */
export interface LibraryPractice extends PublishedPracticeRow {
  supporter: { slug: string; name: string } | null;
}

async function withSupporters(db: Executor, rows: PublishedPracticeRow[]): Promise<LibraryPractice[]> {
  const ids = [...new Set(rows.map((row) => row.supporterId).filter((id): id is string => id !== null))];
  const found = new Map((ids.length ? await listSupportersByIds(db, ids) : []).map((s) => [s.id, { slug: s.slug, name: s.name }]));
  return rows.map((row) => ({ ...row, supporter: (row.supporterId && found.get(row.supporterId)) || null }));
}

/** The supporter filter's slugs as registry ids, and the slugs that name no entry. */
async function resolve(db: Executor, filters: PracticeFilters): Promise<{ resolved: ResolvedFilters; unknown: string[] }> {
  const { supporter, sort: _sort, ...rest } = filters;
  const entries = await Promise.all(supporter.map(async (slug) => ({ slug, row: await getSupporterBySlug(db, slug) })));
  return { resolved: { ...rest, supporterIds: entries.flatMap((e) => (e.row ? [e.row.id] : [])) }, unknown: entries.filter((e) => !e.row).map((e) => e.slug) };
}

/** The filters ready for the repository; a supporter slug naming no registry entry is a 400 on the `supporter` field. */
export async function resolveFilters(input: { db: Executor; filters: PracticeFilters }): Promise<ResolvedFilters> {
  const { resolved, unknown } = await resolve(input.db, input.filters);
  if (unknown.length) throw unknownSupporterFilter(unknown, { field: 'supporter', code: 'unknown', message: `no registry entry ${unknown.join(', ')}` });
  return resolved;
}

export interface LibraryPage {
  items: LibraryPractice[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}

interface PageRequest {
  db: Executor;
  filters: PracticeFilters;
  page: number;
  pageSize: number;
  locale: Locale;
}

async function pageOf(input: PageRequest, resolved: ResolvedFilters): Promise<LibraryPage> {
  const repository = createLibraryRepository(input.db);
  const sort = input.filters.sort ?? 'newest';
  const [rows, total] = await Promise.all([
    repository.search(resolved, { sort, locale: input.locale, limit: input.pageSize, offset: (input.page - 1) * input.pageSize }),
    repository.count(resolved),
  ]);
  return { items: await withSupporters(input.db, rows), total, page: input.page, pageSize: input.pageSize, pageCount: Math.max(1, Math.ceil(total / input.pageSize)) };
}

/** One page of published practices matching every filter, and how many match. */
export async function searchPractices(input: PageRequest): Promise<LibraryPage> {
  return pageOf(input, await resolveFilters(input));
}

export const facetDimensions: readonly FacetDimension[] = ['principle', 'norm', 'kind', 'status', 'country', 'category', 'year'];
export type LibraryFacets = Record<FacetDimension, FacetCount[]>;

async function facetsOf(db: Executor, resolved: ResolvedFilters): Promise<LibraryFacets> {
  return createLibraryRepository(db).facets(resolved, facetDimensions);
}

/** For each filter, how many practices each of its values would give with every other filter kept. */
export async function libraryFacets(input: { db: Executor; filters: PracticeFilters }): Promise<LibraryFacets> {
  return facetsOf(input.db, await resolveFilters(input));
}

/** The library page: a page of results and the filters' counts; or the supporter slugs that name no entry. */
export async function browseLibrary(input: PageRequest): Promise<{ result: LibraryPage; facets: LibraryFacets } | { unknownSupporters: string[] }> {
  const { resolved, unknown } = await resolve(input.db, input.filters);
  if (unknown.length) return { unknownSupporters: unknown };
  const [result, facets] = await Promise.all([pageOf(input, resolved), facetsOf(input.db, resolved)]);
  return { result, facets };
}

/** A published practice; undefined for a draft, a withdrawn practice or an unknown id alike. */
export async function getPublishedPractice(input: { db: Executor; id: string }): Promise<LibraryPractice | undefined> {
  const row = await createLibraryRepository(input.db).findPublished(input.id);
  return row ? (await withSupporters(input.db, [row]))[0] : undefined;
}

/** Every published practice matching the filters, in the asked order: the CSV and JSON downloads. */
export async function exportPractices(input: { db: Executor; filters: PracticeFilters; locale: Locale }): Promise<LibraryPractice[]> {
  const resolved = await resolveFilters(input);
  const rows = await createLibraryRepository(input.db).exportRows(resolved, { sort: input.filters.sort ?? 'newest', locale: input.locale });
  return withSupporters(input.db, rows);
}

/** The most recently published practices, for the Atom feed. */
export async function latestPractices(input: { db: Executor }): Promise<LibraryPractice[]> {
  return withSupporters(input.db, await createLibraryRepository(input.db).latestPublished(feedSize));
}

/** Labels the library's pages need from the framework: each principle's short name, each norm's text. */
export interface FrameworkLabels {
  principles: ReadonlyMap<number, Localized>;
  norms: ReadonlyMap<string, { en: string; fr?: string | undefined }>;
}

export async function frameworkLabels(input: { db: Executor }): Promise<FrameworkLabels> {
  const [principles, norms] = await Promise.all([listPrinciples({ db: input.db }), listNorms({ db: input.db })]);
  return {
    principles: new Map(principles.map((p) => [p.number, p.shortName])),
    norms: new Map(norms.items.map((n) => [n.code, n.text])),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Comparison.

export type CompareSide = { kind: 'country'; code: string } | { kind: 'supporter'; slug: string; name: string; id: string };
/** Why a side cannot be compared. */
export type CompareIssue = 'missing' | 'unknown-country' | 'unknown-supporter' | 'same';

export interface CompareChoices {
  countries: FacetCount[];
  supporters: Array<{ slug: string; name: string; count: number }>;
}

export interface Comparison {
  choices: CompareChoices;
  /** Each side as asked, when it names something. */
  sides: { a: CompareSide | null; b: CompareSide | null };
  issues: { a?: CompareIssue; b?: CompareIssue };
  /** Both sides' practices, when both are valid. */
  practices: { a: LibraryPractice[]; b: LibraryPractice[]; truncated: { a: boolean; b: boolean } } | null;
}

/** A side as written in the address: three letters are a country code, anything else a registry entry's slug. */
async function resolveSide(db: Executor, value: string | undefined): Promise<{ side: CompareSide | null; issue?: CompareIssue }> {
  if (!value) return { side: null };
  if (/^[A-Za-z]{3}$/.test(value)) {
    const code = value.toUpperCase();
    return isCountryCode(code) ? { side: { kind: 'country', code } } : { side: null, issue: 'unknown-country' };
  }
  const row = await getSupporterBySlug(db, value);
  return row ? { side: { kind: 'supporter', slug: row.slug, name: row.name, id: row.id } } : { side: null, issue: 'unknown-supporter' };
}

const sameSide = (a: CompareSide, b: CompareSide) => (a.kind === 'country' && b.kind === 'country' ? a.code === b.code : a.kind === 'supporter' && b.kind === 'supporter' && a.id === b.id);

/**
 * Two countries or two supporters (or one of each) side by side. Nothing asked is the blank form; one side alone, an
 * unknown country or supporter, or the same twice are issues the form shows beside the field concerned.
 */
export async function comparePractices(input: { db: Executor; a: string | undefined; b: string | undefined }): Promise<Comparison> {
  const repository = createLibraryRepository(input.db);
  const [a, b, countries, bySupporter] = await Promise.all([
    resolveSide(input.db, input.a),
    resolveSide(input.db, input.b),
    repository.perElement({ ...emptyFilters }, 'country'),
    repository.supportersWithPractices(),
  ]);
  const entries = bySupporter.length ? await listSupportersByIds(input.db, bySupporter.map((s) => s.supporterId)) : [];
  const counts = new Map(bySupporter.map((s) => [s.supporterId, s.count]));
  const choices: CompareChoices = {
    countries,
    supporters: entries.map((s) => ({ slug: s.slug, name: s.name, count: counts.get(s.id) ?? 0 })),
  };
  const issues: Comparison['issues'] = {};
  if (a.issue) issues.a = a.issue;
  if (b.issue) issues.b = b.issue;
  const asked = input.a !== undefined || input.b !== undefined;
  if (asked && input.a === undefined) issues.a = 'missing';
  if (asked && input.b === undefined) issues.b = 'missing';
  if (a.side && b.side && sameSide(a.side, b.side)) issues.b = 'same';
  const sides = { a: a.side, b: b.side };
  if (!a.side || !b.side || Object.keys(issues).length) return { choices, sides, issues, practices: null };
  const sideQuery = (side: CompareSide) => repository.side(side.kind === 'country' ? { country: side.code } : { supporterId: side.id }, compareSideLimit + 1);
  const [rowsA, rowsB] = await Promise.all([sideQuery(a.side), sideQuery(b.side)]);
  return {
    choices,
    sides,
    issues,
    practices: {
      a: await withSupporters(input.db, rowsA.slice(0, compareSideLimit)),
      b: await withSupporters(input.db, rowsB.slice(0, compareSideLimit)),
      truncated: { a: rowsA.length > compareSideLimit, b: rowsB.length > compareSideLimit },
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Coverage.

const emptyFilters: ResolvedFilters = { q: undefined, principle: [], norm: [], kind: [], status: [], country: [], category: [], year: [], supporterIds: [] };

export type CategoryColumn = (typeof supporterCategories)[number] | 'none';
export const categoryColumns: readonly CategoryColumn[] = [...supporterCategories, 'none'];

export interface Coverage {
  total: number;
  normPrinciple: CountTable<string, number>;
  normRegion: CountTable<string, RegionColumn>;
  normCategory: CountTable<string, CategoryColumn>;
  perCountry: FacetCount[];
}

/** Practices per norm × principle, per norm × region, per norm × category, and per country, over the filtered set. */
export async function practiceCoverage(input: { db: Executor; filters: PracticeFilters }): Promise<Coverage> {
  const resolved = await resolveFilters(input);
  const repository = createLibraryRepository(input.db);
  const [total, pairs, perNorm, perPrinciple, perCountry, categoryNorms, perCategory, regions] = await Promise.all([
    repository.count(resolved),
    repository.normPrinciplePairs(resolved),
    repository.perElement(resolved, 'norm'),
    repository.perElement(resolved, 'principle'),
    repository.perElement(resolved, 'country'),
    repository.categoryNorms(resolved),
    repository.perCategory(resolved),
    repository.regionCounts(resolved, countryRegionPairs()),
  ]);
  const category = (value: string | null): CategoryColumn => ((supporterCategories as readonly string[]).includes(value ?? '') ? (value as CategoryColumn) : 'none');
  const normTotals = perNorm.map((n) => ({ key: n.value, count: n.count }));
  return {
    total,
    normPrinciple: countTable({
      rows: normCodes,
      columns: principleNumbers,
      counts: pairs.map((p) => ({ row: p.norm, column: Number(p.principle), count: p.count })),
      rowTotals: normTotals,
      columnTotals: perPrinciple.map((p) => ({ key: Number(p.value), count: p.count })),
    }),
    normRegion: regionCoverage({ ...regions, perNorm }),
    normCategory: countTable({
      rows: normCodes,
      columns: categoryColumns,
      counts: categoryNorms.map((c) => ({ row: c.norm, column: category(c.category), count: c.count })),
      rowTotals: normTotals,
      columnTotals: perCategory.map((c) => ({ key: category(c.category), count: c.count })),
    }),
    perCountry,
  };
}

export type { FacetCount, FacetDimension, LibrarySort };
