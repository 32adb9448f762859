/**
 * The whole construction: the configured steps in the configured order, then aggregation and ranking.
 * Every step's options (defaults filled in) and what it did are returned, with the data after each step, so a
 * score can be explained down to the raw value and a methodology page generated from the actual run.
 */
import { aggregate, type AggregateOptions } from './aggregate.js';
import { aggregateNodes, rowsByTime } from './data-table.js';
import { denominate, type DenominateOptions } from './denominate.js';
import { impute, type ImputeOptions } from './impute.js';
import { normalise, type NormaliseOptions } from './normalise.js';
import { screenUnits, type ScreenOptions } from './screen.js';
import { rankMin } from './stats.js';
import { treatOutliers, type TreatOptions } from './treat.js';
import type { DataTable, IndexDataset, StepRecord, StepResult, UnitKey } from './types.js';

export type PipelineStep =
  | ({ step: 'denominate' } & DenominateOptions)
  | ({ step: 'screen' } & ScreenOptions)
  | ({ step: 'impute' } & ImputeOptions)
  | ({ step: 'treat' } & TreatOptions)
  | ({ step: 'normalise' } & NormaliseOptions);

export interface PipelineConfig {
  /** Steps before aggregation, in order. Normalisation is added with its default when absent. */
  steps: PipelineStep[];
  aggregate?: AggregateOptions;
}

/** COINr's defaults when each function is called bare: denominate as iMeta says, Treat(), Normalise(), Aggregate(). */
export const DEFAULT_PIPELINE: PipelineConfig = { steps: [{ step: 'denominate' }, { step: 'treat' }, { step: 'normalise' }] };

/** COINr `build_example_coin()` (R/examples.R): the configuration behind COINr's published ASEM results. */
export const COINR_ASEM_EXAMPLE: PipelineConfig = {
  steps: [
    { step: 'denominate' },
    { step: 'impute', method: 'groupMean', group: 'EurAsia_group' },
    { step: 'screen', unitScreen: 'byNA', datThresh: 0.9 },
    { step: 'treat', winmax: 5 },
    { step: 'normalise', method: 'minmax', lower: 0, upper: 100 },
  ],
  aggregate: { method: 'arithmetic' },
};

export interface PipelineResult {
  /** The configuration as run, each step with its defaults filled in. */
  config: PipelineConfig;
  records: StepRecord[];
  /** The data after each step (the last one holds indicator scores and aggregates). */
  stages: { step: string; data: DataTable }[];
  units: UnitKey[];
  /** Score of every aggregate (pillars, sub-indices, index) per unit, aligned with `units`. */
  scores: Record<string, (number | null)[]>;
  /** Rank 1 = highest score, within each time point; ties share the lowest rank (COINr `rank_df`). */
  ranks: Record<string, (number | null)[]>;
}

function runStep(step: PipelineStep, data: DataTable, dataset: IndexDataset): StepResult {
  const { framework } = dataset;
  const { step: name, ...options } = step;
  switch (name) {
    case 'denominate':
      return denominate(data, framework, options as DenominateOptions);
    case 'screen':
      return screenUnits(data, framework, options as ScreenOptions);
    case 'impute':
      return impute(data, framework, options as ImputeOptions);
    case 'treat':
      return treatOutliers(data, framework, options as TreatOptions);
    case 'normalise':
      return normalise(data, framework, options as NormaliseOptions);
  }
}

/**
 * The steps given, in order, from `data` (the dataset's own by default): the data `runPipeline` holds after them,
 * without the records, the normalisation default or the aggregation. For the uncertainty analysis, which builds many
 * variants sharing their first steps.
 */
export function runSteps(dataset: IndexDataset, steps: readonly PipelineStep[], data: DataTable = dataset.data): DataTable {
  let current = data;
  for (const step of steps) current = runStep(step, current, dataset).data;
  return current;
}

/** The steps `runPipeline` runs: the configured ones, with the default normalisation added when there is none. */
export const stepsToRun = (steps: readonly PipelineStep[]): PipelineStep[] =>
  steps.some((s) => s.step === 'normalise') ? [...steps] : [...steps, { step: 'normalise' } as PipelineStep];

/** Runs the pipeline; pure (the dataset is not modified). Throws EngineError where COINr would stop. */
export function runPipeline(dataset: IndexDataset, config: PipelineConfig = DEFAULT_PIPELINE): PipelineResult {
  const steps = stepsToRun(config.steps);
  let data = dataset.data;
  const records: StepRecord[] = [];
  const stages: PipelineResult['stages'] = [];
  for (const step of steps) {
    const result = runStep(step, data, dataset);
    data = result.data;
    records.push(result.record);
    stages.push({ step: step.step, data });
  }
  const agg = aggregate(data, dataset.framework, config.aggregate);
  records.push(agg.record);
  stages.push({ step: 'aggregate', data: agg.data });

  const scores: PipelineResult['scores'] = {};
  const ranks: PipelineResult['ranks'] = {};
  const slices = rowsByTime(agg.data);
  for (const node of aggregateNodes(dataset.framework)) {
    const values = agg.data.columns[node.code]?.values ?? [];
    scores[node.code] = values;
    const rank: (number | null)[] = values.map(() => null);
    for (const rows of slices) {
      const r = rankMin(rows.map((i) => (values[i] === null || values[i] === undefined ? null : -(values[i] as number))));
      rows.forEach((i, k) => (rank[i] = r[k] ?? null));
    }
    ranks[node.code] = rank;
  }
  const asRun: PipelineConfig = {
    steps: steps.map((s, i) => ({ step: s.step, ...(records[i]?.options ?? {}) }) as PipelineStep),
    aggregate: agg.record.options as AggregateOptions,
  };
  return { config: asRun, records, stages, units: agg.data.units, scores, ranks };
}
