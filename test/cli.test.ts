import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { fixtureSite, invalidSite, repoRoot } from './helpers/app.js';

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

describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))('the pariscall command', () => {
  const env = { DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'pariscall-cli-')) };
  const firstSeen = ['--first-seen', path.join(fixtureSite, 'first-seen.csv')];

  it('imports a site, then reports everything unchanged on a second import', async () => {
    const first = await pariscall(['import', fixtureSite, ...firstSeen], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/added:\s+13/);
    expect(first.stdout).toMatch(/warning roumanie-state-ROM\.md:\d+: .*ROM/);
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
    const out = path.join(env.DATA_DIR, 'export.csv');
    const result = await pariscall(['export', 'csv', '--out', out], env);
    expect(result.code).toBe(0);
    const lines = fs.readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('name,category,nationality,nature,website,twitter,date_signed');
    expect(lines).toHaveLength(14);
  }, 60_000);

  it('stops with one clear line per bad setting', async () => {
    const result = await pariscall(['migrate'], { ...env, PORT: 'eighty', DATABASE_URL: 'mysql://x' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('PORT: ');
    expect(result.stderr).toContain('DATABASE_URL: must start with postgres://');
  }, 60_000);
});
