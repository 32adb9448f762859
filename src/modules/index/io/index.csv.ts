/**
 * COINr tables as CSV text (R's `write.csv` shape: a header row, `NA` for missing), read into the engine's
 * `RawTable` and written back from it. Reading keeps every cell as text: the engine decides what is a number.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

/** A table with its column order, as the engine's writers return it. */
export interface TextTable {
  columns: string[];
  rows: Record<string, string>[];
}

/** Parses CSV text (UTF-8, optional BOM) into a table of text cells (a raw table with every cell and its columns); throws on malformed CSV (unbalanced quotes, ragged rows). */
export function readCsvTable(text: string): TextTable {
  const records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: false }) as string[][];
  const [header = [], ...lines] = records;
  // R writes an unnamed first column for row names (`write.csv(row.names = TRUE)`); keep it under a visible name.
  const columns = header.map((c, i) => (c.trim() === '' ? `V${i + 1}` : c.trim()));
  return { columns, rows: lines.map((line) => Object.fromEntries(columns.map((c, i) => [c, line[i] ?? '']))) };
}

/** Writes a table as CSV, quoting only where needed, with a final newline. */
export function writeCsvTable(table: TextTable): string {
  return stringify(table.rows.map((r) => table.columns.map((c) => r[c] ?? '')), { header: true, columns: table.columns });
}
