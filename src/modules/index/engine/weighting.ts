/**
 * Weights from the data, set before aggregation for the groups of chosen levels (`aggregate.weighting`):
 *  - `manual`: iMeta's `Weight` or the `aggregate.weights` overrides (what happens without `weighting`);
 *  - `equal`: every child of the level's aggregates weighs the same;
 *  - `pca`: COINr `get_PCA(by_groups = TRUE)` weights, PC1 loadings of each group (weights-pca.ts);
 *  - `optimised`: COINr `get_opt_weights()` weights, correlations with the index balanced or maximised
 *    (weights-optimise.ts).
 * Levels are the levels being built, as everywhere in `aggregate` (2 = the indicators' parents); COINr's `Level`
 * argument names the children's level, i.e. ours minus one. Levels are processed from the bottom up, and each one
 * is computed from the data COINr would use: the children's scores in the aggregated data set (normalised indicators
 * for level 2, aggregates built with the weights already settled below for higher levels); COINr's own example does
 * `get_PCA(coin, dset = "Aggregated", Level = 2)`. Levels above keep their manual weights while a level is optimised,
 * as COINr starts from the original weights.
 *
 * Panel data: COINr works on one data set without time. Weights are computed from the rows of the LATEST time point
 * only and then used for every time point: the latest year is the edition being published; pooling years would
 * count each unit several times and let common trends inflate the correlations; and one set of weights for all years
 * keeps scores comparable over time.
 */
import type { AggregateOptions, WeightingMethod, WeightingOptions, WeightMap } from './aggregate-options.js';
import { aggregateNodes, childrenByParent, EngineError, selectRows } from './data-table.js';
import type { DataTable, Framework, FrameworkNode, NumericColumn } from './types.js';
import { pcaWeights } from './weights-pca.js';
import { optimiseWeights, pearson, type OptimisationType } from './weights-optimise.js';

export type { WeightingMethod, WeightingOptions } from './aggregate-options.js';

/** PCA of one group: weights = PC1 loadings. */
export interface PcaGroupRecord {
  aggregate: string;
  weights: Record<string, number>;
  /** Share of the group's variance carried by PC1. */
  varianceExplained: number;
  rowsUsed: number;
  /** Rows left out for a missing child value (COINr `na.omit`). */
  rowsDropped: number;
}

/** Optimisation of one level's weights. */
export interface OptimisationRecord {
  level: number;
  optype: OptimisationType;
  /** Weight of every node of the level (summing to 1 over the level). */
  weights: Record<string, number>;
  /** Target share of the correlations (balance) or null (infomax). */
  targets: Record<string, number> | null;
  /** Pearson correlation of each node with the index, at the optimised weights. */
  correlations: Record<string, number>;
  objective: number;
  evaluations: number;
  converged: boolean;
}

export interface WeightingDetails {
  method: WeightingMethod;
  levels: number[];
  /** Time point whose rows the weights were computed from (null: no Time column), and how many rows. */
  time: number | null;
  rows: number;
  pca: PcaGroupRecord[];
  optimisation: OptimisationRecord[];
  /** Children that ended up with a negative weight (possible with PCA and optimisation, as in COINr). */
  negative: string[];
}

interface ResolveArgs {
  data: DataTable;
  framework: Framework;
  options: AggregateOptions;
  manual: WeightMap;
  aggregateWith: (data: DataTable, framework: Framework, options: AggregateOptions, weights: WeightMap) => { columns: Record<string, NumericColumn> };
}

const FOLLOWS: Record<WeightingMethod, string> = {
  manual: 'from iMeta',
  equal: 'equal',
  pca: 'COINr get_PCA() PC1 loadings',
  optimised: 'COINr get_opt_weights()',
};

/** Resolves `options.weighting` into the weights of every aggregate; throws EngineError naming the field at fault. */
export function resolveWeighting({ data, framework, options, manual, aggregateWith }: ResolveArgs) {
  const spec = options.weighting as WeightingOptions;
  const aggs = aggregateNodes(framework);
  const existing = [...new Set(aggs.map((a) => a.level))];
  const levels = [...new Set(spec.levels ?? existing)].sort((a, b) => a - b);
  for (const level of levels) {
    if (!existing.includes(level)) {
      throw new EngineError('aggregate.weighting.level.unknown', `aggregate.weighting.levels: there is no level ${level}; the aggregate levels are ${existing.join(', ')}`);
    }
  }
  const byCode = new Map(framework.nodes.map((n) => [n.code, n]));
  if (spec.method !== 'manual') {
    for (const code of Object.keys(options.weights ?? {})) {
      const parent = byCode.get(byCode.get(code)?.parent ?? '');
      if (parent && levels.includes(parent.level)) {
        throw new EngineError('aggregate.weighting.override',
          `aggregate.weights: ${code} belongs to level ${parent.level}, whose weights come from "${spec.method}"; remove it from aggregate.weights or level ${parent.level} from aggregate.weighting.levels`);
      }
    }
  }
  const asRun: WeightingOptions = spec.method === 'optimised'
    ? { method: spec.method, levels, optype: spec.optype ?? 'balance', toler: spec.toler ?? 0.1, maxiter: spec.maxiter ?? 500 }
    : { method: spec.method, levels };
  const weights: WeightMap = new Map(manual);
  const times = data.units.map((u) => u.time).filter((t): t is number => t !== null);
  const time = times.length > 0 ? Math.max(...times) : null;
  const rows = data.units.flatMap((u, r) => (time === null || u.time === time ? [r] : []));
  const sample = selectRows(data, rows);
  const details: WeightingDetails = { method: spec.method, levels, time, rows: rows.length, pca: [], optimisation: [], negative: [] };
  const kids = childrenByParent(framework);

  for (const level of levels) {
    const groups = aggs.filter((a) => a.level === level);
    if (spec.method === 'equal') {
      for (const agg of groups) weights.set(agg.code, (kids.get(agg.code) ?? []).map(() => 1));
    } else if (spec.method === 'pca') {
      const { columns } = aggregateWith(sample, framework, options, weights);
      for (const agg of groups) {
        const children = kids.get(agg.code) ?? [];
        const codes = children.map((c) => c.code);
        const pca = pcaWeights(codes.map((c) => columns[c]?.values ?? []), codes, agg.code);
        weights.set(agg.code, pca.weights);
        const { weights: w, ...rest } = pca;
        details.pca.push({ aggregate: agg.code, weights: Object.fromEntries(codes.map((c, i) => [c, w[i] as number])), ...rest });
      }
    } else if (spec.method === 'optimised') {
      details.optimisation.push(optimiseLevel(level, groups, kids, byCode, sample, framework, options, weights, asRun, aggregateWith));
    }
    for (const agg of groups) {
      // A weighted mean divides by the sum of the weights: with anti-correlated children PCA can give (1, −1)/√2.
      const w = weights.get(agg.code) ?? [];
      const sum = w.reduce((a, b) => a + b, 0);
      if (Math.abs(sum) <= 1e-9 * w.reduce((a, b) => a + Math.abs(b), 0)) {
        const shown = (kids.get(agg.code) ?? []).map((c, i) => `${c.code} ${(w[i] as number).toFixed(3)}`).join(', ');
        throw new EngineError('aggregate.weighting.sum_zero',
          `aggregate.weighting: the "${spec.method}" weights of ${agg.code} sum to zero (${shown}), so it cannot be averaged; its children are anti-correlated — leave level ${level} out of aggregate.weighting.levels`);
      }
    }
  }
  for (const agg of aggs) {
    const w = weights.get(agg.code) ?? [];
    (kids.get(agg.code) ?? []).forEach((c, i) => {
      if ((w[i] as number) < 0) details.negative.push(c.code);
    });
  }
  return { weights, details, asRun, follows: FOLLOWS[spec.method] };
}

/** Optimises the weights of all children of the level's aggregates at once (COINr: all weights of one Level). */
function optimiseLevel(
  level: number, groups: FrameworkNode[], kids: Map<string, FrameworkNode[]>, byCode: Map<string, FrameworkNode>,
  sample: DataTable, framework: Framework, options: AggregateOptions, weights: WeightMap, asRun: WeightingOptions,
  aggregateWith: ResolveArgs['aggregateWith'],
): OptimisationRecord {
  const nodes = groups.flatMap((g) => kids.get(g.code) ?? []);
  const topOf = (node: FrameworkNode): string => {
    let n = node;
    while (n.parent !== null) n = byCode.get(n.parent) as FrameworkNode;
    return n.code;
  };
  const tops = nodes.map(topOf);
  const apply = (w: number[]) => {
    let k = 0;
    for (const g of groups) weights.set(g.code, (kids.get(g.code) ?? []).map(() => w[k++] as number));
  };
  const correlationsOf = (w: number[]) => {
    apply(w);
    const { columns } = aggregateWith(sample, framework, options, weights);
    return nodes.map((n, i) => pearson(columns[n.code]?.values ?? [], columns[tops[i] as string]?.values ?? []));
  };
  const current = groups.flatMap((g) => weights.get(g.code) ?? []);
  const codes = nodes.map((n) => n.code);
  const record = (w: number[], c: number[], t: number[] | null, objective: number, evaluations: number, converged: boolean): OptimisationRecord => ({
    level, optype: asRun.optype as OptimisationType,
    weights: Object.fromEntries(codes.map((code, i) => [code, w[i] as number])),
    targets: t === null ? null : Object.fromEntries(codes.map((code, i) => [code, t[i] as number])),
    correlations: Object.fromEntries(codes.map((code, i) => [code, c[i] as number])),
    objective, evaluations, converged,
  });
  if (nodes.length === 1) {
    // One weight: nothing to choose (and COINr's balance objective is log 0 there).
    apply([1]);
    return record([1], correlationsOf([1]), asRun.optype === 'balance' ? [1] : null, Number.NaN, 0, true);
  }
  const start = correlationsOf(current);
  if (start.some((c) => !Number.isFinite(c))) {
    const bad = codes.filter((_, i) => !Number.isFinite(start[i] as number));
    throw new EngineError('aggregate.weighting.optimised.correlation', `optimised weights of level ${level}: no correlation with the index for ${bad.join(', ')} (constant or too few values)`);
  }
  const opt = optimiseWeights(correlationsOf, current, { optype: asRun.optype as OptimisationType, toler: asRun.toler as number, maxiter: asRun.maxiter as number });
  apply(opt.weights);
  return record(opt.weights, opt.correlations, opt.targets, opt.objective, opt.evaluations, opt.converged);
}
