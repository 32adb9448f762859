import { describe, expect, it } from 'vitest';
import { buildDataset } from './fixtures.test-helpers.js';
import { logCT, passesSkewKurt, treatOutliers, winsorise } from './treat.js';

const defaults = { winmax: 5, skewThresh: 2, kurtThresh: 3.5, fallback: 'logCT' as const, skip: [] };
const spiky = [...Array<number>(20).fill(1), 2, 3, 50, 100, 200, 400, 800, 1600];

describe('COINr check_SkewKurt', () => {
  it.each([
    ['1..10 passes', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], true],
    ['COINr’s example c(1:10, 30, 100) fails', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100], false],
    ['three values pass on skew alone (TRUE | NA in R)', [1, 2, 300], true],
    ['a computable skew below 2 passes even if kurtosis is NA', [1, 2, 3], true],
    ['zero variance cannot be tested (NA in R)', [2, 2, 2, 2, 2], null],
  ] as const)('%s', (_name, x, expected) => expect(passesSkewKurt([...x], defaults)).toBe(expected));
});

describe('COINr winsorise', () => {
  it('replaces the highest value by the next highest when skew is positive, until the test passes', () => {
    expect(winsorise([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100], defaults)).toEqual({ x: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 30], nwin: 1 });
  });
  it('winsorises ties together and counts them as COINr does (length of the last set)', () => {
    const { x, nwin } = winsorise(spiky, defaults);
    expect(x.slice(-4)).toEqual([200, 200, 200, 200]);
    expect(nwin).toBe(3);
  });
  it('winsorises the low end when skew is negative', () => {
    const { x } = winsorise(spiky.map((v) => -v), defaults);
    expect(x.slice(-4)).toEqual([-200, -200, -200, -200]);
  });
});

describe('treatOutliers', () => {
  it('falls back to log_CT of the original values when winmax points are not enough', () => {
    const overrides = Object.fromEntries(['U1', 'U2', 'U3', 'U4'].map((u) => [u, {}]));
    const { data, framework } = buildDataset(overrides);
    const column = { values: spiky, origin: spiky.map(() => 'raw' as const), source: spiky.map(() => null) };
    const big = { ...data, units: spiky.map((_, i) => ({ uCode: `U${i}`, uName: null, time: 2020 })), columns: { a: column } };
    const only = { ...framework, nodes: framework.nodes.filter((n) => n.code === 'a') };
    const { data: out, record } = treatOutliers(big, only, { winmax: 1 });
    expect(record.details[0]?.action).toBe('log');
    expect(out.columns.a?.values).toEqual(logCT(spiky));
    expect(out.columns.a?.origin.every((o) => o === 'treated')).toBe(true);
    expect(column.values).toEqual(spiky);
  });
  it('leaves indicators that pass untouched and records their skew and kurtosis', () => {
    const { data, framework } = buildDataset();
    const { data: out, record } = treatOutliers(data, framework);
    expect(out.columns.a?.values).toEqual([1, 2, 3, 4]);
    expect(record.details.find((d) => d.iCode === 'a')).toMatchObject({ action: 'none', skew: 0 });
    expect(record.options).toEqual(defaults);
  });
  it('log_CT is log(x − min + 0.01·(max − min))', () => {
    expect(logCT([0, 100])).toEqual([Math.log(1), Math.log(101)]);
  });
});
