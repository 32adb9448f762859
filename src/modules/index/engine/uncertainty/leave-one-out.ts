/**
 * Leave-one-out: the index recomputed without one indicator, or without one aggregate (a category), everything
 * else nominal; the shift of every score and rank from the nominal results. As in COINr's `remove_elements()`,
 * the removed element's siblings share its weight (weights are re-normalised within the parent); an aggregate left
 * with no children is removed too. The steps before aggregation are not rerun: they work indicator by indicator,
 * except unit screening, which here keeps the nominal units.
 */
import { aggregateRun, nominalRun, rankRun, scratchFor } from './kernel.js';
import type { Model } from './model.js';

export interface LeaveOneOutOptions {
  /** Leave out each indicator (default true). */
  indicators?: boolean;
  /** Leave out each aggregate of this level; default the level just below the top (the categories). */
  level?: number;
}

export interface LeftOut {
  removed: string;
  kind: 'indicator' | 'aggregate';
  /** Per target: score and rank shift of every row (result − nominal), and summaries of the absolute rank shift. */
  targets: { code: string; scoreShift: (number | null)[]; rankShift: (number | null)[]; meanAbsRankShift: number; maxAbsRankShift: number }[];
}

export interface LeaveOneOutResult {
  level: number;
  results: LeftOut[];
}

/** The aggregates with `removed` (a node index) taken out of its parent, and emptied aggregates taken out in turn. */
function prune(model: Model, removed: number): Model['aggregates'] {
  const gone = new Set([removed]);
  let changed = true;
  let aggs = model.aggregates;
  while (changed) {
    changed = false;
    aggs = aggs.map((a) => ({ ...a, children: a.children.filter((c) => !gone.has(c)) }));
    for (const a of aggs) {
      if (a.children.length === 0 && !gone.has(a.node)) {
        gone.add(a.node);
        changed = true;
      }
    }
  }
  return aggs;
}

export function leaveOneOut(model: Model, options: LeaveOneOutOptions = {}): LeaveOneOutResult {
  const n = model.nRows;
  const nInd = model.nIndicators;
  const topLevel = Math.max(...model.aggregates.map((a) => a.level));
  const level = options.level ?? topLevel - 1;
  const nominal = nominalRun(model);
  const scratch = scratchFor(model);
  const candidates: { node: number; kind: LeftOut['kind'] }[] = [];
  if (options.indicators ?? true) for (let i = 0; i < nInd; i++) candidates.push({ node: i, kind: 'indicator' });
  for (const a of model.aggregates) if (a.level === level && a.level < topLevel) candidates.push({ node: a.node, kind: 'aggregate' });
  const ranks = new Int32Array(n);
  const results = candidates.map(({ node, kind }): LeftOut => {
    aggregateRun(model, prune(model, node), model.nominalVariant, model.nominalMethods, model.baseWeights, scratch);
    return {
      removed: model.nodeCodes[node] as string,
      kind,
      targets: model.targets.map((target, t) => {
        const scores = scratch.out.subarray((target - nInd) * n, (target - nInd + 1) * n);
        rankRun(model, scores, 0, ranks, 0, scratch);
        const nomS = nominal.scores[t] as Float64Array;
        const nomR = nominal.ranks[t] as Int32Array;
        let sum = 0;
        let count = 0;
        let max = 0;
        const rankShift: (number | null)[] = [];
        const scoreShift: (number | null)[] = [];
        for (let r = 0; r < n; r++) {
          const s = (scores[r] as number) - (nomS[r] as number);
          scoreShift.push(Number.isFinite(s) ? s : null);
          const a = ranks[r] as number;
          const b = nomR[r] as number;
          if (a === 0 || b === 0) {
            rankShift.push(null);
            continue;
          }
          rankShift.push(a - b);
          sum += Math.abs(a - b);
          max = Math.max(max, Math.abs(a - b));
          count++;
        }
        return { code: model.nodeCodes[target] as string, scoreShift, rankShift, meanAbsRankShift: count > 0 ? sum / count : Number.NaN, maxAbsRankShift: max };
      }),
    };
  });
  return { level, results };
}
