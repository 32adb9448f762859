/**
 * Nelder–Mead minimisation with the rules and defaults of R's `stats::optim(method = "Nelder-Mead")` (Nash, "Compact
 * Numerical Methods for Computers", 2nd ed., algorithm 19, as R uses it), which COINr `get_opt_weights()` calls:
 *  - reflection α = 1, contraction β = 0.5, expansion γ = 2;
 *  - the start simplex adds to one coordinate at a time a step of 10 % of the largest |x₀ᵢ| (0.1 if x₀ = 0);
 *  - it stops when the spread of the simplex values falls to `reltol · (|f(x₀)| + reltol)` (converged), when a
 *    shrink no longer reduces the simplex, or after `maxit` function evaluations (not converged);
 *  - a non-finite value counts as 1e35, so the search walks away from it (the start must be finite).
 * It is deterministic: the same function and start give the same result. Agreement with R is to the tolerance, not
 * bit for bit (floating-point sums in the objective may differ in the last places and send the simplex another way).
 */
import { EngineError } from './data-table.js';

export interface NelderMeadOptions {
  /** Relative convergence tolerance (R `reltol`). */
  reltol: number;
  /** Maximum number of function evaluations (R `maxit`). */
  maxit: number;
}

export interface NelderMeadResult {
  par: number[];
  value: number;
  evaluations: number;
  /** R `convergence == 0`: stopped on the tolerance, not on `maxit` or a failed shrink. */
  converged: boolean;
}

const BIG = 1e35;

export function nelderMead(fn: (x: number[]) => number, x0: readonly number[], { reltol, maxit }: NelderMeadOptions): NelderMeadResult {
  const n = x0.length;
  const f0 = fn([...x0]);
  if (!Number.isFinite(f0)) throw new EngineError('optimise.start.non_finite', 'the objective cannot be evaluated at the starting weights');
  const evaluate = (x: number[]) => {
    evaluations++;
    const f = fn(x);
    return Number.isFinite(f) ? f : BIG;
  };
  let evaluations = 1;
  const convtol = reltol * (Math.abs(f0) + reltol);
  const step = Math.max(...x0.map((x) => 0.1 * Math.abs(x))) || 0.1;
  // Vertices and their values; vertex 0 is the start.
  const pts: number[][] = [[...x0]];
  const vals: number[] = [f0];
  let size = 0;
  for (let j = 0; j < n; j++) {
    const x = [...x0];
    let trial = step;
    while (x[j] === x0[j]) {
      x[j] = (x0[j] as number) + trial;
      trial *= 10;
    }
    size += trial;
    pts.push(x);
    vals.push(Number.NaN);
  }
  let oldSize = size;
  let recompute = true;
  let best = 0;
  let fail = false;
  for (;;) {
    if (recompute) {
      for (let j = 0; j <= n; j++) if (j !== best) vals[j] = evaluate(pts[j] as number[]);
      recompute = false;
    }
    let worst = best;
    let vl = vals[best] as number;
    let vh = vl;
    for (let j = 0; j <= n; j++) {
      if (j === best) continue;
      const f = vals[j] as number;
      if (f < vl) {
        best = j;
        vl = f;
      }
      if (f > vh) {
        worst = j;
        vh = f;
      }
    }
    if (vh <= vl + convtol) break;
    const hi = pts[worst] as number[];
    const centroid = Array.from({ length: n }, (_, i) => (pts.reduce((s, p) => s + (p[i] as number), 0) - (hi[i] as number)) / n);
    const reflected = centroid.map((c, i) => 2 * c - (hi[i] as number));
    const vr = evaluate(reflected);
    if (vr < vl) {
      const expanded = reflected.map((r, i) => 2 * r - (centroid[i] as number));
      const ve = evaluate(expanded);
      pts[worst] = ve < vr ? expanded : reflected;
      vals[worst] = ve < vr ? ve : vr;
    } else {
      if (vr < vh) {
        pts[worst] = reflected;
        vals[worst] = vr;
      }
      const h = pts[worst] as number[];
      const contracted = h.map((x, i) => 0.5 * x + 0.5 * (centroid[i] as number));
      const vc = evaluate(contracted);
      if (vc < (vals[worst] as number)) {
        pts[worst] = contracted;
        vals[worst] = vc;
      } else if (vr >= vh) {
        // Shrink every vertex halfway towards the best one.
        const lo = pts[best] as number[];
        size = 0;
        for (let j = 0; j <= n; j++) {
          if (j === best) continue;
          pts[j] = (pts[j] as number[]).map((x, i) => 0.5 * (x - (lo[i] as number)) + (lo[i] as number));
          size += (pts[j] as number[]).reduce((s, x, i) => s + Math.abs(x - (lo[i] as number)), 0);
        }
        if (size >= oldSize) {
          fail = true;
          break;
        }
        oldSize = size;
        recompute = true;
      }
    }
    if (evaluations > maxit) break;
  }
  return { par: [...(pts[best] as number[])], value: vals[best] as number, evaluations, converged: !fail && evaluations <= maxit };
}
