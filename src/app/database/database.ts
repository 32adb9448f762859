import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { acquireDataDirLock } from './lock.js';
import { seedFromTemplate } from './template.js';
import * as schema from './schema.js';

export type Schema = typeof schema;
/** One type for both drivers: use cases and repositories never know which one runs. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle has the same query surface as the database. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
export type Executor = Database | Transaction;

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
  close(): Promise<void>;
}

/** What the database layer reports when it rides through a lost connection (pino's signature, as the server's logger). */
export interface DatabaseLog {
  warn(details: object, message: string): void;
  info(details: object, message: string): void;
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
const pgliteStartParams = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];

async function openPglite(dataDir: string, fromTemplate: boolean): Promise<DatabaseHandle> {
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
  let client: PGlite;
  try {
    client = await PGlite.create(location, { extensions: { pg_trgm }, startParams: pgliteStartParams });
  } catch (error) {
    release();
    throw error;
  }
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  return {
    db,
    driver: 'pglite',
    seededFromTemplate: seeded,
    exec: async (sql) => {
      await client.exec(sql);
    },
    listen: async () => {},
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
  const db = drizzlePg(pool, { schema }) as unknown as Database;
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

/**
 * One connection held out of the pool for LISTEN. When it is lost, it is reopened after 0.25 s, doubling up to 10 s
 * while the database stays away; once listening again, `onNotify` runs once for what was missed. The first LISTEN's
 * failure is the caller's (`started` rejects): a server does not start without its database.
 */
function keepListening(options: {
  pool: pg.Pool;
  channel: string;
  onNotify: () => void;
  log: () => DatabaseLog;
  closed: () => boolean;
}): { started: Promise<void>; stop(): void } {
  const { pool, channel, onNotify } = options;
  let current: pg.PoolClient | undefined;
  let timer: NodeJS.Timeout | undefined;
  let attempt = 0;
  let listening = false; // before the first LISTEN succeeds, a failure is the caller's, not retried here

  const lost = (client: pg.PoolClient, error: Error) => {
    if (current !== client) return;
    current = undefined;
    client.release(error); // destroys the connection instead of returning it to the pool
    if (options.closed() || !listening) return;
    options.log().warn({ err: error, channel }, 'database connection lost; listening again once it is back');
    retry();
  };

  const connect = async () => {
    const client = await pool.connect();
    client.on('error', (error) => lost(client, error));
    client.on('end', () => lost(client, new Error('Connection terminated unexpectedly')));
    client.on('notification', (message) => {
      if (message.channel === channel) onNotify();
    });
    current = client;
    await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
  };

  const retry = () => {
    const delay = Math.min(250 * 2 ** attempt, 10_000);
    attempt += 1;
    timer = setTimeout(() => {
      timer = undefined;
      if (options.closed()) return;
      connect().then(
        () => {
          if (options.closed()) return;
          options.log().info({ channel, attempts: attempt }, 'database connection back; listening again');
          attempt = 0;
          onNotify(); // notifications sent while away were missed
        },
        (error: Error) => {
          if (current) lost(current, error);
          else if (!timer && !options.closed()) {
            options.log().warn({ err: error, channel, attempt }, 'database still unreachable; retrying');
            retry();
          }
        },
      );
    }, delay);
    timer.unref();
  };

  return {
    started: connect().then(() => {
      listening = true;
    }, (error: unknown) => {
      if (current) {
        const client = current;
        current = undefined;
        client.release(error as Error);
      }
      throw error;
    }),
    stop: () => {
      if (timer) clearTimeout(timer);
      const client = current;
      current = undefined;
      client?.release();
    },
  };
}

/** PostgreSQL and network errors that mean "the database is unreachable for now", not a bug in the request. */
const unavailableCodes = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE',
  '57P01', // admin_shutdown (pg_terminate_backend, a restart)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, recovering)
  '08000', '08001', '08003', '08004', '08006', // connection exceptions
  '53300', // too_many_connections
]);
const unavailableMessages =
  /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|Connection ended unexpectedly|is not currently accepting connections/i;

/** The error, then its causes (drizzle wraps the driver's error as `cause`). */
function* causes(error: unknown): Generator<{ code?: unknown; message?: unknown }> {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth += 1) {
    yield e as { code?: unknown; message?: unknown };
  }
}

/** True when a query failed because the database could not be reached or dropped the connection (answered 503). */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (const e of causes(error)) {
    if (typeof e.code === 'string' && unavailableCodes.has(e.code)) return true;
    if (typeof e.message === 'string' && unavailableMessages.test(e.message)) return true;
  }
  return false;
}

/**
 * What went wrong opening PostgreSQL, said for an operator with what to check, or undefined when the error is not a
 * connection problem. Names the host, port, database and user of `databaseUrl`, never its password.
 */
export function describeDatabaseError(error: unknown, databaseUrl: string | undefined): string | undefined {
  if (!databaseUrl) return undefined;
  let where = 'the database server';
  let database = '';
  let user = '';
  try {
    const url = new URL(databaseUrl);
    where = `${url.hostname || 'localhost'}:${url.port || '5432'}`;
    user = decodeURIComponent(url.username) || 'postgres';
    database = decodeURIComponent(url.pathname.replace(/^\//, '')) || user;
  } catch {
    // An unparsable URL: the driver's own message below says what it could not read.
  }
  for (const e of causes(error)) {
    const code = typeof e.code === 'string' ? e.code : '';
    const message = typeof e.message === 'string' ? e.message : '';
    if (code === 'ECONNREFUSED') return `Cannot reach PostgreSQL at ${where}: connection refused. Check that the server is running and accepts TCP connections there, and the host and port in DATABASE_URL.`;
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `Cannot reach PostgreSQL at ${where}: host not found. Check the host name in DATABASE_URL.`;
    if (code === 'ETIMEDOUT' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || /timeout exceeded when trying to connect/.test(message)) {
      return `Cannot reach PostgreSQL at ${where}: no answer. Check the host and port in DATABASE_URL and any firewall in between.`;
    }
    if (code === '3D000') return `Database "${database}" does not exist on ${where}. Create it (createdb ${database}) or check the database name in DATABASE_URL.`;
    if (code === '28P01' || code === '28000') return `PostgreSQL at ${where} refused user "${user}": ${message}. Check the user and password in DATABASE_URL and the server's pg_hba.conf.`;
    if (code === '57P03') return `PostgreSQL at ${where} is starting up or shutting down. Try again in a moment.`;
  }
  if (!isDatabaseUnavailable(error)) return undefined;
  const innermost = [...causes(error)].at(-1);
  return `Lost the connection to PostgreSQL at ${where}: ${String(innermost?.message ?? error)}. Check the server's state and logs.`;
}
