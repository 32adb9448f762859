/**
 * The fast re-aggregation kernel of the Monte Carlo runs. `aggregateRun` reproduces `aggregate()` (aggregate.ts)
 * operation for operation (same summation order, same missing-value and threshold rules), so a run gives the very
 * numbers `runPipeline` would give with the same configuration (tested).
 */
import { EngineError } from '../data-table.js';
import type { Model } from './model.js';

/** Scratch buffers of one evaluator (allocated once per worker). */
export interface Scratch {
  /** Aggregate values, aggregate-major: aggregate a (in `Model.aggregates` order), row r at a·nRows + r. */
  out: Float64Array;
  /** Natural logarithms of geometric aggregates, same layout (kept so that a geometric parent needs no log(exp(·))). */
  outLog: Float64Array;
  /** Per time slice (concatenated), row order of the previous ranking: a warm start for the next one. */
  order: Int32Array;
  srcs: Float64Array[];
  offs: Int32Array;
  ws: Float64Array;
}

export function scratchFor(model: Model): Scratch {
  const n = model.nRows;
  const most = Math.max(1, ...model.aggregates.map((a) => a.children.length));
  return {
    out: new Float64Array(model.aggregates.length * n), outLog: new Float64Array(model.aggregates.length * n),
    order: Int32Array.from(model.slices.flat()), srcs: [], offs: new Int32Array(most), ws: new Float64Array(most),
  };
}

/**
 * Aggregates one run: `aggregate()` of aggregate.ts on flat arrays, row by row, children in iMeta order. Arithmetic
 * and harmonic means are computed with the engine's very operations (equal bit for bit). Geometric means are
 * exp(Σ w·log x / Σ w) as in the engine, with two shortcuts that change results by at most a few ulps (~1e-15
 * relative): indicator logarithms are precomputed, and a geometric parent takes its geometric children's logarithm
 * directly instead of log(exp(·)); the exponential is taken only where a value is needed. `aggregates` may be a pruned
 * tree (leave-one-out); `variant` indexes `model.variants`. Writes scratch.out (and outLog); throws where the engine
 * throws (geometric on x ≤ 0, harmonic on 0) for a row it aggregates.
 */
export function aggregateRun(
  model: Model, aggregates: Model['aggregates'], variant: number, methods: Uint8Array, weights: Float64Array, s: Scratch,
): void {
  const n = model.nRows;
  const nInd = model.nIndicators;
  const { out, outLog, srcs, offs, ws } = s;
  const values = model.variants[variant] as Float64Array;
  const logs = model.logVariants[variant];
  for (let a = 0; a < aggregates.length; a++) {
    const agg = aggregates[a] as Model['aggregates'][number];
    const m = methods[a] as number;
    const kids = agg.children;
    const nk = kids.length;
    // For a geometric mean, `logged` = every child's logarithm is at hand (precomputed, or a geometric child's).
    let logged = m === 1;
    for (let k = 0; k < nk; k++) {
      const c = kids[k] as number;
      const indicator = c < nInd;
      const childGeometric = !indicator && methods[c - nInd] === 1;
      if (m === 1 && !((indicator && logs) || childGeometric)) logged = false;
      offs[k] = indicator ? c * n : (c - nInd) * n;
      ws[k] = weights[c] as number;
      srcs[k] = indicator ? values : out;
    }
    if (logged) {
      for (let k = 0; k < nk; k++) srcs[k] = (kids[k] as number) < nInd ? (logs as Float64Array) : outLog;
    }
    const base = (agg.node - nInd) * n;
    const thresh = agg.datThresh;
    const hasThresh = thresh === thresh;
    const parent = agg.parent;
    const needValue = parent < 0 || methods[parent] !== 1 || model.targets.includes(agg.node);
    for (let r = 0; r < n; r++) {
      let sw = 0;
      let acc = 0;
      let cnt = 0;
      let bad = false;
      // One loop per method (not one loop with a branch per cell): this is the innermost loop of every run.
      if (m === 0) {
        for (let k = 0; k < nk; k++) {
          const v = (srcs[k] as Float64Array)[(offs[k] as number) + r] as number;
          if (v !== v) continue;
          const w = ws[k] as number;
          sw += w;
          cnt++;
          acc += w * v;
        }
      } else if (m === 1) {
        for (let k = 0; k < nk; k++) {
          const v = (srcs[k] as Float64Array)[(offs[k] as number) + r] as number;
          if (v !== v) continue;
          const w = ws[k] as number;
          sw += w;
          cnt++;
          if (logged) acc += w * v;
          else if (v <= 0) bad = true;
          else acc += w * Math.log(v);
        }
      } else {
        for (let k = 0; k < nk; k++) {
          const v = (srcs[k] as Float64Array)[(offs[k] as number) + r] as number;
          if (v !== v) continue;
          const w = ws[k] as number;
          sw += w;
          cnt++;
          if (v === 0) bad = true;
          else acc += w / v;
        }
      }
      if ((hasThresh && cnt / nk < thresh) || cnt === 0) {
        out[base + r] = Number.NaN;
        outLog[base + r] = Number.NaN;
        continue;
      }
      if (bad) {
        const where = `${model.nodeCodes[agg.node]}, ${model.units[r]?.uCode}`;
        throw m === 1
          ? new EngineError('aggregate.geometric.non_positive', `geometric mean needs positive values (${where})`)
          : new EngineError('aggregate.harmonic.zero', `harmonic mean needs non-zero values (${where})`);
      }
      if (m === 1) {
        const lg = acc / sw;
        const v = needValue ? Math.exp(lg) : 1;
        const ok = Number.isFinite(v) && Number.isFinite(lg);
        out[base + r] = ok ? v : Number.NaN;
        outLog[base + r] = ok ? lg : Number.NaN;
      } else {
        const v = m === 0 ? acc / sw : sw / acc;
        out[base + r] = Number.isFinite(v) ? v : Number.NaN;
      }
    }
  }
}

/**
 * Ranks of one aggregate within each time point, 1 = highest, ties sharing the lowest rank (COINr `rank_df`, the
 * engine's `rankMin` of −score). Each slice's rows are kept in scratch.order, sorted by insertion from the previous
 * run's order: runs differ little, so this is close to linear. Writes into `ranks` at `offset` (0 = missing).
 */
export function rankRun(model: Model, scores: Float64Array, from: number, ranks: Int32Array, offset: number, s: Scratch): void {
  const order = s.order;
  let start = 0;
  // `before(a, b)`: a ranks ahead of b (higher score; missing last)
  for (const rows of model.slices) {
    const end = start + rows.length;
    for (let i = start + 1; i < end; i++) {
      const row = order[i] as number;
      const v = scores[from + row] as number;
      let j = i - 1;
      while (j >= start) {
        const u = scores[from + (order[j] as number)] as number;
        // move left while the current value beats the one before it
        if (v > u || (u !== u && v === v)) {
          order[j + 1] = order[j] as number;
          j--;
        } else break;
      }
      order[j + 1] = row;
    }
    let previous = Number.NaN;
    let rank = 0;
    for (let i = start; i < end; i++) {
      const row = order[i] as number;
      const v = scores[from + row] as number;
      if (v !== v) {
        ranks[offset + row] = 0;
        continue;
      }
      if (v !== previous) rank = i - start + 1;
      previous = v;
      ranks[offset + row] = rank;
    }
    start = end;
  }
}

/** The nominal scores and ranks of every aggregate of the model (base configuration). */
export function nominalRun(model: Model, scratch: Scratch = scratchFor(model)): { scores: Float64Array[]; ranks: Int32Array[] } {
  const n = model.nRows;
  aggregateRun(model, model.aggregates, model.nominalVariant, model.nominalMethods, model.baseWeights, scratch);
  const scores = model.targets.map((node) => scratch.out.slice((node - model.nIndicators) * n, (node - model.nIndicators + 1) * n));
  const ranks = scores.map((s) => {
    const r = new Int32Array(n);
    rankRun(model, s, 0, r, 0, scratch);
    return r;
  });
  return { scores, ranks };
}
