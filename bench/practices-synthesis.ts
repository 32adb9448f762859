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
import { formatBytes, formatMs, median } from './lib/stats.js';
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

interface Measured {
  /** One synthesis in a new process: its cold time and what it adds to the process's memory. */
  once: RenderRun;
  /** Repeated renders after warm-ups. */
  warm: RenderRun;
}

async function measure(count: number, renders: number, database: { DATABASE_URL: string } | { DATA_DIR: string }): Promise<Measured> {
  await run(['seed', String(count)], database);
  const once = JSON.parse(await run(['once', String(count)], database)) as RenderRun;
  const warm = JSON.parse(await run(['render', String(count), String(renders), '3'], database)) as RenderRun;
  for (const r of [once, warm]) if (r.samples[0]?.practices !== count) throw new Error(`the synthesis holds ${r.samples[0]?.practices} practices, not ${count}`);
  return { once, warm };
}

export async function benchPracticesSynthesis(options: { practices: number; renders: number }): Promise<GoalResult> {
  const pgDatabase = await createBenchDatabase('practices_synthesis');
  let postgres: Measured;
  try {
    postgres = await measure(options.practices, options.renders, { DATABASE_URL: pgDatabase.url });
  } finally {
    await pgDatabase.drop();
  }
  const pglite = await measure(options.practices, options.renders, { DATA_DIR: makeTempDir('practices-synthesis') });
  const worst = (r: RenderRun, key: 'ms' | 'printMs' | 'markdownMs' = 'ms') => Math.max(...r.samples.map((s) => s[key]));
  const cold = (m: Measured) => `first in a new process ${formatMs(m.once.samples[0]!.ms)} (reading ${formatMs(m.once.samples[0]!.readMs)})`;
  const added = (m: Measured) => m.once.maxRssMb - m.once.baselineRssMb;
  const sample = postgres.warm.samples[0]!;
  const others = (m: Measured) => `print version ${formatMs(worst(m.warm, 'printMs'))}, Markdown ${formatMs(worst(m.warm, 'markdownMs'))} at most, from the same read`;
  console.log(`  synthesis of ${sample.practices}: PostgreSQL ${formatMs(worst(postgres.warm))} slowest, ${cold(postgres)}, adds ${added(postgres).toFixed(0)} MB; PGlite ${formatMs(worst(pglite.warm))} slowest, ${cold(pglite)}, adds ${added(pglite).toFixed(0)} MB`);
  return {
    id: 'practices-synthesis',
    title: 'Synthesis of 1,000 practices: time and memory',
    figures: [
      figure('synthesis of 1,000 practices as the web page (read + render), PostgreSQL, slowest', worst(postgres.warm), 'ms', `${formatMs(worst(postgres.warm))} slowest of ${postgres.warm.samples.length}, ${formatMs(median(postgres.warm.samples.map((s) => s.ms)))} median; ${cold(postgres)}; ${others(postgres)}`, '< 1 s', worst(postgres.warm) < 1000),
      figure('memory one synthesis adds, PostgreSQL (peak − before)', added(postgres), 'MB', `${added(postgres).toFixed(0)} MB; the process's peak ${postgres.once.maxRssMb.toFixed(0)} MB, ${postgres.once.baselineRssMb.toFixed(0)} MB before (Node, tsx, the modules)`, '< 200 MB', added(postgres) < 200),
      figure('the same on PGlite, slowest', worst(pglite.warm), 'ms', `${formatMs(worst(pglite.warm))} slowest of ${pglite.warm.samples.length}, ${formatMs(median(pglite.warm.samples.map((s) => s.ms)))} median; ${cold(pglite)}; ${others(pglite)}`, '< 1 s', worst(pglite.warm) < 1000),
      figure('memory one synthesis adds, PGlite in the process (peak − before)', added(pglite), 'MB', `${added(pglite).toFixed(0)} MB; the process's peak, engine included: ${pglite.once.maxRssMb.toFixed(0)} MB`, '< 200 MB', added(pglite) < 200),
      figure('what one synthesis weighs', sample.htmlBytes, 'bytes', `page ${formatBytes(sample.htmlBytes)}, print ${formatBytes(sample.printBytes)}, Markdown ${formatBytes(sample.markdownBytes)} (${sample.items} entries: a practice linked to two norms is in both sections)`, '–', null),
    ],
    notes: [
      `The bench database holds the registry (1,222 entries), the 9 principles and the 11 norms of the reference bundle, and ${options.practices} synthetic practices written by \`bench/practices-synthesis-child.ts\` (deterministic: 1 or 2 norms, 1 principle, a registry entry each, half with a French translation, 90-word descriptions). Nothing synthetic reaches any other database.`,
      `Per database, two new Node processes (run by tsx, as the other bench children): one renders the synthesis once (its cold time, and the memory it adds: the process's maxRSS after the render minus its RSS before); the other renders it ${options.renders} times after 3 unrecorded renders (JIT, the database's caches), the figure timed. A render is what the page's request does: generateSynthesis (the set's published practices, the norms, the principles, the supporters' registry entries), presentSynthesis and the web page with its form (249 countries) as a string. The print page and the Markdown are then rendered from the same read and timed apart.`,
      'The process\'s peak also holds Node, tsx and the modules (and, on PGlite, the database engine in WebAssembly), there before any synthesis. In a process that renders again and again without pause, the peak climbs further with garbage V8 has not collected yet; that is not memory a synthesis holds.',
    ],
    details: { postgres, pglite },
  };
}
