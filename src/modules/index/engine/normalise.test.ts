import { describe, expect, it } from 'vitest';
import { buildDataset } from './fixtures.test-helpers.js';
import { normalise, type NormaliseOptions } from './normalise.js';

// a = [1, 2, 3, 4] (Direction 1, Target 10); b = [10, 40, NA, 5] (Direction −1, Target 0)
const cases: [string, NormaliseOptions, (number | null)[], (number | null)[]][] = [
  ['min-max 0–100 (COINr default)', { method: 'minmax' }, [0, 100 / 3, 200 / 3, 100], [(30 / 35) * 100, 0, null, 100]],
  ['min-max to another interval', { method: 'minmax', lower: 1, upper: 11 }, [1, 1 + 10 / 3, 1 + 20 / 3, 11], [1 + (30 / 35) * 10, 1, null, 11]],
  ['z-score', { method: 'zscore' }, [-1.5, -0.5, 0.5, 1.5].map((d) => d / Math.sqrt(5 / 3)), [25 / 3, -65 / 3, null, 40 / 3].map((d) => (d === null ? null : d / Math.sqrt(6450 / 18)))],
  ['rank (min ties)', { method: 'rank' }, [1, 2, 3, 4], [2, 1, null, 3]],
  ['percent rank', { method: 'percentRank' }, [0, 1 / 3, 2 / 3, 1], [0.5, 0, null, 1]],
  ['distance to target', { method: 'distToTarget' }, [0, 1 / 9, 2 / 9, 3 / 9], [0.75, 0, null, 0.875]],
  ['distance to frontier', { method: 'distToFrontier', scale: 100 }, [0, 100 / 3, 200 / 3, 100], [(30 / 35) * 100, 0, null, 100]],
  ['goalposts', { method: 'goalposts', goalposts: { a: { lower: 0, upper: 10 }, b: { lower: 0, upper: 50 }, c: { lower: 0, upper: 10 } } }, [0.1, 0.2, 0.3, 0.4], [0.8, 0.2, null, 0.9]],
  ['goalposts truncated', { method: 'goalposts', goalposts: { a: { lower: 2, upper: 3 }, b: { lower: 6, upper: 20 }, c: { lower: 0, upper: 1 } } }, [0, 0, 1, 1], [10 / 14, 0, null, 1]],
];

describe('normalise (directions −1 inverted before the method, as COINr does)', () => {
  it.each(cases)('%s', (_name, options, a, b) => {
    const { data, framework } = buildDataset();
    const withTargets = { ...framework, nodes: framework.nodes.map((n) => (n.code === 'c' ? { ...n, target: 10 } : n)) };
    const { data: out } = normalise(data, withTargets, options);
    out.columns.a?.values.forEach((v, i) => expect(v).toBeCloseTo(a[i] as number, 10));
    out.columns.b?.values.forEach((v, i) => (b[i] === null ? expect(v).toBeNull() : expect(v).toBeCloseTo(b[i] as number, 10)));
  });
  it('stops, as COINr does, when distance to target meets an indicator without a Target', () => {
    const { data, framework } = buildDataset();
    expect(() => normalise(data, framework, { method: 'distToTarget' })).toThrow(/c has no Target/);
  });
  it('leaves cells missing and reports the indicator when its range is zero', () => {
    const { data, framework } = buildDataset({ U1: { a: '2' }, U2: { a: '2' }, U3: { a: '2' }, U4: { a: '2' } });
    const { data: out, record } = normalise(data, framework);
    expect(out.columns.a?.values).toEqual([null, null, null, null]);
    expect(record.details.undefinedIndicators.map((u) => u.iCode)).toEqual(['a']);
  });
});
