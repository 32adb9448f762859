/**
 * Which database errors mean "unreachable for now" (answered 503, not logged as a bug), and how to say to an operator
 * what went wrong opening PostgreSQL.
 */

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
