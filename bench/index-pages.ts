/**
 * Goal 7 (issue 5), "a country page under 50 ms server time": the real pilot edition is published into a fresh PGlite
 * database with the installed command (`pariscall index publish --pilot`), the server is started as `npm start` starts
 * it, then /en/index/pilot/units/<ISO3> is requested for 50 countries × several rounds, one request at a time on
 * loopback. The very first country request after start-up (the edition is read and parsed once per process, then kept)
 * is reported apart, as the cold figure.
 *
 * Run alone: `node --import tsx bench/index-pages.ts [--rounds N]`; `npm run bench -- --only index` runs it as part of
 * the index section.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCleanups } from './lib/cleanup.js';
import { httpGet } from './lib/http.js';
import { officialDir, repoRoot } from './lib/paths.js';
import { runChecked } from './lib/proc.js';
import { type Figure, figure } from './lib/results.js';
import { serverEnv, startOurServer, type ServerTarget } from './lib/server.js';
import { formatMs, median, percentile, round } from './lib/stats.js';
import { makeTempDir } from './lib/tempdir.js';

export interface CountryPageOptions {
  countries: number;
  rounds: number;
  /** Folder of the open data the pilot edition is built from. */
  sourcesDir: string;
}

export const countryPageDefaults: CountryPageOptions = { countries: 50, rounds: 5, sourcesDir: path.resolve(officialDir, '../index') };

export interface CountryPageResult {
  figure: Figure;
  notes: string[];
  details: Record<string, unknown>;
}

async function timedGet(url: string): Promise<{ ms: number; status: number; bytes: number }> {
  const t = performance.now();
  const res = await httpGet(url);
  return { ms: performance.now() - t, status: res.status, bytes: res.body.length };
}

export async function benchCountryPages(options: CountryPageOptions = countryPageDefaults): Promise<CountryPageResult> {
  const dir = makeTempDir('index-pages');
  const target: ServerTarget = { driver: 'pglite', dataDir: path.join(dir, 'data') };
  const slug = 'pilot';

  let t = performance.now();
  await runChecked(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'index', 'publish', '--pilot', '--sources', options.sourcesDir, '--slug', slug], {
    cwd: repoRoot,
    env: serverEnv(target),
    timeoutMs: 600_000,
  });
  const publishMs = performance.now() - t;
  console.log(`  pilot edition published in ${formatMs(publishMs)}`);

  const server = await startOurServer(target, { label: 'server (index pages)' });
  try {
    // The unit list comes from the API, which reads the edition through its own path: the pages' memo stays cold.
    const api = await httpGet(`${server.baseUrl}/api/v1/index/editions/${slug}`);
    if (api.status !== 200) throw new Error(`edition API answered ${api.status}`);
    const snapshot = (JSON.parse(api.body.toString('utf8')) as { snapshot: { units: { code: string }[] } }).snapshot;
    const codes = snapshot.units.map((u) => u.code).filter((c) => /^[A-Z]{3}$/.test(c)).slice(0, options.countries);
    if (codes.length === 0) throw new Error('the pilot edition has no country');
    const url = (code: string) => `${server.baseUrl}/en/index/${slug}/units/${code}`;

    const cold = await timedGet(url(codes[0]!));
    if (cold.status !== 200) throw new Error(`country page answered ${cold.status}`);
    console.log(`  cold first country page: ${formatMs(cold.ms)} (${cold.bytes} bytes)`);
    for (const code of codes) await timedGet(url(code)); // one warm-up pass (JIT, caches)

    const samples: number[] = [];
    const bytes: number[] = [];
    for (let round = 0; round < options.rounds; round++) {
      for (const code of codes) {
        const r = await timedGet(url(code));
        if (r.status !== 200) throw new Error(`${url(code)} answered ${r.status}`);
        samples.push(r.ms);
        bytes.push(r.bytes);
      }
    }
    const p50 = median(samples);
    const p95 = percentile(samples, 95);
    const max = Math.max(...samples);
    console.log(`  warm country pages: p50 ${formatMs(p50)}, p95 ${formatMs(p95)}, max ${formatMs(max)} over ${samples.length} requests`);
    const fig = figure(
      'Country page, server time',
      p95,
      'ms',
      `${formatMs(p95)} p95, ${formatMs(p50)} p50 (pilot edition, ${codes.length} countries × ${options.rounds} rounds); cold first request ${formatMs(cold.ms)}`,
      '< 50 ms',
      p95 < 50,
    );
    const notes = [
      `Country page: the real pilot edition (${snapshot.units.length} units) published with \`node --import tsx src/cli.ts index publish --pilot\` into a fresh PGlite DATA_DIR (${formatMs(publishMs)}), the server started like \`npm start\`; /en/index/${slug}/units/<ISO3> requested for ${codes.length} countries × ${options.rounds} rounds, one at a time, a new loopback connection each (time from request to the last byte of the body, so an upper bound of the server time; there is no Server-Timing header). The first request after start-up reads and parses the edition once (it is kept for the process): ${formatMs(cold.ms)}, reported apart; one warm-up pass follows. Median page ${Math.round(median(bytes) / 1024)} KiB.`,
    ];
    return { figure: fig, notes, details: { countryPageMs: samples.map((s) => round(s, 2)), coldMs: round(cold.ms, 2), publishMs: round(publishMs, 0), countries: codes } };
  } finally {
    await server.child.stop(5000);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--rounds');
  const rounds = i > 0 ? Number(process.argv[i + 1]) : countryPageDefaults.rounds;
  benchCountryPages({ ...countryPageDefaults, rounds })
    .then((r) => console.log(JSON.stringify({ figure: r.figure, notes: r.notes }, null, 2)))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    })
    .finally(() => runCleanups());
}
