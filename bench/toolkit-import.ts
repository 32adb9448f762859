/**
 * Toolkit goal: importing the WG6 workbook (and the report's text) takes under 2 s with a peak memory under 200 MB.
 * Each run is a new process: reading alone (exceljs and the report's text), then reading and writing the published
 * layer into a new database, on PostgreSQL (the database outside the process: its peak is the import's own) and on
 * PGlite in memory (the database engine inside the process, so its peak includes PostgreSQL compiled to WebAssembly).
 */
import path from 'node:path';
import { officialDir, repoRoot } from './lib/paths.js';
import { createBenchDatabase } from './lib/pg.js';
import { runChecked } from './lib/proc.js';
import { type GoalResult, figure } from './lib/results.js';
import { formatMs } from './lib/stats.js';

interface Run {
  readMs: number;
  importMs: number;
  totalMs: number;
  maxRssMb: number;
  baselineRssMb: number;
}

const reportsDir = path.resolve(officialDir, '../reports-text');

async function measure(mode: 'read' | 'import', databaseUrl?: string): Promise<Run> {
  const env = { ...process.env, LOG_LEVEL: 'silent', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) };
  if (!databaseUrl) delete (env as Record<string, string | undefined>).DATABASE_URL;
  const { stdout } = await runChecked(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'bench/toolkit-import-child.ts'), officialDir, reportsDir, mode], { cwd: repoRoot, env, timeoutMs: 120_000 });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Run;
}

export async function benchToolkitImport(options: { runs: number }): Promise<GoalResult> {
  const reads: Run[] = [];
  const postgres: Run[] = [];
  const pglite: Run[] = [];
  for (let run = 0; run < options.runs; run++) {
    reads.push(await measure('read'));
    const database = await createBenchDatabase('toolkit_import');
    postgres.push(await measure('import', database.url));
    await database.drop();
    pglite.push(await measure('import'));
    console.log(`    run ${run + 1}: read ${formatMs(reads.at(-1)!.readMs)}, import PostgreSQL ${formatMs(postgres.at(-1)!.totalMs)} (${postgres.at(-1)!.maxRssMb.toFixed(0)} MB), PGlite ${formatMs(pglite.at(-1)!.totalMs)} (${pglite.at(-1)!.maxRssMb.toFixed(0)} MB)`);
  }
  const worst = (runs: Run[], key: keyof Run) => Math.max(...runs.map((r) => r[key]));
  const all = (runs: Run[], key: keyof Run) => runs.map((r) => (key.endsWith('Mb') ? `${r[key].toFixed(0)} MB` : formatMs(r[key]))).join(', ');
  const pgTotal = worst(postgres, 'totalMs');
  const pgRss = worst(postgres, 'maxRssMb');
  const liteTotal = worst(pglite, 'totalMs');
  const liteRss = worst(pglite, 'maxRssMb');
  const liteGrowth = Math.max(...pglite.map((r) => r.maxRssMb - r.baselineRssMb));
  return {
    id: 'toolkit-import',
    title: 'Import of the WG6 workbook and report',
    figures: [
      figure('reading the workbook and the report (35 frameworks, 875 pairs, 100 matrix cells)', worst(reads, 'readMs'), 'ms', `${formatMs(worst(reads, 'readMs'))} slowest of ${options.runs} (${all(reads, 'readMs')})`, '–', null),
      figure('read + write the published layer, PostgreSQL', pgTotal, 'ms', `${formatMs(pgTotal)} slowest of ${options.runs} (${all(postgres, 'totalMs')})`, '< 2 s', pgTotal < 2000),
      figure('peak memory of that process, PostgreSQL', pgRss, 'MB', `${pgRss.toFixed(0)} MB highest (${all(postgres, 'maxRssMb')}); ${postgres[0]!.baselineRssMb.toFixed(0)} MB before reading`, '< 200 MB', pgRss < 200),
      figure('read + write the published layer, PGlite', liteTotal, 'ms', `${formatMs(liteTotal)} slowest of ${options.runs} (${all(pglite, 'totalMs')})`, '< 2 s', liteTotal < 2000),
      figure('memory the import adds, PGlite in the process (peak − before reading)', liteGrowth, 'MB', `${liteGrowth.toFixed(0)} MB highest`, '< 200 MB', liteGrowth < 200),
      figure('peak memory of that process, PGlite engine included', liteRss, 'MB', `${liteRss.toFixed(0)} MB highest (${all(pglite, 'maxRssMb')}); ${pglite[0]!.baselineRssMb.toFixed(0)} MB before reading (the engine, migrated)`, '–', null),
    ],
    notes: [
      'Each run is a new Node process (`bench/toolkit-import-child.ts`): migrations run first and are not timed; the time is reading both files (exceljs on the 2021-11-10 workbook, the report\'s text) plus the import\'s one transaction.',
      'Peak memory is the process\'s maxRSS. On PostgreSQL it is the importer\'s own; on PGlite it also holds the database engine (PostgreSQL in WebAssembly), whose memory is there before the import starts.',
    ],
    details: { reads, postgres, pglite },
  };
}
