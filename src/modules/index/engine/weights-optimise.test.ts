import { describe, expect, it } from 'vitest';
import { nelderMead } from './nelder-mead.js';
import { optimiseWeights, pearson } from './weights-optimise.js';

describe('nelderMead (R optim "Nelder-Mead")', () => {
  const rosenbrock = (x: number[]) => 100 * ((x[1] as number) - (x[0] as number) ** 2) ** 2 + (1 - (x[0] as number)) ** 2;

  it('reproduces R’s documented result on Rosenbrock’s function', () => {
    // R ?optim example: optim(c(-1.2, 1), fr) with the defaults (reltol = sqrt(.Machine$double.eps), maxit = 500)
    // prints $par 1.000260 1.000506, $value 8.825241e-08, $counts function 195.
    const r = nelderMead(rosenbrock, [-1.2, 1], { reltol: Math.sqrt(Number.EPSILON), maxit: 500 });
    expect(r.par.map((p) => p.toFixed(6))).toEqual(['1.000260', '1.000506']);
    expect(r.value.toExponential(6)).toBe('8.825241e-8');
    expect(r.evaluations).toBe(195);
    expect(r.converged).toBe(true);
  });

  it('reports no convergence when it runs out of evaluations (R convergence = 1)', () => {
    const r = nelderMead(rosenbrock, [-1.2, 1], { reltol: 1e-8, maxit: 50 });
    expect(r.converged).toBe(false);
    expect(r.evaluations).toBeGreaterThan(50);
  });
});

describe('pearson (pairwise complete)', () => {
  it.each<[(number | null)[], (number | null)[], number]>([
    [[1, 2, 3, 4, 5], [2, 1, 4, 3, 5], 0.8],
    [[1, 2, null, 3, 4, 5, 9], [2, 1, 7, 4, 3, 5, null], 0.8],
    [[1, 2, 3], [-1, -2, -3], -1],
  ])('r(%j, %j) = %d', (x, y, r) => expect(pearson(x, y)).toBeCloseTo(r, 14));
  it('is NaN for a constant series', () => expect(pearson([1, 2, 3], [4, 4, 4])).toBeNaN());
});

describe('optimiseWeights', () => {
  // Two children whose correlation with the aggregate grows with their own weight: c_i = w_i / (w_1 + k w_2) style.
  const correlationsOf = (w: number[]) => [0.9 * (w[0] as number) + 0.1, 0.5 * (w[1] as number) + 0.2];

  it('balance: equalises the correlations within the tolerance and returns weights summing to 1', () => {
    const r = optimiseWeights(correlationsOf, [1, 1], { optype: 'balance', toler: 1e-12, maxiter: 2000 });
    expect(r.converged).toBe(true);
    expect(Math.abs((r.correlations[0] as number) - (r.correlations[1] as number))).toBeLessThan(1e-6);
    expect((r.weights[0] as number) + (r.weights[1] as number)).toBeCloseTo(1, 14);
    // 0.9 w + 0.1 = 0.5 (1 − w) + 0.2 ⇒ w = 0.6 / 1.4.
    expect(r.weights[0]).toBeCloseTo(0.6 / 1.4, 5);
    expect(r.targets).toEqual([0.5, 0.5]);
  });

  it('returns a start that is already perfectly balanced as it is (R’s optim refuses log 0)', () => {
    const r = optimiseWeights(() => [0.7, 0.7], [2, 1], { optype: 'balance', toler: 0.1, maxiter: 500 });
    expect(r).toMatchObject({ weights: [0.5, 0.5], evaluations: 1, converged: true });
  });
});
