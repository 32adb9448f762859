/**
 * Issue 12, item 1: the server rides through losing PostgreSQL. Our server runs as `npm start` runs it (dist/) on a
 * scratch PostgreSQL database, the registry not imported. Three clients keep requesting, each every 20 ms: a cached
 * public page (/en/supporters, filled before), a page the cache cannot answer (/en/supporters?q=<new word each time>,
 * a search in the database) and /healthz. Then the database goes away:
 *
 * - terminate: every backend of the database is ended (`pg_terminate_backend`), as the probe of issue 12 did, on the
 *   machine's PostgreSQL;
 * - restart: a PostgreSQL cluster of the bench's own (initdb in a temp dir, its own port, run as the `postgres` user)
 *   is stopped (`pg_ctl stop -m fast`), left down 2 s and started again; the machine's cluster, which other work
 *   uses, is never restarted.
 *   Skipped, and said so, when the bench cannot run commands as `postgres` (not root).
 *
 * Recorded per case: the time from the disruption until /healthz answers 200 again and stays so, the answers that were
 * not 200 meanwhile (by route and status), whether the cached page kept answering 200, and the server's memory.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { registerCleanup } from './lib/cleanup.js';
import { freePort } from './lib/http.js';
import { createBenchDatabase, postgresAdminUrl, postgresVersion } from './lib/pg.js';
import { serverRssMb } from './lib/rss.js';
import { type Figure, type GoalResult, figure } from './lib/results.js';
import { startOurServer } from './lib/server.js';
import { formatMs, round } from './lib/stats.js';
import { makeTempDir } from './lib/tempdir.js';

/** How long the bench's own PostgreSQL stays stopped during the restart case. */
const downMs = 2000;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const routes = { cached: '/en/supporters', uncached: '/en/supporters?q=', healthz: '/healthz' } as const;
type RouteName = keyof typeof routes;

interface Sample {
  route: RouteName;
  /** Milliseconds since the disruption (negative before it). */
  at: number;
  /** HTTP status, or 0 when the request failed without an answer. */
  status: number;
  ms: number;
}

interface CaseResult {
  name: string;
  /** How long the disruption itself took (for the restart: from the stop until PostgreSQL accepted connections again). */
  disruptMs: number;
  /** From the disruption to the first /healthz 200 after which every /healthz was 200; null when it never came back. */
  recoveryMs: number | null;
  /** The same for the page the cache cannot answer (it needs the database). */
  uncachedRecoveryMs: number | null;
  /** The longest /healthz answer in the window (a server stuck waiting would show here). */
  worstHealthzMs: number;
  notOk: Record<string, number>;
  requests: Record<RouteName, number>;
  cachedOk: number;
  rssBeforeMb: number;
  rssPeakMb: number;
  rssAfterMb: number;
}

/** Keeps one client per route requesting every 20 ms until `stop()`; returns every answer. */
function startLoad(baseUrl: string, origin: () => number): { stop: () => Promise<Sample[]> } {
  const samples: Sample[] = [];
  let running = true;
  let word = 0;
  const loop = async (route: RouteName) => {
    while (running) {
      const url = `${baseUrl}${routes[route]}${route === 'uncached' ? `bench${word++}` : ''}`;
      const started = performance.now();
      let status = 0;
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
        await response.arrayBuffer();
        status = response.status;
      } catch {
        status = 0;
      }
      samples.push({ route, at: started - origin(), status, ms: performance.now() - started });
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const loops = (Object.keys(routes) as RouteName[]).map(loop);
  return {
    stop: async () => {
      running = false;
      await Promise.all(loops);
      return samples;
    },
  };
}

/**
 * From the disruption to the end of the first 200 after the last answer that was not 200 (0 when none failed); null
 * when the route never answered 200 again.
 */
function recoveredAfter(samples: Sample[]): number | null {
  const lastBad = samples.reduce((last, s) => (s.status !== 200 ? Math.max(last, s.at) : last), Number.NEGATIVE_INFINITY);
  if (!Number.isFinite(lastBad)) return 0;
  const firstGood = samples.filter((s) => s.status === 200 && s.at > lastBad).sort((a, b) => a.at - b.at)[0];
  return firstGood ? firstGood.at + firstGood.ms : null;
}

/** Runs one case: the server on `databaseUrl`, 3 s of load, `disrupt()`, then load until /healthz has been 200 for 3 s (at most 60 s). */
async function runCase(name: string, databaseUrl: string, disrupt: () => Promise<void>): Promise<CaseResult> {
  const server = await startOurServer(
    { driver: 'postgres', dataDir: makeTempDir('outage'), databaseUrl },
    { command: [npm, 'start', '--silent'], env: { IMPORT_ON_EMPTY: '' }, label: `npm start (outage: ${name})` },
  );
  try {
    for (let i = 0; i < 3; i++) await (await fetch(`${server.baseUrl}${routes.cached}`)).arrayBuffer();
    let disruptedAt = Number.POSITIVE_INFINITY;
    const load = startLoad(server.baseUrl, () => (Number.isFinite(disruptedAt) ? disruptedAt : performance.now()));
    let rssPeakMb = 0;
    const sampler = setInterval(() => (rssPeakMb = Math.max(rssPeakMb, serverRssMb(server.child.pid))), 50);
    await new Promise((r) => setTimeout(r, 3000));
    const rssBeforeMb = serverRssMb(server.child.pid);
    disruptedAt = performance.now();
    await disrupt();
    const disruptMs = performance.now() - disruptedAt;
    const deadline = disruptedAt + 60_000;
    let healthySince: number | null = null;
    while (performance.now() < deadline) {
      const response = await fetch(`${server.baseUrl}/healthz`).then((r) => r.status, () => 0);
      if (response !== 200) healthySince = null;
      else healthySince ??= performance.now();
      if (healthySince !== null && performance.now() - healthySince > 3000) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const samples = await load.stop();
    clearInterval(sampler);
    if (server.child.process.exitCode !== null) throw new Error(`${name}: the server exited with ${server.child.process.exitCode}`);
    const rssAfterMb = serverRssMb(server.child.pid);

    const after = samples.filter((s) => s.at >= 0);
    const health = after.filter((s) => s.route === 'healthz');
    const recoveryMs = recoveredAfter(health);
    const uncachedRecoveryMs = recoveredAfter(after.filter((s) => s.route === 'uncached'));
    const notOk: Record<string, number> = {};
    for (const s of after.filter((s) => s.status !== 200)) notOk[`${s.route} ${s.status || 'no answer'}`] = (notOk[`${s.route} ${s.status || 'no answer'}`] ?? 0) + 1;
    const requests = { cached: 0, uncached: 0, healthz: 0 };
    for (const s of after) requests[s.route]++;
    const cachedOk = after.filter((s) => s.route === 'cached' && s.status === 200).length;
    const worstHealthzMs = round(Math.max(0, ...health.map((s) => s.ms)));
    const rounded = (ms: number | null) => (ms === null ? null : round(ms));
    const result = { name, disruptMs: round(disruptMs), recoveryMs: rounded(recoveryMs), uncachedRecoveryMs: rounded(uncachedRecoveryMs), worstHealthzMs, notOk, requests, cachedOk, rssBeforeMb, rssPeakMb, rssAfterMb };
    console.log(`    ${name} (${formatMs(disruptMs)}): /healthz 200 again after ${recoveryMs === null ? 'never' : formatMs(recoveryMs)}, the search after ${uncachedRecoveryMs === null ? 'never' : formatMs(uncachedRecoveryMs)}; not 200: ${JSON.stringify(notOk)}; cached ${cachedOk}/${requests.cached}; RSS ${rssBeforeMb} → peak ${rssPeakMb} → ${rssAfterMb} MB`);
    return result;
  } finally {
    await server.child.stop(15_000, 'SIGINT');
  }
}

async function terminateBackends(database: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresAdminUrl });
  await client.connect();
  try {
    await client.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [database]);
  } finally {
    await client.end();
  }
}

/** A PostgreSQL cluster of the bench's own, run as `postgres` on a free port; null (with why) when that is not possible. */
async function scratchCluster(): Promise<{ url: string; restart: () => Promise<void> } | { skipped: string }> {
  const major = (await postgresVersion())?.split('.')[0];
  const bin = `/usr/lib/postgresql/${major}/bin`;
  if (!major || !fs.existsSync(`${bin}/pg_ctl`)) return { skipped: `no pg_ctl for PostgreSQL ${major ?? '?'} in ${bin}` };
  if (os.userInfo().uid !== 0) return { skipped: 'the bench is not root, so it cannot run a cluster as the postgres user' };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pariscall-bench-pgcluster-'));
  const data = path.join(dir, 'data');
  const port = await freePort();
  const asPostgres = (args: string[]) => execFileSync('runuser', ['-u', 'postgres', '--', ...args], { stdio: 'pipe' });
  execFileSync('chown', ['postgres', dir]);
  registerCleanup(`stop and remove the bench's PostgreSQL cluster in ${dir}`, () => {
    try {
      asPostgres([`${bin}/pg_ctl`, '-D', data, '-m', 'immediate', 'stop']);
    } catch {
      // not running
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });
  asPostgres([`${bin}/initdb`, '-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  asPostgres([`${bin}/pg_ctl`, '-D', data, '-o', options, '-l', path.join(dir, 'log'), '-w', 'start']);
  const admin = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
  await admin.connect();
  await admin.query('create database pariscall_bench_outage');
  await admin.end();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/pariscall_bench_outage`,
    // A restart as an operator or a failover does it: the server stops (fast: sessions are ended), stays down a
    // moment, and starts again; pg_ctl returns once it accepts connections.
    restart: async () => {
      asPostgres([`${bin}/pg_ctl`, '-D', data, '-m', 'fast', '-w', 'stop']);
      await new Promise((r) => setTimeout(r, downMs));
      asPostgres([`${bin}/pg_ctl`, '-D', data, '-o', options, '-l', path.join(dir, 'log'), '-w', 'start']);
    },
  };
}

function figuresOf(c: CaseResult, label: string): Figure[] {
  const notOk = Object.entries(c.notOk).map(([k, v]) => `${v} × ${k}`).join(', ') || 'none';
  const after = (ms: number | null) => (ms === null ? 'never (within 60 s)' : formatMs(ms));
  return [
    figure(`${label}: /healthz 200 again after`, c.recoveryMs ?? Number.POSITIVE_INFINITY, 'ms', `${after(c.recoveryMs)}; the uncached search ${after(c.uncachedRecoveryMs)} (the disruption took ${formatMs(c.disruptMs)}; slowest /healthz answer ${formatMs(c.worstHealthzMs)})`, 'recovers, the process alive', c.recoveryMs !== null && c.uncachedRecoveryMs !== null),
    figure(`${label}: answers other than 200 meanwhile`, Object.values(c.notOk).reduce((a, b) => a + b, 0), 'requests', `${notOk} (of ${c.requests.cached + c.requests.uncached + c.requests.healthz} requests)`, '–', null),
    figure(`${label}: cached page answered 200`, c.cachedOk, 'requests', `${c.cachedOk} of ${c.requests.cached}`, 'all', c.cachedOk === c.requests.cached),
    figure(`${label}: server RSS before, peak, after`, c.rssPeakMb, 'MB', `${c.rssBeforeMb} MB, ${c.rssPeakMb} MB, ${c.rssAfterMb} MB`, '–', null),
  ];
}

export async function benchOutage(): Promise<GoalResult> {
  const cases: CaseResult[] = [];
  const figures: Figure[] = [];
  const notes: string[] = [];

  const database = await createBenchDatabase('outage');
  try {
    const terminated = await runCase('backends terminated', database.url, () => terminateBackends(database.name));
    cases.push(terminated);
    figures.push(...figuresOf(terminated, 'backends terminated'));
  } finally {
    await database.drop();
  }

  const cluster = await scratchCluster();
  if ('skipped' in cluster) {
    notes.push(`PostgreSQL restart not measured: ${cluster.skipped}. Only the termination of the backends was.`);
  } else {
    const restarted = await runCase('PostgreSQL restarted', cluster.url, cluster.restart);
    cases.push(restarted);
    figures.push(...figuresOf(restarted, 'PostgreSQL restarted'));
  }

  return {
    id: 'outage',
    title: 'Losing PostgreSQL under load: recovery after its backends are terminated and after a restart',
    figures,
    notes: [
      'Our server as `npm start` runs it (dist/), the registry not imported. Three clients, in the bench process, each request every 20 ms: the cached page /en/supporters (filled before), /en/supporters?q=<a new word each time> (a search the cache cannot answer) and /healthz.',
      `Terminated: \`select pg_terminate_backend(pid) from pg_stat_activity where datname = '<db>' and pid <> pg_backend_pid()\` on the machine's PostgreSQL (the probe of issue 12). Restarted: a cluster of the bench's own (initdb in a temp dir, its own port, fsync off) is stopped (\`pg_ctl stop -m fast\`), left down ${downMs / 1000} s and started again; the machine's PostgreSQL, shared with other work, is not restarted.`,
      '"200 again after": from the disruption (the stop, for the restart) to the end of the first 200 after the last answer that was not 200 (0 when the route never failed); the load goes on until /healthz has been 200 for 3 s. Answers other than 200 are counted from the disruption on, by route and status ("no answer": the request failed).',
      'Before the fix (the probe of issue 12): terminating the backends ended the process within a second (`Unhandled \'error\' event … Connection terminated unexpectedly`), cached pages included.',
      ...notes,
    ],
    details: { cases },
  };
}
