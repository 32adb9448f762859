import { describe, expect, it } from 'vitest';
import { EngineError } from './data-table.js';
import { symmetricEigen } from './eigen-symmetric.js';
import { pcaWeights } from './weights-pca.js';

const S2 = Math.SQRT1_2;

describe('symmetricEigen (cyclic Jacobi)', () => {
  it.each<[string, number[][], number[], number[]]>([
    ['[[2,1],[1,2]]', [[2, 1], [1, 2]], [3, 1], [S2, S2]],
    // Second-difference matrix: eigenvalues 2 + √2, 2, 2 − √2; the top eigenvector is (1, −√2, 1) / 2.
    ['the 3×3 second-difference matrix', [[2, -1, 0], [-1, 2, -1], [0, -1, 2]], [2 + Math.SQRT2, 2, 2 - Math.SQRT2], [0.5, -S2, 0.5]],
    ['a diagonal matrix', [[1, 0, 0], [0, 5, 0], [0, 0, 3]], [5, 3, 1], [0, 1, 0]],
  ])('decomposes %s: eigenvalues largest first and the known top eigenvector', (_n, a, values, top) => {
    const eig = symmetricEigen(a);
    eig.values.forEach((v, k) => expect(v).toBeCloseTo(values[k] as number, 12));
    const v1 = eig.vectors[0] as number[];
    const sign = Math.sign(v1.find((x) => Math.abs(x) > 1e-9) as number) * Math.sign(top.find((x) => Math.abs(x) > 1e-9) as number);
    v1.forEach((x, i) => expect(sign * x).toBeCloseTo(top[i] as number, 12));
    // A v = λ v for every pair.
    eig.vectors.forEach((v, k) => a.forEach((row, i) => expect(row.reduce((s, x, j) => s + x * (v[j] as number), 0)).toBeCloseTo((eig.values[k] as number) * (v[i] as number), 12)));
  });
});

describe('pcaWeights (COINr get_PCA: PC1 loadings of prcomp(scale = TRUE) on complete rows)', () => {
  const x = [1, 2, 3, 4, 5];
  const y = [2, 1, 4, 3, 5];
  // r(x, y) = 0.8 (by hand: Σdxdy = 8, Σdx² = 10, Σdy² = 10); PC1 of [[1, r], [r, 1]] is (1, 1)/√2 with λ = 1 + r.
  it.each<[string, (number | null)[][], number[], number]>([
    ['two positively correlated columns', [x, y], [S2, S2], 0.9],
    ['perfectly (anti-)correlated columns: (1, 1, −1)/√3, one component explains all', [[1, 2, 3, 4], [2, 4, 6, 8], [4, 3, 2, 1]], [1 / Math.sqrt(3), 1 / Math.sqrt(3), -1 / Math.sqrt(3)], 1],
    ['the same columns in another order keep the sign convention (loadings sum > 0)', [[4, 3, 2, 1], [1, 2, 3, 4], [2, 4, 6, 8]], [-1 / Math.sqrt(3), 1 / Math.sqrt(3), 1 / Math.sqrt(3)], 1],
    ['anti-correlated pair (r = −0.8): PC1 is (1, −1)/√2, loadings sum to 0, so the first is made positive', [x, y.map((v) => -v)], [S2, -S2], 0.9],
    ['one child: weight 1 whatever the data', [[3, null, 3]], [1], 1],
  ])('%s', (_n, columns, weights, varianceExplained) => {
    const r = pcaWeights(columns, columns.map((_, i) => `i${i}`), 'G');
    r.weights.forEach((w, i) => expect(w).toBeCloseTo(weights[i] as number, 12));
    expect(r.varianceExplained).toBeCloseTo(varianceExplained, 12);
  });

  it('drops the rows with a missing child value, as COINr na.omit does, and says how many', () => {
    const r = pcaWeights([[...x, 7], [...y, null]], ['a', 'b'], 'G');
    expect({ used: r.rowsUsed, dropped: r.rowsDropped }).toEqual({ used: 5, dropped: 1 });
    r.weights.forEach((w) => expect(w).toBeCloseTo(S2, 12));
    expect(r.varianceExplained).toBeCloseTo(0.9, 12);
  });

  it.each<[string, (number | null)[][], string]>([
    ['a constant column', [[1, 2, 3], [5, 5, 5]], 'aggregate.weighting.pca.constant'],
    ['fewer than two complete rows', [[1, null, 3], [null, 2, 5]], 'aggregate.weighting.pca.rows'],
  ])('stops on %s, naming the group', (_n, columns, code) => {
    const run = () => pcaWeights(columns, ['a', 'b'], 'Pillar 9');
    expect(run).toThrow(EngineError);
    expect(run).toThrow(/Pillar 9/);
    try {
      run();
    } catch (error) {
      expect((error as EngineError).code).toBe(code);
    }
  });
});
