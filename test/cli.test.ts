import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureSite, invalidSite, repoRoot } from './helpers/app.js';
import { createTemporaryDatabase, type TemporaryDatabase } from './helpers/database.js';

const run = promisify(execFile);

/** Runs the real `pariscall` command on a temporary embedded database (or TEST_DATABASE_URL's server). */
async function pariscall(args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/cli.ts'), ...args], {
      cwd: repoRoot,
      env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('the pariscall command', () => {
  // The command's database: a temporary embedded one, or a new database on TEST_DATABASE_URL's server.
  let database: TemporaryDatabase | undefined;
  let env: Record<string, string> = {};
  beforeAll(async () => {
    database = await createTemporaryDatabase('cli');
    env = database.env;
  });
  afterAll(async () => database?.remove());
  const firstSeen = ['--first-seen', path.join(fixtureSite, 'first-seen.csv')];

  it('imports a site, then reports everything unchanged on a second import', async () => {
    const first = await pariscall(['import', fixtureSite, ...firstSeen], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/added:\s+13/);
    expect(first.stdout).toMatch(/warning roumanie-state-ROM\.md:\d+: .*ROM/);
    // The fixture checkout has no WG6 workbook: the import says so instead of failing.
    expect(first.stdout).toMatch(/WG6 toolkit: not imported \(no assets\/files\/Paris-Call-WG6-/);
    const second = await pariscall(['import', fixtureSite, ...firstSeen], env);
    expect(second.stdout).toMatch(/added:\s+0/);
    expect(second.stdout).toMatch(/unchanged: 13/);
  }, 60_000);

  it('refuses invalid files with their names and exits non-zero', async () => {
    const result = await pariscall(['import', invalidSite], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/broken_yaml-private-sector-FRA\.md:\d+/);
    expect(result.stderr).toMatch(/unknown_country-private-sector-XYZ\.md:\d+/);
  }, 60_000);

  it('exports the official CSV', async () => {
    const out = path.join(String(env.DATA_DIR), 'export.csv');
    const result = await pariscall(['export', 'csv', '--out', out], env);
    expect(result.code).toBe(0);
    const lines = fs.readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('name,category,nationality,nature,website,twitter,date_signed');
    expect(lines).toHaveLength(14);
  }, 60_000);

  it('creates the first administrator, lists accounts and disables one', async () => {
    const created = await pariscall(['user', 'create', '--admin', 'Chief@Secretariat.example', '--name', 'Chief', '--locale', 'fr'], env);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/^Created admin chief@secretariat\.example \(usr_/);
    // The next step is printed: a working one-time sign-in link, and where later sign-in e-mails go.
    const link = /Next: open this sign-in link within 20 minutes \(it works once\):\n {2}(http:\/\/localhost:\d+\/fr\/sign-in\/verify\?token=[\w-]+)/.exec(created.stdout);
    expect(link, created.stdout).not.toBeNull();
    expect(created.stdout).toContain(`e-mailed to chief@secretariat.example (written as .eml files to ${path.join(env.DATA_DIR!, 'outbox')} (SMTP_URL is not set))`);
    expect(created.stdout).toContain('a passkey, or an authenticator app');
    const moderator = await pariscall(['user', 'create', '--moderator', 'mod@secretariat.example'], env);
    expect(moderator.stdout).toMatch(/^Created moderator/);
    const promoted = await pariscall(['user', 'create', '--admin', 'mod@secretariat.example'], env);
    expect(promoted.stdout).toMatch(/^Updated admin mod@secretariat\.example/);
    const list = await pariscall(['user', 'list', '--json'], env);
    const users = JSON.parse(list.stdout) as Array<{ email: string; role: string; status: string; name: string | null }>;
    expect(users).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ email: 'chief@secretariat.example', role: 'admin', status: 'active', name: 'Chief' }),
        expect.objectContaining({ email: 'mod@secretariat.example', role: 'admin' }),
      ]),
    );
    const disabled = await pariscall(['user', 'disable', 'mod@secretariat.example', '--reason', 'left'], env);
    expect(disabled.code, disabled.stderr).toBe(0);
    expect((await pariscall(['user', 'list'], env)).stdout).toMatch(/mod@secretariat\.example\tadmin\tdisabled/);
    // The last active administrator stays.
    const last = await pariscall(['user', 'disable', 'chief@secretariat.example'], env);
    expect(last.code).toBe(1);
    expect(last.stderr).toContain('At least one active administrator must remain');
  }, 90_000);

  it('refuses a user without a role, with a bad address or an unknown account', async () => {
    expect((await pariscall(['user', 'create', 'x@example.org'], env)).stderr).toContain('exactly one of --admin or --moderator');
    expect((await pariscall(['user', 'create', '--admin', 'not-an-address'], env)).code).toBe(1);
    const unknown = await pariscall(['user', 'disable', 'nobody@example.org'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no account for nobody@example.org');
  }, 90_000);

  it('stops with one clear line per bad setting', async () => {
    const result = await pariscall(['migrate'], { ...env, PORT: 'eighty', DATABASE_URL: 'mysql://x' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('PORT: ');
    expect(result.stderr).toContain('DATABASE_URL: must start with postgres://');
  }, 60_000);
});
