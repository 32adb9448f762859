/**
 * Dedicated PostgreSQL databases for the bench (`pariscall_bench_*`) on the local server: created empty, dropped at
 * the end of the run whatever happens. Nothing else on the server is touched.
 */
import pg from 'pg';
import { registerCleanup } from './cleanup.js';

export const postgresAdminUrl = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function urlFor(database: string): string {
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresAdminUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function dropDatabase(name: string): Promise<void> {
  await admin((client) => client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`));
}

/** Creates `pariscall_bench_<purpose>` (dropping a leftover of a crashed run first); returns its URL and a dropper. */
export async function createBenchDatabase(purpose: string): Promise<{ name: string; url: string; drop: () => Promise<void> }> {
  const name = `pariscall_bench_${purpose}`;
  if (!/^pariscall_bench_[a-z0-9_]+$/.test(name)) throw new Error(`bad bench database name ${name}`);
  await dropDatabase(name);
  await admin((client) => client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`));
  const drop = registerCleanup(`drop database ${name}`, () => dropDatabase(name));
  return { name, url: urlFor(name), drop };
}

/** The server's version string, or null when PostgreSQL is not reachable. */
export async function postgresVersion(): Promise<string | null> {
  try {
    return await admin(async (client) => (await client.query<{ v: string }>("select current_setting('server_version') as v")).rows[0]?.v ?? null);
  } catch {
    return null;
  }
}
