import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createScratchDatabase } from '../../src/app/database/test-utils.js';

export interface TemporaryDatabase {
  /** The environment for a `pariscall` process: DATA_DIR, plus DATABASE_URL when on PostgreSQL. */
  env: Record<string, string>;
  dataDir: string;
  /** The new database's URL on TEST_DATABASE_URL's server; undefined on the embedded database (in `dataDir`). */
  databaseUrl?: string;
  /** Drops the database, if one was created, and removes the data directory. */
  remove(): Promise<void>;
}

/**
 * A database for a `pariscall` child process: the embedded one in a new temporary data directory, or a new database on
 * TEST_DATABASE_URL's server (CI runs the suites both ways). Not migrated: the command does that. `label` names both
 * (`pariscall-<label>-…`, `pariscall_<label>_…`) so a leftover says which suite left it.
 */
export async function createTemporaryDatabase(label: string): Promise<TemporaryDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `pariscall-${label}-`));
  const removeDataDir = async () => fs.rmSync(dataDir, { recursive: true, force: true });
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) return { env: { DATA_DIR: dataDir }, dataDir, remove: removeDataDir };

  const scratch = await createScratchDatabase(adminUrl, label);
  return {
    env: { DATA_DIR: dataDir, DATABASE_URL: scratch.url },
    dataDir,
    databaseUrl: scratch.url,
    remove: async () => {
      await scratch.drop();
      await removeDataDir();
    },
  };
}
