/**
 * One measured toolkit import, in a process of its own so its peak memory is the import's: reads the WG6 workbook and
 * the report's text, then writes the published layer into a new database (PGlite in memory, or DATABASE_URL).
 * Prints one JSON line: { readMs, importMs, totalMs, maxRssMb, frameworks, cells }.
 */
import { openDatabase } from '../src/app/database/database.js';
import { migrateDatabase } from '../src/app/database/migrate.js';
import { systemActor } from '../src/app/authz/actor.js';
import { readWg6FromShared } from '../src/modules/toolkit/io/toolkit.source.js';
import { importPublishedDataset } from '../src/modules/toolkit/toolkit.import.js';

const [officialDir, reportsDir, mode] = process.argv.slice(2) as [string, string, 'read' | 'import'];
const database = mode === 'import' ? await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: 'memory://' }) : undefined;
if (database) await migrateDatabase(database);
const baselineRssMb = process.memoryUsage().rss / 2 ** 20;
const started = performance.now();
const dataset = await readWg6FromShared(officialDir, reportsDir);
const readMs = performance.now() - started;
let importMs = 0;
if (database) {
  const before = performance.now();
  const report = await importPublishedDataset({ db: database.db, dataset, actor: systemActor('bench:toolkit-import') });
  importMs = performance.now() - before;
  if (!report.written) throw new Error('the layer was not written');
  await database.close();
}
// maxRSS is in kilobytes: the process's peak, database engine included when it runs in-process (PGlite).
const maxRssMb = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ readMs, importMs, totalMs: readMs + importMs, maxRssMb, baselineRssMb, frameworks: dataset.frameworks.length, cells: dataset.cells.length }));
