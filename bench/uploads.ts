/**
 * Issue 12, item 2: hostile uploads to the index secretariat's form. The server is started as `npm start` starts it
 * (dist/, on a fresh PostgreSQL database, the registry not imported); a secretariat member (moderator, passkey session
 * made in the database) creates an edition from each file in turn: a real index's workbook (accepted), a zip bomb,
 * the probe's workbook of 10 million cells, a workbook of just over the cell cap without a dimension, a CSV of too
 * many cells, a 20 MB CSV. Meanwhile another client requests /healthz every 10 ms: its p99 during each upload must stay
 * under 100 ms. The server's resident memory is sampled every 20 ms (peak per upload) and read 3 s after each (it
 * must come back near its baseline).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { cookieSettings } from '../src/app/auth/auth.plugin.js';
import { createSession } from '../src/app/auth/sessions.js';
import { findOrCreateUserByEmail } from '../src/app/auth/users.js';
import { openDatabase } from '../src/app/database/database.js';
import { hostileCsv, hostileWorkbook, normalWorkbook } from '../src/modules/index/io/index.upload-limits.test-support.js';
import { uploadLimits } from '../src/modules/index/io/index.upload-limits.js';
import { registerCleanup } from './lib/cleanup.js';
import { createBenchDatabase } from './lib/pg.js';
import { serverRssMb } from './lib/rss.js';
import { type Figure, type GoalResult, figure } from './lib/results.js';
import { startOurServer, type RunningServer } from './lib/server.js';
import { formatMs, percentile, round } from './lib/stats.js';
import { makeTempDir } from './lib/tempdir.js';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const MB = 1024 * 1024;

interface Upload {
  kind: string;
  name: string;
  bytes: () => Promise<Buffer>;
  /** 303 for the real index, 422 for every refusal. */
  expect: number;
}

const uploads: Upload[] = [
  { kind: 'real index workbook (2,000 × 65, with iMeta)', name: 'index.xlsx', bytes: normalWorkbook, expect: 303 },
  { kind: 'zip bomb (inflates past the cap)', name: 'bomb.xlsx', bytes: () => hostileWorkbook('inflated'), expect: 422 },
  { kind: 'workbook declaring 26 million cells (A1:Z1000000)', name: 'dimension.xlsx', bytes: () => hostileWorkbook('dimension'), expect: 422 },
  { kind: 'probe-like workbook, 10 million cells', name: 'probe.xlsx', bytes: () => hostileWorkbook('probe'), expect: 422 },
  { kind: 'workbook just over the cell cap, no dimension', name: 'cells.xlsx', bytes: () => hostileWorkbook('cells'), expect: 422 },
  { kind: 'CSV of too many cells', name: 'rows.csv', bytes: async () => hostileCsv(), expect: 422 },
  { kind: '20 MB CSV (600,000 rows)', name: 'big.csv', bytes: async () => Buffer.from('uCode,Time,a\n' + 'AAA,2020,1234567890123456789012\n'.repeat(600_000)), expect: 422 },
];

interface Measured {
  kind: string;
  fileKb: number;
  status: number;
  uploadMs: number;
  healthz: { n: number; p99: number; max: number };
  peakMb: number;
  afterMb: number;
}

/**
 * The other client: a process of its own requesting `url` every 10 ms (so the bench process building a 20 MB request
 * body does not delay it), until its stdin closes; it then prints the latencies (ms) as JSON.
 */
function startProber(url: string): { ready: Promise<void>; stop: () => Promise<number[]> } {
  const script = `
    let done = false; const out = [];
    process.stdin.on('end', () => (done = true)); process.stdin.resume();
    (async () => {
      await fetch(${JSON.stringify(url)}).then((r) => r.arrayBuffer());
      console.error('ready');
      while (!done) {
        const t = performance.now();
        await fetch(${JSON.stringify(url)}).then((r) => r.arrayBuffer());
        out.push(performance.now() - t);
        await new Promise((r) => setTimeout(r, 10));
      }
      process.stdout.write(JSON.stringify(out));
    })();`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['pipe', 'pipe', 'pipe'] });
  const chunks: Buffer[] = [];
  child.stdout.on('data', (c: Buffer) => chunks.push(c));
  const ready = new Promise<void>((resolve) => child.stderr.once('data', () => resolve()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    ready,
    stop: async () => {
      child.stdin.end();
      await exited;
      return JSON.parse(Buffer.concat(chunks).toString('utf8') || '[]') as number[];
    },
  };
}

async function secretariatCookie(server: RunningServer, databaseUrl: string): Promise<string> {
  const handle = await openDatabase({ databaseUrl });
  const close = registerCleanup('close uploads bench database', () => handle.close());
  try {
    const user = await findOrCreateUserByEmail(handle.db, 'bench-secretariat@secretariat.example', 'en', { name: 'Bench Secretariat', role: 'moderator', actor: 'bench:uploads' });
    const { token } = await createSession(handle.db, { userId: user.id, role: 'moderator', method: 'passkey', userAgent: 'bench/uploads.ts' });
    return `${cookieSettings(`http://127.0.0.1:${server.port}`).sessionCookie}=${token}`;
  } finally {
    await close();
  }
}

async function measure(server: RunningServer, cookie: string, upload: Upload, index: number): Promise<Measured> {
  const bytes = await upload.bytes();
  const page = await fetch(`${server.baseUrl}/en/secretariat/index`, { headers: { cookie } });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1];
  if (page.status !== 200 || !csrf) throw new Error(`secretariat page: HTTP ${page.status}`);
  const jar = [cookie, ...page.headers.getSetCookie().map((c) => c.split(';')[0])].join('; ');
  const form = new FormData();
  for (const [k, v] of Object.entries({ _csrf: csrf, slug: `bench-upload-${index}`, titleEn: 'Bench', titleFr: 'Banc' })) form.append(k, v);
  form.append('iData', new Blob([new Uint8Array(bytes)]), upload.name);
  form.append('iMeta', '');

  const prober = startProber(`${server.baseUrl}/healthz`);
  await prober.ready;
  let peakMb = serverRssMb(server.child.pid);
  const sampler = setInterval(() => (peakMb = Math.max(peakMb, serverRssMb(server.child.pid))), 20);
  const started = performance.now();
  const response = await fetch(`${server.baseUrl}/en/secretariat/index`, { method: 'POST', headers: { cookie: jar }, body: form, redirect: 'manual' });
  const body = await response.text();
  const uploadMs = performance.now() - started;
  const latencies = await prober.stop();
  clearInterval(sampler);
  if (response.status !== upload.expect) throw new Error(`${upload.kind}: HTTP ${response.status}, expected ${upload.expect}: ${body.replace(/\s+/g, ' ').slice(0, 300)}`);
  await new Promise((r) => setTimeout(r, 3000));
  const afterMb = serverRssMb(server.child.pid);
  const healthz = { n: latencies.length, p99: round(percentile(latencies, 99)), max: round(Math.max(...latencies)) };
  const fileKb = Math.round(bytes.length / 1024);
  console.log(`    ${upload.kind.padEnd(48)} ${String(fileKb).padStart(6)} KB  HTTP ${response.status} in ${formatMs(uploadMs).padStart(8)}  /healthz p99 ${formatMs(healthz.p99).padStart(8)} (max ${formatMs(healthz.max)}, ${healthz.n})  RSS peak ${peakMb} MB, after ${afterMb} MB`);
  return { kind: upload.kind, fileKb, status: response.status, uploadMs: round(uploadMs), healthz, peakMb, afterMb };
}

/**
 * `cpuProfDir`: the server runs as `node --cpu-prof dist/cli.js serve` (what `npm start` runs, minus npm) and writes
 * one profile per thread there, the parsing workers' included.
 */
export async function benchUploads(options: { cpuProfDir?: string } = {}): Promise<GoalResult> {
  const database = await createBenchDatabase('uploads');
  const command = options.cpuProfDir
    ? [process.execPath, '--cpu-prof', '--cpu-prof-dir', path.join(options.cpuProfDir, 'uploads'), 'dist/cli.js', 'serve']
    : [npm, 'start', '--silent'];
  const server = await startOurServer(
    { driver: 'postgres', dataDir: makeTempDir('uploads'), databaseUrl: database.url },
    { command, env: { IMPORT_ON_EMPTY: '' }, label: 'npm start (uploads)' },
  );
  try {
    const cookie = await secretariatCookie(server, database.url);
    await new Promise((r) => setTimeout(r, 2000));
    const baselineMb = serverRssMb(server.child.pid);
    console.log(`    server RSS at rest: ${baselineMb} MB`);
    const measured: Measured[] = [];
    for (const [i, upload] of uploads.entries()) measured.push(await measure(server, cookie, upload, i));

    const figures: Figure[] = measured.flatMap((m) => [
      figure(`/healthz p99 during the upload: ${m.kind}`, m.healthz.p99, 'ms', `${formatMs(m.healthz.p99)} (max ${formatMs(m.healthz.max)}, ${m.healthz.n} requests; upload ${m.fileKb} KB, HTTP ${m.status} in ${formatMs(m.uploadMs)})`, '< 100 ms', m.healthz.p99 < 100),
      figure(`server RSS peak, then 3 s after: ${m.kind}`, m.peakMb, 'MB', `${m.peakMb} MB, then ${m.afterMb} MB (at rest ${baselineMb} MB)`, '–', null),
    ]);
    const lastAfter = measured[measured.length - 1]?.afterMb ?? baselineMb;
    figures.push(figure('server RSS after all uploads, against at rest', lastAfter - baselineMb, 'MB', `${lastAfter} MB after, ${baselineMb} MB at rest`, 'near baseline (< +150 MB)', lastAfter - baselineMb < 150));
    return {
      id: 'uploads',
      title: 'Hostile uploads to the index secretariat: refused before parsing, parsed off the event loop',
      figures,
      notes: [
        `Our server as \`npm start\` runs it (dist/), on a fresh PostgreSQL database, the registry not imported; one secretariat member (moderator, passkey session made in the database) creates an edition from each file with the multipart form (iData only; a workbook holds both sheets). Caps (src/modules/index/io/index.upload-limits.ts): ${uploadLimits.fileBytes / MB} MB declared per file, ${uploadLimits.xlsxInflatedBytes / MB} MB inflated per workbook, ${uploadLimits.cells.toLocaleString('en')} cells per file; parsing in a worker thread with a 768 MB old-generation cap, one at a time.`,
        'Another client, a process of its own, requests /healthz every 10 ms from the start of each upload to its response.',
        'RSS is the node server process\'s VmRSS (worker threads included), sampled every 20 ms; "after" is read 3 s after the response.',
        'Before the fix (the probe of issue 12): a 1.8 MB workbook of 30 million cells killed the process (heap out of memory); a 611 KB one of 10 million cells froze every request for 36 s and left the process at 3.4 GB (from 1.4 GB); a 20 MB CSV of 600,000 rows froze it for 4.8 s.',
      ],
      details: { baselineMb, measured },
    };
  } finally {
    await server.child.stop(15_000, 'SIGINT');
    await database.drop();
  }
}
