import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { needsShared, sharedDir, sharedPaths } from '../../../../test/helpers/shared-data.js';
import { frameworkSheets, principles } from '../toolkit.constants.js';
import { readWg6Dataset, readWg6FromShared, wg6Files } from './toolkit.source.js';
import { ToolkitSourceError } from './toolkit.source-error.js';
import { readWorkbookBytes } from './toolkit.xlsx.js';

const reportsText = path.join(sharedDir, 'data/reports-text');
const workbook = needsShared('the WG6 workbook', path.join(sharedPaths.officialSite, wg6Files.workbook));

describe.skipIf(!workbook.available)(workbook.title('the published WG6 workbook and report'), () => {
  const dataset = readWg6FromShared(sharedPaths.officialSite, reportsText);

  it('reads 35 frameworks, 25 actions and 35 × 25 reviewed pairs, 271 of them quoted from 264 cells', async () => {
    const { frameworks, actions, cells } = await dataset;
    expect(frameworks).toHaveLength(35);
    expect(actions.map((a) => a.code)).toEqual(Array.from({ length: 25 }, (_, i) => `A${i + 1}`));
    expect(cells).toHaveLength(35 * 25);
    const quoted = cells.filter((c) => c.status === 'quoted');
    expect(quoted).toHaveLength(271);
    expect(quoted.filter((c) => c.mergedRange === null || c.source.endsWith(`!${c.mergedRange.split(':')[0]}`))).toHaveLength(264);
    const perSheet = frameworkSheets.map(({ category }) => frameworks.filter((f) => f.category === category).length);
    expect(perSheet).toEqual([13, 6, 6, 3, 7]);
  });

  it('files each action under the principle the report and the workbook both give', async () => {
    const { actions } = await dataset;
    const counts = principles.map((p) => actions.filter((a) => a.principle === p.key).length);
    expect(counts).toEqual([6, 5, 5, 4, 3, 2]);
    const a17 = actions.find((a) => a.code === 'A17');
    expect(a17).toMatchObject({ principle: 'cooperation', titleSource: 'report p. 14', principleSource: 'Public policy!V3:Y3' });
    expect(a17?.title).toMatch(/^Increasing co-operation amongst code owners/);
    expect(a17?.workbookTitle).toMatch(/co-opeation/);
    expect(actions.find((a) => a.code === 'A25')?.titleSource).toBe('report p. 15');
  });

  it('expands a quotation merged across actions to each of them, keeping each pair its own cell and the range', async () => {
    const { cells } = await dataset;
    const geneva = cells.filter((c) => c.frameworkKey === 'pr-4' && c.mergedRange === 'F4:I4');
    expect(geneva.map((c) => [c.action, c.source])).toEqual([
      ['A1', 'Public-private!F4'],
      ['A2', 'Public-private!G4'],
      ['A3', 'Public-private!H4'],
      ['A4', 'Public-private!I4'],
    ]);
    expect(new Set(geneva.map((c) => c.quotation)).size).toBe(1);
    // The merge's second cell, whose exceljs text is "[object Object]", carries the rich text of its first.
    const enisa = cells.find((c) => c.frameworkKey === 'pp-9' && c.action === 'A4');
    expect(enisa).toMatchObject({ source: 'Public policy!I9', mergedRange: 'H9:I9', locator: 'Documentation transparency' });
    expect(enisa?.quotation).not.toContain('[object Object]');
  });

  it('reads the formula to another workbook by its cached value and reports it', async () => {
    const { frameworks, anomalies } = await dataset;
    expect(frameworks.find((f) => f.source.name === 'Intergovernmental!A10')?.name).toMatch(/^Final report of the Group of Governmental Experts/);
    expect(anomalies).toContainEqual(expect.objectContaining({ cell: 'Intergovernmental!A10', kind: 'formula-cached-value' }));
  });

  it('keeps "reviewed, nothing found" for the whitespace-only cell and cleans the others', async () => {
    const { cells, anomalies } = await dataset;
    expect(cells.find((c) => c.source === 'Public-private!P6')).toMatchObject({ status: 'reviewed-absent', quotation: null });
    expect(anomalies).toContainEqual(expect.objectContaining({ cell: 'Public-private!P6', kind: 'whitespace-only' }));
    expect(cells.filter((c) => c.quotation !== null && c.quotation !== c.quotation.trim())).toEqual([]);
    expect(anomalies.filter((a) => a.kind === 'whitespace-trimmed').length).toBeGreaterThan(60);
  });

  it('reads recipients, merged recipient notes, the locator in bold and the resource links', async () => {
    const { frameworks, cells, anomalies } = await dataset;
    const paris = frameworks.find((f) => f.key === 'pr-6');
    expect(paris?.recipients.individuals).toMatchObject({ marked: true, merged: 'C6:E6', source: 'Public-private!E6' });
    expect(frameworks.find((f) => f.key === 'pp-11')?.recipients.states.marked).toBe(false);
    expect(cells.find((c) => c.frameworkKey === 'pp-5' && c.action === 'A4')?.locator).toBe('Article 46 (2)');
    expect(frameworks.find((f) => f.key === 'ig-7')?.resources).toEqual(['https://www.osce.org/files/f/documents/d/a/227281.pdf']);
    expect(frameworks.find((f) => f.key === 'cn-8')?.resources).toHaveLength(3);
    expect(anomalies.filter((a) => a.kind === 'resource-without-hyperlink').map((a) => a.cell)).toEqual([
      'Corporate & Non-governmental!AE4',
      'Corporate & Non-governmental!AE5',
      'Corporate & Non-governmental!AE6',
      'Corporate & Non-governmental!AE8',
      'Intergovernmental!AE10',
    ]);
  });
});

/** A workbook in the WG6 layout, built here: one framework per sheet, with a merge across A2:A3. */
async function buildWorkbook(change?: (book: ExcelJS.Workbook) => void): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const [index, { sheet: name }] of frameworkSheets.entries()) {
    const sheet = book.addWorksheet(name);
    // Two header layouts, as published: the action titles in row 3 or in row 4.
    const header = index % 2 === 0 ? 4 : 3;
    sheet.getCell(header, 1).value = 'Actions (A1, A2, A3 …)';
    sheet.getCell(header, 31).value = 'Resources ';
    const spans: Array<[number, number, string]> = [[1, 6, principles[0].name], [7, 11, principles[1].name], [12, 16, principles[2].name], [17, 20, principles[3].name], [21, 23, principles[4].name], [24, 25, principles[5].name]];
    for (const [from, to, title] of spans) {
      sheet.getCell(header - 1, 5 + from).value = title;
      sheet.mergeCells(header - 1, 5 + from, header - 1, 5 + to);
    }
    for (let n = 1; n <= 25; n++) sheet.getCell(header, 5 + n).value = `A${n}: title ${n} `;
    const row = header + 1;
    sheet.getCell(row, 1).value = ` Framework of ${name}\n`;
    sheet.getCell(row, 2).value = 'Some policy (Guidelines)';
    sheet.getCell(row, 3).value = 'X\n (to States)';
    sheet.getCell(row, 6).value = { richText: [{ font: { bold: true }, text: 'Article 1:' }, { text: ' quoted text  ' }] };
    sheet.getCell(row, 7).value = 'one text for two actions';
    sheet.mergeCells(row, 7, row, 8);
    sheet.getCell(row, 9).value = '\n';
    sheet.getCell(row, 31).value = { text: 'example.org/a; https://example.org/b', hyperlink: 'https://example.org/a' };
  }
  change?.(book);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const reportText = fs.existsSync(path.join(reportsText, wg6Files.reportText)) ? fs.readFileSync(path.join(reportsText, wg6Files.reportText), 'utf8') : null;

describe('a workbook in the WG6 layout, built by the test', () => {
  it('is read whatever its header row, with merges expanded and whitespace cleaned', async () => {
    const parsed = await readWorkbookBytes(await buildWorkbook());
    expect(parsed.frameworks.map((f) => [f.key, f.name])).toEqual([
      ['pp-5', 'Framework of Public policy'],
      ['sl-4', 'Framework of Standardization & Labelling'],
      ['cn-5', 'Framework of Corporate & Non-governmental'],
      ['pr-4', 'Framework of Public-private'],
      ['ig-5', 'Framework of Intergovernmental'],
    ]);
    const cells = parsed.cells.filter((c) => c.frameworkKey === 'pp-5');
    expect(cells.slice(0, 4).map((c) => [c.action, c.status, c.quotation, c.locator, c.mergedRange])).toEqual([
      ['A1', 'quoted', 'Article 1: quoted text', 'Article 1', null],
      ['A2', 'quoted', 'one text for two actions', null, 'G5:H5'],
      ['A3', 'quoted', 'one text for two actions', null, 'G5:H5'],
      ['A4', 'reviewed-absent', null, null, null],
    ]);
    expect(parsed.frameworks[0]?.recipients.states).toMatchObject({ marked: true, note: 'to States' });
    expect(parsed.frameworks[0]?.resources).toEqual(['https://example.org/a', 'https://example.org/b']);
    expect(parsed.actionPrinciples.find((p) => p.action === 'A20')).toEqual({ action: 'A20', principle: 'cooperation', source: 'Public policy!V3:Y3' });
    expect(parsed.anomalies).toContainEqual({ cell: 'Public policy!I5', kind: 'whitespace-only', detail: expect.any(String) });
  });

  it.each([
    ['a missing sheet', (book: ExcelJS.Workbook) => book.removeWorksheet(book.getWorksheet('Public-private')!.id), 'Public-private', /sheet "Public-private" not found/],
    ['no action-title row', (book: ExcelJS.Workbook) => (book.getWorksheet('Intergovernmental')!.getCell('A4').value = 'Frameworks'), 'Intergovernmental!A1:A10', /Actions \(A1, A2, A3/],
    ['an action column out of place', (book: ExcelJS.Workbook) => (book.getWorksheet('Public policy')!.getCell('K4').value = 'A7: Promoting labels'), 'Public policy!K4', /title of action A6/],
    ['an unknown principle', (book: ExcelJS.Workbook) => (book.getWorksheet('Standardization & Labelling')!.getCell('Z2').value = 'Innovation'), 'Standardization & Labelling!Z2', /six OECD principles above A21/],
    ['data without a framework name', (book: ExcelJS.Workbook) => (book.getWorksheet('Public policy')!.getCell('F7').value = 'orphan'), 'Public policy!F7', /without a framework name/],
    ['an error value', (book: ExcelJS.Workbook) => (book.getWorksheet('Public policy')!.getCell('J5').value = { error: '#REF!' } as ExcelJS.CellErrorValue), 'Public policy!J5', /error value/],
  ])('refuses %s, naming the sheet and cell', async (_name, change, where, problem) => {
    const error = await readWorkbookBytes(await buildWorkbook(change)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ToolkitSourceError);
    expect((error as ToolkitSourceError).where).toBe(where);
    expect((error as ToolkitSourceError).problem).toMatch(problem);
  });

  it('refuses a file that is not a workbook', async () => {
    await expect(readWorkbookBytes(Buffer.from('name,category\n'))).rejects.toThrow(/not a readable XLSX file/);
  });

  it.skipIf(reportText === null)('refuses a workbook whose principles disagree with the report, naming the header range', async () => {
    const book = await buildWorkbook((b) => {
      for (const [index, { sheet: name }] of frameworkSheets.entries()) {
        const sheet = b.getWorksheet(name)!;
        const row = index % 2 === 0 ? 3 : 2;
        sheet.unMergeCells(`V${row}:Y${row}`);
        sheet.unMergeCells(`Z${row}:AB${row}`);
        for (const c of ['V', 'W', 'X']) sheet.getCell(`${c}${row}`).value = principles[3].name;
        for (const c of ['Y', 'Z', 'AA', 'AB']) sheet.getCell(`${c}${row}`).value = principles[4].name;
      }
    });
    const error = await readWg6Dataset({ workbook: book, workbookName: 'wg6-2021-11-10.xlsx', reportText: reportText!, reportName: 'report.txt' }).catch((e: unknown) => e);
    expect((error as ToolkitSourceError).where).toBe('Public policy!Y3');
    expect((error as ToolkitSourceError).problem).toMatch(/files A20 under innovation, the report \(report.txt:\d+\) under cooperation/);
  });
});
