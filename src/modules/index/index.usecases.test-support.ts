import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCsvTable } from './io/index.csv.js';
import type { StoredTable } from './index.models.js';

const fixtures = join(fileURLToPath(new URL('.', import.meta.url)), 'io/fixtures');

/** A small COINr fixture table (io/fixtures) as the secretariat uploads it. */
export function fixtureTable(name: string): StoredTable {
  const t = readCsvTable(readFileSync(join(fixtures, name), 'utf8'));
  return { columns: t.columns ?? [], rows: t.rows as Record<string, string>[] };
}
