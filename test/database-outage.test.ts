/**
 * The server rides through losing its PostgreSQL connections (a restart, a failover, pg_terminate_backend): the process
 * stays up, cached pages keep being served, /healthz and database-backed requests answer 503 problem+json until the
 * pool reconnects, and the LISTEN connection comes back, invalidates the caches once and receives NOTIFY again.
 * PostgreSQL only: the embedded database has no connection to lose.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/app.js';
import { createTemporaryDatabase, type TemporaryDatabase } from './helpers/database.js';
import { freePort } from './helpers/net.js';

const adminUrl = process.env.TEST_DATABASE_URL;
if (!adminUrl) console.warn('test/database-outage.test.ts skipped: TEST_DATABASE_URL is unset (it needs a real PostgreSQL server)');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One statement on the test's database, as another process would run it. `silent` turns the tables' triggers off for
 * it (session_replication_role), so a change is not announced by NOTIFY.
 */
async function onDatabase<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = [], silent = false): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    if (silent) await client.query('set session_replication_role = replica');
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

describe.skipIf(!adminUrl)('losing the PostgreSQL connections', () => {
  let database: TemporaryDatabase;
  let server: ChildProcess;
  let base = '';
  let output = '';
  let slug = '';

  beforeAll(async () => {
    database = await createTemporaryDatabase('outage');
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/cli.ts'), 'serve'], {
      cwd: repoRoot,
      env: {
        ...process.env,
        ...database.env,
        LOG_LEVEL: 'info',
        IMPORT_ON_EMPTY: '',
        HOST: '127.0.0.1',
        PORT: String(port),
        PUBLIC_URL: base,
        SECRET_KEY: 'outage-test-secret-0123456789-abcdefghijkl',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    for (let i = 0; ; i++) {
      if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}:\n${output}`);
      if (i > 300) throw new Error(`server did not start:\n${output}`);
      if ((await fetch(`${base}/healthz`).catch(() => null))?.ok) break;
      await sleep(200);
    }
    [{ slug = '' } = { slug: '' }] = await onDatabase<{ slug: string }>(String(database.databaseUrl), 'select slug from supporters order by slug limit 1');
  }, 120_000);

  afterAll(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    await database?.remove();
  });

  const supporterName = async () => ((await (await fetch(`${base}/api/v1/supporters/${slug}`)).json()) as { name: string }).name;
  /** Renames the supporter without the trigger's NOTIFY. */
  const rename = (name: string) => onDatabase(String(database.databaseUrl), 'update supporters set name = $1 where slug = $2', [name, slug], true);

  const databaseName = () => new URL(String(database.databaseUrl)).pathname.slice(1);
  const allowConnections = (allow: boolean) => onDatabase(String(adminUrl), `alter database ${databaseName()} allow_connections ${allow}`);

  it('stays up, serves cached pages, answers 503 problem+json meanwhile, then recovers and hears NOTIFY again', { timeout: 60_000 }, async () => {
    expect(slug).not.toBe('');
    // Cached before the outage: the page and the supporter's JSON.
    expect((await fetch(`${base}/en/supporters`)).status).toBe(200);
    const originalName = await supporterName();
    // A change the server is not told about: the LISTEN connection's return must invalidate the caches anyway.
    await rename('Renamed while nobody listened');

    // The outage: every connection of the server ends, and new ones are refused until the database is back.
    await allowConnections(false);
    try {
      const terminated = await onDatabase<{ pid: number }>(
        String(adminUrl),
        'select pg_terminate_backend(pid) as pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
        [databaseName()],
      );
      expect(terminated.length).toBeGreaterThan(0); // at least the LISTEN connection
      await sleep(300);
      expect(server.exitCode, output).toBeNull();

      // The response cache answers before anything touches the database.
      expect((await fetch(`${base}/en/supporters`)).status).toBe(200);
      expect(await supporterName()).toBe(originalName);
      // What needs the database answers 503: problem+json on /healthz and the API (localized), an error page elsewhere.
      const health = await fetch(`${base}/healthz`);
      expect(health.status).toBe(503);
      expect(health.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await health.json()).toMatchObject({ status: 503, code: 'database.unavailable' });
      const api = await fetch(`${base}/api/v1/supporters?q=outage`, { headers: { 'accept-language': 'fr' } });
      expect(api.status).toBe(503);
      expect(api.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await api.json()).toMatchObject({ status: 503, code: 'database.unavailable', title: 'Le service est momentanément indisponible' });
      const page = await fetch(`${base}/en/supporters?q=outage`);
      expect(page.status).toBe(503);
      expect(await page.text()).toContain('The service is temporarily unavailable');
      await sleep(1_000); // the LISTEN connection retries meanwhile
      expect(server.exitCode, output).toBeNull();
    } finally {
      await allowConnections(true);
    }

    // /healthz answers 503 problem+json until the pool has reconnected, then 200, within a few seconds.
    const deadline = Date.now() + 10_000;
    for (;;) {
      const health = await fetch(`${base}/healthz`);
      if (health.status === 200) break;
      expect(health.status).toBe(503);
      expect(health.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(Date.now()).toBeLessThan(deadline);
      await sleep(100);
    }
    // A request that needs the database succeeds again (a search nobody has cached).
    expect((await fetch(`${base}/api/v1/supporters?q=outage`)).status).toBe(200);

    // The LISTEN connection came back and invalidated the caches once: the unannounced rename shows.
    await expect.poll(supporterName, { timeout: 10_000, interval: 200 }).toBe('Renamed while nobody listened');
    expect(output).toMatch(/listening again/);

    // NOTIFY reaches the listener again: an unannounced rename stays unseen (cached), then shows once announced.
    await rename(originalName);
    expect(await supporterName()).toBe('Renamed while nobody listened');
    await onDatabase(String(database.databaseUrl), 'notify registry_changed');
    await expect.poll(supporterName, { timeout: 5_000, interval: 100 }).toBe(originalName);
    expect(server.exitCode, output).toBeNull();
  });
});
