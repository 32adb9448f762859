import fs from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/app.js';

/**
 * Every package the lock file installs supports the oldest Node the platform declares (`engines.node` in package.json):
 * a dependency that needs a newer Node (cookie 2, content-disposition 3 need Node 22) must not slip in unnoticed.
 * `.npmrc` sets engine-strict, so `npm ci` also refuses one.
 */
describe('dependencies and the declared Node version', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { engines: { node: string } };
  const lock = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package-lock.json'), 'utf8')) as { packages: Record<string, { engines?: { node?: unknown } }> };
  const oldest = semver.minVersion(manifest.engines.node)!.version;

  it('declares a Node range, and npm refuses engine mismatches', () => {
    expect(oldest).toMatch(/^20\./);
    expect(fs.readFileSync(path.join(repoRoot, '.npmrc'), 'utf8')).toMatch(/^engine-strict=true$/m);
  });

  it('installs nothing that needs a newer Node than the declared minimum', () => {
    const refusing = Object.entries(lock.packages)
      .filter(([name, entry]) => name !== '' && typeof entry.engines?.node === 'string')
      .filter(([, entry]) => !semver.satisfies(oldest, entry.engines!.node as string))
      .map(([name, entry]) => `${name.replace(/^node_modules\//, '')} needs node ${entry.engines!.node as string}`);
    expect(refusing).toEqual([]);
  });
});
