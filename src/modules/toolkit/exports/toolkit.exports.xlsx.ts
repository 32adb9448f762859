/**
 * The published layer written back as a workbook in the WG6 layout (`shared/research/wg6-supply-chain.md` §2.3): the
 * same seven sheets, header rows, principle header ranges, recipient columns C–E, actions in F…AD, resources in AE,
 * each framework on the row it was read from and each merged range merged again, a locator in bold at the opening of
 * its quotation and a recipient's "X" in bold. So the toolkit's own importer reads it back into the same frameworks,
 * actions and cells, provenance included (`sheet!cell` and ranges are those of the published file).
 *
 * What it does not copy: the About sheets' texts and pictures (replaced by the export's provenance), fill colours,
 * the formula to another workbook (its cached text is written) and the whitespace the importer trimmed.
 */
import type ExcelJS from 'exceljs';
import type { Locale } from '../../../app/i18n/i18n.js';
import { actionCount, frameworkSheets, principles, recipientKinds, type RecipientKind } from '../toolkit.constants.js';
import type { Recipient } from '../toolkit.models.js';
import { toolkitMessages } from '../toolkit.messages.js';
import type { ExportCellRow, ExportFramework, PublishedToolkit } from './toolkit.exports.queries.js';

export const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Per sheet: the action-title row (3 or 4), and the header texts that differ between sheets, as published. */
const sheetLayout: Record<string, { headerRow: number; oecdHeader: string; resourcesHeader: string }> = {
  pp: { headerRow: 4, oecdHeader: 'OECD Principles', resourcesHeader: 'Resources' },
  sl: { headerRow: 3, oecdHeader: '', resourcesHeader: 'Resources ' },
  cn: { headerRow: 3, oecdHeader: 'OECD Principles', resourcesHeader: 'Resources' },
  pr: { headerRow: 3, oecdHeader: 'OECD Principles', resourcesHeader: 'Resources' },
  ig: { headerRow: 4, oecdHeader: 'OECD Principles', resourcesHeader: 'Resources' },
};
const recipientHeaders: Record<RecipientKind, string> = {
  states: 'States',
  'private-sector': 'Private sector (ICT manufacturers, service providers/vendors, CI operators, or just organizations)',
  individuals: 'Individuals',
};
const recipientColumn: Record<RecipientKind, number> = { states: 3, 'private-sector': 4, individuals: 5 };
const firstActionColumn = 6;
const resourcesColumn = firstActionColumn + actionCount;
const bold = { bold: true };

/** `Public policy!A5` → `{ sheet: 'Public policy', row: 5 }`. */
function cellAddress(source: string): { sheet: string; column: string; row: number } {
  const match = /^(.*)!([A-Z]+)(\d+)$/.exec(source);
  if (!match) throw new Error(`not a cell reference: ${source}`);
  return { sheet: match[1]!, column: match[2]!, row: Number(match[3]) };
}

/** The quotation with its locator in bold when it opens the text: the importer reads the locator from that run. */
function quotationValue(cell: ExportCellRow): ExcelJS.CellValue {
  const { quotation, locator } = cell;
  if (quotation === null) return null;
  if (locator === null || !quotation.startsWith(locator)) return quotation;
  const rest = quotation.slice(locator.length);
  return { richText: [{ font: bold, text: locator }, ...(rest ? [{ text: rest }] : [])] };
}

/** "X" in bold, then the note in parentheses on the next line, as most published cells are written. */
function recipientValue(recipient: Recipient): ExcelJS.CellValue {
  if (!recipient.marked) return null;
  return { richText: [{ font: bold, text: 'X' }, ...(recipient.note ? [{ text: `\n(${recipient.note})` }] : [])] };
}

/** The header rows of a data sheet: names, recipients, "OECD Principles", each principle over its actions, the titles. */
function writeHeaders(sheet: ExcelJS.Worksheet, code: string, toolkit: PublishedToolkit): number {
  const { headerRow, oecdHeader, resourcesHeader } = sheetLayout[code]!;
  const principleRow = headerRow - 1;
  sheet.mergeCells(1, 1, principleRow, 1);
  sheet.getCell(1, 2).value = 'Type of document';
  sheet.mergeCells(1, 2, principleRow, 2);
  sheet.getCell(1, 3).value = 'Recipient of the actions recommended';
  sheet.mergeCells(1, 3, 1, 5);
  if (oecdHeader) sheet.getCell(1, firstActionColumn).value = oecdHeader;
  sheet.mergeCells(1, firstActionColumn, 1, resourcesColumn - 1);
  if (headerRow === 4) {
    // The two sheets with four header rows repeat the group headers in row 2.
    sheet.getCell(2, 3).value = 'Recipient of the actions recommended';
    sheet.mergeCells(2, 3, 2, 5);
    sheet.mergeCells(2, firstActionColumn, 2, resourcesColumn - 1);
  }
  for (const kind of recipientKinds) sheet.getCell(principleRow, recipientColumn[kind]).value = recipientHeaders[kind];
  for (const principle of principles) {
    const numbers = toolkit.actions.filter((a) => a.principle === principle.key).map((a) => a.number);
    if (numbers.length === 0) continue;
    const [from, to] = [Math.min(...numbers), Math.max(...numbers)];
    sheet.getCell(principleRow, firstActionColumn + from - 1).value = principle.name;
    if (to > from) sheet.mergeCells(principleRow, firstActionColumn + from - 1, principleRow, firstActionColumn + to - 1);
  }
  sheet.getCell(principleRow, resourcesColumn).value = resourcesHeader;
  sheet.mergeCells(principleRow, resourcesColumn, headerRow, resourcesColumn);
  sheet.getCell(headerRow, 1).value = 'Actions (A1, A2, A3 …)';
  for (const action of toolkit.actions) sheet.getCell(headerRow, firstActionColumn + action.number - 1).value = `${action.code}: ${action.workbookTitle}`;
  return headerRow;
}

/** One framework on the row it was read from; a merged value is written on its first cell and the range merged. */
function writeFramework(sheet: ExcelJS.Worksheet, framework: ExportFramework, cells: ExportCellRow[], merges: Set<string>): void {
  const row = cellAddress((framework.source as { name: string }).name).row;
  sheet.getCell(row, 1).value = framework.name;
  sheet.getCell(row, 2).value = framework.documentType;
  const recipients = framework.recipients as Record<RecipientKind, Recipient & { merged: string | null }>;
  for (const kind of recipientKinds) {
    const { merged } = recipients[kind];
    const column = recipientColumn[kind];
    if (merged && !merged.startsWith(`${sheet.getCell(row, column).address}:`)) continue; // covered by the merge's first cell
    sheet.getCell(row, column).value = recipientValue(recipients[kind]);
    if (merged) merges.add(merged);
  }
  for (const cell of cells) {
    const target = sheet.getCell(cellAddress(cell.sourceCell).column + row);
    if (cell.mergedRange && !cell.mergedRange.startsWith(`${target.address}:`)) continue;
    target.value = quotationValue(cell);
    if (cell.mergedRange) merges.add(cell.mergedRange);
  }
  const [first] = framework.resources;
  if (first) sheet.getCell(row, resourcesColumn).value = { text: framework.resources.join('; '), hyperlink: first };
}

/** The About sheets, by their published names: the data set, its source and this export's provenance. */
function writeAbout(workbook: ExcelJS.Workbook, toolkit: PublishedToolkit, locale: Locale, publicUrl: string): void {
  const t = toolkitMessages(locale);
  const call = workbook.addWorksheet('About the Paris Call');
  call.getCell('C16').value = 'The Paris Call for Trust and Security in Cyberspace';
  call.getCell('C17').value = 'Working Group n°6: Bringing tools to the Paris Call’s community';
  call.getCell('C19').value = t('toolkit.attribution');
  const about = workbook.addWorksheet('About the following mapping');
  about.getCell('B2').value = 'ABOUT THE FOLLOWING MAPPING';
  about.getCell('B4').value = t('export.xlsx.version', { version: toolkit.dataset.version });
  about.getCell('B6').value = t('export.xlsx.provenance', { name: toolkit.dataset.name, source: toolkit.dataset.source, sha256: toolkit.dataset.sourceSha256 });
  about.getCell('B8').value = t('export.xlsx.layout');
  about.getCell('B10').value = { text: `${publicUrl}/${locale}/toolkit`, hyperlink: `${publicUrl}/${locale}/toolkit` };
  about.getColumn(2).width = 120;
}

/** The workbook's bytes. exceljs is loaded on first use only, like the importer does. */
export async function writeToolkitWorkbook(toolkit: PublishedToolkit, locale: Locale, publicUrl: string): Promise<Buffer> {
  const ExcelJS = (await import('exceljs')).default;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Paris Call Platform';
  writeAbout(workbook, toolkit, locale, publicUrl);
  for (const { sheet: name, category, code } of frameworkSheets) {
    const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 1, ySplit: 3 }] });
    writeHeaders(sheet, code, toolkit);
    const merges = new Set<string>();
    for (const framework of toolkit.frameworks.filter((f) => f.category === category)) {
      writeFramework(sheet, framework, toolkit.cells.filter((c) => c.frameworkKey === framework.key), merges);
    }
    for (const range of merges) sheet.mergeCells(range);
    sheet.getColumn(1).width = 40;
    sheet.getColumn(2).width = 28;
    for (let column = 3; column <= resourcesColumn; column++) {
      sheet.getColumn(column).width = column < firstActionColumn ? 16 : 40;
      sheet.getColumn(column).alignment = { wrapText: true, vertical: 'top' };
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
