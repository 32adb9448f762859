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
});
