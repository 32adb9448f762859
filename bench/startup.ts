/**
 * Goal 4: after `npm start` on a database that already holds the registry, the first page (/en/supporters) answers
 * within 3 s. Timed from spawning `npm start` to the first 200 on /en/supporters, polling every 20 ms; the page is
 * rendered on that first request (nothing is cached yet). Run several times on PGlite and on PostgreSQL.
 */
import path from 'node:path';
import { officialDir, repoRoot } from './lib/paths.js';
import { createBenchDatabase } from './lib/pg.js';
import { runChecked } from './lib/proc.js';
import { type GoalResult, figure } from './lib/results.js';
import { serverEnv, startOurServer, type ServerTarget } from './lib/server.js';
import { formatMs, median } from './lib/stats.js';
import { makeTempDir } from './lib/tempdir.js';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

async function importInto(target: ServerTarget): Promise<void> {
  await runChecked(process.execPath, [path.join(repoRoot, 'bin/pariscall.js'), 'import', officialDir], { cwd: repoRoot, env: serverEnv(target), timeoutMs: 120_000 });
}

async function timeStarts(target: ServerTarget, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const server = await startOurServer(target, { command: [npm, 'start', '--silent'], readyPath: '/en/supporters', intervalMs: 20, timeoutMs: 60_000, label: `npm start (${target.driver})` });
    times.push(server.readyMs);
    // Ctrl-C, as a person stops `npm start`: PGlite closes cleanly and releases its lock before the next run.
    await server.child.stop(15_000, 'SIGINT');
    console.log(`    ${target.driver} run ${run + 1}: first /en/supporters after ${formatMs(server.readyMs)}`);
  }
  return times;
}

export async function benchStartup(options: { runs: number }): Promise<GoalResult> {
  const pgliteTarget: ServerTarget = { driver: 'pglite', dataDir: makeTempDir('startup') };
  await importInto(pgliteTarget);
  const pglite = await timeStarts(pgliteTarget, options.runs);

  const database = await createBenchDatabase('startup');
  const postgresTarget: ServerTarget = { driver: 'postgres', dataDir: makeTempDir('startup-pg'), databaseUrl: database.url };
  await importInto(postgresTarget);
  const postgres = await timeStarts(postgresTarget, options.runs);
  await database.drop();

  const show = (times: number[]) => `${formatMs(Math.max(...times))} slowest of ${times.length} (median ${formatMs(median(times))})`;
  return {
    id: 'startup',
    title: 'First page after `npm start` on an existing database',
    figures: [
      figure('`npm start` → first 200 on /en/supporters, PGlite', Math.max(...pglite), 'ms', show(pglite), '< 3 s', Math.max(...pglite) < 3000),
      figure('`npm start` → first 200 on /en/supporters, PostgreSQL', Math.max(...postgres), 'ms', show(postgres), '< 3 s', Math.max(...postgres) < 3000),
    ],
    notes: [
      'The database already holds the imported registry (imported beforehand with `pariscall import`); the clock starts at spawn of `npm start` and stops at the first 200 on /en/supporters (polled every 20 ms), so it includes npm, tsx, migrations check, asset bundling and the first render.',
      "tsx keeps its compile cache in the OS temp dir between runs, as it does on any machine that started the server before.",
    ],
    details: { pglite, postgres },
  };
}
