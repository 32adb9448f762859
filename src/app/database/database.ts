import fs from 'node:fs';
import path from 'node:path';
import type { PGlite as PGliteClient } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { acquireDataDirLock } from './lock.js';
import { keepListening, type DatabaseLog } from './listen.js';
import { seedFromTemplate } from './template.js';

/**
 * One type for both drivers: use cases and repositories never know which one runs. No schema object: queries name the
 * tables they use (each module imports its own `*.tables.ts`), so this layer depends on no module.
 */
export type Database = PgDatabase<PgQueryResultHKT>;
/** A transaction handle has the same query surface as the database. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
export type Executor = Database | Transaction;
export type { DatabaseLog };

/** Throws unless the database answers `select 1` (the health check's probe: any failure means it is not usable). */
export async function pingDatabase(db: Executor): Promise<void> {
  await db.execute(sql`select 1`);
}

export interface DatabaseHandle {
  db: Database;
  driver: 'pglite' | 'postgres';
  /** True when this embedded database was just created from the build's template (its first start). */
  seededFromTemplate?: boolean;
  /** Runs a raw SQL string with no parameters (migrations, test resets). */
  exec(sql: string): Promise<void>;
  /**
   * Subscribes to a NOTIFY channel; on PGlite the only writer is this process, so it is a no-op there. On PostgreSQL a
   * lost connection is reopened with backoff and LISTENs again, then `onNotify` is called once, since notifications
   * sent meanwhile were missed. `log` (the server's logger) is also where lost pool connections are reported.
   */
  listen(channel: string, onNotify: () => void, options?: { log?: DatabaseLog }): Promise<void>;
  /** Sends NOTIFY on `channel` to every process listening (itself included); a no-op on PGlite, as `listen` is. */
  notify(channel: string): Promise<void>;
  close(): Promise<void>;
}


/** Until the server hands its logger over, one JSON line on stderr, as pino would write it. */
const stderrLog: DatabaseLog = {
  warn: (details, message) => console.error(JSON.stringify({ level: 40, component: 'database', ...serializable(details), msg: message })),
  info: (details, message) => console.error(JSON.stringify({ level: 30, component: 'database', ...serializable(details), msg: message })),
};

function serializable(details: object): object {
  const { err, ...rest } = details as { err?: unknown };
  return err instanceof Error ? { ...rest, err: { message: err.message, code: (err as { code?: string }).code } } : details;
}

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  /** PGlite data directory; `memory://` for an in-memory database (tests). */
  dataDir?: string;
  /**
   * A new PGlite directory starts as a copy of the build's template (migrated, reference bundle loaded): the server's
   * first start. Other commands (an import into a new directory) start from an empty cluster.
   */
  fromTemplate?: boolean;
}

/** Opens PostgreSQL when a URL is given, else the embedded PGlite. */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openPglite(options.dataDir ?? 'memory://', options.fromTemplate ?? false);
}

/**
 * PGlite's own start parameters, plus a smaller buffer pool: PostgreSQL's default 128 MB of shared buffers lives in
 * the WebAssembly memory and is touched at start (about 120 MB of resident memory), while the whole registry is a few
 * megabytes. 16 MB keeps every table and index cached.
 */
const pgliteStartParams = (defaults: string[]) => [...defaults, '-c', 'shared_buffers=16MB'];

/**
 * PGlite and its driver, loaded when the embedded database is opened: 200 ms and 50 MB of resident memory that a
 * command on PostgreSQL does without.
 */
async function loadPglite() {
  const [{ PGlite }, { pg_trgm }, { drizzle }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('drizzle-orm/pglite'),
  ]);
  return { PGlite, pg_trgm, drizzlePglite: drizzle };
}

async function openPglite(dataDir: string, fromTemplate: boolean): Promise<DatabaseHandle> {
  const { PGlite, pg_trgm, drizzlePglite } = await loadPglite();
  let location = dataDir;
  let release = () => {};
  let seeded = false;
  if (!dataDir.startsWith('memory://')) {
    location = path.join(dataDir, 'pglite');
    release = acquireDataDirLock(dataDir);
    // A new data directory starts from the build's template instead of running initdb (seconds, hundreds of MB).
    seeded = fromTemplate && seedFromTemplate(location);
    fs.mkdirSync(location, { recursive: true });
  }
  let client: PGliteClient;
  try {
    client = await PGlite.create(location, { extensions: { pg_trgm }, startParams: pgliteStartParams(PGlite.defaultStartParams) });
  } catch (error) {
    release();
    throw error;
  }
  const db = drizzlePglite(client) as unknown as Database;
  return {
    db,
    driver: 'pglite',
    seededFromTemplate: seeded,
    exec: async (sql) => {
      await client.exec(sql);
    },
    listen: async () => {},
    notify: async () => {},
    close: async () => {
      await client.close();
      release();
    },
  };
}

async function openPostgres(url: string): Promise<DatabaseHandle> {
  // Dates stay ISO strings (YYYY-MM-DD) as on PGlite, so both drivers return the same shapes.
  const types = {
    getTypeParser: (oid: number, format?: unknown) =>
      oid === 1082 ? (value: string) => value : pg.types.getTypeParser(oid, format as 'text'),
  };
  // A request waits at most 5 s for a connection, then fails (503) rather than hanging while the database is away.
  const pool = new pg.Pool({ connectionString: url, max: 10, types, connectionTimeoutMillis: 5_000 });
  let log = stderrLog;
  // A connection lost while idle (the server restarted, a failover, pg_terminate_backend) is an 'error' event on the
  // pool, which drops that connection and opens a new one when next needed: without a handler, Node ends the process.
  pool.on('error', (error) => log.warn({ err: error }, 'database connection lost while idle; the pool reconnects when next needed'));
  // A connection lost while checked out (a transaction) rejects its queries and emits 'error' on the client, which then
  // has no listener: this one keeps the process alive; the failed request answers 503 and the pool discards the client.
  pool.on('connect', (client) => client.on('error', () => {}));
  const listeners = new Set<{ stop(): void }>();
  let closed = false;
  const db = drizzlePg(pool) as unknown as Database;
  return {
    db,
    driver: 'postgres',
    exec: async (sql) => {
      await pool.query(sql);
    },
    listen: async (channel, onNotify, options) => {
      if (options?.log) log = options.log;
      const listener = keepListening({ pool, channel, onNotify, log: () => log, closed: () => closed });
      listeners.add(listener);
      await listener.started;
    },
    notify: async (channel) => {
      await pool.query('select pg_notify($1, $2)', [channel, '']);
    },
    close: async () => {
      closed = true;
      for (const listener of listeners) listener.stop();
      // pool.end() resolves once every client is told to end, not once it has: wait for each connection to close, so
      // a caller dropping the database right after (tests) does not kill connections mid-goodbye (error 57P01).
      let open = pool.totalCount;
      const closedConnections = new Promise<void>((resolve) => {
        if (open === 0) resolve();
        pool.on('remove', () => {
          if (--open <= 0) resolve();
        });
      });
      await pool.end();
      await closedConnections;
    },
  };
}
