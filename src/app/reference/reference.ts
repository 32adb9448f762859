/**
 * The reference bundle (`reference/` at the repository root): the Call's real data, derived from the shared
 * reference material by the platform's own importers and shipped with the code, so a fresh clone serves the Call.
 *
 * Each module that owns reference data declares a `ReferencePart`: how to build its files from `../shared`, how to
 * read them back (validated, with file and line on any problem), whether its tables are empty, and how to load them.
 * The composition root runs the parts; nothing here knows a module.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Executor } from '../database/database.js';

/** `reference/` beside `src/` (and beside `dist/` when running the compiled build: both sit one level down). */
export const referenceDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../reference');

/** What a part builds: file path inside `reference/` → file content. */
export type BuiltFiles = Record<string, string>;

export interface ReferencePart<Parsed = unknown> {
  /** Short name used in logs and reports (`registry`, `call`, `index`). */
  name: string;
  /** Builds the part's files from the shared reference folder (`../shared`), deterministically. */
  build(sharedDir: string): Promise<BuiltFiles>;
  /** Reads and validates the part's files; throws `BundleFileError` naming the file and line. */
  read(bundleDir: string): Promise<Parsed>;
  /** True when the part's tables hold nothing: only then is the bundle loaded. */
  isEmpty(db: Executor): Promise<boolean>;
  /** Writes the part's data inside the caller's transaction; returns counts for the log. */
  load(tx: Executor, parsed: Parsed, actor: string): Promise<Record<string, number>>;
}
