import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { needsShared, sharedDir, sharedPaths } from '../../../../test/helpers/shared-data.js';
import { cellText, loadWorkbook } from '../io/index.xlsx.js';
import { readXlsxCells } from './xlsx-cells.js';

/** Every cell's text as ExcelJS reads it (`cellText`), and as readXlsxCells does: the two must be the same. */
async function bothReadings(data: Buffer) {
  const workbook = await loadWorkbook(data);
  const ours = readXlsxCells(data);
  expect(ours.map((s) => s.name)).toEqual(workbook.worksheets.map((s) => s.name));
  return workbook.worksheets.map((sheet, i) => {
    const cells = ours[i]!;
    const rows = Math.max(sheet.rowCount, cells.lastRow);
    const columns = Math.max(sheet.columnCount, ...[...cells.rows.values()].map((r) => r.length));
    const theirs: string[][] = [];
    const mine: string[][] = [];
    for (let r = 1; r <= rows; r++) {
      theirs.push(Array.from({ length: columns }, (_, c) => cellText(sheet.getRow(r).getCell(c + 1).value)));
      mine.push(Array.from({ length: columns }, (_, c) => cells.rows.get(r)?.[c] ?? ''));
    }
    return { theirs, mine };
  });
}

describe('readXlsxCells', () => {
  it('gives the texts ExcelJS gives: strings, rich text, numbers, dates, formulas (0 as empty), booleans, errors, merged cells', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Data & more <1>');
    sheet.addRow(['text', 'number', 'date', 'formula', 'zero formula', 'boolean', 'error', 'rich']);
    sheet.addRow(['Côte d’Ivoire & "quoted"\r\nline', 0.1 + 0.2, new Date(Date.UTC(2021, 2, 20)), { formula: 'B2*2', result: 0.6 }, { formula: 'B2*0', result: 0 }, true, { error: '#N/A' }, { richText: [{ text: 'two ' }, { text: 'runs', font: { bold: true } }] }]);
    sheet.addRow(['merged', '', '', { formula: 'TEXT(1,"0")', result: 'one' }, null, false, 1e21, -12.5]);
    sheet.getCell('C3').numFmt = 'dd-mmm-yyyy';
    sheet.getCell('C3').value = 44_276.5;
    sheet.mergeCells('A3:B4');
    const second = workbook.addWorksheet('Empty');
    second.getCell('C5').value = 'alone';
    const data = Buffer.from(await workbook.xlsx.writeBuffer());
    for (const { theirs, mine } of await bothReadings(data)) expect(mine).toEqual(theirs);
    const [first] = readXlsxCells(data);
    expect(first?.rows.get(2)?.slice(0, 4)).toEqual(['Côte d’Ivoire & "quoted"\nline', '0.30000000000000004', '2021-03-20', '0.6']);
  });

  const keepiton = needsShared('the #KeepItOn workbook read both ways', sharedPaths.indexSources);
  it.skipIf(!keepiton.available)(keepiton.title('the real #KeepItOn and WG6 workbooks: every cell as ExcelJS reads it'), async () => {
    const files = [join(sharedPaths.indexSources, 'keepiton/Keepiton_raw_dataset.xlsx'), join(sharedDir, 'data/pariscall.international/assets/files/Paris-Call-WG6-Supply-chain-security-mapping-version-2021-11-10.xlsx')];
    for (const file of files) {
      for (const { theirs, mine } of await bothReadings(readFileSync(file))) expect(mine).toEqual(theirs);
    }
  });
});
