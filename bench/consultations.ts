/**
 * Consultations goal: a consultation with 2,000 inputs on a 100-paragraph draft renders in under 200 ms of server time
 * (p95), and its disposition table exports as CSV in under 1 s, on PostgreSQL and on PGlite, with the server's peak
 * memory.
 *
 * A bench database (PostgreSQL `pariscall_bench_consultations`, then a PGlite data directory) is seeded by
 * `bench/consultations-child.ts` with one concluded consultation: 100 paragraphs, 2,000 inputs (a tenth private, a
 * quarter of the rest anonymous), a published disposition for each (a tenth in two versions) and the revised text.
 * A new process then starts the application and requests the page and the CSV through Fastify's inject.
 */
import path from 'node:path';
import { repoRoot } from './lib/paths.js';
import { createBenchDatabase } from './lib/pg.js';
import { runChecked } from './lib/proc.js';
import { type GoalResult, figure } from './lib/results.js';
import { formatBytes, formatMs, median, percentile } from './lib/stats.js';
import { makeTempDir } from './lib/tempdir.js';

interface Served {
  pageMs: number[];
  csvMs: number[];
  pageCpuMs: number[];
  csvCpuMs: number[];
  pageBytes: number;
  csvBytes: number;
  csvRows: number;
  shownInputs: number;
  baselineRssMb: number;
  maxRssMb: number;
}

const child = path.join(repoRoot, 'bench/consultations-child.ts');

async function run(args: string[], database: { DATABASE_URL: string } | { DATA_DIR: string }): Promise<string> {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent', ...database };
  if (!('DATABASE_URL' in database)) delete env.DATABASE_URL;
  const { stdout } = await runChecked(process.execPath, ['--import', 'tsx', child, ...args], { cwd: repoRoot, env, timeoutMs: 600_000 });
  return stdout.trim().split('\n').at(-1)!;
}

async function measure(options: Options, database: { DATABASE_URL: string } | { DATA_DIR: string }): Promise<Served> {
  const seeded = JSON.parse(await run(['seed', String(options.paragraphs), String(options.inputs)], database)) as { consultation: string; inputs: number };
  if (seeded.inputs !== options.inputs) throw new Error(`seeded ${seeded.inputs} inputs, not ${options.inputs}`);
  return JSON.parse(await run(['serve', seeded.consultation, String(options.renders), String(options.exports), String(options.warmups)], database)) as Served;
}

interface Options {
  paragraphs: number;
  inputs: number;
  renders: number;
  exports: number;
  warmups: number;
}

export async function benchConsultations(options: Options): Promise<GoalResult> {
  const pgDatabase = await createBenchDatabase('consultations');
  let postgres: Served;
  try {
    postgres = await measure(options, { DATABASE_URL: pgDatabase.url });
  } finally {
    await pgDatabase.drop();
  }
  const pglite = await measure(options, { DATA_DIR: makeTempDir('consultations') });
  const p95 = (samples: number[]) => percentile(samples, 95);
  const page = (s: Served) => `${formatMs(p95(s.pageMs))} p95 of ${s.pageMs.length}, ${formatMs(median(s.pageMs))} median; ${formatBytes(s.pageBytes)}, ${s.shownInputs} inputs shown (private ones are not)`;
  const csv = (s: Served) => `${formatMs(Math.max(...s.csvMs))} slowest of ${s.csvMs.length}, ${formatMs(median(s.csvMs))} median; ${s.csvRows} rows, ${formatBytes(s.csvBytes)}`;
  const memory = (s: Served) => `peak ${s.maxRssMb.toFixed(0)} MB; ${s.baselineRssMb.toFixed(0)} MB once started, before the first request`;
  console.log(`  page: PostgreSQL ${page(postgres)}; PGlite ${page(pglite)}`);
  console.log(`  CSV: PostgreSQL ${csv(postgres)}; PGlite ${csv(pglite)}`);
  return {
    id: 'consultations',
    title: 'A consultation with 2,000 inputs: page and disposition export',
    figures: [
      figure('consultation page, 2,000 inputs on 100 paragraphs, PostgreSQL, p95 server time', p95(postgres.pageMs), 'ms', page(postgres), '< 200 ms', p95(postgres.pageMs) < 200),
      figure('disposition table as CSV, PostgreSQL, slowest', Math.max(...postgres.csvMs), 'ms', csv(postgres), '< 1 s', Math.max(...postgres.csvMs) < 1000),
      figure('the page\'s CPU time in the server process, PostgreSQL, p95', p95(postgres.pageCpuMs), 'ms', `${formatMs(p95(postgres.pageCpuMs))} p95, ${formatMs(median(postgres.pageCpuMs))} median (PostgreSQL's own work is in its server, not here)`, '–', null),
      figure('server process memory, PostgreSQL', postgres.maxRssMb, 'MB', memory(postgres), '–', null),
      figure('the same page on PGlite, p95 server time', p95(pglite.pageMs), 'ms', page(pglite), '< 200 ms', p95(pglite.pageMs) < 200),
      figure('the same CSV on PGlite, slowest', Math.max(...pglite.csvMs), 'ms', csv(pglite), '< 1 s', Math.max(...pglite.csvMs) < 1000),
      figure('the page\'s CPU time in the server process, PGlite (engine included), p95', p95(pglite.pageCpuMs), 'ms', `${formatMs(p95(pglite.pageCpuMs))} p95, ${formatMs(median(pglite.pageCpuMs))} median`, '–', null),
      figure('server process memory, PGlite in the process', pglite.maxRssMb, 'MB', memory(pglite), '–', null),
    ],
    notes: [
      `The bench database holds one working group and one concluded consultation written by \`bench/consultations-child.ts\` (deterministic): ${options.paragraphs} paragraphs of 60 words, ${options.inputs} inputs of 50 words from 300 contributors (a tenth private, a quarter of the others anonymous, a twentieth on the text as a whole), a published disposition for each (a tenth in two versions) and a revised text whose paragraphs link to five inputs each. Nothing synthetic reaches any other database.`,
      `Per database, a new Node process (run by tsx) starts the application as \`npm start\` does (without the worker) and sends, through Fastify's inject (server time: routing, reading, rendering; no network), ${options.warmups} unrecorded requests of each kind, then ${options.renders} for the consultation's page as an anonymous reader and ${options.exports} for \`/api/v1/consultations/:id/dispositions.csv\`. The process's CPU time per request is recorded beside the server time: on a machine shared with other work (see the load average), the server time also counts the waits for a core. Memory is the process's maxRSS (Node, tsx, every module, and on PGlite the database engine).`,
    ],
    details: { postgres, pglite },
  };
}
