/**
 * Pings goal: a ping exercise over 1,000 contacts is sent through the outbox and its statistics computed in under 5 s,
 * worker memory under 300 MB.
 *
 * Per database, a bench database is seeded by `bench/pings-child.ts seed` (250 organisations with 4 active contacts
 * each: bench data only), then `pings-child.ts run` is the worker in a process of its own: it creates the exercise as
 * the secretariat, drains the outbox (the start job writes 1,000 pings and enqueues their e-mails; the e-mail jobs
 * are sent by the mailer as .eml files, the transport of an install without SMTP_URL), then computes the exercise's
 * statistics. The time measured runs from creating the exercise to the last e-mail written, plus the statistics.
 * Half the pings are acknowledged between the two (not timed in the goal: each is one person's request), so the
 * statistics have times to sort.
 */
import path from 'node:path';
import { repoRoot } from './lib/paths.js';
import { createBenchDatabase } from './lib/pg.js';
import { runChecked, startChild } from './lib/proc.js';
import { type GoalResult, figure } from './lib/results.js';
import { formatMs } from './lib/stats.js';
import { makeTempDir } from './lib/tempdir.js';

interface WorkerRun {
  sentMs: number;
  sentCpuMs: number;
  sentRssMb: number;
  statsRssMb: number;
  statsMs: number;
  ackMs: number;
  totalMs: number;
  jobsRun: number;
  eml: number;
  pings: number;
  acknowledged: number;
  medianSeconds: number | null;
  organisations: number;
  baselineRssMb: number;
  loadedRssMb: number;
  maxRssMb: number;
}

const child = path.join(repoRoot, 'bench/pings-child.ts');
/** The worker's heap limits, as bench/digests.ts sets them for a worker process (see workerHeapFlags there). */
const workerHeapFlags = ['--max-old-space-size=128', '--max-semi-space-size=4'];

type Target = { DATABASE_URL: string; DATA_DIR: string } | { DATA_DIR: string };

function childEnv(database: Target): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent', IMPORT_ON_EMPTY: '', PUBLIC_URL: 'https://pariscall.bench', SMTP_URL: '', ...database };
  if (!('DATABASE_URL' in database)) delete env.DATABASE_URL;
  return env;
}

async function measure(count: number, database: Target): Promise<WorkerRun> {
  await runChecked(process.execPath, ['--import', 'tsx', child, 'seed', String(count)], { cwd: repoRoot, env: childEnv(database), timeoutMs: 300_000 });
  const worker = startChild('pings worker', process.execPath, [...workerHeapFlags, '--import', 'tsx', child, 'run', String(count)], { cwd: repoRoot, env: childEnv(database) });
  const code = await worker.exited;
  const last = worker.output().trim().split('\n').at(-1) ?? '';
  if (code !== 0 || !last.startsWith('{')) throw new Error(`pings worker exited with ${code}:\n${worker.output().slice(-3000)}`);
  return JSON.parse(last) as WorkerRun;
}

export async function benchPings(options: { contacts: number }): Promise<GoalResult> {
  const count = options.contacts;
  const pgDatabase = await createBenchDatabase('pings');
  let postgres: WorkerRun;
  try {
    postgres = await measure(count, { DATABASE_URL: pgDatabase.url, DATA_DIR: makeTempDir('pings-pg') });
  } finally {
    await pgDatabase.drop();
  }
  const pglite = await measure(count, { DATA_DIR: makeTempDir('pings-pglite') });
  const describe = (r: WorkerRun) =>
    `${r.pings} pings, ${r.eml} e-mails written by the worker (${r.jobsRun} jobs) in ${formatMs(r.sentMs)} (worker CPU ${formatMs(r.sentCpuMs)}, peak ${r.sentRssMb.toFixed(0)} MB so far); statistics of ${r.organisations} organisations in ${formatMs(r.statsMs)} (${r.acknowledged} acknowledged first, ${formatMs(r.ackMs)} one by one; peak ${r.statsRssMb.toFixed(0)} MB after)`;
  console.log(`  PostgreSQL: ${describe(postgres)}, worker peak ${postgres.maxRssMb.toFixed(0)} MB`);
  console.log(`  PGlite: ${describe(pglite)}, worker peak ${pglite.maxRssMb.toFixed(0)} MB (engine included)`);
  const complete = (r: WorkerRun) => r.pings === count && r.eml === count;
  return {
    id: 'pings',
    title: 'A ping exercise over 1,000 contacts: outbox and statistics',
    figures: [
      figure('exercise over 1,000 contacts sent and its statistics, PostgreSQL', postgres.totalMs, 'ms', describe(postgres), '< 5 s', postgres.totalMs < 5000 && complete(postgres)),
      figure('worker peak RSS, PostgreSQL', postgres.maxRssMb, 'MB', `${postgres.maxRssMb.toFixed(0)} MB peak; ${postgres.loadedRssMb.toFixed(0)} MB with every module loaded`, '< 300 MB', postgres.maxRssMb < 300),
      figure('the same on PGlite', pglite.totalMs, 'ms', describe(pglite), '< 5 s', pglite.totalMs < 5000 && complete(pglite)),
      figure('worker peak RSS on PGlite, the database engine in the process', pglite.maxRssMb, 'MB', `${pglite.maxRssMb.toFixed(0)} MB peak; ${pglite.baselineRssMb.toFixed(0)} MB with the engine open`, '< 300 MB', pglite.maxRssMb < 300),
    ],
    notes: [
      `${count} synthetic contacts in ${Math.ceil(count / 4)} organisations (bench/pings-child.ts), each with an e-mail channel then a phone; a third read French.`,
      'Sent = the exercise created, the `pings.start` job run by the worker (pings written, one e-mail each enqueued in the same transaction) and every `email.send` job run, each written as an .eml file (no SMTP_URL). Statistics = the exercise page’s figures: success rate, median and 90th percentile, per channel and per organisation.',
      `Peak RSS is the worker process’s maxRSS, started with \`${workerHeapFlags.join(' ')}\`.`,
    ],
    details: { postgres, pglite },
  };
}
