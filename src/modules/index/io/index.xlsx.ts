/**
 * COINr tables as an XLSX workbook with the sheets `iData` and `iMeta`, the way COINr users exchange them
 * (`readxl::read_excel(file, sheet = "iData")`). Cells are turned into the same text a CSV would hold, so the
 * engine parses both the same way: numbers are printed as R prints them, dates as `YYYY-MM-DD`, formulas by
 * their cached result, empty cells as missing. When writing, numeric columns get numeric cells and missing values
 * empty cells (what `openxlsx::write.xlsx` does with `NA`).
 */
import type ExcelJS from 'exceljs';
import { formatNumber, parseNumber } from '../engine/coinr-cells.js';
import type { TextTable } from './index.csv.js';

/** The text of one cell, whatever ExcelJS returns for it (rich text, hyperlinks, formulas, dates, errors). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('hyperlink' in value) return cellText((value as ExcelJS.CellHyperlinkValue).text as ExcelJS.CellValue);
  if ('error' in value) return String(value.error);
  return '';
}

/** One worksheet as a raw table: the first row is the header; rows that are entirely empty are skipped. */
function sheetTable(sheet: ExcelJS.Worksheet): TextTable {
  const width = sheet.columnCount;
  const header = sheet.getRow(1);
  const columns: string[] = [];
  for (let c = 1; c <= width; c++) columns.push(cellText(header.getCell(c).value).trim() || `V${c}`);
  while (columns.length > 0 && /^V\d+$/.test(columns[columns.length - 1] ?? '')) columns.pop();
  const rows: Record<string, string>[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells = columns.map((_, i) => cellText(row.getCell(i + 1).value));
    if (cells.every((c) => c.trim() === '')) continue;
    rows.push(Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? ''])));
  }
  return { columns, rows };
}

/** ExcelJS takes half a second to load: loaded on first use, not with the server (start-up time). */
async function excel(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}

/** Reads a workbook from a buffer. */
export async function loadWorkbook(data: Buffer | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const workbook = new (await excel()).Workbook();
  await workbook.xlsx.load(data as ArrayBuffer);
  return workbook;
}

/** The named sheets of a workbook as raw tables (undefined for a sheet that is absent). */
export async function readXlsxTables(data: Buffer | ArrayBuffer, names: string[]): Promise<Record<string, TextTable | undefined>> {
  const workbook = await loadWorkbook(data);
  const out: Record<string, TextTable | undefined> = {};
  for (const name of names) {
    const sheet = workbook.worksheets.find((s) => s.name.trim().toLowerCase() === name.toLowerCase());
    out[name] = sheet ? sheetTable(sheet) : undefined;
  }
  return out;
}

/** A sheet to write: the table plus the columns whose cells are numbers. */
export interface SheetSpec {
  name: string;
  table: TextTable;
  numericColumns?: Set<string>;
}

/** Writes sheets into one workbook; text `NA` becomes an empty cell, numeric text in numeric columns a number. */
export async function writeXlsxTables(sheets: SheetSpec[]): Promise<Buffer> {
  const workbook = new (await excel()).Workbook();
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name);
    sheet.addRow(spec.table.columns);
    sheet.getRow(1).font = { bold: true };
    for (const row of spec.table.rows) {
      sheet.addRow(spec.table.columns.map((c) => {
        const text = row[c] ?? '';
        if (text === 'NA' || text === '') return null;
        if (spec.numericColumns?.has(c)) {
          const n = parseNumber(text);
          if (n.ok && n.value !== null) return n.value;
        }
        return text;
      }));
    }
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
