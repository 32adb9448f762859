/**
 * The module boundaries of docs/architecture.md, checked on every run: dependency-cruiser reads src/ with the rules of
 * .dependency-cruiser.cjs (no import loops; src/app knows no module but through the composition root; a module reaches
 * another only through its public surface; queries only in repositories) and every violation is listed by rule, file
 * and target, so the failure says what to move.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
// Its command line, run with this Node (the package exports no path to it).
const depcruise = path.join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

interface Violation {
  from: string;
  to: string;
  rule: { name: string; severity: string };
  cycle?: Array<{ name: string } | string>;
}

/** Runs the cruise on `paths` from `cwd`; dependency-cruiser exits non-zero when it finds violations, so only its report counts. */
async function violations(paths: string[], cwd = root, config = path.join(root, '.dependency-cruiser.cjs')): Promise<Violation[]> {
  const run = promisify(execFile);
  const args = [depcruise, ...paths, '--config', config, '--output-type', 'json'];
  const { stdout } = await run(process.execPath, args, { cwd, maxBuffer: 256 * 1024 * 1024 }).catch((error: { stdout?: string; stderr?: string }) => {
    if (!error.stdout) throw new Error(`dependency-cruiser failed: ${error.stderr ?? String(error)}`);
    return { stdout: error.stdout };
  });
  return (JSON.parse(stdout) as { summary: { violations: Violation[] } }).summary.violations;
}

const describeViolation = (v: Violation) =>
  `${v.rule.name}: ${v.from} → ${v.cycle?.length ? v.cycle.map((step) => (typeof step === 'string' ? step : step.name)).join(' → ') : v.to}`;

describe('module boundaries', () => {
  it('src/ breaks none of the boundary rules', { timeout: 300_000 }, async () => {
    expect((await violations(['src'])).map(describeViolation)).toEqual([]);
  });

  it('each rule catches its violation in a small tree that breaks every rule once, and allows what it should', { timeout: 120_000 }, async () => {
    // test/fixtures/boundaries/src: a module "alpha" and a module "beta", infrastructure beside them.
    const found = await violations(['src'], path.join(root, 'test/fixtures/boundaries'));
    // A loop is reported from whichever of its files the cruise meets first: named here by its folder.
    const named = found.map((v) =>
      v.rule.name === 'no-circular' ? `no-circular: in ${path.dirname(v.from)}` : `${v.rule.name}: ${v.from} → ${v.to.replace(/^.*node_modules\//, 'node_modules/')}`,
    );
    expect(named.sort()).toEqual(
      [
        'app-imports-no-module: src/app/infra.ts → src/modules/alpha/alpha.repository.ts',
        'module-through-its-public-surface: src/modules/beta/beta.usecases.ts → src/modules/alpha/alpha.repository.ts',
        'module-through-its-public-surface: src/modules/beta/beta.usecases.ts → src/modules/alpha/alpha.tables.ts',
        'queries-only-in-repositories: src/modules/alpha/alpha.usecases.ts → node_modules/drizzle-orm/index.d.ts',
        'tables-only-for-foreign-keys: src/modules/beta/beta.tables.ts → src/modules/alpha/alpha.usecases.ts',
        'no-circular: in src/modules/beta',
      ].sort(),
    );
  });
});
