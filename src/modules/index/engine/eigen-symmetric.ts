/**
 * Eigen-decomposition of a small real symmetric matrix by the cyclic Jacobi method (Golub & Van Loan, "Matrix
 * Computations", §8.5). Used for PCA weights on one aggregation group at a time (a correlation matrix of a few to a
 * few dozen indicators), where Jacobi is exact to rounding, simple and dependency-free; it is O(p³) per sweep and
 * converges quadratically, so ≤ 60 × 60 takes milliseconds.
 */

export interface SymmetricEigen {
  /** Eigenvalues, largest first. */
  values: number[];
  /** `vectors[k]` is the unit eigenvector of `values[k]`. */
  vectors: number[][];
}

/** Eigenvalues and unit eigenvectors of the symmetric matrix `a` (only read, never modified), largest first. */
export function symmetricEigen(a: readonly (readonly number[])[]): SymmetricEigen {
  const p = a.length;
  const m = a.map((row) => [...row]);
  const v: number[][] = Array.from({ length: p }, (_, i) => Array.from({ length: p }, (_, j) => (i === j ? 1 : 0)));
  const at = (i: number, j: number) => (m[i] as number[])[j] as number;
  const set = (i: number, j: number, x: number) => ((m[i] as number[])[j] = x);
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    let scale = 0;
    for (let i = 0; i < p; i++) {
      scale += at(i, i) ** 2;
      for (let j = i + 1; j < p; j++) off += at(i, j) ** 2;
    }
    if (off <= 1e-30 * (scale + off) || off === 0) break;
    for (let i = 0; i < p - 1; i++) {
      for (let j = i + 1; j < p; j++) {
        const aij = at(i, j);
        if (aij === 0) continue;
        // The rotation that zeroes a[i][j]: t = tan θ, the smaller root of t² + 2τt − 1 = 0.
        const tau = (at(j, j) - at(i, i)) / (2 * aij);
        const t = (tau >= 0 ? 1 : -1) / (Math.abs(tau) + Math.sqrt(1 + tau * tau));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = t * c;
        for (let k = 0; k < p; k++) {
          const aki = at(k, i);
          const akj = at(k, j);
          set(k, i, c * aki - s * akj);
          set(k, j, s * aki + c * akj);
        }
        for (let k = 0; k < p; k++) {
          const aik = at(i, k);
          const ajk = at(j, k);
          set(i, k, c * aik - s * ajk);
          set(j, k, s * aik + c * ajk);
        }
        for (const row of v) {
          const vi = row[i] as number;
          const vj = row[j] as number;
          row[i] = c * vi - s * vj;
          row[j] = s * vi + c * vj;
        }
      }
    }
  }
  const order = Array.from({ length: p }, (_, k) => k).sort((x, y) => at(y, y) - at(x, x));
  return { values: order.map((k) => at(k, k)), vectors: order.map((k) => v.map((row) => row[k] as number)) };
}
