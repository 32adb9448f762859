/**
 * COINr iData/iMeta files in and out: CSV (one file per table) or XLSX (one workbook with the sheets `iData` and
 * `iMeta`; either table may also come from its own workbook). Reading returns the engine's whole problem report
 * when anything is wrong, file problems included, and then no dataset: nothing is half-imported.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { parseCoinr, writeIData, writeIMeta, type CoinrParse, type RawTable } from '../engine/coinr-format.js';
import type { ImportIssue, IndexDataset } from '../engine/types.js';
import { readCsvTable, writeCsvTable } from './index.csv.js';
import { readXlsxTables, writeXlsxTables } from './index.xlsx.js';

export type TableFormat = 'csv' | 'xlsx';
type TableName = 'iData' | 'iMeta';

/** The format a file name implies, or null. */
function formatOf(file: string): TableFormat | null {
  const ext = extname(file).toLowerCase();
  return ext === '.csv' ? 'csv' : ext === '.xlsx' ? 'xlsx' : null;
}

const fileIssue = (table: TableName, code: string, message: string): ImportIssue => ({ table, row: null, column: null, code, message });

/** A file's name and bytes, or the problem reading it (a missing file, say) as an issue of `table`. */
async function readFileOrIssue(file: string, table: TableName): Promise<TableFile | ImportIssue> {
  if (formatOf(file) === null) return fileIssue(table, 'file.format.unsupported', `${basename(file)}: use a .csv or .xlsx file`);
  try {
    return { name: basename(file), bytes: await readFile(file) };
  } catch (error) {
    return fileIssue(table, 'file.unreadable', `${file}: ${(error as NodeJS.ErrnoException).code ?? 'cannot be read'}`);
  }
}

/**
 * Reads one table from a file's bytes (an upload, or a file read from disk): CSV, or the sheet named `table` of a
 * workbook. A problem with the file itself (format, malformed, sheet missing) is returned as an issue.
 */
async function readTableBytes(file: TableFile, table: TableName): Promise<RawTable | ImportIssue> {
  const format = formatOf(file.name);
  if (format === null) return fileIssue(table, 'file.format.unsupported', `${file.name}: use a .csv or .xlsx file`);
  try {
    if (format === 'csv') return readCsvTable(file.bytes.toString('utf8'));
    const sheets = await readXlsxTables(file.bytes, [table]);
    return sheets[table] ?? fileIssue(table, 'xlsx.sheet.missing', `${file.name} has no sheet named ${table}`);
  } catch (error) {
    return fileIssue(table, format === 'csv' ? 'csv.malformed' : 'xlsx.malformed', `${file.name}: ${(error as Error).message}`);
  }
}

/** An uploaded or read file: its name (which gives the format) and its bytes. */
export interface TableFile {
  name: string;
  bytes: Buffer;
}

export type CoinrTables = { ok: true; iData: RawTable; iMeta: RawTable } | { ok: false; issues: ImportIssue[] };

/**
 * Reads the iData and iMeta tables from files' bytes, without parsing them: `meta` may be omitted when `data` is a
 * workbook holding both sheets. Problems with the files themselves are returned, all of them.
 */
export async function readCoinrTables(data: TableFile, meta?: TableFile): Promise<CoinrTables> {
  const metaFile = meta ?? (formatOf(data.name) === 'xlsx' ? data : undefined);
  if (metaFile === undefined) {
    return { ok: false, issues: [fileIssue('iMeta', 'file.missing', 'give the iMeta table, or a workbook with iData and iMeta sheets')] };
  }
  const [iData, iMeta] = await Promise.all([readTableBytes(data, 'iData'), readTableBytes(metaFile, 'iMeta')]);
  const issues = [iMeta, iData].filter((t): t is ImportIssue => 'code' in t);
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, iData: iData as RawTable, iMeta: iMeta as RawTable };
}

/**
 * Reads iData and iMeta and parses them together. `meta` may be omitted when `data` is a workbook holding both
 * sheets. `source` (default: the data file's name) is recorded on every cell.
 */
export async function readCoinrFiles(input: { data: string; meta?: string; source?: string }): Promise<CoinrParse> {
  if (input.meta === undefined && formatOf(input.data) !== 'xlsx') {
    return { ok: false, issues: [fileIssue('iMeta', 'file.missing', 'give the iMeta file (--meta), or a workbook with iData and iMeta sheets')] };
  }
  const [data, meta] = await Promise.all([readFileOrIssue(input.data, 'iData'), input.meta === undefined ? undefined : readFileOrIssue(input.meta, 'iMeta')]);
  const issues = [meta, data].filter((t): t is ImportIssue => t !== undefined && 'code' in t);
  if (issues.length > 0) return { ok: false, issues };
  const tables = await readCoinrTables(data as TableFile, meta as TableFile | undefined);
  if (!tables.ok) return tables;
  return parseCoinr({ iData: tables.iData, iMeta: tables.iMeta, source: input.source ?? basename(input.data) });
}

/** iData columns holding numbers (Time, denominators, indicators): written as numeric cells in XLSX. */
function numericDataColumns(dataset: IndexDataset): Set<string> {
  return new Set(['Time', ...Object.keys(dataset.data.columns)]);
}

const NUMERIC_META = new Set(['Level', 'Direction', 'Weight', 'Target']);

/** The COINr tables as an XLSX workbook (sheets iData and iMeta). */
export async function coinrWorkbook(dataset: IndexDataset): Promise<Buffer> {
  return writeXlsxTables([
    { name: 'iData', table: writeIData(dataset), numericColumns: numericDataColumns(dataset) },
    { name: 'iMeta', table: writeIMeta(dataset.framework), numericColumns: NUMERIC_META },
  ]);
}

/**
 * Writes the dataset: `{ data, meta }` as two CSV files, or one XLSX path (`data`, with `meta` omitted or the same)
 * holding both sheets.
 */
export async function writeCoinrFiles(dataset: IndexDataset, output: { data: string; meta?: string }): Promise<void> {
  if (formatOf(output.data) === 'xlsx' && (output.meta === undefined || output.meta === output.data)) {
    await writeFile(output.data, await coinrWorkbook(dataset));
    return;
  }
  if (formatOf(output.data) !== 'csv' || output.meta === undefined || formatOf(output.meta) !== 'csv') {
    throw new Error('write iData and iMeta as two .csv files, or both into one .xlsx workbook');
  }
  await writeFile(output.data, writeCsvTable(writeIData(dataset)));
  await writeFile(output.meta, writeCsvTable(writeIMeta(dataset.framework)));
}

/** The problem report as lines a person can act on: `iData, data row 3, column a: "x" is not a number [idata.cell.non_numeric]`. */
export function formatIssues(issues: ImportIssue[]): string {
  return issues
    .map((i) => {
      const where = [i.table, i.row === null ? null : `data row ${i.row}`, i.column === null ? null : `column ${i.column}`].filter(Boolean).join(', ');
      return `${where}: ${i.message} [${i.code}]`;
    })
    .join('\n');
}
