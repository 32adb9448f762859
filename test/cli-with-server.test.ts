/**
 * The command line beside a running server on the embedded database: the secretariat's everyday commands (create or
 * disable a user, list, import, publish, export) are run by the server through its admin socket instead of being
 * refused; others say what to do. The socket is the owner's alone (0600 in a 0700 directory).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSocketPath } from '../src/app/admin/admin-socket.js';
import { fixtureSite, repoRoot } from './helpers/app.js';
import { createTemporaryDatabase, type TemporaryDatabase } from './helpers/database.js';
import { freePort } from './helpers/net.js';

const run = promisify(execFile);
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

async function pariscall(args: string[], env: Record<string, string>, cwd = repoRoot) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/cli.ts'), ...args], { cwd, env: { ...process.env, LOG_LEVEL: 'silent', ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe.skipIf(onPostgres)('the command line while the server holds the embedded database', () => {
  let database: TemporaryDatabase;
  let server: ChildProcess;
  let base = '';
  let env: Record<string, string> = {};

  beforeAll(async () => {
    database = await createTemporaryDatabase('cliserver');
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    env = { ...database.env, PORT: String(port), HOST: '127.0.0.1', IMPORT_ON_EMPTY: '', PUBLIC_URL: '' };
    server = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/cli.ts'), 'serve'], { cwd: repoRoot, env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: 'ignore' });
    for (let i = 0; i < 300; i++) {
      try {
        if ((await fetch(`${base}/healthz`)).ok) break;
      } catch {
        // not yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }, 120_000);
  afterAll(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server.once('exit', r));
      server.kill('SIGTERM');
      await exited;
    }
    await database?.remove();
  });

  it('listens on a socket only the owner can reach', () => {
    const socket = adminSocketPath(database.dataDir);
    expect(fs.statSync(socket).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(socket)).mode & 0o777).toBe(0o700);
  });

  it('creates, lists and disables a secretariat account through the server', { timeout: 60_000 }, async () => {
    const created = await pariscall(['user', 'create', '--admin', 'boss@secretariat.example'], env);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/^Created admin boss@secretariat\.example \(usr_/);
    expect(created.stdout).toContain(`${base}/en/sign-in/verify?token=`);
    expect(created.stderr).toContain('run by the server that holds the embedded database');
    // The link printed works against the running server.
    const link = /(http:\/\/\S+\/en\/sign-in\/verify\?token=\S+)/.exec(created.stdout)![1]!;
    expect((await fetch(link)).status).toBe(200);
    const listed = await pariscall(['user', 'list', '--json'], env);
    expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ email: 'boss@secretariat.example', role: 'admin', status: 'active' })]);
    expect((await pariscall(['user', 'create', '--moderator', 'helper@secretariat.example'], env)).code).toBe(0);
    const disabled = await pariscall(['user', 'disable', 'helper@secretariat.example', '--reason', 'left'], env);
    expect(disabled.code, disabled.stderr).toBe(0);
    expect(disabled.stdout).toContain('Disabled helper@secretariat.example.');
    // The server's own rules hold: the last administrator stays.
    const last = await pariscall(['user', 'disable', 'boss@secretariat.example'], env);
    expect(last.code).toBe(1);
    expect(last.stderr).toContain('At least one active administrator must remain.');
    const unknown = await pariscall(['user', 'disable', 'nobody@example.org'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no account for nobody@example.org');
  });

  it('imports with a path relative to where the command was typed, and the server shows it at once', { timeout: 60_000 }, async () => {
    const before = (await (await fetch(`${base}/api/v1/stats`)).json()) as { total: number };
    const imported = await pariscall(['import', path.basename(fixtureSite), '--first-seen', path.join(path.basename(fixtureSite), 'first-seen.csv')], env, path.dirname(fixtureSite));
    expect(imported.code, imported.stderr).toBe(0);
    // Over the reference bundle's registry: ten new entries, two updated (the platform changed neither).
    expect(imported.stdout).toMatch(/added:\s+10\n/);
    const after = (await (await fetch(`${base}/api/v1/stats`)).json()) as { total: number };
    expect(after.total).toBe(before.total + 10);
  });

  it('refuses what it does not run through the server, and says what to do', async () => {
    const migrate = await pariscall(['migrate'], env);
    expect(migrate.code).toBe(1);
    expect(migrate.stderr).toContain('in use by process');
    expect(migrate.stderr).toContain('While the server runs, these commands go through it: pariscall user create, user list, user disable, import, index publish, export');
  });
});
