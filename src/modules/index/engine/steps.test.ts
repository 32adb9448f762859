import { describe, expect, it } from 'vitest';
import { parseCoinr } from './coinr-format.js';
import { denominate } from './denominate.js';
import { buildDataset, DATA_COLUMNS, META, table } from './fixtures.test-helpers.js';
import { impute, type ImputeOptions } from './impute.js';
import { screenUnits, type ScreenOptions } from './screen.js';

describe('denominate', () => {
  it('divides each indicator by the denominator iMeta names, row by row', () => {
    const { data, framework } = buildDataset();
    const { data: out, record } = denominate(data, framework);
    expect(out.columns.b?.values).toEqual([1, 2, null, 1]);
    expect(out.columns.a?.values).toEqual(data.columns.a?.values);
    expect(record.details.denominated).toEqual({ b: 'Pop' });
    expect(data.columns.b?.values).toEqual([10, 40, null, 5]);
  });
  it('leaves a cell missing, and reports it, when the denominator is zero', () => {
    const { data, framework } = buildDataset({ U1: { Pop: '0' } });
    const { data: out, record } = denominate(data, framework);
    expect(out.columns.b?.values[0]).toBeNull();
    expect(record.details.undefinedCells).toEqual([{ uCode: 'U1', time: 2020, iCode: 'b' }]);
  });
});

describe('screenUnits', () => {
  // availability: U1 3/3, U2 2/3, U3 2/3, U4 3/3
  it.each<[string, ScreenOptions, string[]]>([
    ['the default threshold of 2/3 keeps all', {}, ['U1', 'U2', 'U3', 'U4']],
    ['a 0.9 threshold drops units missing one of three', { datThresh: 0.9 }, ['U1', 'U4']],
    ['forcing overrides the threshold', { datThresh: 0.9, force: [{ uCode: 'U2', include: true }, { uCode: 'U4', include: false }] }, ['U1', 'U2']],
    ['byZeros drops units whose non-missing values are all zero', { unitScreen: 'byZeros' }, ['U1', 'U2', 'U3', 'U4']],
  ])('%s', (_name, options, kept) => {
    const { data, framework } = buildDataset();
    expect(screenUnits(data, framework, options).data.units.map((u) => u.uCode)).toEqual(kept);
  });
  it('byZeros drops a unit with only zeros', () => {
    const { data, framework } = buildDataset({ U1: { a: '0', b: '0', c: '0' } });
    expect(screenUnits(data, framework, { unitScreen: 'byZeros' }).record.details.removed).toEqual([{ uCode: 'U1', time: 2020 }]);
  });
});

describe('impute', () => {
  it.each<[string, ImputeOptions, number | null, number | null]>([
    // c = [5, NA, 7, 9] (U2 in group x with U1), b = [10, 40, NA, 5] (U3 in group y with U4)
    ['column mean (COINr default)', {}, 7, 55 / 3],
    ['column median', { method: 'median' }, 7, 10],
    ['group mean', { method: 'groupMean', group: 'Grp' }, 5, 5],
    ['group median', { method: 'groupMedian', group: 'Grp' }, 5, 5],
    ['none', { method: 'none' }, null, null],
  ])('%s', (_name, options, c2, b3) => {
    const { data, framework } = buildDataset();
    const { data: out } = impute(data, framework, options);
    expect(out.columns.c?.values[1]).toBe(c2);
    expect(out.columns.b?.values[2]).toBe(b3);
    if (c2 !== null) expect([out.columns.c?.origin[1], out.columns.c?.origin[0]]).toEqual(['imputed', 'raw']);
  });

  it('previousYear takes the latest earlier value of the same unit, within maxTime', () => {
    const rows = [
      ['U1', 'One', '2018', 'x', '1', '1', '1', '3'],
      ['U1', 'One', '2019', 'x', '1', '2', '1', 'NA'],
      ['U1', 'One', '2020', 'x', '1', '3', '1', 'NA'],
      ['U2', 'Two', '2020', 'x', '1', '3', '1', '1'],
    ];
    const parsed = parseCoinr({ iData: table(DATA_COLUMNS, rows), iMeta: META });
    if (!parsed.ok) throw new Error('fixture');
    const { data, framework } = parsed.dataset;
    expect(impute(data, framework, { method: 'previousYear' }).data.columns.c?.values).toEqual([3, 3, 3, 1]);
    expect(impute(data, framework, { method: 'previousYear', maxTime: 1 }).data.columns.c?.values).toEqual([3, 3, null, 1]);
  });
});
