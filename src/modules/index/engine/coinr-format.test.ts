import { describe, expect, it } from 'vitest';
import { formatNumber, parseNumber } from './coinr-cells.js';
import { parseCoinr, writeIData, writeIMeta } from './coinr-format.js';
import { DATA, DATA_COLUMNS, META, META_COLUMNS, buildDataset, table } from './fixtures.test-helpers.js';
import type { RawTable } from './coinr-cells.js';

type Edit = { data?: RawTable; meta?: RawTable };
const metaRows = (META.rows as Record<string, string>[]).map((r) => META_COLUMNS.map((c) => r[c] ?? ''));
const dataRows = (DATA.rows as Record<string, string>[]).map((r) => DATA_COLUMNS.map((c) => r[c] ?? ''));
const withMeta = (edit: (rows: string[][]) => string[][]): Edit => ({ meta: table(META_COLUMNS, edit(metaRows.map((r) => [...r]))) });
const withData = (edit: (rows: string[][]) => string[][], columns = DATA_COLUMNS): Edit => ({ data: table(columns, edit(dataRows.map((r) => [...r]))) });
const set = (rows: string[][], row: number, col: number, value: string) => ((rows[row] as string[])[col] = value, rows);

describe('parseCoinr rejects bad input with row, column and code, and imports nothing', () => {
  const cases: [string, Edit, { table: string; row: number | null; column: string | null; code: string }][] = [
    ['a non-numeric cell', withData((r) => set(r, 1, 5, 'abc')), { table: 'iData', row: 2, column: 'a', code: 'idata.cell.non_numeric' }],
    ['a duplicate unit × time row', withData((r) => [...r, [...(r[0] as string[])]]), { table: 'iData', row: 5, column: 'uCode', code: 'idata.row.duplicate' }],
    ['a unit with no data at all', withData((r) => [...r, ['U5', 'Five', '2020', 'x', '1', 'NA', '', 'NA']]), { table: 'iData', row: 5, column: 'uCode', code: 'idata.unit.no_data' }],
    ['an iData column not in iMeta', withData((r) => r.map((x) => [...x, '1']), [...DATA_COLUMNS, 'zz']), { table: 'iData', row: null, column: 'zz', code: 'idata.column.unknown' }],
    ['an iMeta indicator absent from iData', withData((r) => r.map((x) => x.slice(0, 7)), DATA_COLUMNS.slice(0, 7)), { table: 'iMeta', row: 3, column: 'iCode', code: 'imeta.column.absent_from_idata' }],
    ['an indicator with no parent', withMeta((r) => set(r, 0, 8, 'NA')), { table: 'iMeta', row: 1, column: 'Parent', code: 'imeta.parent.missing' }],
    ['an unknown parent', withMeta((r) => set(r, 2, 8, 'P9')), { table: 'iMeta', row: 3, column: 'Parent', code: 'imeta.parent.unknown' }],
    ['a cycle in the tree', withMeta((r) => set(set(r, 3, 8, 'P2'), 4, 8, 'P1')), { table: 'iMeta', row: 4, column: 'Parent', code: 'imeta.parent.cycle' }],
    ['weights summing to zero within a parent', withMeta((r) => set(set(r, 0, 4, '0'), 1, 4, '0')), { table: 'iMeta', row: 1, column: 'Weight', code: 'imeta.weight.zero_sum' }],
    ['a direction other than ±1', withMeta((r) => set(r, 0, 3, '2')), { table: 'iMeta', row: 1, column: 'Direction', code: 'imeta.direction.invalid' }],
    ['an unknown denominator', withMeta((r) => set(r, 0, 7, 'GDP')), { table: 'iMeta', row: 1, column: 'Denominator', code: 'imeta.denominator.unknown' }],
    ['a duplicate iCode', withMeta((r) => [...r, [...(r[0] as string[])]]), { table: 'iMeta', row: 9, column: 'iCode', code: 'imeta.icode.duplicate' }],
    ['a level that does not step up by one', withMeta((r) => set(r, 5, 0, '4')), { table: 'iMeta', row: 4, column: 'Level', code: 'imeta.level.inconsistent' }],
    ['a missing iMeta column', { meta: table(META_COLUMNS.filter((c) => c !== 'Parent'), metaRows.map((r) => r.filter((_, i) => i !== 8))) }, { table: 'iMeta', row: null, column: null, code: 'imeta.columns.missing' }],
  ];
  it.each(cases)('when iData or iMeta has %s', (_name, edit, expected) => {
    const result = parseCoinr({ iData: edit.data ?? DATA, iMeta: edit.meta ?? META });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toContainEqual(expect.objectContaining(expected));
    expect(result.issues.every((i) => i.message.length > 0)).toBe(true);
  });

  it('reports every problem at once, not just the first', () => {
    const edit = withData((r) => set(set(r, 0, 5, 'x'), 2, 7, 'y'));
    const result = parseCoinr({ iData: edit.data as RawTable, iMeta: META });
    expect(result.ok ? [] : result.issues.map((i) => `${i.row}:${i.column}`)).toEqual(['1:a', '3:c']);
  });
});

describe('parseCoinr on valid input', () => {
  it('treats NA and empty cells as missing and records origin and source', () => {
    const { data } = buildDataset({ U1: { a: '' } });
    expect(data.columns.a?.values).toEqual([null, 2, 3, 4]);
    expect(data.columns.c?.values[1]).toBeNull();
    expect(data.columns.b?.origin.every((o) => o === 'raw')).toBe(true);
    expect(data.columns.b?.source[0]).toBe('fixture');
    expect(data.units[0]).toEqual({ uCode: 'U1', uName: 'One', time: 2020 });
    expect(data.labels.Grp).toEqual(['x', 'x', 'y', 'y']);
  });

  it('writes back the same tables it read', () => {
    const dataset = buildDataset();
    expect(writeIData(dataset)).toEqual({ columns: DATA.columns, rows: DATA.rows });
    expect(writeIMeta(dataset.framework)).toEqual({ columns: META.columns, rows: META.rows });
  });
});

describe('number cells', () => {
  it.each([
    ['1', 1], ['-1.5', -1.5], ['3e+05', 300000], ['3.6e-05', 0.000036], ['NA', null], ['', null], [' 2 ', 2],
  ] as const)('parses %j as %j', (text, value) => expect(parseNumber(text)).toEqual({ ok: true, value }));
  it.each(['abc', '1,5', 'Inf', '--1'])('rejects %j', (text) => expect(parseNumber(text).ok).toBe(false));
  it.each([
    [300000, '3e+05'], [123456, '123456'], [0.000036, '3.6e-05'], [0.0001, '1e-04'], [0.01, '0.01'], [0.7, '0.7'],
    [390.799991147468, '390.799991147468'], [-2, '-2'], [0, '0'], [null, 'NA'], [1e-7, '1e-07'],
  ] as const)('formats %j as R does: %j', (value, text) => expect(formatNumber(value)).toBe(text));
});
