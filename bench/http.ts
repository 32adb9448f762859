/**
 * Goal 1 (issues 1 and 20): HTTP throughput and latency of the registry page and API, and of the list pages the
 * wave-2 modules added (the toolkit matrix, the practice library, the calendar), under wrk (2 threads, 64
 * connections, 10 s, gzip), against nginx serving the same bytes as precompressed static files: ours ≥ 75% of
 * nginx's requests/s and p99 < 10 ms, on PGlite and on PostgreSQL, the server started as `npm start` starts it.
 * Then a change made elsewhere must be visible on the next request. One server at a time: ours on PGlite, nginx,
 * bare node:http in one process and in as many as ours runs, ours on PGlite again for the change check, ours on
 * PostgreSQL.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { checkChangeVisible, type FreshnessCheck } from './lib/freshness.js';
import { freePort, httpGet, httpRequest, waitFor200 } from './lib/http.js';
import { startNginx, type StaticFile } from './lib/nginx.js';
import { repoRoot } from './lib/paths.js';
import { createBenchDatabase } from './lib/pg.js';
import { runChecked, startChild } from './lib/proc.js';
import { copyWithRenamedSupporter } from './lib/registry-copy.js';
import { type Figure, type GoalResult, figure } from './lib/results.js';
import { serverEnv, startOurServer, type ServerTarget } from './lib/server.js';
import { nodeGroupRss } from './lib/rss.js';
import { formatMs, round } from './lib/stats.js';
import { loadConfig } from '../src/app/config/config.js';
import { makeTempDir } from './lib/tempdir.js';
import { ensureTools } from './lib/tools.js';
import { runWrk, wrkDefaults, type WrkOptions, type WrkResult } from './lib/wrk.js';

export const benchedPaths = ['/en/supporters', '/api/v1/supporters', '/en/toolkit', '/en/practices', '/en/calendar'] as const;
type BenchedPath = (typeof benchedPaths)[number];
type Load = Record<BenchedPath, WrkResult>;
type GroupMemory = ReturnType<typeof nodeGroupRss>;

export interface HttpOptions {
  seconds: number;
  warmupSeconds: number;
  /** Directory for `node --cpu-prof` profiles of our server under load; none when undefined. */
  cpuProfDir?: string;
}

async function load(wrk: string, baseUrl: string, label: string, options: HttpOptions): Promise<Load> {
  const results = {} as Load;
  for (const urlPath of benchedPaths) {
    const url = `${baseUrl}${urlPath}`;
    const warm = await httpGet(url, { 'accept-encoding': 'gzip' });
    if (warm.status !== 200 || warm.headers['content-encoding'] !== 'gzip') throw new Error(`${label} ${urlPath}: HTTP ${warm.status}, encoding ${warm.headers['content-encoding']}`);
    if (options.warmupSeconds > 0) await runWrk(wrk, url, { ...wrkDefaults, seconds: options.warmupSeconds });
    const options2: WrkOptions = { ...wrkDefaults, seconds: options.seconds };
    const result = await runWrk(wrk, url, options2);
    if (result.non2xx > 0 || result.socketErrors > 0) console.log(`    warning: ${result.non2xx} non-2xx responses, ${result.socketErrors} socket errors`);
    console.log(`    ${label.padEnd(12)} ${urlPath.padEnd(20)} ${round(result.requestsPerSec, 0).toLocaleString('en').padStart(8)} req/s  p50 ${formatMs(result.latencyMs.p50).padStart(8)}  p99 ${formatMs(result.latencyMs.p99).padStart(8)}`);
    results[urlPath] = result;
  }
  return results;
}

/** What our server sends for a benched URL with gzip: the bytes and the headers (without the per-answer ones). */
interface SentAnswer {
  urlPath: string;
  headers: Record<string, string>;
  gzipBase64: string;
}

/** The bytes our server sends for each benched URL (decoded), to be served by nginx; and its gzip answers as sent. */
async function fetchBodies(baseUrl: string): Promise<{ files: StaticFile[]; sent: SentAnswer[] }> {
  const files: StaticFile[] = [];
  const sent: SentAnswer[] = [];
  const perAnswer = new Set(['date', 'connection', 'keep-alive', 'content-length', 'content-encoding', 'transfer-encoding']);
  for (const urlPath of benchedPaths) {
    const response = await httpGet(`${baseUrl}${urlPath}`, { 'accept-encoding': 'identity' });
    if (response.status !== 200) throw new Error(`${urlPath}: HTTP ${response.status}`);
    files.push({ urlPath, contentType: String(response.headers['content-type']), body: response.body });
    const gzip = await httpGet(`${baseUrl}${urlPath}`, { 'accept-encoding': 'gzip' });
    const headers = Object.fromEntries(Object.entries(gzip.headers).filter(([name]) => !perAnswer.has(name)).map(([name, value]) => [name, String(value)]));
    sent.push({ urlPath, headers, gzipBase64: gzip.body.toString('base64') });
  }
  return { files, sent };
}

/**
 * The ceiling of one Node.js process on this machine: node:http alone serving our gzip answers with our headers
 * (bench/bare-node-server.mjs), measured like the others. Not a goal: it says how much of the gap to nginx is Node's
 * HTTP stack in one process, which no work in our code can remove.
 */
async function bareNodePeer(wrk: string, sent: SentAnswer[], options: HttpOptions, processes: number): Promise<Load> {
  const dir = makeTempDir('bare-node');
  const file = path.join(dir, 'answers.json');
  fs.writeFileSync(file, JSON.stringify(sent));
  const port = await freePort();
  const child = startChild('bare node:http', process.execPath, [path.join(repoRoot, 'bench', 'bare-node-server.mjs'), file, String(port), String(processes)]);
  try {
    await waitFor200(`http://127.0.0.1:${port}${sent[0]!.urlPath}`, { timeoutMs: 15_000, intervalMs: 50, abort: () => (child.process.exitCode !== null ? child.output() : undefined) });
    // Each cluster worker listens when it has loaded: wait until all have, so none misses the connections.
    await new Promise((resolve) => setTimeout(resolve, processes > 1 ? 1000 : 0));
    return await load(wrk, `http://127.0.0.1:${port}`, `bare node ×${processes}`, options);
  } finally {
    await child.stop();
  }
}

/** `npm start` (`node dist/cli.js serve`), node called directly so the profile flags reach it and signals stop it. */
function serverArgs(options: HttpOptions, label: string): string[] {
  // One directory per server: node writes one profile per thread, named by pid and thread.
  const prof = options.cpuProfDir ? ['--cpu-prof', '--cpu-prof-dir', path.join(options.cpuProfDir, label)] : [];
  return [process.execPath, ...prof, 'dist/cli.js', 'serve'];
}

/**
 * wrk's 64 connections come from one address: the JSON API's per-address budget (RATE_LIMIT_PER_MINUTE, 600 by
 * default) would answer 429 after the first 600 requests. It is raised for the bench, still counted on every request.
 */
const loadEnv = { RATE_LIMIT_PER_MINUTE: '1000000000' };

async function oursOnPglite(wrk: string, dataDir: string, options: HttpOptions): Promise<{ load: Load; files: StaticFile[]; sent: SentAnswer[]; memory: GroupMemory }> {
  const server = await startOurServer({ driver: 'pglite', dataDir }, { command: serverArgs(options, 'pglite'), env: loadEnv });
  console.log(`    our server (PGlite) ready in ${formatMs(server.readyMs)} (first start imports the registry)`);
  try {
    const { files, sent } = await fetchBodies(server.baseUrl);
    const result = await load(wrk, server.baseUrl, 'ours PGlite', options);
    return { load: result, files, sent, memory: nodeGroupRss(server.child.pid) };
  } finally {
    await server.child.stop(20_000);
  }
}

async function nginxPeer(nginx: string, wrk: string, files: StaticFile[], options: HttpOptions): Promise<{ load: Load; config: string }> {
  const dir = makeTempDir('nginx');
  const port = await freePort();
  const { child, config } = await startNginx(nginx, dir, port, files);
  try {
    for (const file of files) {
      const response = await httpGet(`http://127.0.0.1:${port}${file.urlPath}`, { 'accept-encoding': 'gzip' });
      if (response.headers['content-encoding'] !== 'gzip' || !gunzipSync(response.body).equals(file.body)) throw new Error(`nginx does not serve the same bytes for ${file.urlPath}`);
    }
    return { load: await load(wrk, `http://127.0.0.1:${port}`, 'nginx', options), config };
  } finally {
    await child.stop();
  }
}

/** PGlite: the data dir is locked by the server, so the change is an in-process import (bench/pglite-server.ts). */
async function freshnessOnPglite(dataDir: string): Promise<FreshnessCheck> {
  const controlPort = await freePort();
  const server = await startOurServer(
    { driver: 'pglite', dataDir },
    { command: [process.execPath, '--import', 'tsx', path.join('bench', 'pglite-server.ts')], env: { BENCH_CONTROL_PORT: String(controlPort) }, label: 'bench/pglite-server.ts' },
  );
  try {
    const copy = copyWithRenamedSupporter(makeTempDir('renamed-pglite'), `Benchrename${Date.now() % 1_000_000}`);
    return await checkChangeVisible(server.baseUrl, copy, async () => {
      const response = await httpRequest(`http://127.0.0.1:${controlPort}/reimport`, { method: 'POST', body: JSON.stringify({ source: copy.dir }), timeoutMs: 60_000 });
      const report = JSON.parse(response.body.toString('utf8')) as { updated: string[] };
      if (response.status !== 200 || !report.updated.includes(copy.slug)) throw new Error(`in-process import did not update ${copy.slug}: ${response.body.toString('utf8').slice(0, 500)}`);
    });
  } finally {
    await server.child.stop(20_000);
  }
}

async function oursOnPostgres(wrk: string, options: HttpOptions): Promise<{ load: Load; freshness: FreshnessCheck; files: StaticFile[]; memory: GroupMemory }> {
  const database = await createBenchDatabase('http');
  const target: ServerTarget = { driver: 'postgres', dataDir: makeTempDir('http-pg'), databaseUrl: database.url };
  const server = await startOurServer(target, { command: serverArgs(options, 'postgres'), env: loadEnv });
  console.log(`    our server (PostgreSQL) ready in ${formatMs(server.readyMs)} (first start imports the registry)`);
  try {
    const { files } = await fetchBodies(server.baseUrl);
    const result = await load(wrk, server.baseUrl, 'ours PG', options);
    const memory = nodeGroupRss(server.child.pid);
    // Another process (the CLI importer) renames a supporter in the same database; NOTIFY must reach the server.
    const copy = copyWithRenamedSupporter(makeTempDir('renamed-pg'), `Benchrename${(Date.now() + 1) % 1_000_000}`);
    const freshness = await checkChangeVisible(server.baseUrl, copy, async () => {
      const { stdout } = await runChecked(process.execPath, [path.join(repoRoot, 'bin/pariscall.js'), 'import', copy.dir, '--json'], { cwd: repoRoot, env: serverEnv(target), timeoutMs: 120_000 });
      const report = JSON.parse(stdout.slice(stdout.indexOf('{'))) as { updated: string[] };
      if (!report.updated.includes(copy.slug)) throw new Error(`pariscall import did not update ${copy.slug}: updated ${report.updated.join(', ')}`);
    });
    return { load: result, freshness, files, memory };
  } finally {
    await server.child.stop(20_000);
    await database.drop();
  }
}

function loadFigures(driver: string, ours: Load, nginx: Load): Figure[] {
  return benchedPaths.flatMap((urlPath) => {
    const o = ours[urlPath];
    const n = nginx[urlPath];
    const ratio = (o.requestsPerSec / n.requestsPerSec) * 100;
    const rps = (r: WrkResult) => `${round(r.requestsPerSec, 0).toLocaleString('en')} req/s`;
    return [
      figure(`${driver} ${urlPath}: requests/s vs nginx`, ratio, '%', `${round(ratio, 1)}% (${rps(o)} vs nginx ${rps(n)})`, '≥ 75%', ratio >= 75),
      figure(`${driver} ${urlPath}: p99 latency at 64 connections`, o.latencyMs.p99, 'ms', `${formatMs(o.latencyMs.p99)} (p50 ${formatMs(o.latencyMs.p50)}, p90 ${formatMs(o.latencyMs.p90)}; nginx p99 ${formatMs(n.latencyMs.p99)})`, '< 10 ms', o.latencyMs.p99 < 10),
    ];
  });
}

function ceilingFigures(bare: Load, bareAll: Load, processes: number, nginx: Load, pglite: Load, postgres: Load): Figure[] {
  return benchedPaths.map((urlPath) => {
    const one = bare[urlPath].requestsPerSec;
    const all = bareAll[urlPath].requestsPerSec;
    const pct = (x: number, of: number) => `${round((x / of) * 100, 1)}%`;
    const rps = (x: number) => `${round(x, 0).toLocaleString('en')} req/s`;
    return figure(
      `bare node:http (our bytes and headers, nothing else) ${urlPath}: requests/s vs nginx, 1 and ${processes} processes`,
      (all / nginx[urlPath].requestsPerSec) * 100,
      '%',
      `1 process ${pct(one, nginx[urlPath].requestsPerSec)} (${rps(one)}); ${processes} processes ${pct(all, nginx[urlPath].requestsPerSec)} (${rps(all)}); ours is ${pct(pglite[urlPath].requestsPerSec, all)} of the ${processes} on PGlite, ${pct(postgres[urlPath].requestsPerSec, all)} on PostgreSQL`,
      '–',
      null,
    );
  });
}

function memoryFigure(driver: string, memory: GroupMemory, fronts: number): Figure {
  return figure(
    `${driver}: peak memory of the server and its ${fronts} web fronts under the load`,
    memory.totalMb,
    'MB',
    `${memory.totalMb} MB in ${memory.processes} processes (sum of each one's peak RSS; the server ${memory.largestMb} MB)`,
    '–',
    null,
  );
}

function freshnessFigure(name: string, check: FreshnessCheck): Figure {
  const failed = check.checks.filter((c) => !c.pass).map((c) => `${c.url} (expected ${c.expected}; before: ${c.before}, after: ${c.after})`);
  const display = check.pass
    ? `fresh: ${check.checks.length - 1} URLs show the new name and the category counts moved, on the first request after the change (the change took ${formatMs(check.changeMs)})`
    : `stale: ${failed.join('; ')}`;
  return figure(name, check.pass ? 1 : 0, 'bool', display, 'new name and counts on the next request', check.pass);
}

export async function benchHttp(options: HttpOptions): Promise<GoalResult> {
  const tools = await ensureTools(['nginx', 'wrk']);
  // What `npm start` serves is dist/, built from the sources as they are now.
  await runChecked(process.execPath, ['scripts/build.mjs'], { cwd: repoRoot, timeoutMs: 300_000 });
  const dataDir = makeTempDir('http-pglite');
  const pglite = await oursOnPglite(tools.wrk!, dataDir, options);
  const nginx = await nginxPeer(tools.nginx!, tools.wrk!, pglite.files, options);
  // As many bare processes as ours runs: the server and its web fronts (WEB_FRONTS=auto, as `npm start` runs it).
  const fronts = loadConfig({}).webFronts;
  const bare = await bareNodePeer(tools.wrk!, pglite.sent, options, 1);
  const bareAll = await bareNodePeer(tools.wrk!, pglite.sent, options, 1 + fronts);
  const pgliteFresh = await freshnessOnPglite(dataDir);
  console.log(`    change visible on the next request (PGlite): ${pgliteFresh.pass ? 'pass' : 'FAIL'}`);
  const postgres = await oursOnPostgres(tools.wrk!, options);
  console.log(`    change visible on the next request (PostgreSQL): ${postgres.freshness.pass ? 'pass' : 'FAIL'}`);

  const sameBytes = pglite.files.every((f, i) => f.body.equals(postgres.files[i]!.body));
  const sizes = pglite.files.map((f) => `${f.urlPath} ${f.body.length.toLocaleString('en')} bytes`).join(', ');
  return {
    id: 'http',
    title: 'HTTP throughput and latency against nginx',
    figures: [
      ...loadFigures('PGlite', pglite.load, nginx.load),
      ...loadFigures('PostgreSQL', postgres.load, nginx.load),
      ...ceilingFigures(bare, bareAll, 1 + fronts, nginx.load, pglite.load, postgres.load),
      memoryFigure('PGlite', pglite.memory, fronts),
      memoryFigure('PostgreSQL', postgres.memory, fronts),
      freshnessFigure('PGlite: changed supporter visible on the next request (in-process import)', pgliteFresh),
      freshnessFigure('PostgreSQL: changed supporter visible on the next request (`pariscall import` in another process)', postgres.freshness),
    ],
    notes: [
      `wrk -t${wrkDefaults.threads} -c${wrkDefaults.connections} -d${options.seconds}s --latency -H 'Accept-Encoding: gzip', after a ${options.warmupSeconds} s unrecorded warm-up run on the same URL; wrk shares the 2 cores with the server under test; one server runs at a time.`,
      `nginx serves the bytes our server sent (${sizes}) from a temp root with .gz siblings (zlib level 9) and gzip_static on; worker_processes auto, access_log off, otherwise Debian defaults (sendfile, tcp_nopush). Our server compresses its cached responses at gzip level 6, so its gzip bodies are a little larger.`,
      `Our server: \`node dist/cli.js serve\` (what \`npm start\` runs; dist/ built by the bench first), LOG_LEVEL=warn, RATE_LIMIT_PER_MINUTE=1000000000 (wrk is one address; the budget is still counted on every API request), a temp DATA_DIR or the database pariscall_bench_http; it imports the official registry on first start. The PostgreSQL server rendered ${sameBytes ? 'the same bytes as' : 'different bytes from'} the PGlite one.`,
      `Our server runs with WEB_FRONTS=auto, the default: on this machine the server process and ${fronts} web fronts (src/app/http/web-fronts.ts), which accept on the same socket and answer cached pages and API answers from their copy of the response cache; cached answers are written before Fastify (src/app/http/cache-front.ts) with their header list built once.`,
      `The bare node:http rows (no goal) serve our gzip answers with our headers and nothing else (bench/bare-node-server.mjs), in one process and in ${1 + fronts} (node:cluster workers sharing the socket, as our server and its fronts do): what Node.js's HTTP stack can do on this machine, framework or not. Where ours is near the ${1 + fronts}-process figure, the rest of the gap to nginx is Node's per-request cost, not ours.`,
      'Change check: each URL (the supporter in the API and its page, a search for the new name in the API and the page, the unfiltered API list with its category counts) is requested twice (so the second answer is a cached one), one supporter is renamed and moved to another category, then each URL is requested once more. PostgreSQL: `pariscall import` of a copy of the snapshot with one renamed file, in another process (NOTIFY invalidates the cache). PGlite: the same import run inside the server process by bench/pglite-server.ts, the data dir being locked by the server.',
    ],
    details: { nginxConfig: nginx.config, nginx: nginx.load, bareNode: bare, bareNodeAll: bareAll, webFronts: fronts, memory: { pglite: pglite.memory, postgres: postgres.memory }, pglite: pglite.load, postgres: postgres.load, freshness: { pglite: pgliteFresh, postgres: postgres.freshness } },
  };
}
