/**
 * Hostile and normal iData/iMeta files, generated rather than committed (the hostile ones inflate to hundreds of
 * megabytes): for the upload-limit tests and bench/uploads.ts.
 */
import JSZip from 'jszip';
import type { TextTable } from './index.csv.js';
import { uploadLimits } from './index.upload-limits.js';
import { writeXlsxTables } from './index.xlsx.js';

/** A real index's shape: 200 units × 10 years = 2,000 rows, 62 indicators (65 columns), and its iMeta. */
export function normalTables(): { iData: TextTable; iMeta: TextTable } {
  const indicators = Array.from({ length: 62 }, (_, i) => `ind${i + 1}`);
  const columns = ['uCode', 'uName', 'Time', ...indicators];
  const rows = Array.from({ length: 2000 }, (_, r) => {
    const unit = r % 200;
    const row: Record<string, string> = { uCode: `U${String(unit).padStart(3, '0')}`, uName: `Unit ${unit}`, Time: String(2015 + Math.floor(r / 200)) };
    indicators.forEach((c, i) => (row[c] = String(((r * 31 + i * 17) % 1000) / 10)));
    return row;
  });
  const metaColumns = ['iCode', 'iName', 'Level', 'Parent', 'Direction', 'Weight', 'Type'];
  const meta = [
    ...indicators.map((c) => ({ iCode: c, iName: c, Level: '1', Parent: 'Pillar', Direction: '1', Weight: '1', Type: 'Indicator' })),
    { iCode: 'Pillar', iName: 'Pillar', Level: '2', Parent: 'Index', Direction: '1', Weight: '1', Type: 'Aggregate' },
    { iCode: 'Index', iName: 'Index', Level: '3', Parent: '', Direction: '1', Weight: '1', Type: 'Aggregate' },
  ];
  return { iData: { columns, rows }, iMeta: { columns: metaColumns, rows: meta } };
}

let normal: Promise<Buffer> | undefined;

/** One workbook holding a real index's iData and iMeta sheets (0.9 MB; its iData sheet inflates to 4 MB). */
export function normalWorkbook(): Promise<Buffer> {
  normal ??= (async () => {
    const { iData, iMeta } = normalTables();
    return writeXlsxTables([{ name: 'iData', table: iData }, { name: 'iMeta', table: iMeta }]);
  })();
  return normal;
}

const sheet = (body: string, dimension?: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${
    dimension ? `<dimension ref="${dimension}"/>` : ''
  }<sheetData>${body}</sheetData></worksheet>`;

/** `n` numeric cells in rows of 50, as a spreadsheet writes them. */
function cells(n: number): string {
  const rows: string[] = [];
  for (let r = 0; r * 50 < n; r++) {
    const width = Math.min(50, n - r * 50);
    const row = Array.from({ length: width }, (_, c) => `<c r="${String.fromCharCode(65 + (c % 26))}${r + 1}"><v>${c}</v></c>`).join('');
    rows.push(`<row r="${r + 1}">${row}</row>`);
  }
  return rows.join('');
}

/**
 * A workbook (iData and iMeta sheets) whose iData sheet is replaced by a hostile one, deflated hard so the file stays
 * small: `inflated` unpacks to just over the inflated-size cap (a zip bomb), `dimension` declares 26 million cells
 * (A1:Z1000000) and holds two, `cells` declares nothing and holds just over the cell cap, `probe` is the probe's
 * 10 million cells with their dimension (identical, so they deflate as the probe's did).
 */
export function hostileWorkbook(kind: HostileKind): Promise<Buffer> {
  let workbook = hostile.get(kind);
  if (!workbook) hostile.set(kind, (workbook = buildHostile(kind)));
  return workbook;
}

export type HostileKind = 'inflated' | 'dimension' | 'cells' | 'probe';
const hostile = new Map<HostileKind, Promise<Buffer>>();

async function buildHostile(kind: HostileKind): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await writeXlsxTables([{ name: 'iData', table: { columns: ['uCode'], rows: [] } }, { name: 'iMeta', table: { columns: ['iCode'], rows: [] } }]));
  const xml = {
    inflated: () => sheet(`<row r="1"><c r="A1"><v>1</v></c></row>${' '.repeat(uploadLimits.xlsxInflatedBytes + 1024)}`),
    dimension: () => sheet(cells(2), 'A1:Z1000000'),
    cells: () => sheet(cells(uploadLimits.cells + 50)),
    probe: () => sheet(`<row>${'<c><v>1</v></c>'.repeat(50)}</row>`.repeat(200_000), 'A1:AX200000'),
  }[kind]();
  zip.file('xl/worksheets/sheet1.xml', xml);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

/** A CSV under the byte cap with more cells than the cell cap: a 10-column header and short lines. */
export function hostileCsv(): Buffer {
  const lines = Math.ceil(uploadLimits.cells / 10) + 1;
  return Buffer.from(`${Array.from({ length: 10 }, (_, i) => `c${i}`).join(',')}\n${'1,2,3,4,5,6,7,8,9,0\n'.repeat(lines)}`);
}
