/**
 * The embedded database's template: a PGlite cluster initialised, migrated and filled with the reference bundle at build
 * time (`npm run build`), copied into a new DATA_DIR on first start. initdb and the bundle's load are most of a first
 * start's time and memory; copying a directory is not. A template older than the code only costs the migrations it
 * lacks, which the start applies as usual.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** `dist/pglite-template/` at the repository root, whether this file runs from src/ or dist/. */
export const databaseTemplateDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dist/pglite-template');

/** What the build put into the template, said in the first start's log. */
export interface TemplateNotes {
  summary: string;
}

/** The notes sit beside the template (`dist/pglite-template.json`), not inside the cluster's directory. */
export const templateNotesFile = (dir = databaseTemplateDir) => `${dir}.json`;

export function readTemplateNotes(dir = databaseTemplateDir): TemplateNotes | null {
  try {
    return JSON.parse(fs.readFileSync(templateNotesFile(dir), 'utf8')) as TemplateNotes;
  } catch {
    return null;
  }
}

/** Copies the template into `location` when that cluster does not exist yet and a template was built; true if copied. */
export function seedFromTemplate(location: string, template = databaseTemplateDir): boolean {
  if (!fs.existsSync(path.join(template, 'PG_VERSION')) || fs.existsSync(path.join(location, 'PG_VERSION'))) return false;
  if (fs.existsSync(location) && fs.readdirSync(location).length > 0) return false;
  fs.cpSync(template, location, { recursive: true });
  return true;
}
