/**
 * Goal 2: registry search with filters, p95 < 10 ms at 1,222 supporters (PGlite and PostgreSQL) and < 50 ms at
 * 100,000 synthetic supporters (PostgreSQL). The use case `searchSupporters` is called in-process, as the pages and
 * the API call it, on every search of lib/search-cases.ts, after a warm-up.
 */
import { openDatabase, type DatabaseHandle } from '../src/app/database/database.js';
import { migrateDatabase } from '../src/app/database/migrate.js';
import { importSite } from '../src/site-import.js';
import { forgetFacetCombos } from '../src/modules/supporters/supporters.facet-memo.js';
import { pageQuerySchema } from '../src/modules/supporters/supporters.schemas.js';
import { searchSupporters } from '../src/modules/supporters/supporters.queries.js';
import { registerCleanup } from './lib/cleanup.js';
import { officialDir } from './lib/paths.js';
import { createBenchDatabase } from './lib/pg.js';
import { type Figure, type GoalResult, figure } from './lib/results.js';
import { resolveCase, searchCases } from './lib/search-cases.js';
import { formatMs, percentile, round } from './lib/stats.js';
import { makeTempDir } from './lib/tempdir.js';
import { insertSyntheticSupporters, syntheticCount } from './synthetic.js';

export interface CaseTiming {
  name: string;
  total: number;
  p50: number;
  p95: number;
  max: number;
}

export interface SearchRun {
  label: string;
  supporters: number;
  iterations: number;
  p95: number;
  worst: CaseTiming;
  cases: CaseTiming[];
  /** The unfiltered first page right after a registry change, when the facet grouping is computed again. */
  cold: { p50: number; p95: number };
}

const coldRuns = 30;

/** Runs every case `warmup` then `iterations` times; returns per-case and pooled timings. */
export async function measureSearches(handle: DatabaseHandle, label: string, iterations: number, warmup = 20): Promise<SearchRun> {
  const db = handle.db;
  const first = await searchSupporters({ db, filters: pageQuerySchema.parse({}), page: 1, pageSize: 50, locale: 'en' });
  const nature = first.facets.nature[0]?.value ?? '';
  const all: number[] = [];
  const cases: CaseTiming[] = [];
  for (const searchCase of searchCases) {
    const state = pageQuerySchema.parse(resolveCase(searchCase.query, nature));
    const run = () => searchSupporters({ db, filters: state, page: state.page, pageSize: state.pageSize, locale: 'en' });
    for (let i = 0; i < warmup; i++) await run();
    const samples: number[] = [];
    let total = 0;
    for (let i = 0; i < iterations; i++) {
      const started = performance.now();
      const result = await run();
      samples.push(performance.now() - started);
      total = result.total;
    }
    all.push(...samples);
    const timing = { name: searchCase.name, total, p50: percentile(samples, 50), p95: percentile(samples, 95), max: Math.max(...samples) };
    cases.push(timing);
    console.log(`    ${label.padEnd(22)} ${searchCase.name.padEnd(42)} ${String(total).padStart(6)} hits  p50 ${formatMs(timing.p50).padStart(8)}  p95 ${formatMs(timing.p95).padStart(8)}`);
  }
  const worst = cases.reduce((a, b) => (b.p95 > a.p95 ? b : a));
  const coldSamples: number[] = [];
  const unfiltered = pageQuerySchema.parse({});
  for (let i = 0; i < coldRuns; i++) {
    forgetFacetCombos();
    const started = performance.now();
    await searchSupporters({ db, filters: unfiltered, page: 1, pageSize: 50, locale: 'en' });
    coldSamples.push(performance.now() - started);
  }
  const cold = { p50: percentile(coldSamples, 50), p95: percentile(coldSamples, 95) };
  console.log(`    ${label.padEnd(22)} ${'first search after a change (cold facets)'.padEnd(42)} ${''.padStart(11)}  p50 ${formatMs(cold.p50).padStart(8)}  p95 ${formatMs(cold.p95).padStart(8)}`);
  return { label, supporters: first.total, iterations, p95: percentile(all, 95), worst, cases, cold };
}

async function withImportedRegistry<T>(databaseUrl: string | undefined, dataDir: string, run: (h: DatabaseHandle) => Promise<T>): Promise<T> {
  const handle = await openDatabase({ databaseUrl, dataDir });
  const close = registerCleanup('close search database', () => handle.close());
  try {
    await migrateDatabase(handle);
    await importSite(handle, { source: officialDir, actor: 'bench:search', skipInvalid: true });
    return await run(handle);
  } finally {
    await close();
  }
}

function searchFigures(run: SearchRun, goalMs: number, scale: string): Figure[] {
  return [
    figure(`${run.label}, ${scale}: p95 of all searches`, run.p95, 'ms', `${formatMs(run.p95)} (${run.cases.length} searches × ${run.iterations})`, `< ${goalMs} ms`, run.p95 < goalMs),
    figure(`${run.label}, ${scale}: slowest search's p95`, run.worst.p95, 'ms', `${formatMs(run.worst.p95)} (${run.worst.name})`, `< ${goalMs} ms`, run.worst.p95 < goalMs),
    figure(`${run.label}, ${scale}: first unfiltered search after a registry change`, run.cold.p95, 'ms', `p95 ${formatMs(run.cold.p95)}, p50 ${formatMs(run.cold.p50)} (${coldRuns} runs, facet grouping recomputed each time)`, '–', null),
  ];
}

export async function benchSearch(options: { iterations: number; synthetic: boolean }): Promise<GoalResult> {
  const runs: SearchRun[] = [];
  const figures: Figure[] = [];
  console.log('  PGlite, official registry');
  const pglite = await withImportedRegistry(undefined, makeTempDir('search-pglite'), (h) => measureSearches(h, 'PGlite', options.iterations));
  runs.push(pglite);
  figures.push(...searchFigures(pglite, 10, '1,222 supporters'));

  console.log('  PostgreSQL, official registry');
  const realDb = await createBenchDatabase('search');
  const postgres = await withImportedRegistry(realDb.url, makeTempDir('search-pg'), (h) => measureSearches(h, 'PostgreSQL', options.iterations));
  await realDb.drop();
  runs.push(postgres);
  figures.push(...searchFigures(postgres, 10, '1,222 supporters'));

  const notes = [
    'searchSupporters is called in-process (no HTTP, no response cache): the facet grouping (kept in memory until the registry changes when there is no text query, else one grouped query), then the page of rows.',
    'The "first search after a registry change" rows call forgetFacetCombos() before each run, as a registry change does: they show what the one search after an import pays.',
    `Each search runs 20 times to warm up, then ${options.iterations} timed times; "all searches" pools every timed call.`,
  ];
  if (options.synthetic) {
    console.log(`  PostgreSQL, ${syntheticCount.toLocaleString('en')} synthetic supporters`);
    const syntheticDb = await createBenchDatabase('synthetic');
    const handle = await openDatabase({ databaseUrl: syntheticDb.url });
    const close = registerCleanup('close synthetic database', () => handle.close());
    try {
      await migrateDatabase(handle);
      const inserted = await insertSyntheticSupporters(handle, syntheticCount);
      console.log(`    inserted ${inserted.rows.toLocaleString('en')} synthetic rows in ${formatMs(inserted.ms)}`);
      const run = await measureSearches(handle, 'PostgreSQL synthetic', options.iterations);
      runs.push(run);
      figures.push(...searchFigures(run, 50, `${run.supporters.toLocaleString('en')} synthetic supporters`));
      notes.push(
        `Synthetic registry: ${inserted.rows.toLocaleString('en')} rows generated by bench/synthetic.ts (names "Synthetic Org NNNNNN …", category/country/sub-type/dates drawn from the real registry's rows), bulk-inserted with toRow() in ${round(inserted.ms / 1000, 1)} s, then VACUUM ANALYZE (the state autovacuum reaches); it lived only in the database pariscall_bench_synthetic, dropped at the end.`,
      );
    } finally {
      await close();
      await syntheticDb.drop();
    }
  }
  return { id: 'search', title: 'Search with filters', figures, notes, details: runs };
}
