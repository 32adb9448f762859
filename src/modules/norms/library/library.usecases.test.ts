import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixtureSite, type TestApp } from '../../../../test/helpers/app.js';
import { g7Countries } from '../practices/practices.constants.js';
import { getSupporterBySlug } from '../../supporters/supporters.usecases.js';
import { practiceFiltersSchema, type PracticeFilters } from './library.schemas.js';
import { buildPractice, insertPractices } from './library.test-support.js';
import { comparePractices, getPublishedPractice, latestPractices, libraryFacets, practiceCoverage, searchPractices } from './library.usecases.js';

/** The library's reads on a real database: only published practices, every filter, counts, comparison and coverage. */
let t: TestApp;
const filters = (query: Record<string, unknown> = {}): PracticeFilters => practiceFiltersSchema.parse(query);
const ids = { strategy: '', disclosure: '', g7: '', draft: '', withdrawn: '', exercises: [] as string[] };
const search = async (query: Record<string, unknown>, page = 1, pageSize = 50) =>
  searchPractices({ db: t.database.db, filters: filters(query), page, pageSize, locale: 'en' });
const found = async (query: Record<string, unknown>) => (await search(query)).items.map((p) => p.id).sort();

beforeAll(async () => {
  t = await createTestApp({ site: fixtureSite });
  const acme = await getSupporterBySlug(t.database.db, 'acme_cyber_widgets-private-sector-USA');
  const strategy = buildPractice({
    title: { fr: 'Stratégie nationale de sécurité numérique' },
    description: { fr: 'La France se dote d’une stratégie.' },
    original: 'fr',
    norms: ['13a', '13c'],
    principles: [1, 6],
    countries: ['FRA'],
    year: 2018,
  });
  const disclosure = buildPractice({
    title: { en: 'Coordinated vulnerability disclosure programme', fr: 'Programme de divulgation coordonnée des vulnérabilités' },
    kind: 'programme',
    implementationStatus: 'in-progress',
    norms: ['13j'],
    principles: [6],
    countries: ['USA'],
    category: 'private-sector',
    supporterId: acme!.id,
    year: 2021,
  });
  const g7 = buildPractice({
    origin: 'g7-synthesis',
    title: { fr: 'Échanges d’informations entre CERT', en: 'Information exchanges between CERTs' },
    original: 'fr',
    attribution: { en: 'G7 states', fr: 'États du G7' },
    kind: 'diplomatic-action',
    implementationStatus: 'reported',
    norms: ['13b'],
    principles: [],
    countries: [...g7Countries],
    year: 2019,
  });
  // Rows the public must never see, whatever they say: a draft's columns are filled here to prove the state decides.
  const draft = buildPractice({ state: 'draft', title: { en: 'Secret draft about sécurité' }, norms: ['13a'], publishedAt: null });
  const withdrawn = buildPractice({ state: 'withdrawn', title: { en: 'Withdrawn sécurité practice' }, norms: ['13a'] });
  const exercises = Array.from({ length: 25 }, () => buildPractice({ kind: 'exercise', norms: ['13k'], principles: [], countries: [], category: null, year: 2000 }));
  await insertPractices(t.database.db, [strategy, disclosure, g7, draft, withdrawn, ...exercises]);
  Object.assign(ids, { strategy: strategy.id, disclosure: disclosure.id, g7: g7.id, draft: draft.id, withdrawn: withdrawn.id, exercises: exercises.map((e) => e.id) });
});
afterAll(async () => t?.close());

describe('the practice library', () => {
  it('finds "sécurité" when asked for "securite" or "SÉCURITÉ numerique": accents and case do not matter, every word must match', async () => {
    expect(await found({ q: 'securite' })).toEqual([ids.strategy]);
    expect(await found({ q: 'SÉCURITÉ numerique' })).toEqual([ids.strategy]);
    expect(await found({ q: 'securite vulnerability' })).toEqual([]);
    expect(await found({ q: 'vulnerabilites' })).toEqual([ids.disclosure]);
    // The attribution is searched too, in both languages.
    expect(await found({ q: 'etats du g7' })).toEqual([ids.g7]);
  });

  it('never shows a draft or a withdrawn practice: not in search, counts, coverage, the feed, nor by its identifier', async () => {
    expect(await found({ q: 'secret' })).toEqual([]);
    expect(await found({ q: 'withdrawn' })).toEqual([]);
    expect((await search({})).total).toBe(28);
    expect(await getPublishedPractice({ db: t.database.db, id: ids.draft })).toBeUndefined();
    expect(await getPublishedPractice({ db: t.database.db, id: ids.withdrawn })).toBeUndefined();
    expect((await getPublishedPractice({ db: t.database.db, id: ids.g7 }))?.attribution).toEqual({ en: 'G7 states', fr: 'États du G7' });
    const facets = await libraryFacets({ db: t.database.db, filters: filters() });
    expect(facets.norm.find((f) => f.value === '13a')?.count).toBe(1);
    expect((await practiceCoverage({ db: t.database.db, filters: filters() })).total).toBe(28);
    expect((await latestPractices({ db: t.database.db })).map((p) => p.id)).not.toContain(ids.draft);
  });

  it.each([
    [{ norm: '13a' }, ['strategy']],
    [{ norm: ['13(a)', '13J'] }, ['disclosure', 'strategy']],
    [{ principle: '6' }, ['disclosure', 'strategy']],
    [{ country: 'deu' }, ['g7']],
    [{ country: ['FRA'] }, ['g7', 'strategy']],
    [{ category: 'private-sector' }, ['disclosure']],
    [{ year: '2019' }, ['g7']],
    [{ kind: 'programme' }, ['disclosure']],
    [{ status: 'reported' }, ['g7']],
    [{ supporter: 'acme_cyber_widgets-private-sector-USA' }, ['disclosure']],
    [{ principle: '6', country: 'USA' }, ['disclosure']],
    [{ norm: '13b', q: 'cert' }, ['g7']],
  ] as const)('filters by %j', async (query, expected) => {
    expect(await found(query)).toEqual(expected.map((key) => ids[key as 'strategy']).sort());
  });

  it('pages the results and counts every match: 25 exercises in pages of 10, newest first', async () => {
    const third = await search({ kind: 'exercise' }, 3, 10);
    expect(third).toMatchObject({ total: 25, page: 3, pageSize: 10, pageCount: 3 });
    expect(third.items).toHaveLength(5);
    expect((await search({ kind: 'exercise' }, 1, 10)).items[0]?.id).toBe(ids.exercises.at(-1));
    expect((await search({ kind: 'exercise', sort: 'year-asc' }, 1, 10)).items).toHaveLength(10);
  });

  it('names the registry entry behind a practice, and refuses a supporter filter naming no entry', async () => {
    const [practice] = (await search({ kind: 'programme' })).items;
    expect(practice?.supporter).toEqual({ slug: 'acme_cyber_widgets-private-sector-USA', name: 'Acme Cyber Widgets' });
    await expect(search({ supporter: 'no-such-entry' })).rejects.toMatchObject({ status: 400, code: 'norms.library.unknown-supporter', issues: [{ field: 'supporter' }] });
  });

  it('counts each filter’s values with the other filters kept', async () => {
    const facets = await libraryFacets({ db: t.database.db, filters: filters({ norm: '13a', kind: 'strategy' }) });
    // The norm facet ignores the norm filter (13a, 13c of the strategy), the kind facet ignores the kind filter.
    expect(Object.fromEntries(facets.norm.map((f) => [f.value, f.count]))).toEqual({ '13a': 1, '13c': 1 });
    expect(Object.fromEntries(facets.kind.map((f) => [f.value, f.count]))).toEqual({ strategy: 1 });
    expect(Object.fromEntries(facets.country.map((f) => [f.value, f.count]))).toEqual({ FRA: 1 });
  });

  it('covers norms × principles, regions (a practice once per region) and categories, and countries', async () => {
    const coverage = await practiceCoverage({ db: t.database.db, filters: filters() });
    expect(coverage.normPrinciple.cells.get('13a')?.get(6)).toBe(1);
    expect(coverage.normPrinciple.cells.get('13j')?.get(6)).toBe(1);
    expect(coverage.normPrinciple.columnTotals.get(6)).toBe(2);
    // The G7 practice covers five European countries and counts once for Europe, once for North America and Asia.
    expect(Object.fromEntries(coverage.normRegion.cells.get('13b') ?? [])).toEqual({ EU: 1, NA: 1, AS: 1 });
    expect(coverage.normRegion.columnTotals.get('EU')).toBe(2);
    expect(coverage.normRegion.columnTotals.get('none')).toBe(25);
    expect(coverage.normCategory.cells.get('13k')?.get('none')).toBe(25);
    expect(coverage.normCategory.cells.get('13j')?.get('private-sector')).toBe(1);
    expect(coverage.perCountry.find((c) => c.value === 'FRA')?.count).toBe(2);
    const filtered = await practiceCoverage({ db: t.database.db, filters: filters({ country: 'USA' }) });
    expect(filtered.total).toBe(2);
  });

  it('compares two countries or two supporters, and says what is wrong with a choice', async () => {
    const db = t.database.db;
    const both = await comparePractices({ db, a: 'fra', b: 'USA' });
    expect(both.issues).toEqual({});
    expect(both.practices?.a.map((p) => p.id).sort()).toEqual([ids.g7, ids.strategy].sort());
    expect(both.practices?.b.map((p) => p.id).sort()).toEqual([ids.disclosure, ids.g7].sort());
    expect(both.choices.supporters).toEqual([{ slug: 'acme_cyber_widgets-private-sector-USA', name: 'Acme Cyber Widgets', count: 1 }]);
    expect((await comparePractices({ db, a: 'FRA', b: undefined })).issues).toEqual({ b: 'missing' });
    expect((await comparePractices({ db, a: 'ZZZ', b: 'FRA' })).issues).toEqual({ a: 'unknown-country' });
    expect((await comparePractices({ db, a: 'FRA', b: 'fra' })).issues).toEqual({ b: 'same' });
    expect((await comparePractices({ db, a: 'acme_cyber_widgets-private-sector-USA', b: 'nobody' })).issues).toEqual({ b: 'unknown-supporter' });
    const blank = await comparePractices({ db, a: undefined, b: undefined });
    expect(blank).toMatchObject({ issues: {}, practices: null });
  });
});
