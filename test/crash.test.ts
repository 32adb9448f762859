/**
 * Nothing accepted is lost: an application confirmed just before the server is killed with SIGKILL (no shutdown
 * hook runs) is still there, confirmed, after a restart, on the embedded database and on PostgreSQL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/app/database/database.js';
import { applications } from '../src/modules/applications/applications.tables.js';
import { repoRoot } from './helpers/app.js';
import { mergeCookies } from './helpers/auth.js';
import { createTemporaryDatabase } from './helpers/database.js';
import { freePort } from './helpers/net.js';

function startServer(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/cli.ts'), 'serve'], {
    cwd: repoRoot,
    env: { ...process.env, LOG_LEVEL: 'warn', IMPORT_ON_EMPTY: '', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function waitUntilUp(base: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server did not start');
}

async function waitForEml(dir: string): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.eml')) : [];
    if (files[0]) return fs.readFileSync(path.join(dir, files[0]), 'utf8');
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('no e-mail written');
}

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe('a crash right after confirmation', () => {
  it('loses nothing: the confirmed application is there after kill -9 and a restart', { timeout: 120_000 }, async () => {
    const { env, dataDir, databaseUrl, remove } = await createTemporaryDatabase('crash');
    cleanups.push(remove);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const serverEnv = { ...env, SECRET_KEY: 'crash-test-secret-0123456789-abcdefghijkl', PORT: String(port), PUBLIC_URL: base };
    let server = startServer(serverEnv);
    cleanups.push(async () => void server.kill('SIGKILL'));
    await waitUntilUp(base, server);

    const applied = await fetch(`${base}/api/v1/applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        category: 'private-sector',
        name: 'Crash Test Dummies Ltd',
        countryCode: 'DEU',
        website: 'https://crashtest.example',
        executiveName: 'Kim Crash',
        executiveEmail: 'kim@crashtest.example',
        acceptCall: true,
        acceptPrivacy: true,
      }),
    });
    expect(applied.status, await applied.clone().text()).toBe(202);
    const { id } = (await applied.json()) as { id: string };

    // The outbox worker writes the confirmation e-mail to DATA_DIR/outbox (no SMTP_URL).
    const mail = await simpleParser(await waitForEml(path.join(dataDir, 'outbox')));
    const link = /https?:\/\/\S+\/join\/confirm\?token=[A-Za-z0-9_%-]+/.exec(mail.text ?? '')?.[0];
    expect(link).toBeDefined();
    const page = await fetch(link!);
    const html = await page.text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const token = new URL(link!).searchParams.get('token')!;
    const confirmed = await fetch(`${base}/en/join/confirm`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: mergeCookies(page.headers.getSetCookie()) },
      body: new URLSearchParams({ token, _csrf: csrf }).toString(),
    });
    expect(confirmed.status).toBe(200);

    // The answer was sent after the commit; now the process dies without any chance to flush or clean up.
    server.kill('SIGKILL');
    await new Promise((resolve) => server.once('exit', resolve));

    server = startServer(serverEnv);
    await waitUntilUp(base, server);
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));

    const database = await openDatabase({ databaseUrl, dataDir });
    try {
      const [row] = await database.db.select().from(applications).where(eq(applications.id, id));
      expect(row?.status).toBe('submitted');
      expect(row?.executiveEmail).toBe('kim@crashtest.example');
      expect(row?.confirmedAt).toBeInstanceOf(Date);
    } finally {
      await database.close();
    }
  });
});
