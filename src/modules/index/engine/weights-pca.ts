/**
 * PCA weights of one aggregation group, as COINr `get_PCA()` (R/PCA.R) computes them: the rows with a missing
 * value in any of the group's children are removed (`stats::na.omit`), then `stats::prcomp(x, center = TRUE,
 * scale = TRUE)` — i.e. PCA of the correlation matrix — and the weights are the loadings of the first principal
 * component (`rotation[, 1]`), not rescaled (aggregation makes weights relative within the parent anyway).
 *
 * One deliberate addition: prcomp's sign of PC1 is arbitrary (LAPACK's choice), so COINr's weights may come out
 * all negative. Here PC1 is oriented so that its loadings sum to a positive number (the first non-zero loading
 * positive on a tie), which keeps the aggregate increasing with its children. Loadings that stay negative after
 * that (a child anti-correlated with the rest) are kept, as COINr keeps them, and listed by the caller.
 */
import { EngineError } from './data-table.js';
import { symmetricEigen } from './eigen-symmetric.js';
import { mean, sd } from './stats.js';

export interface PcaWeights {
  /** PC1 loadings, in the order of the columns given (unit length, oriented as above). */
  weights: number[];
  /** Share of the total variance carried by PC1: λ₁ / p (prcomp `sdev[1]^2 / sum(sdev^2)`). */
  varianceExplained: number;
  /** Complete rows used, and rows dropped for a missing value. */
  rowsUsed: number;
  rowsDropped: number;
}

/**
 * PC1 loadings of the columns (`columns[j][r]` = child j, row r). One column gives weight 1 without looking at the
 * data (any weight gives the same aggregate). Throws EngineError when fewer than two complete rows remain or a column
 * is constant on them (prcomp stops: "cannot rescale a constant/zero column to unit variance"); `where` names the group.
 */
export function pcaWeights(columns: readonly (readonly (number | null)[])[], codes: readonly string[], where: string): PcaWeights {
  const p = columns.length;
  const nRows = columns[0]?.length ?? 0;
  const complete: number[] = [];
  for (let r = 0; r < nRows; r++) if (columns.every((c) => c[r] !== null && c[r] !== undefined)) complete.push(r);
  const n = complete.length;
  if (p === 1) return { weights: [1], varianceExplained: 1, rowsUsed: n, rowsDropped: nRows - n };
  if (n < 2) throw new EngineError('aggregate.weighting.pca.rows', `PCA weights of ${where} need at least 2 rows with all of ${codes.join(', ')} present; there are ${n}`);
  const z = columns.map((c, j) => {
    const x = complete.map((r) => c[r] as number);
    const m = mean(x);
    const s = sd(x);
    if (!(s > 0)) throw new EngineError('aggregate.weighting.pca.constant', `PCA weights of ${where}: ${codes[j]} is constant on the ${n} complete rows`);
    return x.map((v) => (v - m) / s);
  });
  const corr = z.map((zi) => z.map((zj) => zi.reduce((acc, v, k) => acc + v * (zj[k] as number), 0) / (n - 1)));
  const { values, vectors } = symmetricEigen(corr);
  const pc1 = vectors[0] as number[];
  const total = pc1.reduce((a, b) => a + b, 0);
  const firstNonZero = pc1.find((x) => Math.abs(x) > 1e-12) ?? 1;
  const sign = Math.abs(total) > 1e-12 ? Math.sign(total) : Math.sign(firstNonZero);
  const trace = values.reduce((a, b) => a + b, 0);
  return { weights: pc1.map((x) => sign * x), varianceExplained: (values[0] as number) / trace, rowsUsed: n, rowsDropped: nRows - n };
}
