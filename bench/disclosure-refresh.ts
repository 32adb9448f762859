/**
 * Disclosure registry goal: the registry refreshes 1,000 security.txt files, served by a local test server, through the
 * outbox in under 60 s, the worker's memory under 300 MB.
 *
 * This process serves the files (on 127.0.0.1, a port of the 4450–4459 range, else any free one): each entry's own
 * security.txt, a few hundred bytes, with its own contacts; one in ten has a problem the parser reports (a repeated
 * Expires), one in twenty-five answers 404, so every outcome is exercised. The worker runs in a process of its own
 * (bench/disclosure-refresh-child.ts) on a new bench database, once on PostgreSQL and once on PGlite: the daily
 * `disclosure.refresh-all` job enqueues one refresh job per entry, and an outbox worker drains them (8 at a time).
 * Its figure is the time from enqueueing the daily job to the last refresh written, and the process's peak RSS.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { repoRoot } from './lib/paths.js';
import { createBenchDatabase } from './lib/pg.js';
import { runChecked, startChild } from './lib/proc.js';
import { figure, type GoalResult } from './lib/results.js';
import { formatMs } from './lib/stats.js';
import { makeTempDir } from './lib/tempdir.js';

interface WorkerRun {
  ms: number;
  ran: number;
  statuses: Record<string, number>;
  baselineRssMb: number;
  loadedRssMb: number;
  maxRssMb: number;
}

const child = path.join(repoRoot, 'bench/disclosure-refresh-child.ts');
/** As the digests bench: the heap limit a deployment sets for its worker process. */
const workerHeapFlags = ['--max-old-space-size=128', '--max-semi-space-size=4'];
const expires = new Date(Date.now() + 180 * 86_400_000).toISOString();

function fileFor(i: number): string | null {
  if (i % 25 === 0) return null;
  const lines = [`# Security contacts of bench supporter ${i}`, `Contact: mailto:security@supporter-${i}.example`, `Contact: https://supporter-${i}.example/report`, `Expires: ${expires}`];
  if (i % 10 === 0) lines.push(`Expires: ${expires}`);
  lines.push(`Policy: https://supporter-${i}.example/cvd`, 'Preferred-Languages: en, fr', `Canonical: https://supporter-${i}.example/.well-known/security.txt`, '');
  return lines.join('\n');
}

async function serveFiles(): Promise<{ base: string; served: () => number; close: () => Promise<void> }> {
  let served = 0;
  const server = http.createServer((request, response) => {
    served++;
    const match = /^\/sites\/(\d+)\/\.well-known\/security\.txt$/.exec(request.url ?? '');
    const body = match ? fileFor(Number(match[1])) : null;
    if (body === null) return response.writeHead(404).end('not found');
    response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(body);
  });
  const listen = (port: number) => new Promise<boolean>((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => resolve(true));
  });
  let listening = false;
  for (let port = 4450; port <= 4459 && !listening; port++) listening = await listen(port);
  if (!listening) await listen(0);
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    served: () => served,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function childEnv(files: string, database: { DATABASE_URL: string } | { DATA_DIR: string }): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent', IMPORT_ON_EMPTY: '', PUBLIC_URL: 'https://pariscall.bench', BENCH_FILES: files, ...database };
  if (!('DATABASE_URL' in database)) delete env.DATABASE_URL;
  return env;
}

/** Seeds the database in a process of its own (as a deployment's database exists before its worker starts), then runs the worker. */
async function runWorker(count: number, files: string, database: { DATABASE_URL: string } | { DATA_DIR: string }): Promise<WorkerRun> {
  await runChecked(process.execPath, ['--import', 'tsx', child, 'seed', String(count)], { cwd: repoRoot, env: childEnv(files, database), timeoutMs: 300_000 });
  const worker = startChild('disclosure worker', process.execPath, [...workerHeapFlags, '--import', 'tsx', child, 'run', String(count)], { cwd: repoRoot, env: childEnv(files, database) });
  return worker.exited.then((code) => {
    const last = worker.output().trim().split('\n').at(-1) ?? '';
    if (code !== 0 || !last.startsWith('{')) throw new Error(`disclosure worker exited with ${code}:\n${worker.output().slice(-3000)}`);
    return JSON.parse(last) as WorkerRun;
  });
}

export async function benchDisclosureRefresh(options: { entries: number }): Promise<GoalResult> {
  const count = options.entries;
  const files = await serveFiles();
  let postgres: WorkerRun;
  let pglite: WorkerRun;
  try {
    const pgDatabase = await createBenchDatabase('disclosure');
    try {
      postgres = await runWorker(count, files.base, { DATABASE_URL: pgDatabase.url });
    } finally {
      await pgDatabase.drop();
    }
    pglite = await runWorker(count, files.base, { DATA_DIR: makeTempDir('disclosure-pglite') });
  } finally {
    await files.close();
  }
  const expected = { ok: count - Math.floor(count / 10) - Math.floor(count / 25) + Math.floor(count / 50), invalid: Math.floor(count / 10) - Math.floor(count / 50), unreachable: Math.floor(count / 25) };
  const right = (r: WorkerRun) => r.statuses.ok === expected.ok && r.statuses.invalid === expected.invalid && r.statuses.unreachable === expected.unreachable;
  const run = (r: WorkerRun) => `${r.ran} jobs in ${formatMs(r.ms)}; entries ${Object.entries(r.statuses).map(([s, n]) => `${s} ${n}`).join(', ')}`;
  console.log(`  PostgreSQL: ${run(postgres)}, worker peak ${postgres.maxRssMb.toFixed(0)} MB`);
  console.log(`  PGlite: ${run(pglite)}, worker peak ${pglite.maxRssMb.toFixed(0)} MB (engine included)`);
  return {
    id: 'disclosure-refresh',
    title: 'Refreshing 1,000 security.txt files through the outbox',
    figures: [
      figure('1,000 security.txt refreshed, PostgreSQL, worker process', postgres.ms, 'ms', run(postgres), '< 60 s', postgres.ms < 60_000 && right(postgres)),
      figure('worker peak RSS, PostgreSQL', postgres.maxRssMb, 'MB', `${postgres.maxRssMb.toFixed(0)} MB peak; ${postgres.loadedRssMb.toFixed(0)} MB with every module loaded before the run`, '< 300 MB', postgres.maxRssMb < 300),
      figure('the same on PGlite', pglite.ms, 'ms', run(pglite), '< 60 s', pglite.ms < 60_000 && right(pglite)),
      figure('worker peak RSS on PGlite, the database engine in the process', pglite.maxRssMb, 'MB', `${pglite.maxRssMb.toFixed(0)} MB peak`, '< 300 MB', pglite.maxRssMb < 300),
    ],
    notes: [
      `${count} synthetic supporters and entries (bench/disclosure-refresh-child.ts); the files are served by the bench process on 127.0.0.1: one in ten has a repeated Expires (stored as \`invalid\` with its line), one in twenty-five answers 404 (\`unreachable\`), the rest parse (\`ok\`). Expected: ${JSON.stringify(expected)}.`,
      'Through the outbox: the daily `disclosure.refresh-all` job enqueues one `disclosure.refresh` job per entry (idempotency key per entry and day); an outbox worker with every module\'s handlers runs them 8 at a time. Each fetch goes through the SSRF-safe fetcher (here allowed to reach 127.0.0.1), is parsed and written in its own transaction, audited when its outcome changed.',
      `Peak RSS is the worker process's maxRSS (Node, tsx, every module, and on PGlite the database engine in WebAssembly), started with \`${workerHeapFlags.join(' ')}\` like the digests' worker.`,
    ],
    details: { postgres, pglite },
  };
}
