/** PostgreSQL LISTEN that rides through a lost connection (server restart, failover, terminated backend). */
import pg from 'pg';

/** What the database layer reports when it rides through a lost connection (pino's signature, as the server's logger). */
export interface DatabaseLog {
  warn(details: object, message: string): void;
  info(details: object, message: string): void;
}

/**
 * One connection held out of the pool for LISTEN. When it is lost, it is reopened after 0.25 s, doubling up to 10 s
 * while the database stays away; once listening again, `onNotify` runs once for what was missed. The first LISTEN's
 * failure is the caller's (`started` rejects): a server does not start without its database.
 */
export function keepListening(options: {
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
