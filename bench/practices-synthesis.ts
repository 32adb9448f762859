/**
 * Practices goal: a synthesis of 1,000 practices is rendered in under 1 s with a peak memory under 200 MB.
 *
 * A bench database (PostgreSQL `pariscall_bench_practices_synthesis`, then a PGlite data directory) is seeded with the
 * registry, the principles and the norms of the reference bundle and 1,000 synthetic published practices (bench data
 * only), each linked to one or two norms, one principle and a registry entry. Then a new process generates the
 * synthesis of all of them: read (practices, norms, principles, supporters), the web page, the print version and the
 * Markdown, five times; its first render is what a visitor pays on a fresh server process.
 */
import path from 'node:path';
import { repoRoot } from './lib/paths.js';
import { createBenchDatabase } from './lib/pg.js';
import { runChecked } from './lib/proc.js';
import { type GoalResult, figure } from './lib/results.js';
import { formatBytes, formatMs } from './lib/stats.js';
import { makeTempDir } from './lib/tempdir.js';

interface Render {
  /** Read + present + the page with its form: what the page's request does. */
  ms: number;
  readMs: number;
  printMs: number;
  markdownMs: number;
  /** The process's peak so far, after this render. */
  maxRssMb: number;
  htmlBytes: number;
  printBytes: number;
  markdownBytes: number;
  practices: number;
  items: number;
}

interface RenderRun {
  samples: Render[];
  baselineRssMb: number;
  maxRssMb: number;
}

const child = path.join(repoRoot, 'bench/practices-synthesis-child.ts');

async function run(args: string[], database: { DATABASE_URL: string } | { DATA_DIR: string }): Promise<string> {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent', ...database };
  if (!('DATABASE_URL' in database)) delete env.DATABASE_URL;
  const { stdout } = await runChecked(process.execPath, ['--import', 'tsx', child, ...args], { cwd: repoRoot, env, timeoutMs: 300_000 });
  return stdout.trim().split('\n').at(-1)!;
}

async function measure(count: number, renders: number, database: { DATABASE_URL: string } | { DATA_DIR: string }): Promise<RenderRun> {
  await run(['seed', String(count), '0'], database);
  const result = JSON.parse(await run(['render', String(count), String(renders)], database)) as RenderRun;
  if (result.samples[0]?.practices !== count) throw new Error(`the synthesis holds ${result.samples[0]?.practices} practices, not ${count}`);
  return result;
}

export async function benchPracticesSynthesis(options: { practices: number; renders: number }): Promise<GoalResult> {
  const pgDatabase = await createBenchDatabase('practices_synthesis');
  let postgres: RenderRun;
  try {
    postgres = await measure(options.practices, options.renders, { DATABASE_URL: pgDatabase.url });
  } finally {
    await pgDatabase.drop();
  }
  const pglite = await measure(options.practices, options.renders, { DATA_DIR: makeTempDir('practices-synthesis') });
  const worst = (r: RenderRun) => Math.max(...r.samples.map((s) => s.ms));
  const times = (r: RenderRun) => r.samples.map((s) => formatMs(s.ms)).join(', ');
  const added = (r: RenderRun) => r.maxRssMb - r.baselineRssMb;
  const afterFirst = (r: RenderRun) => r.samples[0]!.maxRssMb - r.baselineRssMb;
  const sample = postgres.samples[0]!;
  const other = (r: RenderRun) => `print version ${formatMs(Math.max(...r.samples.map((s) => s.printMs)))}, Markdown ${formatMs(Math.max(...r.samples.map((s) => s.markdownMs)))} at most, from the same read`;
  console.log(`  synthesis of ${sample.practices}: PostgreSQL ${times(postgres)} (adds ${added(postgres).toFixed(0)} MB); PGlite ${times(pglite)} (adds ${added(pglite).toFixed(0)} MB)`);
  return {
    id: 'practices-synthesis',
    title: 'Synthesis of 1,000 practices: time and memory',
    figures: [
      figure('synthesis of 1,000 practices as the web page (read + render), PostgreSQL, slowest', worst(postgres), 'ms', `${formatMs(worst(postgres))} slowest of ${postgres.samples.length}: ${times(postgres)} (the first in a new process; reading ${formatMs(sample.readMs)} of the first); ${other(postgres)}`, '< 1 s', worst(postgres) < 1000),
      figure('memory the renders add, PostgreSQL (peak − before the first render)', added(postgres), 'MB', `${added(postgres).toFixed(0)} MB after ${postgres.samples.length} renders (${afterFirst(postgres).toFixed(0)} MB after the first); the process's peak ${postgres.maxRssMb.toFixed(0)} MB, ${postgres.baselineRssMb.toFixed(0)} MB before`, '< 200 MB', added(postgres) < 200),
      figure('the same on PGlite, slowest', worst(pglite), 'ms', `${formatMs(worst(pglite))} slowest of ${pglite.samples.length}: ${times(pglite)}; ${other(pglite)}`, '< 1 s', worst(pglite) < 1000),
      figure('memory the renders add, PGlite in the process (peak − before the first render)', added(pglite), 'MB', `${added(pglite).toFixed(0)} MB after ${pglite.samples.length} renders (${afterFirst(pglite).toFixed(0)} MB after the first); the process's peak, engine included: ${pglite.maxRssMb.toFixed(0)} MB`, '< 200 MB', added(pglite) < 200),
      figure('what one synthesis weighs', sample.htmlBytes, 'bytes', `page ${formatBytes(sample.htmlBytes)}, print ${formatBytes(sample.printBytes)}, Markdown ${formatBytes(sample.markdownBytes)} (${sample.items} entries: a practice linked to two norms is in both sections)`, '–', null),
    ],
    notes: [
      `The bench database holds the registry (1,222 entries), the 9 principles and the 11 norms of the reference bundle, and ${options.practices} synthetic practices written by \`bench/practices-synthesis-child.ts\` (deterministic: 1 or 2 norms, 1 principle, a registry entry each, half with a French translation, 90-word descriptions). Nothing synthetic reaches any other database.`,
      `Renders run in one new Node process per database (run by tsx, as the other bench children): generateSynthesis (the set's published practices, the norms, the principles and the supporters' registry entries), presentSynthesis and the web page (with its form and 249 countries) as a string is what the page's request does and what is timed; the print page and the Markdown are then rendered from the same read and timed apart (their own requests read it again). ${options.renders} renders, the first in a cold process (module loading and JIT included).`,
      'Memory is the process\'s maxRSS, measured before the first render and after each. What the renders add counts the garbage V8 has not collected yet. The process\'s peak also holds Node, tsx and the modules (and, on PGlite, the database engine in WebAssembly), there before any synthesis.',
    ],
    details: { postgres, pglite },
  };
}
