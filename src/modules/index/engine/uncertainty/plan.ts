/**
 * The uncertainty plan: which pipeline choices vary (the factors) and the distinct pipeline variants they imply.
 *
 * Only aggregation and ranking depend on the weights and the aggregation method; everything before aggregation
 * (denominate, screen, impute, treat, normalise) depends only on the imputation and normalisation alternatives. So
 * each distinct (imputation, normalisation) pair is one variant, built ONCE by the engine's own `runPipeline`
 * (model.ts), and every Monte Carlo run re-aggregates it with the run's weights and method (kernel.ts).
 */
import type { AggregationMethod } from '../aggregate.js';
import { aggregateNodes, EngineError, indicatorNodes } from '../data-table.js';
import type { ImputeOptions } from '../impute.js';
import type { NormaliseOptions } from '../normalise.js';
import type { PipelineConfig, PipelineStep } from '../pipeline.js';
import type { IndexDataset } from '../types.js';

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

/** Node index of every indicator then aggregate (aggregation order), the numbering of `Model`. */
export function nodeIndex(dataset: IndexDataset): Map<string, number> {
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
