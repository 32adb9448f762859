/**
 * Files beyond the upload caps are refused before parsing, with the cap and what was found; files within them are
 * parsed in a worker thread, and a worker that passes its memory cap is a refusal, not a crash.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCoinrFiles, readCoinrTables, type FileIssue } from './index.files.js';
import { parseInWorker } from './index.parse.js';
import { checkCsv, checkXlsx, rangeCells } from './index.precheck.js';
import { uploadLimits } from './index.upload-limits.js';
import { hostileCsv, hostileWorkbook, normalWorkbook } from './index.upload-limits.test-support.js';

const codes = (issues: FileIssue[]) => issues.map((i) => `${i.table}:${i.code}`);

describe('the cells of a worksheet range', () => {
  it.each([
    ['A1', 1],
    ['A1:BM2001', 65 * 2001],
    ['$A$1:$C$3', 9],
    ['XFD1048576:A1', 16_384 * 1_048_576],
    ['not a range', null],
    ['A1:B2:C3', null],
  ])('%s spans %s cells', (ref, cells) => {
    expect(rangeCells(ref)).toBe(cells);
  });
});

describe('a workbook checked before parsing', () => {
  it('when its zip directory declares more inflated bytes than the cap, it is refused unread', async () => {
    const breach = await checkXlsx(await hostileWorkbook('inflated'));
    expect(breach).toMatchObject({ kind: 'xlsxInflatedBytes', max: uploadLimits.xlsxInflatedBytes });
    expect(breach?.found).toBeGreaterThan(uploadLimits.xlsxInflatedBytes);
  });

  it('when a sheet declares a dimension beyond the cell cap, it is refused though its cells are few', async () => {
    expect(await checkXlsx(await hostileWorkbook('dimension'))).toEqual({ kind: 'cells', found: 26 * 1_000_000, max: uploadLimits.cells });
  });

  it('when a sheet without a dimension holds more cells than the cap, the streamed count refuses it', async () => {
    const breach = await checkXlsx(await hostileWorkbook('cells'));
    expect(breach).toMatchObject({ kind: 'cells', max: uploadLimits.cells });
    expect(breach?.found).toBeGreaterThan(uploadLimits.cells);
  });

  it('a real index (2,000 rows × 65 columns in one workbook with iMeta) passes', async () => {
    expect(await checkXlsx(await normalWorkbook())).toBeNull();
  });

  it('bytes that are not a zip throw, for the reader to call the workbook malformed', async () => {
    await expect(checkXlsx(Buffer.from('not a zip'))).rejects.toThrow();
  });
});

describe('a CSV checked before parsing', () => {
  it('when it holds more cells than the cap (lines × header columns), it is refused', () => {
    expect(checkCsv(hostileCsv())).toMatchObject({ kind: 'cells', max: uploadLimits.cells });
  });

  it('when it is larger than the byte cap, it is refused', () => {
    expect(checkCsv(Buffer.alloc(uploadLimits.fileBytes + 1, 'a'))).toEqual({ kind: 'fileBytes', found: uploadLimits.fileBytes + 1, max: uploadLimits.fileBytes });
  });

  it('a quoted line break in the header does not end it', () => {
    const header = '"u\nCode",' + Array.from({ length: 99 }, (_, i) => `c${i}`).join(',') + '\n';
    const rows = '1,'.repeat(99) + '1\n';
    expect(checkCsv(Buffer.from(header + rows.repeat(uploadLimits.cells / 100))), 'cells = (lines + 1) × 100 > cap').toMatchObject({ kind: 'cells' });
    expect(checkCsv(Buffer.from(header + rows.repeat(uploadLimits.cells / 100 - 2)))).toBeNull();
  });
});

describe('reading files beyond the caps', () => {
  it('an upload of a hostile workbook holding both tables is one issue naming the file and the cap, and no tables', async () => {
    const tables = await readCoinrTables({ name: 'bomb.xlsx', bytes: await hostileWorkbook('inflated') });
    expect(tables.ok ? [] : codes(tables.issues)).toEqual(['iMeta:xlsx.inflated.exceeded']);
    expect(tables.ok ? undefined : tables.issues[0]?.refusal).toMatchObject({ kind: 'xlsxInflatedBytes', file: 'bomb.xlsx' });
  });

  it('the CLI refuses a CSV with too many cells the same way', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'index-limits-'));
    writeFileSync(join(dir, 'd.csv'), hostileCsv());
    writeFileSync(join(dir, 'm.csv'), 'iCode,Level\nx,1\n');
    const parsed = await readCoinrFiles({ data: join(dir, 'd.csv'), meta: join(dir, 'm.csv') });
    expect(parsed.ok ? [] : codes(parsed.issues)).toEqual(['iData:file.cells.exceeded']);
  });

  it('a workbook holding both tables within the caps is read whole', async () => {
    const tables = await readCoinrTables({ name: 'index.xlsx', bytes: await normalWorkbook() });
    expect(tables.ok && [tables.iData.rows.length, tables.iData.columns?.length, tables.iMeta.rows.length]).toEqual([2000, 65, 64]);
  });

  it('a worker that passes its memory cap ends with a refusal, and the next read works', async () => {
    const bytes = await normalWorkbook();
    const limits = { maxOldGenerationSizeMb: 8, maxYoungGenerationSizeMb: 2, timeoutMs: 60_000 };
    expect(await parseInWorker([{ format: 'xlsx', bytes, sheets: ['iData'] }], limits)).toEqual({ ok: false, reason: 'memory' });
    const after = await parseInWorker([{ format: 'xlsx', bytes, sheets: ['iData'] }]);
    expect(after.ok && after.results[0]?.ok).toBe(true);
  });
});
