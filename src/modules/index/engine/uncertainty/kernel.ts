/**
 * The fast re-aggregation kernel of the Monte Carlo runs. `aggregateRun` reproduces `aggregate()` (aggregate.ts)
 * operation for operation (same summation order, same missing-value and threshold rules), so a run gives the very
 * numbers `runPipeline` would give with the same configuration (tested).
 */
import { EngineError } from '../data-table.js';
import type { Model } from './model.js';

/** Scratch buffers of one evaluator (allocated once per worker, reused by every run: no allocation per run). */
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
  /** Per row of the aggregate being built: running sum, sum of the weights of present children, their count, a bad value met. */
  acc: Float64Array;
  sw: Float64Array;
  cnt: Int32Array;
  bad: Uint8Array;
  /** complete[v][i] = 1 when indicator i of variant v has no missing value (then no row needs the missing-value checks). */
  complete: Uint8Array[];
  /** outComplete[a] = 1 when aggregate a got a value in every row of the current run. */
  outComplete: Uint8Array;
}

export function scratchFor(model: Model): Scratch {
  const n = model.nRows;
  const most = Math.max(1, ...model.aggregates.map((a) => a.children.length));
  const complete = model.variants.map((values) => {
    const flags = new Uint8Array(model.nIndicators);
    for (let i = 0; i < model.nIndicators; i++) {
      let full = 1;
      for (let r = i * n; r < (i + 1) * n; r++) if (values[r] !== values[r]) full = 0;
      flags[i] = full;
    }
    return flags;
  });
  return {
    out: new Float64Array(model.aggregates.length * n), outLog: new Float64Array(model.aggregates.length * n),
    order: Int32Array.from(model.slices.flat()), srcs: [], offs: new Int32Array(most), ws: new Float64Array(most),
    acc: new Float64Array(n), sw: new Float64Array(n), cnt: new Int32Array(n), bad: new Uint8Array(n),
    complete, outComplete: new Uint8Array(model.aggregates.length),
  };
}

/**
 * Adds one child's contribution to every row: `acc[r] += w·x`, w·log x or w / x, as `weightedMean` of aggregate.ts
 * does for one child of one row. Children are added one after the other, so every row's sums are made in the
 * engine's order (children in iMeta order) and are equal bit for bit; only the loops are turned inside out (child
 * outer, row inner: contiguous reads). `checked` = some value may be missing (NaN): then the present children's
 * weights and count are summed per row too. Mode 0 arithmetic, 1 geometric from logarithms, 3 geometric taking the
 * logarithm here (x ≤ 0 is bad), 2 harmonic (x = 0 is bad).
 */
function addChild(mode: number, checked: boolean, src: Float64Array, off: number, w: number, n: number, s: Scratch): void {
  const { acc, sw, cnt, bad } = s;
  if (!checked) {
    if (mode <= 1) for (let r = 0; r < n; r++) acc[r] = (acc[r] as number) + w * (src[off + r] as number);
    else if (mode === 3) {
      for (let r = 0; r < n; r++) {
        const v = src[off + r] as number;
        if (v <= 0) bad[r] = 1;
        else acc[r] = (acc[r] as number) + w * Math.log(v);
      }
    } else {
      for (let r = 0; r < n; r++) {
        const v = src[off + r] as number;
        if (v === 0) bad[r] = 1;
        else acc[r] = (acc[r] as number) + w / v;
      }
    }
    return;
  }
  for (let r = 0; r < n; r++) {
    const v = src[off + r] as number;
    if (v !== v) continue;
    sw[r] = (sw[r] as number) + w;
    cnt[r] = (cnt[r] as number) + 1;
    if (mode <= 1) acc[r] = (acc[r] as number) + w * v;
    else if (mode === 3) {
      if (v <= 0) bad[r] = 1;
      else acc[r] = (acc[r] as number) + w * Math.log(v);
    } else if (v === 0) bad[r] = 1;
    else acc[r] = (acc[r] as number) + w / v;
  }
}

/**
 * `acc[r] = Σ_k w_k·x_k` over every row when no value is missing (arithmetic, or geometric from logarithms): the sum
 * made child by child from 0, in the engine's order, so equal bit for bit to `weightedMean`'s; two children per pass
 * (acc + w₀x₀ + w₁x₁, still left to right) to halve the passes over `acc`.
 */
function sumFull(srcs: Float64Array[], offs: Int32Array, ws: Float64Array, nk: number, n: number, acc: Float64Array): void {
  let k = 0;
  if (nk >= 2) {
    const a = srcs[0] as Float64Array;
    const b = srcs[1] as Float64Array;
    const oa = offs[0] as number;
    const ob = offs[1] as number;
    const wa = ws[0] as number;
    const wb = ws[1] as number;
    for (let r = 0; r < n; r++) acc[r] = 0 + wa * (a[oa + r] as number) + wb * (b[ob + r] as number);
    k = 2;
  } else acc.fill(0);
  for (; k + 1 < nk; k += 2) {
    const a = srcs[k] as Float64Array;
    const b = srcs[k + 1] as Float64Array;
    const oa = offs[k] as number;
    const ob = offs[k + 1] as number;
    const wa = ws[k] as number;
    const wb = ws[k + 1] as number;
    for (let r = 0; r < n; r++) acc[r] = (acc[r] as number) + wa * (a[oa + r] as number) + wb * (b[ob + r] as number);
  }
  if (k < nk) {
    const a = srcs[k] as Float64Array;
    const oa = offs[k] as number;
    const wa = ws[k] as number;
    for (let r = 0; r < n; r++) acc[r] = (acc[r] as number) + wa * (a[oa + r] as number);
  }
}

/**
 * The values of an aggregate none of whose children is missing, without threshold or bad value (the common case): the
 * general final loop of `aggregateRun` with its always-false tests left out, same operations. Returns 1 when every
 * row got a value.
 */
function finishFull(
  geometric: boolean, needValue: boolean, acc: Float64Array, sw: number, out: Float64Array, outLog: Float64Array, base: number, n: number,
): number {
  let allValues = 1;
  if (!geometric) {
    for (let r = 0; r < n; r++) {
      const v = (acc[r] as number) / sw;
      if (Number.isFinite(v)) out[base + r] = v;
      else {
        out[base + r] = Number.NaN;
        allValues = 0;
      }
    }
  } else {
    for (let r = 0; r < n; r++) {
      const lg = (acc[r] as number) / sw;
      const v = needValue ? Math.exp(lg) : 1;
      if (Number.isFinite(v) && Number.isFinite(lg)) {
        out[base + r] = v;
        outLog[base + r] = lg;
      } else {
        out[base + r] = Number.NaN;
        outLog[base + r] = Number.NaN;
        allValues = 0;
      }
    }
  }
  return allValues;
}

/**
 * Aggregates one run: `aggregate()` of aggregate.ts on flat arrays, children in iMeta order. Arithmetic and harmonic
 * means are computed with the engine's very operations (equal bit for bit). Geometric means are exp(Σ w·log x / Σ w)
 * as in the engine, with two shortcuts that change results by at most a few ulps (~1e-15 relative): indicator
 * logarithms are precomputed, and a geometric parent takes its geometric children's logarithm directly instead of
 * log(exp(·)); the exponential is taken only where a value is needed. `aggregates` may be a pruned tree
 * (leave-one-out); `variant` indexes `model.variants`. Writes scratch.out (and outLog); throws where the engine throws
 * (geometric on x ≤ 0, harmonic on 0) for the first row it aggregates that has such a value.
 */
export function aggregateRun(
  model: Model, aggregates: Model['aggregates'], variant: number, methods: Uint8Array, weights: Float64Array, s: Scratch,
): void {
  const n = model.nRows;
  const nInd = model.nIndicators;
  const { out, outLog, srcs, offs, ws, acc, sw, cnt, bad, outComplete } = s;
  const values = model.variants[variant] as Float64Array;
  const logs = model.logVariants[variant];
  const complete = s.complete[variant] as Uint8Array;
  for (let a = 0; a < aggregates.length; a++) {
    const agg = aggregates[a] as Model['aggregates'][number];
    const m = methods[a] as number;
    const kids = agg.children;
    const nk = kids.length;
    // For a geometric mean, `logged` = every child's logarithm is at hand (precomputed, or a geometric child's).
    let logged = m === 1;
    // `full` = no child has a missing value in any row: the weights and the count are then the same for every row.
    let full = nk > 0;
    for (let k = 0; k < nk; k++) {
      const c = kids[k] as number;
      const indicator = c < nInd;
      const childGeometric = !indicator && methods[c - nInd] === 1;
      if (m === 1 && !((indicator && logs) || childGeometric)) logged = false;
      if (!(indicator ? complete[c] : outComplete[c - nInd])) full = false;
      offs[k] = indicator ? c * n : (c - nInd) * n;
      ws[k] = weights[c] as number;
      srcs[k] = indicator ? values : out;
    }
    if (logged) {
      for (let k = 0; k < nk; k++) srcs[k] = (kids[k] as number) < nInd ? (logs as Float64Array) : outLog;
    }
    const mode = m === 1 ? (logged ? 1 : 3) : m;
    // Σ w over the children, summed in the engine's order: every row's sum when none is missing.
    let swAll = 0;
    if (full) for (let k = 0; k < nk; k++) swAll += ws[k] as number;
    if (full && mode <= 1) sumFull(srcs, offs, ws, nk, n, acc);
    else {
      acc.fill(0);
      if (mode >= 2) bad.fill(0);
      if (!full) {
        sw.fill(0);
        cnt.fill(0);
      }
      for (let k = 0; k < nk; k++) addChild(mode, !full, srcs[k] as Float64Array, offs[k] as number, ws[k] as number, n, s);
    }

    const base = (agg.node - nInd) * n;
    const thresh = agg.datThresh;
    const hasThresh = thresh === thresh;
    const parent = agg.parent;
    const needValue = parent < 0 || methods[parent] !== 1 || model.targets.includes(agg.node);
    if (full && !hasThresh && mode <= 1) {
      outComplete[a] = finishFull(m === 1, needValue, acc, swAll, out, outLog, base, n);
      continue;
    }
    let allValues = 1;
    for (let r = 0; r < n; r++) {
      const count = full ? nk : (cnt[r] as number);
      if ((hasThresh && count / nk < thresh) || count === 0) {
        out[base + r] = Number.NaN;
        outLog[base + r] = Number.NaN;
        allValues = 0;
        continue;
      }
      if (mode >= 2 && bad[r] === 1) {
        const where = `${model.nodeCodes[agg.node]}, ${model.units[r]?.uCode}`;
        throw m === 1
          ? new EngineError('aggregate.geometric.non_positive', `geometric mean needs positive values (${where})`)
          : new EngineError('aggregate.harmonic.zero', `harmonic mean needs non-zero values (${where})`);
      }
      const total = full ? swAll : (sw[r] as number);
      const sum = acc[r] as number;
      if (m === 1) {
        const lg = sum / total;
        const v = needValue ? Math.exp(lg) : 1;
        const ok = Number.isFinite(v) && Number.isFinite(lg);
        out[base + r] = ok ? v : Number.NaN;
        outLog[base + r] = ok ? lg : Number.NaN;
        if (!ok) allValues = 0;
      } else {
        const v = m === 0 ? sum / total : total / sum;
        const ok = Number.isFinite(v);
        out[base + r] = ok ? v : Number.NaN;
        if (!ok) allValues = 0;
      }
    }
    outComplete[a] = allValues;
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
