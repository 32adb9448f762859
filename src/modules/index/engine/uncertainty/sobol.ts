/**
 * Variance-based sensitivity: the Saltelli sampling design and the first-order and total Sobol index estimators.
 *
 * Design (A. Saltelli et al., "Variance based sensitivity analysis of model output. Design and estimator for the
 * total sensitivity index", Computer Physics Communications 181 (2010) 259–270, §3): two independent N × D sample
 * matrices A and B, and for each factor i the matrix AB_i, equal to A except for factor i's columns, taken from B.
 * The model runs N·(k + 2) times, in COINr's order (`SA_estimate`): the N rows of A, the N rows of B, then the N rows
 * of AB_1, …, AB_k. A factor may span several columns (a group of weights perturbed together); its indices are then
 * those of the group (Saltelli et al., Global Sensitivity Analysis. The Primer, Wiley 2008, §1.2.15).
 *
 * Estimators, those of COINr's `SA_estimate()`, on outputs centred by the mean of f(A) and f(B) (as SALib does: the
 * estimands are unchanged, since E[f(AB_i) − f(A)] = 0, but the first-order estimator's variance no longer grows with
 * the mean of Y):
 *  - V(Y): sample variance (n − 1) of f(A) and f(B) together;
 *  - first order S_i = mean_j f(B)_j · (f(AB_i)_j − f(A)_j) / V(Y)   (Saltelli 2010, Table 2 (b));
 *  - total S_Ti = Σ_j (f(A)_j − f(AB_i)_j)² / (2N) / V(Y)              (Jansen 1999; Saltelli 2010, Table 2 (f)).
 */
import { Xoshiro128 } from './prng.js';
import { percentilesInPlace } from './quantile.js';

export interface SaltelliDesign {
  /** Base sample size N. */
  n: number;
  /** Columns D (the sum of every factor's width). */
  columns: number;
  /** Column ranges [start, end) of each factor. */
  factorColumns: [number, number][];
  /** A and B, row-major N × D, values in [0, 1). */
  a: Float64Array;
  b: Float64Array;
}

/** Draws A then B, row by row, from one xoshiro128** stream seeded with `seed`. */
export function saltelliDesign(seed: number, n: number, factorWidths: readonly number[]): SaltelliDesign {
  const factorColumns: [number, number][] = [];
  let columns = 0;
  for (const w of factorWidths) {
    factorColumns.push([columns, columns + w]);
    columns += w;
  }
  const rng = new Xoshiro128(seed);
  const a = new Float64Array(n * columns);
  const b = new Float64Array(n * columns);
  for (let i = 0; i < a.length; i++) a[i] = rng.nextDouble();
  for (let i = 0; i < b.length; i++) b[i] = rng.nextDouble();
  return { n, columns, factorColumns, a, b };
}

/** Total runs of the design: N·(k + 2). */
export const designRuns = (d: SaltelliDesign): number => d.n * (d.factorColumns.length + 2);

/** The input row of run `run` (0-based, COINr order) written into `out` (length D). */
export function designRow(d: SaltelliDesign, run: number, out: Float64Array): Float64Array {
  const block = Math.floor(run / d.n);
  const j = run % d.n;
  const from = j * d.columns;
  // element by element rather than `set(subarray(…))`: called once per run, it allocates nothing
  const source = block === 1 ? d.b : d.a;
  for (let c = 0; c < d.columns; c++) out[c] = source[from + c] as number;
  if (block === 1) return out;
  if (block >= 2) {
    const [start, end] = d.factorColumns[block - 2] as [number, number];
    for (let c = start; c < end; c++) out[c] = d.b[from + c] as number;
  }
  return out;
}

export interface SobolIndices {
  variance: number;
  /** Per factor; NaN when V(Y) is zero or an output is missing. */
  first: number[];
  total: number[];
}

/**
 * Indices from the N·(k + 2) outputs `y` in design order, read with a stride (`y[offset + run·stride]`) so that one
 * row of a run-major matrix can be analysed in place.
 */
export function sobolIndices(y: ArrayLike<number>, n: number, k: number, stride = 1, offset = 0): SobolIndices {
  const at = (run: number) => y[offset + run * stride] as number;
  let mean = 0;
  for (let j = 0; j < 2 * n; j++) mean += at(j);
  mean /= 2 * n;
  let ss = 0;
  for (let j = 0; j < 2 * n; j++) ss += (at(j) - mean) ** 2;
  const variance = ss / (2 * n - 1);
  const first: number[] = [];
  const total: number[] = [];
  for (let i = 0; i < k; i++) {
    let s = 0;
    let t = 0;
    const base = (2 + i) * n;
    for (let j = 0; j < n; j++) {
      const ya = at(j) - mean;
      const yb = at(n + j) - mean;
      const yab = at(base + j) - mean;
      s += yb * (yab - ya);
      t += (ya - yab) ** 2;
    }
    first.push(variance > 0 ? s / n / variance : Number.NaN);
    total.push(variance > 0 ? t / (2 * n) / variance : Number.NaN);
  }
  return { variance, first, total };
}

/** A confidence interval [low, high] of an index; null ends where too few resamples had a defined index. */
export interface SobolInterval {
  low: number | null;
  high: number | null;
}

export interface SobolIntervals {
  /** Confidence level, e.g. 0.95. */
  level: number;
  resamples: number;
  first: SobolInterval[];
  total: SobolInterval[];
}

/** Resamples of the bootstrap: SALib uses 100 and COINr 1000 (`SA_estimate`'s `Nboot`); 1000 steadies 2.5 % tails. */
export const SOBOL_RESAMPLES = 1000;
export const SOBOL_LEVEL = 0.95;

/**
 * Percentile bootstrap confidence intervals of the indices of `sobolIndices` (COINr's `SA_estimate` with `Nboot`,
 * SALib's `calc_second_order=False` analysis): the N base samples j are drawn with replacement, each keeping its
 * whole run tuple (A_j, B_j, AB_1,j … AB_k,j) as the estimators pair them, and the indices recomputed on each
 * resample. With few runs an estimate can be negative or above one by noise alone; its interval shows how much.
 * Deterministic: the resamples come from their own xoshiro128** stream, seeded from the design's seed offset by 2^32
 * so that it never replays the design's draws.
 */
export function sobolBootstrap(
  y: ArrayLike<number>, n: number, k: number, seed: number,
  options: { resamples?: number; level?: number; stride?: number; offset?: number } = {},
): SobolIntervals {
  const { resamples = SOBOL_RESAMPLES, level = SOBOL_LEVEL, stride = 1, offset = 0 } = options;
  // Each base sample's run tuple (A_j, B_j, AB_1,j … AB_k,j) side by side: a resample reads one tuple per draw.
  const width = k + 2;
  const tuples = new Float64Array(width * n);
  for (let j = 0; j < n; j++) for (let b = 0; b < width; b++) tuples[j * width + b] = y[offset + (b * n + j) * stride] as number;
  const rng = new Xoshiro128(BigInt(seed) + (1n << 32n));
  const pickRow = new Int32Array(n);
  const firsts = Array.from({ length: k }, () => new Float64Array(resamples));
  const totals = Array.from({ length: k }, () => new Float64Array(resamples));
  let defined = 0;
  for (let b = 0; b < resamples; b++) {
    for (let j = 0; j < n; j++) pickRow[j] = Math.min(n - 1, Math.floor(rng.nextDouble() * n)) * width;
    let mean = 0;
    for (let j = 0; j < n; j++) mean += (tuples[pickRow[j] as number] as number) + (tuples[(pickRow[j] as number) + 1] as number);
    mean /= 2 * n;
    let ss = 0;
    for (let j = 0; j < n; j++) ss += ((tuples[pickRow[j] as number] as number) - mean) ** 2 + ((tuples[(pickRow[j] as number) + 1] as number) - mean) ** 2;
    const variance = ss / (2 * n - 1);
    // A resample whose outputs are all equal (or missing) has no indices: it is left out of the percentiles.
    if (!(variance > 0)) continue;
    for (let i = 0; i < k; i++) {
      let s = 0;
      let t = 0;
      for (let j = 0; j < n; j++) {
        const at = pickRow[j] as number;
        const ya = (tuples[at] as number) - mean;
        const yb = (tuples[at + 1] as number) - mean;
        const yab = (tuples[at + 2 + i] as number) - mean;
        s += yb * (yab - ya);
        t += (ya - yab) ** 2;
      }
      (firsts[i] as Float64Array)[defined] = s / n / variance;
      (totals[i] as Float64Array)[defined] = t / (2 * n) / variance;
    }
    defined++;
  }
  const tails = [(100 * (1 - level)) / 2, 100 - (100 * (1 - level)) / 2];
  const interval = (values: Float64Array): SobolInterval => {
    // Fewer defined resamples than half of them: the interval would describe the noise of a degenerate output.
    if (defined < resamples / 2) return { low: null, high: null };
    const [low, high] = percentilesInPlace(values, defined, tails) as [number, number];
    return { low: Number.isFinite(low) ? low : null, high: Number.isFinite(high) ? high : null };
  };
  return { level, resamples, first: firsts.map(interval), total: totals.map(interval) };
}
