/**
 * Goal 3: importing the 1,222 official files takes under 3 s. Times `importSite` (reading and parsing the files, then
 * one transaction) on a fresh, migrated database, migration excluded, on PGlite (memory://) and PostgreSQL; and the
 * wall time of the whole `pariscall import` command (process start, migrations, import) on a fresh database.
 */
import path from 'node:path';
import { openDatabase } from '../src/app/database/database.js';
import { migrateDatabase } from '../src/app/database/migrate.js';
import { importSite } from '../src/site-import.js';
import { registerCleanup } from './lib/cleanup.js';
import { officialDir, repoRoot } from './lib/paths.js';
import { createBenchDatabase } from './lib/pg.js';
import { runChecked } from './lib/proc.js';
import { type Figure, type GoalResult, figure } from './lib/results.js';
import { serverEnv } from './lib/server.js';
import { formatMs, median } from './lib/stats.js';
import { makeTempDir } from './lib/tempdir.js';

interface ImportTiming {
  migrateMs: number;
  importMs: number;
  added: number;
}

async function timeImportSite(databaseUrl: string | undefined): Promise<ImportTiming> {
  const handle = await openDatabase({ databaseUrl, dataDir: 'memory://' });
  const close = registerCleanup('close import database', () => handle.close());
  try {
    let started = performance.now();
    await migrateDatabase(handle);
    const migrateMs = performance.now() - started;
    started = performance.now();
    const report = await importSite(handle, { source: officialDir, actor: 'bench:import', skipInvalid: true });
    const importMs = performance.now() - started;
    if (report.added.length < 1200) throw new Error(`only ${report.added.length} supporters imported`);
    return { migrateMs, importMs, added: report.added.length };
  } finally {
    await close();
  }
}

/** Creating a PGlite database in a new directory (initdb inside WebAssembly): part of a first `pariscall import`. */
async function timePgliteCreation(): Promise<number> {
  const started = performance.now();
  const handle = await openDatabase({ dataDir: makeTempDir('pglite-create') });
  const ms = performance.now() - started;
  await handle.close();
  return ms;
}

async function timeCli(databaseUrl: string | undefined, dataDir: string): Promise<number> {
  const env = serverEnv({ driver: databaseUrl ? 'postgres' : 'pglite', dataDir, databaseUrl });
  const { ms, stdout } = await runChecked(process.execPath, [path.join(repoRoot, 'bin/pariscall.js'), 'import', officialDir], { cwd: repoRoot, env, timeoutMs: 120_000 });
  if (!/(added|unchanged):\s+1[12]\d\d/.test(stdout)) throw new Error(`unexpected import report:\n${stdout}`);
  return ms;
}

export async function benchImport(options: { runs: number }): Promise<GoalResult> {
  const pglite: ImportTiming[] = [];
  const postgres: ImportTiming[] = [];
  for (let run = 0; run < options.runs; run++) {
    pglite.push(await timeImportSite(undefined));
    const database = await createBenchDatabase('import');
    postgres.push(await timeImportSite(database.url));
    await database.drop();
    console.log(`    run ${run + 1}: importSite PGlite ${formatMs(pglite.at(-1)!.importMs)}, PostgreSQL ${formatMs(postgres.at(-1)!.importMs)}`);
  }
  const cliDir = makeTempDir('import-cli');
  const cliPglite = await timeCli(undefined, cliDir);
  const cliPgliteAgain = await timeCli(undefined, cliDir);
  const cliDatabase = await createBenchDatabase('import_cli');
  const cliPgDir = makeTempDir('import-cli-pg');
  const cliPostgres = await timeCli(cliDatabase.url, cliPgDir);
  const cliPostgresAgain = await timeCli(cliDatabase.url, cliPgDir);
  await cliDatabase.drop();
  const createMs = await timePgliteCreation();
  console.log(`    pariscall import: PGlite ${formatMs(cliPglite)} (again: ${formatMs(cliPgliteAgain)}), PostgreSQL ${formatMs(cliPostgres)} (again: ${formatMs(cliPostgresAgain)}); new PGlite data dir ${formatMs(createMs)}`);

  const summary = (timings: ImportTiming[]) => {
    const imports = timings.map((t) => t.importMs);
    return { median: median(imports), max: Math.max(...imports), migrate: median(timings.map((t) => t.migrateMs)), all: imports };
  };
  const p = summary(pglite);
  const q = summary(postgres);
  const runsText = (all: number[]) => all.map((ms) => formatMs(ms)).join(', ');
  const figures: Figure[] = [
    figure('importSite on PGlite (memory://), migration excluded', p.max, 'ms', `${formatMs(p.max)} slowest of ${options.runs} (${runsText(p.all)}); migration ${formatMs(p.migrate)}`, '< 3 s', p.max < 3000),
    figure('importSite on PostgreSQL, migration excluded', q.max, 'ms', `${formatMs(q.max)} slowest of ${options.runs} (${runsText(q.all)}); migration ${formatMs(q.migrate)}`, '< 3 s', q.max < 3000),
    figure('`pariscall import` wall time, fresh PGlite data dir', cliPglite, 'ms', `${formatMs(cliPglite)} (process start, migrations, import)`, '< 3 s', cliPglite < 3000),
    figure('`pariscall import` wall time, fresh PostgreSQL database', cliPostgres, 'ms', `${formatMs(cliPostgres)} (process start, migrations, import)`, '< 3 s', cliPostgres < 3000),
    figure('`pariscall import` again, same PGlite data dir (1,222 unchanged)', cliPgliteAgain, 'ms', formatMs(cliPgliteAgain), '< 3 s', cliPgliteAgain < 3000),
    figure('`pariscall import` again, same PostgreSQL database (1,222 unchanged)', cliPostgresAgain, 'ms', formatMs(cliPostgresAgain), '< 3 s', cliPostgresAgain < 3000),
    figure('of which: creating a new PGlite data dir (first import only)', createMs, 'ms', `${formatMs(createMs)} (PGlite.create on an empty directory, in-process)`, '–', null),
  ];
  return {
    id: 'import',
    title: 'Import of the 1,222 official files',
    figures,
    notes: [
      `importSite reads and parses the ${pglite[0]?.added ?? 1222} files of ../shared/data/pariscall.international/_supporters plus the Call's texts, then writes everything in one transaction; each run starts from a new, migrated database.`,
      '`pariscall import` is run as `node bin/pariscall.js import ../shared/data/pariscall.international` (the installed command), from spawn to exit.',
    ],
    details: { pglite, postgres, cliPglite, cliPgliteAgain, cliPostgres, cliPostgresAgain, pgliteCreateMs: createMs },
  };
}
