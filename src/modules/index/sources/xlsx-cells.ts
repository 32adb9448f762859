/**
 * The text of every cell of an XLSX workbook, read straight from its zip entries with node:zlib and a scan of the
 * sheet XML: for the open data's #KeepItOn workbook, where ExcelJS took 300 ms to load and as much again to build a
 * full model (styles, hyperlinks, comments) of which the importer reads a few columns of text. The texts are those
 * `cellText` (io/index.xlsx.ts) gives of ExcelJS's values: shared and inline strings (rich text runs joined, phonetic
 * runs left out, `_xHHHH_` escapes decoded), numbers as R prints them, numbers styled as dates as `YYYY-MM-DD`,
 * formulas by their cached result, booleans as TRUE/FALSE, errors by their code. Enough for reading such a workbook,
 * not a general XLSX library: no zip64, no encryption, no strict OOXML.
 */
import { inflateRawSync } from 'node:zlib';
import { formatNumber } from '../engine/coinr-cells.js';

export interface SheetCells {
  /** The sheet's name as the workbook gives it. */
  name: string;
  /** Cell texts by 1-based row number, then 0-based column (A = 0); rows and cells absent from the file are absent. */
  rows: Map<number, string[]>;
  /** The last row number present in the file (0 for an empty sheet). */
  lastRow: number;
}

/** The zip's entries by name (a directory of offsets; each entry inflated on demand). */
function zipEntries(data: Buffer): (name: string) => string | undefined {
  let eocd = data.length - 22;
  while (eocd >= 0 && data.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip file (no end of central directory)');
  const count = data.readUInt16LE(eocd + 10);
  let at = data.readUInt32LE(eocd + 16);
  const entries = new Map<string, { method: number; size: number; offset: number }>();
  for (let i = 0; i < count; i++) {
    if (data.readUInt32LE(at) !== 0x02014b50) throw new Error('corrupt zip central directory');
    const method = data.readUInt16LE(at + 10);
    const size = data.readUInt32LE(at + 20);
    const offset = data.readUInt32LE(at + 42);
    const nameLength = data.readUInt16LE(at + 28);
    const name = data.toString('utf8', at + 46, at + 46 + nameLength);
    if (size === 0xffffffff || offset === 0xffffffff) throw new Error(`zip64 entry ${name} is not supported`);
    entries.set(name.replace(/^\//, ''), { method, size, offset });
    at += 46 + nameLength + data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32);
  }
  return (name) => {
    const entry = entries.get(name);
    if (!entry) return undefined;
    const start = entry.offset + 30 + data.readUInt16LE(entry.offset + 26) + data.readUInt16LE(entry.offset + 28);
    const raw = data.subarray(start, start + entry.size);
    if (entry.method === 0) return raw.toString('utf8');
    if (entry.method === 8) return inflateRawSync(raw).toString('utf8');
    throw new Error(`zip entry ${name}: compression method ${entry.method} is not supported`);
  };
}

const entities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML character and entity references, as an XML parser resolves them in text and attribute values. */
function xmlText(raw: string): string {
  // Line ends are normalised to LF before references are resolved (XML 1.0 §2.11): a `&#13;` stays a CR.
  const text = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(Number.parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(Number.parseInt(ref.slice(1), 10));
    return entities[ref] ?? whole;
  });
}

/** ExcelJS's second pass on a `str` formula result (its `xmlDecode`): the five named entities only. */
const xmlDecodeAgain = (text: string) => text.replace(/&([a-z]*);/g, (whole, ref: string) => (['lt', 'gt', 'amp', 'apos', 'quot'].includes(ref) ? (entities[ref] as string) : whole));

const attribute = (attributes: string, name: string): string | undefined => {
  const m = new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attributes);
  return m ? xmlText(m[1] as string) : undefined;
};

/** The text of a `<t>` run: its references resolved, then Excel's `_xHHHH_` escapes. */
const runText = (inner: string) => xmlText(inner).replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));

/** A string item (`<si>` or `<is>`): its `<t>` runs joined, phonetic runs (`<rPh>`) left out. */
function stringItem(xml: string): string {
  const body = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  let text = '';
  for (const m of body.matchAll(/<t\b[^>]*?(?:\/>|>([\s\S]*?)<\/t>)/g)) text += runText(m[1] ?? '');
  return text;
}

/** Built-in number formats that ExcelJS reads as dates (its default format table through its `isDateFmt`). */
const builtInDateFormats = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** ExcelJS's test of a number format: date or time characters outside quoted text and brackets. */
const isDateFormat = (code: string) => /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));

/** For each cell style index (`s`), whether its number format is a date. Style 0 is never one (ExcelJS ignores it). */
function dateStyles(stylesXml: string | undefined): boolean[] {
  if (!stylesXml) return [];
  const custom = new Map<number, string>();
  for (const m of stylesXml.matchAll(/<numFmt\b([^>]*)\/?>/g)) custom.set(Number(attribute(m[1] as string, 'numFmtId')), attribute(m[1] as string, 'formatCode') ?? '');
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesXml)?.[1] ?? '';
  return [...xfs.matchAll(/<xf\b([^>]*)/g)].map((m, index) => {
    const id = Number(attribute(m[1] as string, 'numFmtId') ?? 0);
    if (index === 0 || !id) return false;
    const code = custom.get(id);
    return code !== undefined ? isDateFormat(code) : builtInDateFormats.has(id);
  });
}

/** ExcelJS's conversion of a serial date (1900 or 1904 system) to `YYYY-MM-DD`. */
const serialDate = (serial: number, date1904: boolean) => new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000)).toISOString().slice(0, 10);

const columnIndex = (ref: string) => {
  let index = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    index = index * 26 + (c - 64);
  }
  return index - 1;
};

function sheetCells(name: string, xml: string, strings: string[], dates: boolean[], date1904: boolean): SheetCells {
  const rows = new Map<number, string[]>();
  const sharedFormulas = new Set<string>();
  let lastRow = 0;
  const number = (text: string, style: number) => {
    const value = Number.parseFloat(text);
    return dates[style] ? serialDate(value, date1904) : formatNumber(value);
  };
  for (const row of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const r = Number(attribute(row[1] as string, 'r'));
    lastRow = Math.max(lastRow, r);
    const cells: string[] = [];
    for (const cell of (row[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attributes = cell[1] as string;
      const body = cell[2] ?? '';
      const type = attribute(attributes, 't');
      const style = Number(attribute(attributes, 's') ?? 0);
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      let text = '';
      const formula = /<f\b([^>]*)/.exec(body);
      if (formula) {
        // ExcelJS reads a falsy result (0, FALSE, empty) as no result, and a shared formula whose first cell it has
        // not met as no formula: both give an empty text.
        const [formulaAttributes, formulaText] = [formula[1] as string, /<f\b[^>]*>([^<]+)<\/f>/.exec(body)?.[1]];
        const [share, ref] = [attribute(formulaAttributes, 'si'), attribute(formulaAttributes, 'ref')];
        const shared = attribute(formulaAttributes, 't') === 'shared';
        if (shared && share !== undefined && ref !== undefined) sharedFormulas.add(share);
        const known = !shared || ref !== undefined || formulaText !== undefined || sharedFormulas.has(share ?? '');
        if (known && v !== undefined && v !== '') {
          const result = xmlText(v);
          if (type === 'str') text = xmlDecodeAgain(result);
          else if (type === 'b') text = Number.parseInt(result, 10) !== 0 ? 'TRUE' : '';
          else if (type === 'e') text = result;
          else text = Number.parseFloat(result) ? number(result, style) : '';
        }
      } else if (type === 'inlineStr') {
        // ExcelJS decodes `_xHHHH_` in rich text runs only, not in an inline string's plain `<t>`.
        const is = /<is>([\s\S]*?)<\/is>/.exec(body)?.[1];
        if (is !== undefined) text = /<r>/.test(is) ? stringItem(is) : xmlText(/<t\b[^>]*>([\s\S]*?)<\/t>/.exec(is)?.[1] ?? '');
      } else if (v !== undefined) {
        const value = xmlText(v);
        if (type === 's') text = strings[Number.parseInt(value, 10)] ?? '';
        else if (type === 'str') text = xmlDecodeAgain(value);
        else if (type === 'b') text = Number.parseInt(value, 10) !== 0 ? 'TRUE' : 'FALSE';
        else if (type === 'e') text = value;
        else text = number(value, style);
      }
      const ref = attribute(attributes, 'r');
      const column = ref ? columnIndex(ref) : cells.length;
      while (cells.length < column) cells.push('');
      cells[column] = text;
    }
    rows.set(r, cells);
  }
  // ExcelJS gives every cell of a merged range the value of its first (top-left) cell.
  for (const m of xml.matchAll(/<mergeCell\b[^>]*\bref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g)) {
    const [left, top, right, bottom] = [columnIndex(m[1] as string), Number(m[2]), columnIndex(m[3] as string), Number(m[4])];
    const master = rows.get(top)?.[left] ?? '';
    for (let r = top; r <= bottom; r++) {
      const cells = rows.get(r) ?? [];
      for (let c = left; c <= right; c++) {
        while (cells.length < c) cells.push('');
        cells[c] = master;
      }
      rows.set(r, cells);
      lastRow = Math.max(lastRow, r);
    }
  }
  return { name, rows, lastRow };
}

/** Every sheet of the workbook, in the workbook's order, as cell texts. */
export function readXlsxCells(data: Buffer): SheetCells[] {
  const entry = zipEntries(data);
  const workbook = entry('xl/workbook.xml');
  if (!workbook) throw new Error('not an XLSX workbook (no xl/workbook.xml)');
  const rels = new Map<string, string>();
  for (const m of (entry('xl/_rels/workbook.xml.rels') ?? '').matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const target = attribute(m[1] as string, 'Target') ?? '';
    rels.set(attribute(m[1] as string, 'Id') ?? '', target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const sharedStrings = entry('xl/sharedStrings.xml');
  const strings = sharedStrings ? [...sharedStrings.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) => stringItem(m[1] ?? '')) : [];
  const dates = dateStyles(entry('xl/styles.xml'));
  const date1904 = /<workbookPr\b[^>]*\bdate1904="(1|true)"/.test(workbook);
  return [...workbook.matchAll(/<sheet\b([^>]*)\/?>/g)].map((m) => {
    const attributes = m[1] as string;
    const name = attribute(attributes, 'name') ?? '';
    const path = rels.get(attribute(attributes, 'r:id') ?? '') ?? '';
    const xml = entry(path);
    if (xml === undefined) throw new Error(`sheet "${name}": ${path} is missing from the workbook`);
    return sheetCells(name, xml, strings, dates, date1904);
  });
}
