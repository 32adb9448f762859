/**
 * Reader of the WG6 mapping workbook (`Paris-Call-WG6-Supply-chain-security-mapping-version-2021-11-10.xlsx`): five
 * category sheets whose rows are frameworks and whose columns F…AD are the actions A1…A25 (the workbook's "About"
 * sheet says the reverse; the cells are the truth). `shared/research/wg6-supply-chain.md` describes it cell by cell.
 *
 * What the reader copes with, because the real file has it: sheets chosen by name (their ids are out of order), the
 * action-title row found by its column-A text (row 3 or 4), merged cells expanded to every action or recipient they
 * cover (an exceljs merge slave reads "[object Object]" as text, so the master's value is read), rich text joined
 * (its bold opening run kept as the provision's locator), a formula to another workbook read by its cached value,
 * whitespace trimmed and whitespace-only cells treated as empty, resource URLs without a scheme. Every value keeps the
 * cell it came from. Each of these is listed as an anomaly in the report; a workbook of another shape is refused with
 * the sheet and cell where the shape broke.
 */
import type ExcelJS from 'exceljs';
import { actionCount, frameworkSheets, principles, recipientKinds, type FrameworkCategory, type PrincipleKey, type RecipientKind } from '../toolkit.constants.js';
import type { ImportAnomaly, ParsedCell, ParsedFramework, Recipient } from '../toolkit.models.js';
import { ToolkitSourceError } from './toolkit.source-error.js';

/** Column A of the action-title row: how the header row is recognised on every sheet. */
const headerMarker = /^Actions\s*\(A1,\s*A2,\s*A3/;
const firstActionColumn = 6; // F
const resourcesColumn = firstActionColumn + actionCount; // AE
const recipientColumns: Record<RecipientKind, number> = { states: 3, 'private-sector': 4, individuals: 5 };

export interface ParsedWorkbook {
  frameworks: ParsedFramework[];
  cells: ParsedCell[];
  /** The principle each action is filed under by the workbook's header row, with the range that says so. */
  actionPrinciples: Array<{ action: string; principle: PrincipleKey; source: string }>;
  /** The action titles as the workbook spells them (first sheet), with their cell. */
  actionHeaders: Array<{ action: string; text: string; source: string }>;
  anomalies: ImportAnomaly[];
}

/** `1` → `A`, `31` → `AE`. */
export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Trimmed, NFC, Windows line ends and trailing spaces of each line removed; whitespace-only text is empty. */
export function cleanCellText(value: string): string {
  return value
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+$/, ''))
    .join('\n')
    .trim();
}

interface CellRead {
  /** The text as stored (runs joined), before cleaning. */
  raw: string;
  /** The bold runs at the start of the text, joined: the provision's locator in most rich-text cells. */
  boldOpening: string;
  formula?: string;
  hyperlink?: string;
}

/** The text of a cell value, whatever exceljs made of it; an error value or an uncached formula is refused. */
function readValue(value: ExcelJS.CellValue, where: string): CellRead {
  if (value === null || value === undefined) return { raw: '', boldOpening: '' };
  if (typeof value === 'string') return { raw: value, boldOpening: '' };
  if (typeof value === 'number' || typeof value === 'boolean') return { raw: String(value), boldOpening: '' };
  if (value instanceof Date) return { raw: value.toISOString().slice(0, 10), boldOpening: '' };
  if ('richText' in value) {
    let boldOpening = '';
    let opening = true;
    for (const run of value.richText) {
      if (!opening) break;
      if (run.font?.bold) boldOpening += run.text;
      else if (run.text.trim() !== '') opening = false;
    }
    return { raw: value.richText.map((run) => run.text).join(''), boldOpening };
  }
  if ('formula' in value || 'sharedFormula' in value) {
    const formula = value as ExcelJS.CellFormulaValue;
    if (formula.result === undefined || formula.result === null || typeof formula.result === 'object') {
      throw new ToolkitSourceError(where, 'a formula without a cached text value (the importer never evaluates formulas)');
    }
    return { ...readValue(formula.result as ExcelJS.CellValue, where), formula: formula.formula ?? '' };
  }
  if ('hyperlink' in value) {
    const link = value as ExcelJS.CellHyperlinkValue;
    return { ...readValue(link.text as ExcelJS.CellValue, where), hyperlink: link.hyperlink };
  }
  if ('error' in value) throw new ToolkitSourceError(where, `an error value (${String(value.error)}) where text was expected`);
  throw new ToolkitSourceError(where, 'a value of a kind the importer does not read');
}

/** Merged ranges of a sheet: every covered address → its range (`H9:I9`) and master address. */
function mergeMap(sheet: ExcelJS.Worksheet): Map<string, { range: string; master: string }> {
  const map = new Map<string, { range: string; master: string }>();
  const merges = (sheet.model as unknown as { merges?: string[] }).merges ?? [];
  for (const range of merges) {
    const [from, to = from] = range.split(':') as [string, string?];
    const start = sheet.getCell(from);
    const end = sheet.getCell(to);
    for (let row = Number(start.row); row <= Number(end.row); row++) {
      for (let col = Number(start.col); col <= Number(end.col); col++) map.set(`${columnLetter(col)}${row}`, { range, master: from });
    }
  }
  return map;
}

class SheetReader {
  private readonly merges: Map<string, { range: string; master: string }>;
  constructor(
    readonly sheet: ExcelJS.Worksheet,
    private readonly anomalies: ImportAnomaly[],
  ) {
    this.merges = mergeMap(sheet);
  }

  /** The cleaned text at (row, column), read from the master of its merge, with its provenance. */
  read(row: number, column: number): CellRead & { text: string; address: string; source: string; merged: string | null; isMaster: boolean } {
    const address = `${columnLetter(column)}${row}`;
    const merge = this.merges.get(address);
    const origin = merge ? merge.master : address;
    const where = `${this.sheet.name}!${origin}`;
    const read = readValue(this.sheet.getCell(origin).value, where);
    const text = cleanCellText(read.raw);
    return { ...read, text, address, source: `${this.sheet.name}!${address}`, merged: merge?.range ?? null, isMaster: !merge || merge.master === address };
  }

  note(address: string, kind: ImportAnomaly['kind'], detail: string): void {
    this.anomalies.push({ cell: `${this.sheet.name}!${address}`, kind, detail });
  }
}

/** Finds the action-title row: the row whose column A reads `Actions (A1, A2, A3 …)`. */
function findHeaderRow(reader: SheetReader): number {
  for (let row = 1; row <= 10; row++) if (headerMarker.test(reader.read(row, 1).text)) return row;
  throw new ToolkitSourceError(`${reader.sheet.name}!A1:A10`, 'no row whose column A reads "Actions (A1, A2, A3 …)": not the WG6 layout');
}

function principleOf(text: string): PrincipleKey | undefined {
  const folded = text.toLowerCase().replace(/\s+/g, ' ').trim();
  return principles.find((p) => p.name.toLowerCase() === folded)?.key;
}

function parseRecipient(text: string): Recipient {
  if (text === '') return { marked: false, note: null };
  const note = text.replace(/^X\b/i, '').trim().replace(/^\((.*)\)$/s, '$1').trim();
  return { marked: true, note: note === '' ? null : note };
}

/** URLs of a resource cell: split on `;` and whitespace, `https://` added to a bare host name. */
function parseResources(text: string): { urls: string[]; bare: string[] } {
  const parts = text.split(/[;\s]+/).filter((part) => part !== '');
  const bare = parts.filter((part) => !/^[a-z][a-z0-9+.-]*:\/\//i.test(part));
  return { urls: parts.map((part) => (bare.includes(part) ? `https://${part}` : part)), bare };
}

/** The provision's locator: the bold opening of the cell, its closing colon dropped; null when there is none. */
function locatorOf(boldOpening: string): string | null {
  const locator = cleanCellText(boldOpening).replace(/\s*:$/, '').trim();
  return locator === '' || locator.length > 160 ? null : locator;
}

function readSheet(sheet: ExcelJS.Worksheet, category: FrameworkCategory, code: string, out: ParsedWorkbook): void {
  const reader = new SheetReader(sheet, out.anomalies);
  const headerRow = findHeaderRow(reader);
  const principleRow = headerRow - 1;
  for (let n = 1; n <= actionCount; n++) {
    const column = firstActionColumn + n - 1;
    const title = reader.read(headerRow, column);
    if (!new RegExp(`^A${n}\\s*:`).test(title.text)) {
      throw new ToolkitSourceError(title.source, `expected the title of action A${n} ("A${n}: …"), found "${title.text.slice(0, 60)}"`);
    }
    const group = reader.read(principleRow, column);
    const principle = principleOf(group.text);
    if (!principle) throw new ToolkitSourceError(group.source, `expected one of the six OECD principles above A${n}, found "${group.text.slice(0, 60)}"`);
    const action = `A${n}`;
    const known = out.actionPrinciples.find((p) => p.action === action);
    if (known && known.principle !== principle) {
      throw new ToolkitSourceError(group.source, `files A${n} under "${group.text}", another sheet files it under ${known.principle} (${known.source})`);
    }
    if (!known) {
      out.actionPrinciples.push({ action, principle, source: `${sheet.name}!${group.merged ?? group.address}` });
      out.actionHeaders.push({ action, text: title.text, source: title.source });
    }
  }
  const resourcesHeader = reader.read(headerRow, resourcesColumn);
  const resourcesTitle = resourcesHeader.text || reader.read(principleRow, resourcesColumn).text || reader.read(1, resourcesColumn).text;
  if (!/^Resources$/i.test(resourcesTitle)) {
    throw new ToolkitSourceError(resourcesHeader.source, `expected the "Resources" column after A25, found "${resourcesTitle.slice(0, 60)}"`);
  }

  for (let row = headerRow + 1; row <= sheet.rowCount; row++) {
    const name = reader.read(row, 1);
    if (name.text === '') {
      for (let column = 2; column <= resourcesColumn; column++) {
        const stray = reader.read(row, column);
        if (stray.text !== '' && stray.isMaster) throw new ToolkitSourceError(stray.source, `holds data on a row without a framework name (${sheet.name}!A${row} is empty)`);
      }
      continue;
    }
    if (name.formula !== undefined) {
      reader.note(name.address, 'formula-cached-value', `formula ${name.formula} (another workbook): its cached value is used, never evaluated`);
    }
    const key = `${code}-${row}`;
    const recipients = {} as Record<RecipientKind, Recipient & { source: string; merged: string | null }>;
    for (const kind of recipientKinds) {
      const cell = reader.read(row, recipientColumns[kind]);
      recipients[kind] = { ...parseRecipient(cell.text), source: cell.source, merged: cell.merged };
      if (cell.text !== '' && !/^X\b/i.test(cell.text) && cell.isMaster) reader.note(cell.address, 'recipient-without-mark', 'a recipient note without the "X" mark: read as marked');
      if (cell.merged && cell.isMaster) reader.note(cell.address, 'merged-recipients', `one recipient value spans ${cell.merged}`);
    }
    if (recipientKinds.every((kind) => !recipients[kind].marked)) reader.note(`C${row}:E${row}`, 'no-recipient', 'no recipient marked');
    const type = reader.read(row, 2);
    const resources = reader.read(row, resourcesColumn);
    const { urls, bare } = parseResources(resources.text);
    if (resources.text !== '' && resources.hyperlink === undefined) reader.note(resources.address, 'resource-without-hyperlink', 'resource given as text only (no hyperlink object)');
    for (const host of bare) reader.note(resources.address, 'resource-without-scheme', `"${host}" has no scheme: read as https://${host}`);
    if (urls.length === 0) reader.note(resources.address, 'resource-missing', 'no resource link');

    out.frameworks.push({
      key,
      name: name.text,
      category,
      documentType: type.text,
      recipients,
      resources: urls,
      position: out.frameworks.length + 1,
      source: { name: name.source, type: type.source, resources: resources.source },
    });

    for (let n = 1; n <= actionCount; n++) {
      const cell = reader.read(row, firstActionColumn + n - 1);
      if (cell.raw !== '' && cell.text === '' && cell.isMaster) reader.note(cell.address, 'whitespace-only', 'a cell holding only whitespace: read as empty (reviewed, nothing found)');
      if (cell.text !== '' && cell.isMaster && cell.raw !== cell.text) {
        const edge = /^\s/.test(cell.raw) ? (/\s$/.test(cell.raw) ? 'leading and trailing' : 'leading') : 'trailing';
        reader.note(cell.address, 'whitespace-trimmed', `${edge} whitespace removed`);
      }
      if (cell.text !== '' && cell.merged && cell.isMaster) reader.note(cell.address, 'merged-actions', `one quotation spans ${cell.merged}: copied to every action it covers`);
      out.cells.push({
        frameworkKey: key,
        action: `A${n}`,
        status: cell.text === '' ? 'reviewed-absent' : 'quoted',
        quotation: cell.text === '' ? null : cell.text,
        locator: cell.text === '' ? null : locatorOf(cell.boldOpening),
        source: cell.source,
        mergedRange: cell.merged,
      });
    }
  }
}

/** Reads the five category sheets of a loaded workbook; throws `ToolkitSourceError` naming the cell on any other shape. */
export function readWorkbook(workbook: ExcelJS.Workbook): ParsedWorkbook {
  const out: ParsedWorkbook = { frameworks: [], cells: [], actionPrinciples: [], actionHeaders: [], anomalies: [] };
  for (const { sheet: name, category, code } of frameworkSheets) {
    const sheet = workbook.worksheets.find((s) => s.name === name);
    if (!sheet) {
      const present = workbook.worksheets.map((s) => `"${s.name}"`).join(', ');
      throw new ToolkitSourceError(name, `sheet "${name}" not found (the workbook has ${present || 'no sheet'})`);
    }
    readSheet(sheet, category, code, out);
  }
  return out;
}

/** Loads and reads a workbook file's bytes. exceljs is loaded on first use only (it takes half a second). */
export async function readWorkbookBytes(data: Buffer): Promise<ParsedWorkbook> {
  const ExcelJS = (await import('exceljs')).default;
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch (error) {
    throw new ToolkitSourceError('(workbook)', `not a readable XLSX file (${(error as Error).message})`);
  }
  return readWorkbook(workbook);
}
