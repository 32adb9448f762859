/**
 * The shared reference folder (`../shared` beside the repository root, never copied into it), for the suites that
 * check the platform against the real official data. One place resolves it, so every checkout finds it the same way:
 * `<repository root>/../shared`, or the folder named by `PARISCALL_SHARED_DIR`.
 *
 * A suite that needs it asks `needsShared(suite, path)`: where the path is missing, one line says so on the console
 * and the suite is skipped with the reason in its name, never silently.
 *
 *   const asem = needsShared('the COINr ASEM example', sharedPaths.coinrAsem);
 *   describe.skipIf(!asem.available)(asem.title('the COINr ASEM example'), () => { ... });
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const override = process.env.PARISCALL_SHARED_DIR?.trim();

/** The shared reference folder: `PARISCALL_SHARED_DIR`, or `../shared` beside the repository root. */
export const sharedDir = override ? path.resolve(repoRoot, override) : path.resolve(repoRoot, '../shared');

/** The paths inside it that the tests read. */
export const sharedPaths = {
  /** The official site's checkout: supporters, the Call's text, principles. */
  officialSite: path.join(sharedDir, 'data/pariscall.international'),
  /** The open data of the Index (EuRepoC, #KeepItOn, ITU GCI, World Bank, COINr). */
  indexSources: path.join(sharedDir, 'data/index'),
  /** COINr's ASEM example (iData, iMeta and its published results). */
  coinrAsem: path.join(sharedDir, 'data/index/coinr-asem'),
} as const;

export interface SharedRequirement {
  /** The path asked for. */
  path: string;
  /** Whether it exists. */
  available: boolean;
  /** Why the suite is skipped (empty when the path exists). */
  reason: string;
  /** The suite's or test's name, with the reason appended when it is skipped. */
  title(name: string): string;
}

/** How the path reads in a message: `../shared/…` by default, the absolute path under PARISCALL_SHARED_DIR. */
function display(p: string): string {
  return override ? p : path.relative(repoRoot, p).split(path.sep).join('/');
}

const announced = new Set<string>();

/**
 * Whether `p` (a path under the shared folder) exists for `suite`. When it does not, prints one line, e.g.
 * `skipped: the COINr ASEM example needs ../shared/data/index/coinr-asem (not found beside the repository)`,
 * and returns that reason for the suite's name.
 */
export function needsShared(suite: string, p: string): SharedRequirement {
  const available = fs.existsSync(p);
  const where = override ? `not found in PARISCALL_SHARED_DIR=${override}` : 'not found beside the repository';
  const reason = available ? '' : `${suite} needs ${display(p)} (${where})`;
  if (!available && !announced.has(reason)) {
    announced.add(reason);
    console.warn(`skipped: ${reason}`);
  }
  return {
    path: p,
    available,
    reason,
    title: (name) => (available ? name : `${name} [skipped: ${reason}]`),
  };
}
