/**
 * The uncertainty model: the plan's variants built by the engine and laid out as flat arrays for the re-aggregation
 * kernel (kernel.ts). Everything up to normalisation is run by the engine's own `runPipeline`, once per variant.
 */
import { perLevel, type AggregateDetails, type AggregateOptions, type AggregationMethod } from '../aggregate.js';
import { aggregateNodes, EngineError, indicatorNodes, rowsByTime } from '../data-table.js';
import { runPipeline, runSteps, stepsToRun, type PipelineConfig, type PipelineStep } from '../pipeline.js';
import type { DataTable, IndexDataset, UnitKey } from '../types.js';
import { nodeIndex, type Factor, type Plan, type UncertaintySpec } from './plan.js';

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

export interface VariantValues {
  units: UnitKey[];
  /** Indicator-major normalised values, NaN = missing. */
  values: Float64Array;
}

/** The steps of a variant before its normalisation (all of them when it has none): what variants may share. */
export function stepsBeforeNormalisation(steps: readonly PipelineStep[]): PipelineStep[] {
  const at = steps.findIndex((s) => s.step === 'normalise');
  return steps.slice(0, at < 0 ? steps.length : at);
}

/**
 * Builds variants with the engine (everything up to normalisation, as `runPipeline` runs it) and returns their
 * indicator values, in order. Variants with the same steps before normalisation (the imputation alternatives times
 * the normalisation ones) share them: each such prefix is run once, then each variant's normalisation from its data.
 * Steps never modify their input, so every variant gets the data `runPipeline` would give it.
 */
export function computeVariants(dataset: IndexDataset, variants: readonly PipelineStep[][]): VariantValues[] {
  const prefixes = new Map<string, DataTable>();
  const codes = indicatorNodes(dataset.framework).map((n) => n.code);
  return variants.map((configured) => {
    const steps = stepsToRun(configured);
    const prefix = stepsBeforeNormalisation(steps);
    const key = JSON.stringify(prefix);
    let start = prefixes.get(key);
    if (!start) {
      start = runSteps(dataset, prefix);
      prefixes.set(key, start);
    }
    const stage = runSteps(dataset, steps.slice(prefix.length), start);
    const n = stage.units.length;
    const values = new Float64Array(codes.length * n);
    codes.forEach((code, i) => {
      const col = stage.columns[code]?.values;
      for (let r = 0; r < n; r++) values[i * n + r] = col?.[r] ?? Number.NaN;
    });
    return { units: stage.units, values };
  });
}

/**
 * The weights the nominal run used when they come from the data (`aggregate.weighting`: equal, PCA, optimised):
 * computed once on the nominal configuration and held fixed in every Monte Carlo run, so the weight factor
 * perturbs them as it perturbs iMeta weights.
 */
function nominalWeights(dataset: IndexDataset, config: PipelineConfig): Map<string, number> {
  const record = runPipeline(dataset, config).records.find((r) => r.step === 'aggregate');
  const byParent = (record?.details as AggregateDetails | undefined)?.weights ?? {};
  return new Map(Object.values(byParent).flatMap((children) => Object.entries(children)));
}

/** Natural logarithm of every value (a plain loop: `Float64Array.map` with a callback is several times slower). */
function logarithms(values: Float64Array): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = Math.log(values[i] as number);
  return out;
}

const unitKey = (u: UnitKey) => `${u.uCode}\u0000${u.time}`;

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
  const fixed = config.aggregate?.weighting ? nominalWeights(dataset, config) : null;
  const baseWeights = new Float64Array(index.size);
  for (const node of framework.nodes) {
    const i = index.get(node.code);
    if (i !== undefined) baseWeights[i] = fixed?.get(node.code) ?? overrides[node.code] ?? node.weight ?? 0;
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
    logVariants: needsPositive ? variants.map(logarithms) : [],
    aggregationAlternatives, nominalMethods,
    factors: plan.factors,
    targets: (spec.targets ?? top).map((c) => index.get(c) as number),
    percentiles: spec.percentiles ?? [5, 50, 95],
  };
}
