/** Builds the embedded database's template (see template.ts); run by `npm run build`. */
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type DatabaseHandle } from './database.js';
import { migrateDatabase } from './migrate.js';
import { templateNotesFile, type TemplateNotes } from './template.js';

/**
 * Creates the template at `dir` (replacing any previous one): a migrated cluster, then whatever `fill` writes into it
 * (the build loads the reference bundle), whose one-line summary is kept beside the template for the first start's log.
 */
export async function createDatabaseTemplate(dir: string, fill?: (database: DatabaseHandle) => Promise<string>): Promise<void> {
  const work = `${dir}.tmp`;
  fs.rmSync(work, { recursive: true, force: true });
  const database = await openDatabase({ dataDir: work });
  let summary = '';
  try {
    await migrateDatabase(database);
    if (fill) summary = await fill(database);
  } finally {
    await database.close();
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.renameSync(path.join(work, 'pglite'), dir);
  fs.rmSync(work, { recursive: true, force: true });
  const notes: TemplateNotes = { summary };
  fs.writeFileSync(templateNotesFile(dir), `${JSON.stringify(notes)}\n`);
}
