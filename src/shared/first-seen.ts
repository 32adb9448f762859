/**
 * The official registry's history file (`pariscall-registry-first-seen.csv`: the date each supporter file first
 * appeared). Read by the registry's import (to date entries without a signature date) and by the Call's reference
 * part (to version the snapshot), so it belongs to neither module.
 */
import fs from 'node:fs/promises';
import { parse as parseCsv } from 'csv-parse/sync';
import { isIsoDate } from './dates.js';

/**
 * Reads a `file,first_seen` CSV (one row per supporter file, the date it first appeared in the official repository).
 * Throws on a malformed file: it is our own derived data, so a problem there is a bug to fix, not a row to skip.
 */
export async function readFirstSeen(csvPath: string): Promise<Map<string, string>> {
  const rows = parseCsv(await fs.readFile(csvPath, 'utf8'), { bom: true, skip_empty_lines: true, trim: true }) as string[][];
  const [header, ...data] = rows;
  if (!header || header[0] !== 'file' || header[1] !== 'first_seen') {
    throw new Error(`${csvPath}: expected the header "file,first_seen"`);
  }
  const firstSeen = new Map<string, string>();
  data.forEach(([file, date], index) => {
    if (!file || !date || !isIsoDate(date)) {
      throw new Error(`${csvPath}: row ${index + 2} must be "<file>,<YYYY-MM-DD>"`);
    }
    firstSeen.set(file, date);
  });
  return firstSeen;
}
