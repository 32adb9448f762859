/**
 * Aggregation up the tree, level by level, row by row, following COINr `Aggregate.coin()` (R/aggregate.R):
 *  - weights are iMeta's `Weight` of each child (or `weights` overrides), relative within the parent;
 *  - `arithmetic` = `a_amean` (COINr default): missing children and their weights are dropped, the rest
 *    re-normalised to sum to 1; `geometric` = `a_gmean`: exp(Σw·log x / Σw) over present values, stops on x ≤ 0;
 *    `harmonic` = `a_hmean`: Σw / Σ(w/x) over present values, stops on x = 0;
 *  - `datThresh` (per level, default none): a row whose share of present children is below it gets NA
 *    (`sum(!is.na(x_row))/length(x_row) < dat_thresh`); all children missing always gives NA;
 *  - `weighting` (optional) sets the weights of chosen levels from the data first: equal, PCA or
 *    correlation-optimised (weighting.ts), recorded with what they were computed from.
 */
import { aggregateNodes, childrenByParent, EngineError, finiteOrNull } from './data-table.js';
import type { DataTable, Framework, NumericColumn, StepResult, UnitKey } from './types.js';
import type { AggregateOptions, AggregationMethod, WeightMap } from './aggregate-options.js';
import { resolveWeighting, type WeightingDetails } from './weighting.js';

export type { AggregateOptions, AggregationMethod, WeightMap } from './aggregate-options.js';

export interface AggregateDetails {
  /** Aggregate → children with the weights used. */
  weights: Record<string, Record<string, number>>;
  /** Cells set to missing by the threshold: aggregate → units (with their time point). */
  belowThreshold: Record<string, Pick<UnitKey, 'uCode' | 'time'>[]>;
  /** How data-driven weights were obtained (null when `weighting` is not set). */
  weighting: WeightingDetails | null;
}

/** Weighted mean of the present values; weights renormalised over them. Null when none is present. */
export function weightedMean(x: readonly (number | null)[], w: readonly number[], method: AggregationMethod, where = ''): number | null {
  return weightedMeanOf(x, w, method, () => where);
}

/** `weightedMean` with the place named only when it throws (the message is not built for every row). */
function weightedMeanOf(x: readonly (number | null)[], w: readonly number[], method: AggregationMethod, where: () => string): number | null {
  let sw = 0;
  let acc = 0;
  let count = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    const wi = w[i] as number;
    if (v === null || v === undefined) continue;
    sw += wi;
    count++;
    if (method === 'arithmetic') acc += wi * v;
    else if (method === 'geometric') {
      if (v <= 0) throw new EngineError('aggregate.geometric.non_positive', `geometric mean needs positive values${where()}`);
      acc += wi * Math.log(v);
    } else {
      if (v === 0) throw new EngineError('aggregate.harmonic.zero', `harmonic mean needs non-zero values${where()}`);
      acc += wi / v;
    }
  }
  if (count === 0) return null;
  const r = method === 'arithmetic' ? acc / sw : method === 'geometric' ? Math.exp(acc / sw) : sw / acc;
  return finiteOrNull(r);
}

/** The option for one level: `spec` itself, or its entry for the level when given per level (null = not set). */
export const perLevel = <T>(spec: T | Record<number, T> | undefined | null, level: number): T | undefined =>
  spec !== null && typeof spec === 'object' ? (spec as Record<number, T>)[level] : (spec ?? undefined);

/** iMeta's `Weight` of every child, or its override in `weights`. */
export function manualWeights(framework: Framework, overrides: Record<string, number> = {}): WeightMap {
  const kids = childrenByParent(framework);
  return new Map(aggregateNodes(framework).map((agg) => [agg.code, (kids.get(agg.code) ?? []).map((c) => overrides[c.code] ?? c.weight ?? 0)]));
}

/** Every aggregate's scores with the given weights: the core of `aggregate()`, also used to try candidate weights. */
export function aggregateWith(data: DataTable, framework: Framework, options: AggregateOptions, weights: WeightMap) {
  const columns: Record<string, NumericColumn> = { ...data.columns };
  const kids = childrenByParent(framework);
  const belowThreshold: AggregateDetails['belowThreshold'] = {};
  const n = data.units.length;
  for (const agg of aggregateNodes(framework)) {
    const children = kids.get(agg.code) ?? [];
    const method = perLevel(options.method, agg.level) ?? 'arithmetic';
    const thresh = perLevel(options.datThresh, agg.level);
    const w = weights.get(agg.code) ?? [];
    const inputs = children.map((c) => {
      const col = columns[c.code];
      if (!col) throw new EngineError('aggregate.column.missing', `no values for ${c.code}, needed by ${agg.code}`);
      return col.values;
    });
    const values: (number | null)[] = new Array(n).fill(null);
    const x: (number | null)[] = new Array(inputs.length).fill(null);
    for (let r = 0; r < n; r++) {
      let present = 0;
      for (let k = 0; k < inputs.length; k++) {
        const v = (inputs[k] as (number | null)[])[r] ?? null;
        x[k] = v;
        if (v !== null) present++;
      }
      const available = present / x.length;
      if (thresh !== undefined && available < thresh) {
        const unit = data.units[r] as UnitKey;
        (belowThreshold[agg.code] ??= []).push({ uCode: unit.uCode, time: unit.time });
        continue;
      }
      values[r] = weightedMeanOf(x, w, method, () => ` (${agg.code}, ${data.units[r]?.uCode})`);
    }
    columns[agg.code] = { values, origin: new Array(n).fill('raw'), source: new Array(n).fill(null) };
  }
  return { columns, belowThreshold };
}

export function aggregate(data: DataTable, framework: Framework, options: AggregateOptions = {}): StepResult<AggregateDetails> {
  const kids = childrenByParent(framework);
  const manual = manualWeights(framework, options.weights);
  const resolved = options.weighting ? resolveWeighting({ data, framework, options, manual, aggregateWith }) : null;
  const weights = resolved?.weights ?? manual;
  const { columns, belowThreshold } = aggregateWith(data, framework, options, weights);
  const used: AggregateDetails['weights'] = {};
  for (const agg of aggregateNodes(framework)) {
    const w = weights.get(agg.code) ?? [];
    used[agg.code] = Object.fromEntries((kids.get(agg.code) ?? []).map((c, i) => [c.code, w[i] as number]));
  }
  return {
    data: { ...data, columns },
    record: {
      step: 'aggregate',
      follows: resolved ? `COINr Aggregate() a_amean / a_gmean / a_hmean, weights ${resolved.follows}` : 'COINr Aggregate() a_amean / a_gmean / a_hmean',
      options: {
        method: options.method ?? 'arithmetic',
        datThresh: options.datThresh ?? null,
        weights: options.weights ?? {},
        ...(resolved ? { weighting: resolved.asRun } : {}),
      },
      details: { weights: used, belowThreshold, weighting: resolved?.details ?? null },
    },
  };
}
