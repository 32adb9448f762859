/**
 * The uncertainty model: which pipeline choices vary, the distinct pipeline variants they imply, and a fast
 * re-aggregation kernel.
 *
 * Only aggregation and ranking depend on the weights and the aggregation method; everything before aggregation
 * (denominate, screen, impute, treat, normalise) depends only on the imputation and normalisation alternatives. So
 * each distinct (imputation, normalisation) pair is built ONCE by the engine's own `runPipeline`, and every Monte
 * Carlo run re-aggregates its normalised indicators with the run's weights and method. `aggregateRun` reproduces
 * `aggregate()` (aggregate.ts) operation for operation (same summation order, same missing-value and threshold
 * rules), so a run gives the very numbers `runPipeline` would give with the same configuration (tested).
 */
import type { AggregateOptions, AggregationMethod } from '../aggregate.js';
import { aggregateNodes, EngineError, indicatorNodes, rowsByTime } from '../data-table.js';
import type { ImputeOptions } from '../impute.js';
import type { NormaliseOptions } from '../normalise.js';
import { runPipeline, type PipelineConfig, type PipelineStep } from '../pipeline.js';
import type { IndexDataset, UnitKey } from '../types.js';

/** A group of weights perturbed together: one uncertain factor. */
export interface WeightFactor {
  /** Shown in the results; default "weights, level N" or the codes joined. */
  name?: string;
  /** Every node of this level that has a parent (1 = indicators)… */
  level?: number;
  /** …or these nodes. */
  codes?: string[];
  /** Each weight w becomes w·(1 + p·(2u − 1)), u uniform in [0, 1): 0.25 = ±25 %. */
  perturbation: number;
}

/** What varies, and how much Monte Carlo to run. Lists hold the alternatives, drawn with equal probability. */
export interface UncertaintySpec {
  /** Seed of the sample design: the same seed gives the same runs and results. */
  seed: number;
  /** Run budget: the base sample N = ⌊runs / (k + 2)⌋ for k factors; N·(k + 2) runs are made. */
  runs: number;
  /** Replaces the `impute` step (inserted after `denominate`/first when absent); null = no imputation. */
  imputation?: (ImputeOptions | null)[];
  /** Replaces the `normalise` step. */
  normalisation?: NormaliseOptions[];
  /** Replaces `aggregate.method` (one method, or one per level). */
  aggregation?: (AggregationMethod | Record<number, AggregationMethod>)[];
  weights?: WeightFactor[];
  /** Aggregates whose scores and ranks are analysed; default the top of the tree. */
  targets?: string[];
  /** Percentiles of every score and rank (0–100, ascending); default 5, 50, 95. */
  percentiles?: number[];
}

export type FactorKind = 'imputation' | 'normalisation' | 'aggregation' | 'weights';

export interface Factor {
  name: string;
  kind: FactorKind;
  /** Columns of the design this factor uses (1, or the number of weights of the group). */
  width: number;
  /** Alternatives of a discrete factor. */
  alternatives: number;
  /** Weight factors: node indices and the perturbation. */
  nodes?: number[];
  perturbation?: number;
}

const METHOD_CODE: Record<AggregationMethod, number> = { arithmetic: 0, geometric: 1, harmonic: 2 };

/** The tree and variants as flat arrays: what a worker needs, structured-cloneable. */
export interface Model {
  units: UnitKey[];
  nRows: number;
  /** Rows of each time point. */
  slices: number[][];
  /** Indicator codes then aggregate codes (aggregation order); node i < nIndicators is indicator i. */
  nodeCodes: string[];
  nIndicators: number;
  /** Aggregates in aggregation order: node index, level, children node indices, data threshold (NaN = none). */
  aggregates: { node: number; level: number; children: number[]; datThresh: number; parent: number }[];
  /** Nominal weight of every node (indicators and aggregates). */
  baseWeights: Float64Array;
  /** Normalised indicator values of each variant, indicator-major (value of indicator i, row r at i·nRows + r), NaN = missing. */
  variants: Float64Array[];
  /** Natural logarithms of `variants` when a geometric mean may be needed (all values then checked positive), else empty. */
  logVariants: Float64Array[];
  variantConfigs: PipelineConfig[];
  /** variant index for imputation alternative i × normalisation alternative j (i·nNorm + j). */
  variantOf: number[];
  nominalVariant: number;
  /** Method code per aggregate (0 arithmetic, 1 geometric, 2 harmonic) for each aggregation alternative, and nominal. */
  aggregationAlternatives: Uint8Array[];
  nominalMethods: Uint8Array;
  factors: Factor[];
  /** Target aggregates (node indices) and percentiles. */
  targets: number[];
  percentiles: number[];
}

/** The plan before any variant is built: the factors and the distinct pipeline configurations. */
export interface Plan {
  factors: Factor[];
  variantConfigs: PipelineConfig[];
  variantOf: number[];
  nominalVariant: number;
}

function withStep(config: PipelineConfig, name: 'impute' | 'normalise', replacement: PipelineStep | null): PipelineConfig {
  const steps = [...config.steps];
  const at = steps.findIndex((s) => s.step === name);
  if (replacement === null) {
    if (at >= 0) steps.splice(at, 1);
  } else if (at >= 0) steps[at] = replacement;
  else if (name === 'normalise') steps.push(replacement);
  else {
    const denominate = steps.findIndex((s) => s.step === 'denominate');
    steps.splice(denominate + 1, 0, replacement);
  }
  return { ...config, steps };
}

function nodeIndex(dataset: IndexDataset): Map<string, number> {
  const codes = [...indicatorNodes(dataset.framework), ...aggregateNodes(dataset.framework)].map((n) => n.code);
  return new Map(codes.map((c, i) => [c, i]));
}

/** Checks the spec against the framework and lists the factors and the pipeline variants to build. */
export function planUncertainty(dataset: IndexDataset, config: PipelineConfig, spec: UncertaintySpec): Plan {
  const fail = (code: string, message: string): never => {
    throw new EngineError(`uncertainty.${code}`, message);
  };
  if (!Number.isInteger(spec.seed)) fail('seed.invalid', `the seed must be an integer; got ${spec.seed}`);
  const factors: Factor[] = [];
  const imputation = spec.imputation ?? [];
  const normalisation = spec.normalisation ?? [];
  const aggregation = spec.aggregation ?? [];
  if (imputation.length > 0) factors.push({ name: 'imputation', kind: 'imputation', width: 1, alternatives: imputation.length });
  if (normalisation.length > 0) factors.push({ name: 'normalisation', kind: 'normalisation', width: 1, alternatives: normalisation.length });
  if (aggregation.length > 0) factors.push({ name: 'aggregation', kind: 'aggregation', width: 1, alternatives: aggregation.length });

  const index = nodeIndex(dataset);
  const byCode = new Map(dataset.framework.nodes.map((n) => [n.code, n]));
  const used = new Set<string>();
  for (const [i, w] of (spec.weights ?? []).entries()) {
    if (!(w.perturbation >= 0 && w.perturbation <= 1)) fail('weights.perturbation', `weights[${i}]: perturbation must be in [0, 1]; got ${w.perturbation}`);
    let codes: string[];
    if (w.codes) {
      codes = w.codes;
      for (const c of codes) {
        const node = byCode.get(c);
        if (!node) fail('weights.unknown', `weights[${i}]: ${c} is not in the framework`);
        else if (node.parent === null) fail('weights.top', `weights[${i}]: ${c} is the top of the tree and has no weight`);
      }
    } else if (w.level !== undefined) {
      codes = dataset.framework.nodes.filter((n) => n.level === w.level && n.parent !== null).map((n) => n.code);
      if (codes.length === 0) fail('weights.level', `weights[${i}]: no weighted node at level ${w.level}`);
    } else codes = fail('weights.which', `weights[${i}]: give a level or codes`);
    for (const c of codes) {
      if (used.has(c)) fail('weights.twice', `weights[${i}]: ${c} is already perturbed by another factor`);
      used.add(c);
    }
    factors.push({
      name: w.name ?? (w.codes ? `weights ${codes.join(', ')}` : `weights, level ${w.level}`),
      kind: 'weights', width: codes.length, alternatives: 0, perturbation: w.perturbation,
      nodes: codes.map((c) => index.get(c) as number),
    });
  }
  if (factors.length === 0) fail('factors.none', 'nothing varies: give imputation, normalisation, aggregation or weights alternatives');
  if (!(spec.runs >= factors.length + 2)) fail('runs.too_few', `${factors.length} factors need at least ${factors.length + 2} runs; got ${spec.runs}`);
  for (const t of spec.targets ?? []) if (byCode.get(t)?.type !== 'Aggregate') fail('targets.unknown', `target ${t} is not an aggregate of the framework`);
  const ps = spec.percentiles ?? [5, 50, 95];
  if (ps.some((p, i) => !(p >= 0 && p <= 100) || (i > 0 && p < (ps[i - 1] as number)))) fail('percentiles', 'percentiles must be ascending, within 0–100');

  const variantConfigs: PipelineConfig[] = [];
  const keys = new Map<string, number>();
  const add = (c: PipelineConfig) => {
    const key = JSON.stringify(c.steps);
    const found = keys.get(key);
    if (found !== undefined) return found;
    keys.set(key, variantConfigs.length);
    variantConfigs.push(c);
    return variantConfigs.length - 1;
  };
  const nominalVariant = add({ steps: config.steps });
  const imps: (PipelineConfig | null)[] = imputation.length > 0
    ? imputation.map((o) => withStep({ steps: config.steps }, 'impute', o === null ? null : ({ step: 'impute', ...o } as PipelineStep)))
    : [null];
  const variantOf: number[] = [];
  for (const imp of imps) {
    const base = imp ?? { steps: config.steps };
    if (normalisation.length === 0) variantOf.push(add(base));
    else for (const n of normalisation) variantOf.push(add(withStep(base, 'normalise', { step: 'normalise', ...n } as PipelineStep)));
  }
  return { factors, variantConfigs, variantOf, nominalVariant };
}

export interface VariantValues {
  units: UnitKey[];
  /** Indicator-major normalised values, NaN = missing. */
  values: Float64Array;
}

/** Builds one variant with the engine (everything up to normalisation) and returns its indicator values. */
export function computeVariant(dataset: IndexDataset, steps: PipelineStep[]): VariantValues {
  const result = runPipeline(dataset, { steps, aggregate: { method: 'arithmetic' } });
  const stage = result.stages[result.stages.length - 2]?.data;
  if (!stage) throw new EngineError('uncertainty.variant.empty', 'the pipeline produced no data');
  const codes = indicatorNodes(dataset.framework).map((n) => n.code);
  const n = stage.units.length;
  const values = new Float64Array(codes.length * n);
  codes.forEach((code, i) => {
    const col = stage.columns[code]?.values;
    for (let r = 0; r < n; r++) values[i * n + r] = col?.[r] ?? Number.NaN;
  });
  return { units: stage.units, values };
}

const unitKey = (u: UnitKey) => `${u.uCode}\u0000${u.time}`;

const perLevel = <T>(spec: T | Record<number, T> | undefined, level: number): T | undefined =>
  spec !== null && typeof spec === 'object' ? (spec as Record<number, T>)[level] : (spec as T | undefined);

/**
 * Assembles the model from the plan and the built variants (in plan order). Rows follow the nominal variant; a unit
 * another variant screened out is missing there. Checks that geometric/harmonic aggregation gets positive values.
 */
export function assembleModel(dataset: IndexDataset, config: PipelineConfig, spec: UncertaintySpec, plan: Plan, built: VariantValues[]): Model {
  const framework = dataset.framework;
  const indicators = indicatorNodes(framework);
  const aggs = aggregateNodes(framework);
  const index = nodeIndex(dataset);
  const nominal = built[plan.nominalVariant] as VariantValues;
  const units = nominal.units;
  const nRows = units.length;
  const rowOf = new Map(units.map((u, r) => [unitKey(u), r]));
  const variants = built.map((v, vi) => {
    if (vi === plan.nominalVariant) return v.values;
    const out = new Float64Array(indicators.length * nRows).fill(Number.NaN);
    v.units.forEach((u, r) => {
      const target = rowOf.get(unitKey(u));
      if (target === undefined) return;
      for (let i = 0; i < indicators.length; i++) out[i * nRows + target] = v.values[i * v.units.length + r] as number;
    });
    return out;
  });
  const overrides = config.aggregate?.weights ?? {};
  const baseWeights = new Float64Array(index.size);
  for (const node of framework.nodes) {
    const i = index.get(node.code);
    if (i !== undefined) baseWeights[i] = overrides[node.code] ?? node.weight ?? 0;
  }
  const children = new Map<string, number[]>();
  for (const node of framework.nodes) {
    if (node.parent === null || !index.has(node.code)) continue;
    children.set(node.parent, [...(children.get(node.parent) ?? []), index.get(node.code) as number]);
  }
  const aggregates = aggs.map((a) => ({
    node: index.get(a.code) as number,
    level: a.level,
    children: children.get(a.code) ?? [],
    datThresh: perLevel(config.aggregate?.datThresh, a.level) ?? Number.NaN,
    parent: a.parent === null ? -1 : aggs.findIndex((p) => p.code === a.parent),
  }));
  const methods = (m: AggregateOptions['method']) => Uint8Array.from(aggs.map((a) => METHOD_CODE[perLevel(m, a.level) ?? 'arithmetic']));
  const aggregationAlternatives = (spec.aggregation ?? []).map(methods);
  const nominalMethods = methods(config.aggregate?.method);

  // Geometric and harmonic means need positive values: say so before running, naming the variant.
  const needsPositive = [nominalMethods, ...aggregationAlternatives].some((m) => m.some((c) => c !== 0));
  if (needsPositive) {
    variants.forEach((v, vi) => {
      let min = Infinity;
      for (const x of v) if (x < min) min = x;
      if (min <= 0) {
        const norm = plan.variantConfigs[vi]?.steps.find((s) => s.step === 'normalise');
        throw new EngineError('uncertainty.aggregation.non_positive',
          `geometric or harmonic aggregation needs positive values, but normalisation ${JSON.stringify(norm ?? {})} gives ${min}; use e.g. minmax 1–100`);
      }
    });
  }
  const top = aggs.filter((a) => a.parent === null).map((a) => a.code);
  return {
    units, nRows,
    slices: rowsByTime({ units, labels: {}, columns: {}, columnOrder: [] }),
    nodeCodes: [...indicators, ...aggs].map((n) => n.code),
    nIndicators: indicators.length,
    aggregates, baseWeights, variants,
    variantConfigs: plan.variantConfigs, variantOf: plan.variantOf, nominalVariant: plan.nominalVariant,
    logVariants: needsPositive ? variants.map((v) => v.map(Math.log)) : [],
    aggregationAlternatives, nominalMethods,
    factors: plan.factors,
    targets: (spec.targets ?? top).map((c) => index.get(c) as number),
    percentiles: spec.percentiles ?? [5, 50, 95],
  };
}

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

