/** Builds the embedded database's template (see template.ts); run by `npm run build`. */
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from './database.js';
import { migrateDatabase } from './migrate.js';

/** Creates the template at `dir` (replacing any previous one). */
export async function createDatabaseTemplate(dir: string): Promise<void> {
  const work = `${dir}.tmp`;
  fs.rmSync(work, { recursive: true, force: true });
  const database = await openDatabase({ dataDir: work });
  await migrateDatabase(database);
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
  fs.renameSync(path.join(work, 'pglite'), dir);
  fs.rmSync(work, { recursive: true, force: true });
}
