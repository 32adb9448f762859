import { describe, expect, it } from 'vitest';
import { splitMix64, Xoshiro128 } from './prng.js';
import { percentileScratch, percentiles, percentilesBetween, percentilesInPlace } from './quantile.js';
import { designRow, designRuns, saltelliDesign, sobolIndices } from './sobol.js';

describe('xoshiro128** seeded by SplitMix64', () => {
  it('SplitMix64 gives the reference output for seed 0', () => {
    // https://prng.di.unimi.it/splitmix64.c with x = 0: first output 0xe220a8397b1dcdaf
    expect(splitMix64(0, 1)[0]).toBe(0xe220a8397b1dcdafn);
  });
  it.each([1, 42, 2026])('seed %i: the same seed gives the same stream, another seed another', (seed) => {
    const a = new Xoshiro128(seed);
    const b = new Xoshiro128(seed);
    const c = new Xoshiro128(seed + 1);
    const xs = Array.from({ length: 100 }, () => a.nextDouble());
    expect(Array.from({ length: 100 }, () => b.nextDouble())).toEqual(xs);
    expect(Array.from({ length: 100 }, () => c.nextDouble())).not.toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
  it('is roughly uniform (mean 1/2, variance 1/12)', () => {
    const r = new Xoshiro128(7);
    const xs = Array.from({ length: 100_000 }, () => r.nextDouble());
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
    expect(mean).toBeCloseTo(0.5, 2);
    expect(variance).toBeCloseTo(1 / 12, 3);
  });
});

describe('percentiles (R type 7 = numpy linear)', () => {
  const sorted7 = (x: number[], p: number) => {
    const s = [...x].sort((a, b) => a - b);
    const h = (s.length - 1) * (p / 100);
    const lo = Math.floor(h);
    return (s[lo] as number) + (h - lo) * ((s[Math.min(lo + 1, s.length - 1)] as number) - (s[lo] as number));
  };
  it.each<[string, number[], number[], number[]]>([
    ['four values', [4, 1, 3, 2], [5, 50, 95], [1.15, 2.5, 3.85]],
    ['one value', [7], [5, 50, 95], [7, 7, 7]],
    ['ties', [1, 1, 1, 2], [0, 50, 100], [1, 1, 2]],
    ['missing values ignored', [Number.NaN, 10, 0], [50], [5]],
  ])('%s', (_name, x, ps, expected) => {
    percentiles(x, ps).forEach((v, i) => expect(v).toBeCloseTo(expected[i] as number, 12));
  });
  it('agrees with sorting on random data', () => {
    const r = new Xoshiro128(3);
    for (const n of [2, 3, 10, 101, 1000]) {
      const x = Array.from({ length: n }, () => Math.floor(r.nextDouble() * 50));
      const ps = [1, 5, 25, 50, 75, 95, 99];
      expect(percentiles(x, ps)).toEqual(ps.map((p) => sorted7(x, p)));
    }
  });
});

describe('percentiles by buckets (percentilesBetween)', () => {
  const both = (x: number[], ps: number[]) => {
    const min = Math.min(...x);
    const max = Math.max(...x);
    const bucketed = percentilesBetween(Float64Array.from(x), x.length, ps, min, max, percentileScratch(x.length));
    const selected = percentilesInPlace(Float64Array.from(x), x.length, ps);
    return { bucketed, selected };
  };
  it('gives the very numbers selection gives, on spread, skewed, tied and tiny samples', () => {
    const r = new Xoshiro128(11);
    const ps = [0, 1, 5, 25, 50, 75, 95, 99, 100];
    const samples: number[][] = [
      Array.from({ length: 10_000 }, () => r.nextDouble() * 100),
      // most values in a narrow band and a few far outliers: most buckets empty, one crowded
      Array.from({ length: 5000 }, (_, i) => (i % 997 === 0 ? 1e6 * r.nextDouble() : 50 + r.nextDouble())),
      Array.from({ length: 3001 }, () => Math.floor(r.nextDouble() * 7)),
      Array.from({ length: 257 }, () => -Math.exp(10 * r.nextDouble())),
      [3, 1],
      [2, 2, 2, 5],
    ];
    for (const x of samples) {
      const { bucketed, selected } = both(x, ps);
      expect(bucketed).toEqual(selected);
      expect(bucketed).toEqual(ps.map((p) => percentiles(x, [p])[0]));
    }
  });
  it('leaves a sample it cannot bucket to selection: one value repeated, infinities', () => {
    expect(both([4, 4, 4], [5, 50]).bucketed).toEqual([4, 4]);
    const { bucketed, selected } = both([1, Infinity, 3, -Infinity, 2], [0, 50, 100]);
    expect(bucketed).toEqual(selected);
    expect(bucketed).toEqual([-Infinity, 2, Infinity]);
  });
});

describe('Saltelli design and Sobol estimators', () => {
  it('AB_i is A with the columns of factor i from B, in COINr order A, B, AB_1…AB_k', () => {
    const d = saltelliDesign(5, 4, [1, 2, 1]);
    expect(designRuns(d)).toBe(4 * 5);
    const row = new Float64Array(d.columns);
    const a = Array.from(d.a.subarray(8, 12));
    const b = Array.from(d.b.subarray(8, 12));
    expect(Array.from(designRow(d, 2, row))).toEqual(a);
    expect(Array.from(designRow(d, 4 + 2, row))).toEqual(b);
    expect(Array.from(designRow(d, 8 + 2, row))).toEqual([b[0], a[1], a[2], a[3]]);
    expect(Array.from(designRow(d, 12 + 2, row))).toEqual([a[0], b[1], b[2], a[3]]);
  });

  const estimate = (f: (x: Float64Array) => number, k: number, n: number, seed = 11) => {
    const d = saltelliDesign(seed, n, Array.from({ length: k }, () => 1));
    const row = new Float64Array(k);
    const y = Array.from({ length: designRuns(d) }, (_, run) => f(designRow(d, run, row)));
    return sobolIndices(y, n, k);
  };

  it.each<[string, number[]]>([
    ['equal coefficients', [1, 1, 1]],
    ['unequal coefficients', [1, 2, 3]],
    ['one inert factor', [4, 0, 1]],
  ])('linear model %s: S_i = S_Ti = c_i² / Σc²', (_name, c) => {
    const total = c.reduce((s, x) => s + x * x, 0);
    const s = estimate((x) => c.reduce((acc, ci, i) => acc + ci * (x[i] as number), 0), c.length, 20_000);
    c.forEach((ci, i) => {
      expect(s.first[i]).toBeCloseTo((ci * ci) / total, 1);
      expect(s.total[i]).toBeCloseTo((ci * ci) / total, 1);
      expect(Math.abs((s.first[i] as number) - (ci * ci) / total)).toBeLessThan(0.03);
      expect(Math.abs((s.total[i] as number) - (ci * ci) / total)).toBeLessThan(0.03);
    });
    // an additive model: exactly zero for an inert factor's total index (f(A) = f(AB_i))
    c.forEach((ci, i) => ci === 0 && expect(s.total[i]).toBe(0));
  });

  it('Ishigami function (a = 7, b = 0.1): the analytic indices, first order ≤ total', () => {
    const a = 7;
    const b = 0.1;
    const pi = Math.PI;
    const v = a ** 2 / 8 + (b * pi ** 4) / 5 + (b ** 2 * pi ** 8) / 18 + 0.5;
    const v1 = 0.5 * (1 + (b * pi ** 4) / 5) ** 2;
    const v2 = a ** 2 / 8;
    const vt3 = (8 * b ** 2 * pi ** 8) / 225;
    const exact = { first: [v1 / v, v2 / v, 0], total: [(v1 + vt3) / v, v2 / v, vt3 / v] };
    const s = estimate((x) => {
      const [x1, x2, x3] = Array.from(x, (u) => -pi + 2 * pi * u) as [number, number, number];
      return Math.sin(x1) + a * Math.sin(x2) ** 2 + b * x3 ** 4 * Math.sin(x1);
    }, 3, 50_000);
    for (let i = 0; i < 3; i++) {
      expect(Math.abs((s.first[i] as number) - (exact.first[i] as number))).toBeLessThan(0.03);
      expect(Math.abs((s.total[i] as number) - (exact.total[i] as number))).toBeLessThan(0.03);
      expect(s.first[i] as number).toBeLessThanOrEqual((s.total[i] as number) + 0.01);
    }
    expect(s.variance).toBeCloseTo(v, 0);
  });
});
