import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (bench/ lives directly under it). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The official registry snapshot, read from ../shared as the project's own commands do. */
export const officialDir = path.resolve(repoRoot, '../shared/data/pariscall.international');
export const firstSeenCsv = path.resolve(officialDir, '../pariscall-registry-first-seen.csv');
export const benchDir = path.join(repoRoot, 'bench');
