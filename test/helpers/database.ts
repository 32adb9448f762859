import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

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

  const name = `pariscall_${label}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATA_DIR: dataDir, DATABASE_URL: url.toString() },
    dataDir,
    databaseUrl: url.toString(),
    remove: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
      await removeDataDir();
    },
  };
}
