/**
 * COINr iData/iMeta files in and out: CSV (one file per table) or XLSX (one workbook with the sheets `iData` and
 * `iMeta`; either table may also come from its own workbook). Reading returns the engine's whole problem report
 * when anything is wrong, file problems included, and then no dataset: nothing is half-imported.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { parseCoinr, writeIData, writeIMeta, type CoinrParse } from '../engine/coinr-format.js';
import type { ImportIssue, IndexDataset } from '../engine/types.js';
import { writeCsvTable, type TextTable } from './index.csv.js';
import { parseInWorker, type ParseResult, type Refusal } from './index.parse.js';
import type { LimitBreach } from './index.precheck.js';
import { parseWorkerLimits, uploadLimits } from './index.upload-limits.js';
import { writeXlsxTables } from './index.xlsx.js';

export type TableFormat = 'csv' | 'xlsx';
type TableName = 'iData' | 'iMeta';

/** The format a file name implies, or null. */
function formatOf(file: string): TableFormat | null {
  const ext = extname(file).toLowerCase();
  return ext === '.csv' ? 'csv' : ext === '.xlsx' ? 'xlsx' : null;
}

const fileIssue = (table: TableName, code: string, message: string): ImportIssue => ({ table, row: null, column: null, code, message });

/** A file's name and bytes, or the problem reading it (a missing file, too large a file) as an issue of `table`. */
async function readFileOrIssue(file: string, table: TableName): Promise<TableFile | ImportIssue> {
  if (formatOf(file) === null) return fileIssue(table, 'file.format.unsupported', `${basename(file)}: use a .csv or .xlsx file`);
  try {
    const size = (await stat(file)).size;
    if (size > uploadLimits.fileBytes) return limitIssue(table, basename(file), { kind: 'fileBytes', found: size, max: uploadLimits.fileBytes });
    return { name: basename(file), bytes: await readFile(file) };
  } catch (error) {
    return fileIssue(table, 'file.unreadable', `${file}: ${(error as NodeJS.ErrnoException).code ?? 'cannot be read'}`);
  }
}

/** An uploaded or read file: its name (which gives the format) and its bytes. */
export interface TableFile {
  name: string;
  bytes: Buffer;
}

/** Why a file was refused unparsed (a cap of `uploadLimits`), or why its parsing was stopped (the worker's limits). */
export type FileRefusal = LimitBreach | { kind: 'parseMemory' | 'parseTime'; max: number; found?: undefined };

/** A problem with the files; `refusal` says which limit, with figures and the file, for a message in the reader's language. */
export interface FileIssue extends ImportIssue {
  refusal?: FileRefusal & { file: string };
}

const mb = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);
const refusalText: Record<FileRefusal['kind'], { code: string; text: (name: string, found: number, max: number) => string }> = {
  fileBytes: { code: 'file.size.exceeded', text: (name, found, max) => `${name} is ${mb(found)} MB; a file may hold at most ${mb(max)} MB` },
  xlsxInflatedBytes: { code: 'xlsx.inflated.exceeded', text: (name, found, max) => `${name} inflates to more than ${mb(max)} MB (at least ${mb(found)} MB)` },
  cells: { code: 'file.cells.exceeded', text: (name, found, max) => `${name} has at least ${found} cells; a file may hold at most ${max}` },
  parseMemory: { code: 'file.parse.memory', text: (name, _found, max) => `${name}: reading it needed more than ${max} MB of memory` },
  parseTime: { code: 'file.parse.time', text: (name, _found, max) => `${name}: reading it took longer than ${max} s` },
};

function limitIssue(table: TableName, name: string, refusal: FileRefusal): FileIssue {
  const { code, text } = refusalText[refusal.kind];
  return { ...fileIssue(table, code, text(name, refusal.found ?? 0, refusal.max)), refusal: { ...refusal, file: name } };
}

/** A file to read and the tables it gives: a CSV one, a workbook one or both (read once). */
interface Planned {
  file: TableFile;
  format: TableFormat;
  tables: TableName[];
}

/** A file refused before parsing (a cap passed, or a workbook that is not a zip), as an issue of its first table. */
function refusalIssue(planned: Planned, refusal: Refusal): FileIssue {
  const table = planned.tables[0] as TableName;
  if ('breach' in refusal) return limitIssue(table, planned.file.name, refusal.breach);
  return fileIssue(table, 'xlsx.malformed', `${planned.file.name}: ${refusal.malformed}`);
}

/** The tables a worker's result gives, or the file's problem as an issue of each table. */
function tablesOf(planned: Planned, result: ParseResult): Array<[TableName, TextTable | FileIssue]> {
  return planned.tables.map((table) => {
    // Refused and unread results were answered before (readCoinrTables): what is left failed while parsing.
    if (!result.ok) return [table, fileIssue(table, `${planned.format}.malformed`, `${planned.file.name}: ${'message' in result ? result.message : 'not read'}`)];
    const raw = result.tables[planned.format === 'csv' ? 'csv' : table];
    return [table, raw ?? fileIssue(table, 'xlsx.sheet.missing', `${planned.file.name} has no sheet named ${table}`)];
  });
}

/** The tables read, every cell as text under its column (what a draft stores), or the problems with the files. */
export type CoinrTables = { ok: true; iData: TextTable; iMeta: TextTable } | { ok: false; issues: FileIssue[] };

/**
 * Reads the iData and iMeta tables from files' bytes: `meta` may be omitted when `data` is a workbook holding both
 * sheets, which is then read once. In one worker thread (index.parse.ts), every file is checked against
 * `uploadLimits` and refused unparsed beyond them (streaming a sheet to count its cells is work too, kept off the main
 * thread); then, when all pass, they are parsed. Problems with the files themselves are returned, all of them.
 */
export async function readCoinrTables(data: TableFile, meta?: TableFile): Promise<CoinrTables> {
  const dataFormat = formatOf(data.name);
  const metaFile = meta ?? (dataFormat === 'xlsx' ? data : undefined);
  if (metaFile === undefined) {
    return { ok: false, issues: [fileIssue('iMeta', 'file.missing', 'give the iMeta table, or a workbook with iData and iMeta sheets')] };
  }
  const issues: FileIssue[] = [];
  const plan: Planned[] = [];
  for (const [file, tables] of metaFile === data ? [[data, ['iMeta', 'iData']] as const] : ([[metaFile, ['iMeta']], [data, ['iData']]] as const)) {
    const format = formatOf(file.name);
    if (format === null) issues.push(...tables.map((table) => fileIssue(table, 'file.format.unsupported', `${file.name}: use a .csv or .xlsx file`)));
    else plan.push({ file, format, tables: [...tables] });
  }
  if (issues.length > 0) return { ok: false, issues };
  const outcome = await parseInWorker(plan.map((p) => ({ format: p.format, bytes: p.file.bytes, sheets: p.tables })));
  if (!outcome.ok) {
    const names = plan.map((p) => p.file.name).join(', ');
    const refusal: FileRefusal = outcome.reason === 'memory'
      ? { kind: 'parseMemory', max: parseWorkerLimits.maxOldGenerationSizeMb }
      : { kind: 'parseTime', max: parseWorkerLimits.timeoutMs / 1000 };
    return { ok: false, issues: [limitIssue('iData', names, refusal)] };
  }
  const refused = plan.flatMap((planned, i) => {
    const result = outcome.results[i] as ParseResult;
    return 'refused' in result ? [refusalIssue(planned, result.refused)] : [];
  });
  if (refused.length > 0) return { ok: false, issues: refused };
  const read = new Map(plan.flatMap((planned, i) => tablesOf(planned, outcome.results[i] as ParseResult)));
  const iData = read.get('iData');
  const iMeta = read.get('iMeta');
  const failed = [iMeta, iData].filter((t): t is FileIssue => t !== undefined && 'code' in t);
  if (failed.length > 0 || !iData || !iMeta) return { ok: false, issues: failed };
  return { ok: true, iData: iData as TextTable, iMeta: iMeta as TextTable };
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
