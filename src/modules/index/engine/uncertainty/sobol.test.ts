/**
 * The bootstrap confidence intervals of the Sobol estimators, on a model whose indices are known exactly:
 * Y = X1 + 2·X2 + 0.1·X3 with X1, X2, X3 uniform on [0, 1): additive, so S_i = ST_i = c_i² / Σ c² (1, 4 and 0.01
 * over 5.01). X3 barely matters: with 100 base samples its first-order estimate is noise around 0.
 */
import { describe, expect, it } from 'vitest';
import { designRow, designRuns, saltelliDesign, sobolBootstrap, sobolIndices } from './sobol.js';

function outputs(seed: number, n: number): Float64Array {
  const design = saltelliDesign(seed, n, [1, 1, 1]);
  const row = new Float64Array(design.columns);
  return Float64Array.from({ length: designRuns(design) }, (_, run) => {
    designRow(design, run, row);
    return (row[0] as number) + 2 * (row[1] as number) + 0.1 * (row[2] as number);
  });
}

describe('bootstrap intervals of the Sobol indices', () => {
  const n = 100;
  const y = outputs(11, n);
  const estimates = sobolIndices(y, n, 3);
  const ci = sobolBootstrap(y, n, 3, 11);

  it('are reproducible from the seed, and differ with another seed', () => {
    expect(sobolBootstrap(y, n, 3, 11)).toEqual(ci);
    expect(sobolBootstrap(y, n, 3, 12).first).not.toEqual(ci.first);
  });

  it('cover the true indices, which the estimates alone miss', () => {
    const truth = [1 / 5.01, 4 / 5.01, 0.01 / 5.01];
    truth.forEach((s, i) => {
      expect(ci.first[i]?.low as number).toBeLessThanOrEqual(s);
      expect(ci.first[i]?.high as number).toBeGreaterThanOrEqual(s);
      expect(ci.total[i]?.low as number).toBeLessThanOrEqual(s);
      expect(ci.total[i]?.high as number).toBeGreaterThanOrEqual(s);
    });
    expect(estimates.first.some((s, i) => s !== truth[i])).toBe(true);
  });

  it('show a factor that barely matters as noise around 0: its first-order interval straddles 0', () => {
    const first = ci.first[2];
    expect(first?.low as number).toBeLessThan(0);
    expect(first?.high as number).toBeGreaterThan(0);
    expect(ci.total[2]?.high as number).toBeLessThan(0.01);
  });

  it('are [0, 0] for a factor that changes nothing (f(AB_i) = f(A) in every run)', () => {
    const inert = Float64Array.from(y, (v, run) => (run >= 4 * n ? (y[run - 4 * n] as number) : v));
    expect(sobolBootstrap(inert, n, 3, 11).first[2]).toEqual({ low: 0, high: 0 });
  });

  it('are null when the output never varies', () => {
    const flat = new Float64Array(5 * n).fill(3);
    expect(sobolBootstrap(flat, n, 3, 1).first).toEqual([{ low: null, high: null }, { low: null, high: null }, { low: null, high: null }]);
  });
});
