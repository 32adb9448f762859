/**
 * Explanation of a score (issue 5, "for any score, its decomposition down to each indicator's raw value, treatment
 * and source"): a tree from the requested node (default: the top of the framework) down to the indicators, read
 * from a `PipelineResult` (its stages and step records) and the dataset it was run on. Nothing is recomputed but the
 * contributions, which use the very weights and values `aggregate()` used.
 *
 * Contributions of the present children of an aggregate with weights w (as used: iMeta or override), values x:
 *  - arithmetic: wᵢ·xᵢ / Σw — they add up to the aggregate score;
 *  - geometric:  wᵢ·ln xᵢ / Σw — "log" contributions, they add up to ln(score) (score = exp of their sum);
 *  - harmonic:   (wᵢ / xᵢ) / Σw — "reciprocal" contributions, they add up to 1/score (score = 1 / their sum).
 * A missing child has no contribution and no used weight (its weight is dropped and the rest re-normalised, as
 * COINr does); an aggregate below its data threshold has a null score and no contributions.
 */
import { perLevel, type AggregateDetails, type AggregateOptions, type AggregationMethod } from './aggregate.js';
import type { DenominateDetails } from './denominate.js';
import { childrenByParent, EngineError } from './data-table.js';
import type { ImputeDetails } from './impute.js';
import type { PipelineResult } from './pipeline.js';
import type { TreatIndicatorDetail } from './treat.js';
import type { CellOrigin, DataTable, Direction, FrameworkNode, IndexDataset, StepRecord } from './types.js';

export interface ExplainTarget {
  uCode: string;
  /** Time point; may be omitted when the unit has a single row in the results. */
  time?: number | null;
  /** Aggregate or indicator to explain; default the top of the tree. */
  node?: string;
}

/** What a contribution is measured in: the score itself, its logarithm (geometric) or its reciprocal (harmonic). */
export type ContributionBasis = 'score' | 'log' | 'reciprocal';

export interface ChildContribution {
  code: string;
  /** Weight as configured for the aggregation (iMeta, or the override). */
  weight: number;
  /** Weight re-normalised over the present children (sums to 1 over them); null when the child is missing. */
  weightUsed: number | null;
  /** The child's value entering the aggregation (normalised indicator or child aggregate score). */
  value: number | null;
  /** See `ContributionBasis`; null when the child is missing or the parent has no score. */
  contribution: number | null;
  explanation: ScoreExplanation;
}

export interface AggregateExplanation {
  kind: 'aggregate';
  code: string;
  name: string;
  level: number;
  score: number | null;
  /** Rank within the time point (1 = highest, ties share the lowest). */
  rank: number | null;
  method: AggregationMethod;
  datThresh: number | null;
  /** The row had fewer present children than the threshold asks: score missing. */
  belowThreshold: boolean;
  basis: ContributionBasis;
  /** Σ contributions: the score (arithmetic), ln(score) (geometric) or 1/score (harmonic); null without a score. */
  contributionTotal: number | null;
  /** A sentence saying how to read the contributions. */
  reading: string;
  children: ChildContribution[];
}

export interface StepTrace {
  step: string;
  before: number | null;
  after: number | null;
  origin: CellOrigin;
}

export interface IndicatorExplanation {
  kind: 'indicator';
  code: string;
  name: string;
  direction: Direction;
  unit: string | null;
  /** The value as imported (null = missing in iData). */
  raw: number | null;
  /** Source of the imported cell. */
  source: string | null;
  denominator: { code: string; value: number | null; scaleFactor: number; denominatedValue: number | null } | null;
  imputation: { method: string; from: string; value: number } | null;
  treatment: {
    action: TreatIndicatorDetail['action'] | 'skipped';
    /** This cell's value was changed by the treatment (a winsorised point, or every point of a log-transformed indicator-year). */
    changed: boolean;
    before: number | null;
    after: number | null;
    skew: number | null;
    kurt: number | null;
    nwin: number;
    passesAfter: boolean | null;
  } | null;
  normalised: number | null;
  normalisation: Record<string, unknown> | null;
  /** Origin of the cell at aggregation: raw, imputed or treated. */
  origin: CellOrigin;
  /** Source of the cell at aggregation (an imputed cell names its imputation; panel imputation the donor's source). */
  finalSource: string | null;
  /** The value after each step, in the order run. */
  steps: StepTrace[];
}

export type ScoreExplanation = AggregateExplanation | IndicatorExplanation;

const rowIn = (data: DataTable, uCode: string, time: number | null): number =>
  data.units.findIndex((u) => u.uCode === uCode && u.time === time);

const valueIn = (data: DataTable, row: number, code: string): number | null => (row < 0 ? null : (data.columns[code]?.values[row] ?? null));

const READING: Record<AggregationMethod, string> = {
  arithmetic: 'arithmetic mean: each contribution is weight × child score / sum of the present children’s weights; the contributions add up to the score',
  geometric: 'geometric mean: each contribution is weight × ln(child score) / sum of the present children’s weights (a log share); they add up to ln(score), and score = exp(sum)',
  harmonic: 'harmonic mean: each contribution is (weight / child score) / sum of the present children’s weights (a reciprocal share); they add up to 1/score, and score = 1 / sum',
};
const BASIS: Record<AggregationMethod, ContributionBasis> = { arithmetic: 'score', geometric: 'log', harmonic: 'reciprocal' };

/** Decomposes the score of `target.node` for one unit × time of a pipeline result. Throws EngineError for an unknown unit or node. */
export function explainScore(result: PipelineResult, dataset: IndexDataset, target: ExplainTarget): ScoreExplanation {
  const { framework } = dataset;
  const matches = result.units.flatMap((u, r) => (u.uCode === target.uCode && (target.time === undefined || u.time === target.time) ? [r] : []));
  if (matches.length === 0) {
    throw new EngineError('explain.unit.unknown', `no row for ${target.uCode}${target.time === undefined ? '' : ` at ${target.time}`} in the results (unknown, or screened out)`);
  }
  if (matches.length > 1) throw new EngineError('explain.time.ambiguous', `${target.uCode} has ${matches.length} time points: give one`);
  const row = matches[0] as number;
  const time = result.units[row]?.time ?? null;
  const byCode = new Map(framework.nodes.map((n) => [n.code, n]));
  const top = framework.nodes.find((n) => n.parent === null && n.type === 'Aggregate');
  const start = target.node === undefined ? top : byCode.get(target.node);
  if (!start) throw new EngineError('explain.node.unknown', `${target.node ?? 'the top of the tree'} is not in the framework`);

  const aggIndex = result.records.findIndex((r) => r.step === 'aggregate');
  const aggRecord = result.records[aggIndex] as StepRecord<AggregateDetails> | undefined;
  const aggData = result.stages[aggIndex]?.data;
  if (!aggRecord || !aggData) throw new EngineError('explain.result.incomplete', 'the result has no aggregation stage');
  const aggOptions = aggRecord.options as AggregateOptions & { datThresh?: AggregateOptions['datThresh'] | null };
  const kids = childrenByParent(framework);
  const aggRow = rowIn(aggData, target.uCode, time);

  const explainIndicator = (node: FrameworkNode): IndicatorExplanation =>
    traceIndicator(result, dataset, node, target.uCode, time);

  const explainAggregate = (node: FrameworkNode): AggregateExplanation => {
    const method = perLevel(aggOptions.method, node.level) ?? 'arithmetic';
    const datThresh = perLevel(aggOptions.datThresh, node.level) ?? null;
    const score = valueIn(aggData, aggRow, node.code);
    const children = kids.get(node.code) ?? [];
    const used = aggRecord.details.weights[node.code] ?? {};
    const values = children.map((c) => valueIn(aggData, aggRow, c.code));
    const weights = children.map((c) => used[c.code] ?? aggOptions.weights?.[c.code] ?? c.weight ?? 0);
    let sw = 0;
    values.forEach((v, i) => {
      if (v !== null) sw += weights[i] as number;
    });
    const scored = score !== null;
    const contributionOf = (v: number, w: number): number =>
      method === 'arithmetic' ? (w * v) / sw : method === 'geometric' ? (w * Math.log(v)) / sw : w / v / sw;
    const childList: ChildContribution[] = children.map((c, i) => {
      const v = values[i] as number | null;
      const w = weights[i] as number;
      return {
        code: c.code,
        weight: w,
        weightUsed: v === null || !scored ? null : w / sw,
        value: v,
        contribution: v === null || !scored ? null : contributionOf(v, w),
        explanation: c.type === 'Indicator' ? explainIndicator(c) : explainAggregate(c),
      };
    });
    const present = childList.filter((c) => c.contribution !== null);
    return {
      kind: 'aggregate',
      code: node.code,
      name: node.name,
      level: node.level,
      score,
      rank: result.ranks[node.code]?.[row] ?? null,
      method,
      datThresh,
      belowThreshold: aggRecord.details.belowThreshold[node.code]?.some((u) => u.uCode === target.uCode && u.time === time) ?? false,
      basis: BASIS[method],
      contributionTotal: scored ? present.reduce((s, c) => s + (c.contribution as number), 0) : null,
      reading: READING[method],
      children: childList,
    };
  };

  return start.type === 'Indicator' ? explainIndicator(start) : explainAggregate(start);
}

/** An indicator cell followed through every stage of the run. */
function traceIndicator(result: PipelineResult, dataset: IndexDataset, node: FrameworkNode, uCode: string, time: number | null): IndicatorExplanation {
  const rawRow = rowIn(dataset.data, uCode, time);
  const raw = valueIn(dataset.data, rawRow, node.code);
  const source = rawRow < 0 ? null : (dataset.data.columns[node.code]?.source[rawRow] ?? null);
  const out: IndicatorExplanation = {
    kind: 'indicator', code: node.code, name: node.name, direction: node.direction, unit: node.unit,
    raw, source, denominator: null, imputation: null, treatment: null, normalised: null, normalisation: null,
    origin: 'raw', finalSource: source, steps: [],
  };
  let prev = dataset.data;
  result.records.forEach((record, i) => {
    const data = result.stages[i]?.data;
    if (!data) return;
    const pr = rowIn(prev, uCode, time);
    const r = rowIn(data, uCode, time);
    const before = valueIn(prev, pr, node.code);
    const after = valueIn(data, r, node.code);
    const column = data.columns[node.code];
    const origin = r < 0 ? 'raw' : (column?.origin[r] ?? 'raw');
    out.steps.push({ step: record.step, before, after, origin });
    if (r >= 0 && record.step !== 'aggregate') {
      out.origin = origin;
      out.finalSource = column?.source[r] ?? null;
    }
    switch (record.step) {
      case 'denominate': {
        const d = (record.details as DenominateDetails).denominated[node.code];
        if (d !== undefined) {
          const scale = (record.options.scaleFactors as Record<string, number> | undefined)?.[node.code] ?? 1;
          out.denominator = { code: d, value: valueIn(prev, pr, d), scaleFactor: scale, denominatedValue: after };
        }
        break;
      }
      case 'impute': {
        const hit = (record.details as ImputeDetails).imputed.find((x) => x.iCode === node.code && x.uCode === uCode && x.time === time);
        if (hit) out.imputation = { method: String(record.options.method), from: hit.from, value: hit.value };
        break;
      }
      case 'treat': {
        const skip = (record.options.skip as string[] | undefined) ?? [];
        const d = (record.details as TreatIndicatorDetail[]).find((x) => x.iCode === node.code && x.time === time);
        if (skip.includes(node.code) || !d) {
          out.treatment = { action: 'skipped', changed: false, before, after, skew: null, kurt: null, nwin: 0, passesAfter: null };
        } else {
          out.treatment = {
            action: d.action, changed: before !== after, before, after, skew: d.skew, kurt: d.kurt, nwin: d.nwin, passesAfter: d.passesAfter,
          };
        }
        break;
      }
      case 'normalise':
        out.normalised = after;
        out.normalisation = record.options;
        break;
    }
    prev = data;
  });
  return out;
}
