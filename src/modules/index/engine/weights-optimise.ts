/**
 * Correlation-optimised weights, as COINr `get_opt_weights()` (R/weights.R) computes them: the weights `w` of the
 * nodes of one level are searched with Nelder–Mead (`stats::optim` defaults, see nelder-mead.ts), each candidate
 * rescaled to `w / Σw`, the index re-aggregated, and the Pearson correlation of every node with the index measured:
 *  - `balance` (COINr default): minimise `log(Σ (t − c/Σc)² / n)` with equal target importances t = 1/n, so every
 *    node ends up equally correlated with the index; the search starts from t;
 *  - `infomax`: minimise `−Σ c` (the most information passed to the index); the search starts from the current weights.
 * The defaults are COINr's: `toler` 0.1 (R `reltol`) and `maxiter` 500 function evaluations. The result is rescaled
 * to sum to 1, as COINr does. Agreement with R's optim is to the tolerance, not bit for bit.
 */
import { nelderMead } from './nelder-mead.js';
import { mean } from './stats.js';

export type OptimisationType = 'balance' | 'infomax';

export interface OptimiseSettings {
  optype: OptimisationType;
  toler: number;
  maxiter: number;
}

export interface OptimisedWeights {
  /** Optimised weights, summing to 1, in the order of the nodes. */
  weights: number[];
  /** Correlation of each node with the index at those weights. */
  correlations: number[];
  /** Equal target importances for `balance`, null for `infomax`. */
  targets: number[] | null;
  objective: number;
  evaluations: number;
  converged: boolean;
}

/** Pearson correlation over the rows where both values are present (R `cor(use = "pairwise.complete.obs")`); NaN when undefined. */
export function pearson(x: readonly (number | null)[], y: readonly (number | null)[]): number {
  const a: number[] = [];
  const b: number[] = [];
  x.forEach((v, i) => {
    const u = y[i];
    if (v !== null && u !== null && u !== undefined) {
      a.push(v);
      b.push(u);
    }
  });
  if (a.length < 2) return Number.NaN;
  const ma = mean(a);
  const mb = mean(b);
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  a.forEach((v, i) => {
    const da = v - ma;
    const db = (b[i] as number) - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  });
  return sab / Math.sqrt(saa * sbb);
}

/**
 * Optimises the weights of `start.length` nodes; `correlationsOf(w)` re-aggregates with weights `w` (summing to 1)
 * and returns each node's correlation with the index. A start that is already perfectly balanced (objective −∞, which
 * R's optim refuses) is returned as it is.
 */
export function optimiseWeights(correlationsOf: (w: number[]) => number[], current: readonly number[], settings: OptimiseSettings): OptimisedWeights {
  const n = current.length;
  const targets = settings.optype === 'balance' ? new Array<number>(n).fill(1 / n) : null;
  const rescale = (w: readonly number[]) => {
    const s = w.reduce((a, b) => a + b, 0);
    return w.map((x) => x / s);
  };
  const objectiveOf = (c: number[]): number => {
    if (targets === null) return -c.reduce((a, b) => a + b, 0);
    const s = c.reduce((a, b) => a + b, 0);
    return Math.log(c.reduce((acc, x, i) => acc + ((targets[i] as number) - x / s) ** 2, 0) / n);
  };
  const start = targets ?? [...current];
  const f0 = objectiveOf(correlationsOf(rescale(start)));
  const search =
    f0 === -Infinity
      ? { par: start, evaluations: 1, converged: true }
      : nelderMead((w) => objectiveOf(correlationsOf(rescale(w))), start, { reltol: settings.toler, maxit: settings.maxiter });
  const weights = rescale(search.par);
  const correlations = correlationsOf(weights);
  return { weights, correlations, targets, objective: objectiveOf(correlations), evaluations: search.evaluations, converged: search.converged };
}
