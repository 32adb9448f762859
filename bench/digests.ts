/**
 * Notifications goal: digests for 10,000 subscribers are produced in under a minute by the worker running apart from
 * the web process, which keeps answering meanwhile; the worker's peak memory stays under 300 MB.
 *
 * Per database, a bench database is seeded by `bench/digests-child.ts seed` (6 groups, 10,000 synthetic people with
 * roles and subscriptions: bench data only), then `digests-child.ts run` is the worker, in a process of its own,
 * running the weekly digest job's handler as the worker would (each group's items read once for the week, people a
 * page at a time, one transaction per page recording the deliveries and enqueueing the e-mails). On PostgreSQL the
 * web server (`pariscall serve` with JOBS=false, as a deployment with a separate worker runs it) answers a page that
 * queries the database (a registry search, a different one each time, so the response cache does not answer) one
 * request after another before and during the run: its latency is the figure of "not blocking". On PGlite the
 * embedded database admits one process, so there is no web process beside the worker (a PGlite deployment runs the
 * worker inside the web process); its worker figure includes the database engine itself.
 */
import path from 'node:path';
import { httpGet } from './lib/http.js';
import { repoRoot } from './lib/paths.js';
import { createBenchDatabase } from './lib/pg.js';
import { runChecked, startChild } from './lib/proc.js';
import { type GoalResult, figure } from './lib/results.js';
import { startOurServer } from './lib/server.js';
import { formatMs, percentile } from './lib/stats.js';
import { makeTempDir } from './lib/tempdir.js';

interface WorkerRun {
  ms: number;
  rerunMs: number;
  emails: number;
  deliveries: number;
  emailsAfterRerun: number;
  baselineRssMb: number;
  loadedRssMb: number;
  maxRssMb: number;
}

const child = path.join(repoRoot, 'bench/digests-child.ts');

/**
 * The worker's V8 heap limit, as a deployment sets it for a worker process (`NODE_OPTIONS`): without one, V8 lets a
 * run's garbage (each page's rendered e-mails, dropped once enqueued) pile up to several hundred MB before collecting,
 * since nothing asks it to; with it, the same run collects as it goes (slower by about half, measured on 2026-12-07:
 * 750 MB peak uncapped, under 400 MB capped on PGlite with the engine included).
 */
const workerHeapFlags = ['--max-old-space-size=128', '--max-semi-space-size=4'];

function childEnv(database: { DATABASE_URL: string } | { DATA_DIR: string }): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent', IMPORT_ON_EMPTY: '', PUBLIC_URL: 'https://pariscall.bench', ...database };
  if (!('DATABASE_URL' in database)) delete env.DATABASE_URL;
  return env;
}

async function seed(count: number, database: { DATABASE_URL: string } | { DATA_DIR: string }): Promise<void> {
  await runChecked(process.execPath, ['--import', 'tsx', child, 'seed', String(count)], { cwd: repoRoot, env: childEnv(database), timeoutMs: 300_000 });
}

/** Starts the worker's run and resolves with its figures when it ends. */
function runWorker(count: number, database: { DATABASE_URL: string } | { DATA_DIR: string }): Promise<WorkerRun> {
  const worker = startChild('digests worker', process.execPath, [...workerHeapFlags, '--import', 'tsx', child, 'run', String(count)], { cwd: repoRoot, env: childEnv(database) });
  return worker.exited.then((code) => {
    const last = worker.output().trim().split('\n').at(-1) ?? '';
    if (code !== 0 || !last.startsWith('{')) throw new Error(`digests worker exited with ${code}:\n${worker.output().slice(-3000)}`);
    return JSON.parse(last) as WorkerRun;
  });
}

/** Sequential requests to a page that reads the database, until `until` resolves (or `count` requests); latencies in ms. */
async function pageLatencies(baseUrl: string, stop: { done: boolean }, max = Infinity): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; !stop.done && i < max; i++) {
    const started = performance.now();
    const response = await httpGet(`${baseUrl}/en/supporters?q=${['cyber', 'security', 'france', 'microsoft', 'university', 'foundation'][i % 6]}${i % 7 === 0 ? '' : `&page=${(i % 3) + 1}`}&x=${i}`);
    if (response.status !== 200) throw new Error(`the page answered ${response.status}`);
    latencies.push(performance.now() - started);
  }
  return latencies;
}

export async function benchDigests(options: { subscribers: number }): Promise<GoalResult> {
  const count = options.subscribers;
  const pgDatabase = await createBenchDatabase('digests');
  let postgres: WorkerRun;
  let before: number[];
  let during: number[];
  try {
    await seed(count, { DATABASE_URL: pgDatabase.url });
    const server = await startOurServer({ driver: 'postgres', dataDir: makeTempDir('digests-web'), databaseUrl: pgDatabase.url }, { env: { JOBS: 'false', IMPORT_ON_EMPTY: '' }, label: 'web (JOBS=false)' });
    try {
      before = await pageLatencies(server.baseUrl, { done: false }, 200);
      const stop = { done: false };
      const running = runWorker(count, { DATABASE_URL: pgDatabase.url }).finally(() => (stop.done = true));
      [postgres, during] = await Promise.all([running, pageLatencies(server.baseUrl, stop)]);
    } finally {
      await server.child.stop(5000);
    }
  } finally {
    await pgDatabase.drop();
  }
  const dataDir = makeTempDir('digests-pglite');
  await seed(count, { DATA_DIR: dataDir });
  const pglite = await runWorker(count, { DATA_DIR: dataDir });
  const p = (samples: number[], q: number) => percentile(samples, q);
  const latency = `p50 ${formatMs(p(during, 50))}, p95 ${formatMs(p(during, 95))}, max ${formatMs(Math.max(...during))} over ${during.length} requests during the run; before it p50 ${formatMs(p(before, 50))}, p95 ${formatMs(p(before, 95))}`;
  const run = (r: WorkerRun) => `${r.emails} digests enqueued in ${formatMs(r.ms)}; the same week again (a retried job) ${formatMs(r.rerunMs)}, ${r.emailsAfterRerun - r.emails} more e-mails`;
  console.log(`  PostgreSQL: ${run(postgres)}, worker peak ${postgres.maxRssMb.toFixed(0)} MB; page ${latency}`);
  console.log(`  PGlite: ${run(pglite)}, worker peak ${pglite.maxRssMb.toFixed(0)} MB (engine included)`);
  return {
    id: 'digests',
    title: 'Weekly digests for 10,000 subscribers, worker apart',
    figures: [
      figure('digests for 10,000 subscribers, PostgreSQL, worker process', postgres.ms, 'ms', run(postgres), '< 1 min', postgres.ms < 60_000 && postgres.emailsAfterRerun === postgres.emails),
      figure('worker peak RSS, PostgreSQL', postgres.maxRssMb, 'MB', `${postgres.maxRssMb.toFixed(0)} MB peak; ${postgres.loadedRssMb.toFixed(0)} MB with every module loaded before the run`, '< 300 MB', postgres.maxRssMb < 300),
      figure('a database page of the web process during the run, p95', p(during, 95), 'ms', latency, 'keeps answering', during.length > 0),
      figure('the same digests on PGlite (worker alone)', pglite.ms, 'ms', run(pglite), '< 1 min', pglite.ms < 60_000 && pglite.emailsAfterRerun === pglite.emails),
      figure('worker peak RSS on PGlite, the database engine in the process', pglite.maxRssMb, 'MB', `${pglite.maxRssMb.toFixed(0)} MB peak; ${pglite.baselineRssMb.toFixed(0)} MB with the engine open, before the modules load`, '< 300 MB', pglite.maxRssMb < 300),
    ],
    notes: [
      `${count} synthetic people in 6 groups (bench/digests-child.ts): half members of a group (its weekly digest by default), half following one (one in ten of those daily, so not in the weekly digest), one in seven also observing a second group; a third write French. The week's activity comes from an activity source of the bench's own (8 public and 3 members-only items per group): the real sources belong to the groups, consultations and events modules.`,
      'Produced = each person’s digest rendered in their language and enqueued as an `email.send` job in the outbox, with the delivery recorded; sending them is the outbox’s ordinary work afterwards. The run is then repeated for the same week: it must enqueue nothing (idempotence).',
      `Peak RSS is the worker process’s maxRSS (Node, tsx, every module, and on PGlite the database engine in WebAssembly), the worker started with \`${workerHeapFlags.join(' ')}\` (see workerHeapFlags in bench/digests.ts for why).`,
    ],
    details: { postgres, pglite, before, during },
  };
}
