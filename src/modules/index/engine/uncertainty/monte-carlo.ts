/**
 * The Monte Carlo runs and their summary, all pure: `evaluateRuns` computes any range of runs (the unit of work a
 * worker thread gets), `summarise` turns every run's outputs into percentile bands and Sobol indices, and
 * `runUncertainty` does the whole analysis on one thread. parallel.ts splits the same calls across worker threads;
 * since every run depends only on the model, the design and its own index, the results are identical.
 */
import type { PipelineConfig } from '../pipeline.js';
import type { IndexDataset, UnitKey } from '../types.js';
import { leaveOneOut, type LeaveOneOutOptions, type LeaveOneOutResult } from './leave-one-out.js';
import { aggregateRun, nominalRun, rankRun, scratchFor, type Scratch } from './kernel.js';
import { assembleModel, computeVariants, type Model } from './model.js';
import { planUncertainty, type Factor, type FactorKind, type UncertaintySpec } from './plan.js';
import { percentileScratch, percentilesBetween, percentilesInPlace } from './quantile.js';
import { designRow, designRuns, saltelliDesign, SOBOL_LEVEL, SOBOL_RESAMPLES, sobolBootstrap, sobolIndices, type SaltelliDesign, type SobolInterval, type SobolIntervals } from './sobol.js';

/**
 * Every run's outputs, run-major (run j, row r at j·nRows + r), per target: scores (NaN = missing), ranks (0 = missing),
 * and per run the mean absolute rank shift from the nominal ranks (NaN when no row is ranked in both).
 */
export interface RunOutputs {
  runs: number;
  nRows: number;
  scores: Float64Array[];
  ranks: Int32Array[];
  rankShift: Float64Array[];
}

/** Output arrays for every run; `shared` backs them with SharedArrayBuffer so that worker threads fill them in place. */
export function allocateOutputs(model: Model, runs: number, shared = false): RunOutputs {
  const size = runs * model.nRows;
  const f64 = () => (shared ? new Float64Array(new SharedArrayBuffer(size * 8)) : new Float64Array(size));
  const i32 = () => (shared ? new Int32Array(new SharedArrayBuffer(size * 4)) : new Int32Array(size));
  const perRun = () => (shared ? new Float64Array(new SharedArrayBuffer(runs * 8)) : new Float64Array(runs));
  return { runs, nRows: model.nRows, scores: model.targets.map(f64), ranks: model.targets.map(i32), rankShift: model.targets.map(perRun) };
}

/** The Saltelli design for a model and spec. */
export function designFor(model: Pick<Model, 'factors'>, spec: Pick<UncertaintySpec, 'seed' | 'runs'>): SaltelliDesign {
  const k = model.factors.length;
  return saltelliDesign(spec.seed, Math.floor(spec.runs / (k + 2)), model.factors.map((f) => f.width));
}

const pick = (u: number, alternatives: number) => Math.min(alternatives - 1, Math.floor(u * alternatives));

/** A run's choices from its design row: pipeline variant, aggregation method per aggregate, and every node's weight. */
export interface RunChoices {
  variant: number;
  methods: Uint8Array;
  weights: Float64Array;
}

/** The choices of run `run` (weights written into `weights` when given). */
export function runChoices(model: Model, design: SaltelliDesign, run: number, row = new Float64Array(design.columns), weights = new Float64Array(model.baseWeights.length)): RunChoices {
  designRow(design, run, row);
  weights.set(model.baseWeights);
  let imputation = 0;
  let normalisation = 0;
  let methods = model.nominalMethods;
  let col = 0;
  let nNorm = 1;
  let hasVariants = false;
  for (const f of model.factors) {
    const u = row[col] as number;
    if (f.kind === 'imputation') {
      imputation = pick(u, f.alternatives);
      hasVariants = true;
    } else if (f.kind === 'normalisation') {
      normalisation = pick(u, f.alternatives);
      nNorm = f.alternatives;
      hasVariants = true;
    } else if (f.kind === 'aggregation') methods = model.aggregationAlternatives[pick(u, f.alternatives)] as Uint8Array;
    else {
      const p = f.perturbation ?? 0;
      const nodes = f.nodes ?? [];
      for (let i = 0; i < nodes.length; i++) {
        const node = nodes[i] as number;
        weights[node] = (model.baseWeights[node] as number) * (1 + p * (2 * (row[col + i] as number) - 1));
      }
    }
    col += f.width;
  }
  const variant = hasVariants ? (model.variantOf[imputation * nNorm + normalisation] as number) : model.nominalVariant;
  return { variant, methods, weights };
}

/**
 * Runs [from, to) ordered by pipeline variant and aggregation method (by run within each): consecutive runs then read
 * the same variant's values, which stay in the processor's cache, and rank nearly alike. Each run's outputs go to
 * its own place whatever the order, so the outputs are the same.
 */
function groupedRuns(model: Model, design: SaltelliDesign, from: number, to: number): Int32Array {
  const row = new Float64Array(design.columns);
  const weights = new Float64Array(model.baseWeights.length);
  const kinds = model.aggregationAlternatives.length + 1;
  const keys = new Int32Array(to - from);
  const starts = new Int32Array(model.variants.length * kinds + 1);
  for (let run = from; run < to; run++) {
    const { variant, methods } = runChoices(model, design, run, row, weights);
    const key = variant * kinds + model.aggregationAlternatives.indexOf(methods) + 1;
    keys[run - from] = key;
    starts[key + 1] = (starts[key + 1] as number) + 1;
  }
  for (let k = 1; k < starts.length; k++) starts[k] = (starts[k] as number) + (starts[k - 1] as number);
  const order = new Int32Array(to - from);
  for (let run = from; run < to; run++) {
    const key = keys[run - from] as number;
    order[starts[key] as number] = run;
    starts[key] = (starts[key] as number) + 1;
  }
  return order;
}

/** Runs [from, to) of the design, written into `outputs`. */
export function evaluateRuns(model: Model, design: SaltelliDesign, from: number, to: number, outputs: RunOutputs, scratch: Scratch = scratchFor(model)): void {
  const n = model.nRows;
  const row = new Float64Array(design.columns);
  const weights = new Float64Array(model.baseWeights.length);
  const nominalRanks = nominalRun(model).ranks;
  // views made once: nothing is allocated per run
  const results = model.targets.map((node) => scratch.out.subarray((node - model.nIndicators) * n, (node - model.nIndicators + 1) * n));
  for (const run of groupedRuns(model, design, from, to)) {
    const { variant, methods } = runChoices(model, design, run, row, weights);
    aggregateRun(model, model.aggregates, variant, methods, weights, scratch);
    const offset = run * n;
    for (let t = 0; t < model.targets.length; t++) {
      const target = outputs.scores[t] as Float64Array;
      const ranks = outputs.ranks[t] as Int32Array;
      target.set(results[t] as Float64Array, offset);
      rankRun(model, target, offset, ranks, offset, scratch);
      (outputs.rankShift[t] as Float64Array)[run] = meanAbsShift(ranks, offset, nominalRanks[t] as Int32Array, n);
    }
  }
}

/** Mean absolute difference between a run's ranks (from `offset`) and the nominal ones, over rows ranked in both. */
function meanAbsShift(ranks: Int32Array, offset: number, nominal: Int32Array, n: number): number {
  let sum = 0;
  let count = 0;
  for (let r = 0; r < n; r++) {
    const a = ranks[offset + r] as number;
    const b = nominal[r] as number;
    if (a === 0 || b === 0) continue;
    sum += Math.abs(a - b);
    count++;
  }
  return count > 0 ? sum / count : Number.NaN;
}

const orNull = (x: number) => (Number.isFinite(x) ? x : null);

export interface FactorSummary {
  name: string;
  kind: FactorKind;
  alternatives: number | null;
  perturbation: number | null;
}

export interface TargetUncertainty {
  code: string;
  nominalScore: (number | null)[];
  nominalRank: (number | null)[];
  /** [row][percentile] over every run (each run is a draw from the input distribution). */
  scoreBands: (number | null)[][];
  rankBands: (number | null)[][];
  /**
   * Sobol indices of the mean absolute rank shift from the nominal ranks (COINr `get_sensitivity`'s output), each
   * with its bootstrap confidence interval (`UncertaintyResult.interval`).
   */
  sensitivity: { factor: string; first: number | null; total: number | null; firstInterval: SobolInterval; totalInterval: SobolInterval }[];
  /** Sobol indices of each row's score, [factor][row]; null where the variance is zero or a run left it missing. */
  scoreSensitivity: { factor: string; first: (number | null)[]; total: (number | null)[] }[];
  /** Mean absolute rank shift per run: its mean and the percentiles. */
  meanAbsRankShift: { mean: number; percentiles: number[] };
}

export interface UncertaintyResult {
  seed: number;
  /** The run budget asked for: the design makes the largest multiple of k + 2 within it (`runs`). */
  requestedRuns: number;
  /** N·(k + 2) runs made, with base sample N. */
  runs: number;
  n: number;
  /** How the confidence intervals of the Sobol indices were computed (percentile bootstrap over the N base samples). */
  interval: { level: number; resamples: number };
  factors: FactorSummary[];
  /** Distinct pipelines built by the engine (imputation × normalisation alternatives, plus the nominal one). */
  pipelinesBuilt: number;
  units: UnitKey[];
  percentiles: number[];
  targets: TargetUncertainty[];
}

/** Per-row statistics of rows [r0, r1) for every target: the part of the summary that scales with the rows. */
export interface RowSummary {
  r0: number;
  r1: number;
  targets: { scoreBands: (number | null)[][]; rankBands: (number | null)[][]; first: (number | null)[][]; total: (number | null)[][] }[];
}

/** Rows gathered together in the summary: reads of a run-major matrix then stay mostly sequential. */
const ROW_BLOCK = 32;

/**
 * Percentiles of the scores of rows [r0, r1) over the runs (missing = NaN left out): each row's values gathered with
 * their least and greatest, then `percentilesBetween` (buckets, not selection), on reused buffers.
 */
function scorePercentiles(values: Float64Array, runs: number, n: number, r0: number, r1: number, ps: number[]): (number | null)[][] {
  const buffers = Array.from({ length: ROW_BLOCK }, () => new Float64Array(runs));
  const counts = new Int32Array(ROW_BLOCK);
  const lows = new Float64Array(ROW_BLOCK);
  const highs = new Float64Array(ROW_BLOCK);
  const scratch = percentileScratch(runs);
  const out: (number | null)[][] = [];
  for (let b0 = r0; b0 < r1; b0 += ROW_BLOCK) {
    const width = Math.min(ROW_BLOCK, r1 - b0);
    counts.fill(0);
    lows.fill(Infinity);
    highs.fill(-Infinity);
    for (let j = 0; j < runs; j++) {
      const base = j * n + b0;
      for (let b = 0; b < width; b++) {
        const v = values[base + b] as number;
        if (v !== v) continue;
        const at = counts[b] as number;
        (buffers[b] as Float64Array)[at] = v;
        counts[b] = at + 1;
        if (v < (lows[b] as number)) lows[b] = v;
        if (v > (highs[b] as number)) highs[b] = v;
      }
    }
    for (let b = 0; b < width; b++) {
      out.push(percentilesBetween(buffers[b] as Float64Array, counts[b] as number, ps, lows[b] as number, highs[b] as number, scratch).map(orNull));
    }
  }
  return out;
}

/**
 * Percentiles of the ranks of rows [r0, r1) over the runs (0 = missing, left out). Ranks are small integers, so each
 * row's order statistics are read from a histogram of its ranks instead of being selected: the same values, hence
 * the same type-7 percentiles as `percentilesInPlace` (same interpolation formula on the same two order statistics).
 */
function rankPercentiles(ranks: Int32Array, runs: number, n: number, r0: number, r1: number, ps: number[], maxRank: number): (number | null)[][] {
  const bins = maxRank + 1;
  const hist = new Int32Array(ROW_BLOCK * bins);
  const out: (number | null)[][] = [];
  for (let b0 = r0; b0 < r1; b0 += ROW_BLOCK) {
    const width = Math.min(ROW_BLOCK, r1 - b0);
    hist.fill(0);
    for (let j = 0; j < runs; j++) {
      const base = j * n + b0;
      for (let b = 0; b < width; b++) {
        const at = b * bins + (ranks[base + b] as number);
        hist[at] = (hist[at] as number) + 1;
      }
    }
    for (let b = 0; b < width; b++) {
      const h0 = b * bins;
      const count = runs - (hist[h0] as number);
      // the order statistic `k` (0-based) of this row's present ranks
      const orderStatistic = (k: number) => {
        let seen = 0;
        for (let v = 1; v < bins; v++) {
          seen += hist[h0 + v] as number;
          if (seen > k) return v;
        }
        return Number.NaN;
      };
      out.push(ps.map((p) => {
        if (count === 0) return null;
        const h = (count - 1) * (p / 100);
        const k = Math.floor(h);
        const low = orderStatistic(k);
        if (k + 1 >= count || h === k) return orNull(low);
        return orNull(low + (h - k) * (orderStatistic(k + 1) - low));
      }));
    }
  }
  return out;
}

/**
 * First-order and total Sobol indices of the score of every row of [r0, r1): `sobolIndices` of sobol.ts for each
 * row, computed for all the rows at once (runs outer, rows inner, so the run-major outputs are read in order). Each
 * row's sums are made over the runs in the same order with the same operations, so every index is the same number.
 */
function rowSobol(y: Float64Array, nBase: number, k: number, n: number, r0: number, r1: number): { first: (number | null)[][]; total: (number | null)[][] } {
  const w = r1 - r0;
  const mean = new Float64Array(w);
  const ss = new Float64Array(w);
  const s = new Float64Array(w);
  const t = new Float64Array(w);
  for (let j = 0; j < 2 * nBase; j++) {
    const base = j * n + r0;
    for (let r = 0; r < w; r++) mean[r] = (mean[r] as number) + (y[base + r] as number);
  }
  for (let r = 0; r < w; r++) mean[r] = (mean[r] as number) / (2 * nBase);
  for (let j = 0; j < 2 * nBase; j++) {
    const base = j * n + r0;
    for (let r = 0; r < w; r++) ss[r] = (ss[r] as number) + ((y[base + r] as number) - (mean[r] as number)) ** 2;
  }
  const first = Array.from({ length: k }, () => new Array<number | null>(w));
  const total = Array.from({ length: k }, () => new Array<number | null>(w));
  for (let i = 0; i < k; i++) {
    s.fill(0);
    t.fill(0);
    const abBase = (2 + i) * nBase;
    for (let j = 0; j < nBase; j++) {
      const a = j * n + r0;
      const b = (nBase + j) * n + r0;
      const ab = (abBase + j) * n + r0;
      for (let r = 0; r < w; r++) {
        const m = mean[r] as number;
        const ya = (y[a + r] as number) - m;
        const yb = (y[b + r] as number) - m;
        const yab = (y[ab + r] as number) - m;
        s[r] = (s[r] as number) + yb * (yab - ya);
        t[r] = (t[r] as number) + (ya - yab) ** 2;
      }
    }
    for (let r = 0; r < w; r++) {
      const variance = (ss[r] as number) / (2 * nBase - 1);
      (first[i] as (number | null)[])[r] = orNull(variance > 0 ? (s[r] as number) / nBase / variance : Number.NaN);
      (total[i] as (number | null)[])[r] = orNull(variance > 0 ? (t[r] as number) / (2 * nBase) / variance : Number.NaN);
    }
  }
  return { first, total };
}

/** Bands and per-row Sobol indices of rows [r0, r1). */
export function summariseRows(model: Model, design: SaltelliDesign, outputs: RunOutputs, r0: number, r1: number): RowSummary {
  const n = model.nRows;
  const runs = designRuns(design);
  const k = model.factors.length;
  const ps = model.percentiles;
  const maxRank = Math.max(1, ...model.slices.map((rows) => rows.length));
  return {
    r0, r1,
    targets: model.targets.map((_, t) => {
      const scores = outputs.scores[t] as Float64Array;
      return {
        scoreBands: scorePercentiles(scores, runs, n, r0, r1, ps),
        rankBands: rankPercentiles(outputs.ranks[t] as Int32Array, runs, n, r0, r1, ps, maxRank),
        ...rowSobol(scores, design.n, k, n, r0, r1),
      };
    }),
  };
}

/** What the summary computes from all the runs at once rather than row by row: nominal results and the rank-shift indices. */
export interface RunsSummary {
  nominal: { scores: Float64Array[]; ranks: Int32Array[] };
  targets: { first: number[]; total: number[]; intervals: SobolIntervals; shiftMean: number; shiftPercentiles: number[] }[];
}

/** The nominal run, and Sobol indices (with bootstrap intervals) and percentiles of each target's mean absolute rank shift. */
export function summariseRuns(model: Model, design: SaltelliDesign, spec: Pick<UncertaintySpec, 'seed'>, outputs: RunOutputs): RunsSummary {
  const runs = designRuns(design);
  const k = model.factors.length;
  return {
    nominal: nominalRun(model),
    targets: model.targets.map((_, t) => {
      const shift = outputs.rankShift[t] as Float64Array;
      const si = sobolIndices(shift, design.n, k);
      let shiftSum = 0;
      for (const v of shift) shiftSum += v;
      return {
        first: si.first, total: si.total, intervals: sobolBootstrap(shift, design.n, k, spec.seed),
        shiftMean: shiftSum / runs, shiftPercentiles: percentilesInPlace(shift.slice(), runs, model.percentiles),
      };
    }),
  };
}

/**
 * Bands and Sobol indices from every run's outputs; `rows` are per-row summaries and `whole` the all-runs summary
 * already made (else made here).
 */
export function summarise(
  model: Model, design: SaltelliDesign, spec: Pick<UncertaintySpec, 'seed' | 'runs'>, outputs: RunOutputs, rows?: RowSummary[],
  whole: RunsSummary = summariseRuns(model, design, spec, outputs),
): UncertaintyResult {
  const runs = designRuns(design);
  const ps = model.percentiles;
  const parts = [...(rows ?? [summariseRows(model, design, outputs, 0, model.nRows)])].sort((a, b) => a.r0 - b.r0);
  const targets = model.targets.map((node, t): TargetUncertainty => {
    const nominalRanks = whole.nominal.ranks[t] as Int32Array;
    const { first, total, intervals: ci, shiftMean, shiftPercentiles } = whole.targets[t] as RunsSummary['targets'][number];
    const part = parts.map((p) => p.targets[t] as RowSummary['targets'][number]);
    return {
      code: model.nodeCodes[node] as string,
      nominalScore: Array.from(whole.nominal.scores[t] as Float64Array, orNull),
      nominalRank: Array.from(nominalRanks, (r) => (r === 0 ? null : r)),
      scoreBands: part.flatMap((p) => p.scoreBands),
      rankBands: part.flatMap((p) => p.rankBands),
      sensitivity: model.factors.map((f, i) => ({
        factor: f.name, first: orNull(first[i] as number), total: orNull(total[i] as number),
        firstInterval: ci.first[i] as SobolInterval, totalInterval: ci.total[i] as SobolInterval,
      })),
      scoreSensitivity: model.factors.map((f, i) => ({
        factor: f.name, first: part.flatMap((p) => p.first[i] ?? []), total: part.flatMap((p) => p.total[i] ?? []),
      })),
      meanAbsRankShift: { mean: shiftMean, percentiles: shiftPercentiles },
    };
  });
  return {
    seed: spec.seed, requestedRuns: spec.runs, runs, n: design.n, interval: { level: SOBOL_LEVEL, resamples: SOBOL_RESAMPLES },
    factors: model.factors.map((f) => ({ name: f.name, kind: f.kind, alternatives: f.kind === 'weights' ? null : f.alternatives, perturbation: f.perturbation ?? null })),
    pipelinesBuilt: model.variants.length,
    units: model.units, percentiles: ps, targets,
  };
}

/** Builds the model on this thread: one engine pipeline per distinct variant. */
export function buildModel(dataset: IndexDataset, config: PipelineConfig, spec: UncertaintySpec): Model {
  const plan = planUncertainty(dataset, config, spec);
  const built = computeVariants(dataset, plan.variantConfigs.map((c) => c.steps));
  return assembleModel(dataset, config, spec, plan, built);
}

export interface UncertaintyAnalysis {
  monteCarlo: UncertaintyResult;
  leaveOneOut: LeaveOneOutResult;
}

/** The whole analysis on the calling thread: Monte Carlo with Sobol indices, then leave-one-out. */
export function runUncertainty(dataset: IndexDataset, config: PipelineConfig, spec: UncertaintySpec, loo: LeaveOneOutOptions = {}): UncertaintyAnalysis {
  const model = buildModel(dataset, config, spec);
  const design = designFor(model, spec);
  const outputs = allocateOutputs(model, designRuns(design));
  evaluateRuns(model, design, 0, outputs.runs, outputs);
  return { monteCarlo: summarise(model, design, spec, outputs), leaveOneOut: leaveOneOut(model, loo) };
}
