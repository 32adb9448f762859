import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { needsShared, sharedPaths } from '../../../../test/helpers/shared-data.js';
import { writeIData, writeIMeta } from '../engine/coinr-format.js';
import { COINR_ASEM_EXAMPLE, runPipeline } from '../engine/pipeline.js';
import type { IndexDataset } from '../engine/types.js';
import { readCsvTable, writeCsvTable } from './index.csv.js';
import { coinrWorkbook, formatIssues, readCoinrFiles, writeCoinrFiles } from './index.files.js';
import { resultsTable } from './index.results.js';
import { writeXlsxTables } from './index.xlsx.js';

const FIX = join(import.meta.dirname, 'fixtures');
const asem = needsShared('the COINr ASEM example through files', sharedPaths.coinrAsem);
const ASEM = asem.path;
const tmp = () => mkdtempSync(join(tmpdir(), 'index-io-'));

async function load(data: string, meta?: string): Promise<IndexDataset> {
  const parsed = await readCoinrFiles({ data, meta });
  if (!parsed.ok) throw new Error(formatIssues(parsed.issues));
  return parsed.dataset;
}

describe('COINr CSV files', () => {
  it('when a valid pair is read and written back, the files are byte for byte the same', async () => {
    const dataset = await load(join(FIX, 'small-iData.csv'), join(FIX, 'small-iMeta.csv'));
    const dir = tmp();
    await writeCoinrFiles(dataset, { data: join(dir, 'd.csv'), meta: join(dir, 'm.csv') });
    expect(readFileSync(join(dir, 'd.csv'), 'utf8')).toBe(readFileSync(join(FIX, 'small-iData.csv'), 'utf8'));
    expect(readFileSync(join(dir, 'm.csv'), 'utf8')).toBe(readFileSync(join(FIX, 'small-iMeta.csv'), 'utf8'));
    expect(dataset.data.columns.gci?.source[0]).toBe('small-iData.csv');
  });

  it('when every kind of bad input is present, all problems are reported with row and column and nothing is imported', async () => {
    const parsed = await readCoinrFiles({ data: join(FIX, 'bad-iData.csv'), meta: join(FIX, 'bad-iMeta.csv') });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const got = parsed.issues.map((i) => `${i.table}:${i.row}:${i.column}:${i.code}`);
    expect(got).toEqual(expect.arrayContaining([
      'iMeta:1:Parent:imeta.parent.missing', // an indicator with no parent
      'iMeta:8:Parent:imeta.parent.cycle', // LoopA → LoopB → LoopA
      'iMeta:2:Weight:imeta.weight.zero_sum', // the children of Info weigh 0
      'iData:2:press:idata.cell.non_numeric', // "n/a"
      'iData:6:inc:idata.cell.non_numeric', // "1%"
      'iData:6:Time:idata.time.invalid',
      'iData:4:uCode:idata.row.duplicate', // AAA × 2020 twice
      'iData:5:uCode:idata.unit.no_data', // ZZZ has no value at all
    ]));
    expect('dataset' in parsed).toBe(false);
    expect(formatIssues(parsed.issues)).toContain('iData, data row 4, column uCode: AAA × 2020 already appears on row 1 [idata.row.duplicate]');
  });

  it('when the CSV itself is malformed, the file is named and nothing is imported', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'd.csv'), 'uCode,a\n"AAA,1\n');
    const parsed = await readCoinrFiles({ data: join(dir, 'd.csv'), meta: join(FIX, 'small-iMeta.csv') });
    expect(parsed.ok ? [] : parsed.issues.map((i) => i.code)).toEqual(['csv.malformed']);
  });

  it('when a file is missing or not CSV/XLSX, the report says so', async () => {
    const parsed = await readCoinrFiles({ data: join(FIX, 'nope.csv'), meta: join(FIX, 'small-iMeta.txt') });
    expect(parsed.ok ? [] : parsed.issues.map((i) => `${i.table}:${i.code}`)).toEqual(['iMeta:file.format.unsupported', 'iData:file.unreadable']);
  });
});

describe('COINr XLSX workbooks (sheets iData and iMeta)', () => {
  it('when the generated fixture workbook is read, it gives the same dataset as the CSV pair', async () => {
    const fromCsv = await load(join(FIX, 'small-iData.csv'), join(FIX, 'small-iMeta.csv'));
    const fromXlsx = await load(join(FIX, 'small.xlsx'));
    expect(writeIData(fromXlsx)).toEqual(writeIData(fromCsv));
    expect(writeIMeta(fromXlsx.framework)).toEqual(writeIMeta(fromCsv.framework));
  });

  it('when bad data arrive as a workbook, the same report comes back', async () => {
    const bad = readCsvTable(readFileSync(join(FIX, 'bad-iData.csv'), 'utf8'));
    const meta = readCsvTable(readFileSync(join(FIX, 'bad-iMeta.csv'), 'utf8'));
    const file = join(tmp(), 'bad.xlsx');
    const asText = (t: typeof bad) => ({ columns: t.columns ?? [], rows: t.rows as Record<string, string>[] });
    writeFileSync(file, await writeXlsxTables([{ name: 'iData', table: asText(bad) }, { name: 'iMeta', table: asText(meta) }]));
    const fromXlsx = await readCoinrFiles({ data: file });
    const fromCsv = await readCoinrFiles({ data: join(FIX, 'bad-iData.csv'), meta: join(FIX, 'bad-iMeta.csv') });
    expect(fromXlsx.ok ? [] : fromXlsx.issues).toEqual(fromCsv.ok ? [] : fromCsv.issues);
  });

  it('when the workbook lacks the iMeta sheet, the report names it', async () => {
    const file = join(tmp(), 'only-data.xlsx');
    writeFileSync(file, await writeXlsxTables([{ name: 'iData', table: { columns: ['uCode'], rows: [{ uCode: 'A' }] } }]));
    const parsed = await readCoinrFiles({ data: file });
    expect(parsed.ok ? [] : parsed.issues).toEqual([
      { table: 'iMeta', row: null, column: null, code: 'xlsx.sheet.missing', message: 'only-data.xlsx has no sheet named iMeta' },
    ]);
  });
});

describe.skipIf(!asem.available)(asem.title('the COINr ASEM example through files'), () => {
  it.each(['ASEM_iData.csv', 'ASEM_iData_p.csv'])('when %s is written to CSV and XLSX and read back, nothing changes', async (file) => {
    const dataset = await load(join(ASEM, file), join(ASEM, 'ASEM_iMeta.csv'));
    const original = readCsvTable(readFileSync(join(ASEM, file), 'utf8'));
    expect(writeIData(dataset)).toEqual(original);
    const dir = tmp();
    await writeCoinrFiles(dataset, { data: join(dir, 'd.csv'), meta: join(dir, 'm.csv') });
    const again = await load(join(dir, 'd.csv'), join(dir, 'm.csv'));
    expect(writeIData(again)).toEqual(writeIData(dataset));
    writeFileSync(join(dir, 'coin.xlsx'), await coinrWorkbook(dataset));
    const fromXlsx = await load(join(dir, 'coin.xlsx'));
    expect(writeIData(fromXlsx)).toEqual(writeIData(dataset));
    expect(writeIMeta(fromXlsx.framework)).toEqual(writeIMeta(dataset.framework));
  });

  it('when the pipeline runs on the workbook, the results table carries COINr’s published top score', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'coin.xlsx'), await coinrWorkbook(await load(join(ASEM, 'ASEM_iData.csv'), join(ASEM, 'ASEM_iMeta.csv'))));
    const dataset = await load(join(dir, 'coin.xlsx'));
    const table = resultsTable(runPipeline(dataset, COINR_ASEM_EXAMPLE), dataset.framework);
    expect(table.columns.slice(0, 5)).toEqual(['uCode', 'uName', 'Time', 'Index', 'Index_rank']);
    const che = table.rows.find((r) => r.uCode === 'CHE');
    expect([Number(che?.Index).toFixed(2), che?.Index_rank]).toEqual(['68.38', '1']);
    expect(writeCsvTable(table).split('\n')).toHaveLength(53);
  });
});
