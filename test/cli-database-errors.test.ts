/**
 * A database that cannot be opened stops the command with its cause and what to check (not only drizzle's "Failed
 * query"), and never prints DATABASE_URL's password.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/app.js';
import { freePort } from './helpers/net.js';

const run = promisify(execFile);
const adminUrl = process.env.TEST_DATABASE_URL;
if (!adminUrl) console.warn('test/cli-database-errors.test.ts: the missing-database case is skipped, TEST_DATABASE_URL is unset (it needs a PostgreSQL server)');

async function migrate(databaseUrl: string) {
  try {
    await run(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/cli.ts'), 'migrate'], {
      cwd: repoRoot,
      env: { ...process.env, LOG_LEVEL: 'silent', DATABASE_URL: databaseUrl },
    });
    return { code: 0, stderr: '' };
  } catch (error) {
    const e = error as { code: number; stderr: string };
    return { code: e.code, stderr: e.stderr };
  }
}

describe('pariscall migrate on a database it cannot open', () => {
  it('when nothing listens on the port, says the connection was refused on host:port and what to check', async () => {
    const port = await freePort();
    const result = await migrate(`postgres://platform:Sup3r-secret@127.0.0.1:${port}/pariscall`);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Cannot reach PostgreSQL at 127.0.0.1:${port}: connection refused`);
    expect(result.stderr).toMatch(/Check that the server is running/);
    expect(result.stderr).not.toContain('Sup3r-secret');
    expect(result.stderr).not.toContain('Failed query');
  }, 60_000);

  it.skipIf(!adminUrl)('when the database does not exist, names it and says how to create it', async () => {
    const url = new URL(String(adminUrl));
    url.password = 'Sup3r-secret';
    url.pathname = '/pariscall_does_not_exist';
    const result = await migrate(url.toString());
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Database "pariscall_does_not_exist" does not exist on ${url.hostname}:${url.port || '5432'}`);
    expect(result.stderr).toMatch(/createdb pariscall_does_not_exist/);
    expect(result.stderr).not.toContain('Sup3r-secret');
  }, 60_000);
});
