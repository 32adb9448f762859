import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from './database.js';
import { migrateDatabase } from './migrate.js';

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new PostgreSQL database when
 * TEST_DATABASE_URL points at a server (CI runs every database suite both ways). Never a mock.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const handle = await openDatabase({ dataDir: 'memory://' });
    await migrateDatabase(handle);
    return handle;
  }
  const scratch = await createScratchDatabase(adminUrl, 'test');
  const handle = await openDatabase({ databaseUrl: scratch.url });
  await migrateDatabase(handle);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await scratch.drop();
    },
  };
}

/** A new, empty database on the PostgreSQL server of `adminUrl` (`pariscall_<label>_<random>`), and how to drop it. */
export async function createScratchDatabase(adminUrl: string, label: string): Promise<{ url: string; drop: () => Promise<void> }> {
  // The name is written into SQL unquoted: a label is reduced to what an identifier may hold (`toolkit-cli` → `toolkit_cli`).
  const name = `pariscall_${label.toLowerCase().replace(/[^a-z0-9_]/g, '_')}_${randomBytes(6).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

export const testDriver = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';
