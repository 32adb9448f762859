/**
 * A fresh clone's first start, through the real command: with no official checkout beside it (IMPORT_ON_EMPTY points
 * nowhere), `pariscall serve` says so, loads the reference bundle and serves the real Call; a restart loads nothing
 * again. On the embedded database and on PostgreSQL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/app.js';
import { createTemporaryDatabase } from './helpers/database.js';
import { freePort } from './helpers/net.js';

interface Server {
  child: ChildProcess;
  log: () => string;
}

function startServer(env: Record<string, string>): Server {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/cli.ts'), 'serve'], {
    cwd: repoRoot,
    env: { ...process.env, LOG_LEVEL: 'info', HOST: '127.0.0.1', IMPORT_ON_EMPTY: path.join(repoRoot, 'no-such-checkout'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += String(chunk)));
  child.stderr?.on('data', (chunk) => (output += String(chunk)));
  return { child, log: () => output };
}

async function waitUntilUp(base: string, server: Server): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (server.child.exitCode !== null) throw new Error(`server exited with ${server.child.exitCode}:\n${server.log()}`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not start:\n${server.log()}`);
}

async function stop(server: Server): Promise<void> {
  if (server.child.exitCode !== null) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  await exited;
}

/** The text of the first .eml in `dir` addressed to `to` (the outbox worker writes it shortly after the request). */
async function waitForMail(dir: string, to: string): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.eml')) : [];
    for (const file of files) {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      // Quoted-printable wraps long lines with a trailing `=`: join them before looking for links.
      if (text.includes(to)) return text.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no e-mail to ${to} in ${dir}`);
}

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe('the first start of a fresh clone', () => {
  it('serves the real Call from the reference bundle, says why, and loads it only once', { timeout: 180_000 }, async () => {
    const { env, remove } = await createTemporaryDatabase('firststart');
    cleanups.push(remove);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    // No PUBLIC_URL: links must follow the port the server really listens on.
    const serverEnv = { ...env, PORT: String(port), PUBLIC_URL: '' };

    const first = startServer(serverEnv);
    cleanups.push(() => stop(first));
    await waitUntilUp(base, first);
    expect(first.log()).toMatch(/IMPORT_ON_EMPTY: .*no-such-checkout not found; the registry comes from the reference bundle/);
    // On the embedded database the build's template already holds the bundle; on PostgreSQL it is loaded at start.
    expect(first.log()).toMatch(/Reference bundle loaded (in \d+ ms|into the database template at build): .*call \(documents 20, principles 9\).*registry \(supporters 1222, milestones 3\).*index \(editions 1, units 195\)/);

    const stats = (await (await fetch(`${base}/api/v1/stats`)).json()) as { total: number; byCategory: Record<string, number> };
    expect(stats.total).toBe(1222);
    expect(stats.byCategory.state).toBe(81);
    const home = await (await fetch(`${base}/en`)).text();
    expect(home).not.toMatch(/registry is empty/i);
    const call = await (await fetch(`${base}/fr/call`)).text();
    expect(call).toMatch(/Appel de Paris pour la confiance et la sécurité dans le cyberespace/);
    const principles = await (await fetch(`${base}/en/principles`)).text();
    expect(principles).not.toMatch(/not imported yet/i);
    const editions = (await (await fetch(`${base}/api/v1/index/editions`)).json()) as { items: { slug: string; pilot: boolean }[] };
    expect(editions.items).toEqual([expect.objectContaining({ slug: 'pilot', pilot: true })]);
    const ranking = await fetch(`${base}/en/index/pilot`);
    expect(ranking.status).toBe(200);
    const map = await (await fetch(`${base}/en/supporters/map`)).text();
    expect(map).toMatch(/Supporters announced in public statements/);
    // A statement dated by its month only is shown as such, not as the first day of that month.
    expect(map).toMatch(/<th scope="row">January 2022<\/th>/);

    // The public URL follows HOST and PORT, is said at start-up, and is what e-mails, the embed snippet and the API docs use.
    expect(first.log()).toContain(`Public URL ${base} (from HOST and PORT)`);
    const openapi = (await (await fetch(`${base}/api/openapi.json`)).json()) as { servers: { url: string }[] };
    expect(openapi.servers).toEqual([{ url: base }]);
    expect(await (await fetch(`${base}/en/open-data`)).text()).toContain(`${base}/en/embed/counters`);
    const applied = await fetch(`${base}/api/v1/applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        category: 'private-sector', name: 'Port Check Ltd', countryCode: 'FRA', website: 'https://port-check.example', executiveName: 'Ada',
        executiveEmail: 'ada@port-check.example', statementLocale: 'en', acceptCall: true, acceptPrivacy: true,
      }),
    });
    expect(applied.status).toBe(202);
    const mail = await waitForMail(path.join(env.DATA_DIR!, 'outbox'), 'ada@port-check.example');
    expect(mail).toContain(`${base}/en/join/confirm?token=`);
    expect(mail).not.toContain('localhost:3000');
    await stop(first);

    const second = startServer(serverEnv);
    cleanups.push(() => stop(second));
    await waitUntilUp(base, second);
    expect(second.log()).not.toMatch(/Reference bundle loaded/);
    expect(second.log()).not.toMatch(/IMPORT_ON_EMPTY/);
    expect(((await (await fetch(`${base}/api/v1/stats`)).json()) as { total: number }).total).toBe(1222);
  });
});
