/**
 * The published form of an index edition, and the pure rules that make it: `buildSnapshot` turns the engine's
 * results (pipeline, Monte Carlo uncertainty, coverage) into the presentation-ready snapshot the public pages and
 * the API serve (what changed from the previous edition is in index.changes.ts). No I/O here.
 *
 * `EditionSnapshot` is a public contract (pages, API, downloads): add fields freely, but change or remove one only
 * with a new `format` number.
 */
import { aggregateNodes, indicatorNodes, rowsByTime } from './engine/data-table.js';
import type { PipelineConfig, PipelineResult } from './engine/pipeline.js';
import { rankMin } from './engine/stats.js';
import type { IndexDataset } from './engine/types.js';
import type { AggregateDetails } from './engine/aggregate.js';
import type { UncertaintyResult, UncertaintySpec } from './engine/uncertainty/index.js';

// ——— Stored inputs ———

/** A COINr table as parsed from CSV/XLSX: header order and every cell as text (`NA` for missing). */
export interface StoredTable {
  columns: string[];
  rows: Record<string, string>[];
}

/** Framework parts that have no data yet: listed on the public pages, never filled with invented values. */
export interface WithoutData {
  /** Categories (or any aggregate) absent from iMeta because none of their indicators has data. */
  categories: { code: string; name: string }[];
  /** Indicators of the framework with no data source yet, with where they would sit and why they are not measured. */
  indicators: { code: string; name: string; category: string; subDimension: string; rationale: string }[];
}

/** `index_editions.framework`: iMeta as parsed plus what the framework holds without data. */
export interface EditionFramework {
  iMeta: StoredTable;
  withoutData: WithoutData;
}

/** `index_editions.dataset`: iData as parsed, and the source name recorded on every cell. */
export interface EditionDataset {
  iData: StoredTable;
  source: string;
}

/** How the uncertainty analysis of an edition is run. */
export interface UncertaintySettings {
  /** Seed of the Monte Carlo design: the same seed gives the same bands. */
  seed: number;
  /** Run budget (COINr's N·(k + 2) runs are made, N = ⌊runs / (k + 2)⌋). */
  runs: number;
  /** Every weight w of every level below the index varies as w·(1 ± p); 0.25 = ±25 %. */
  weightPerturbation: number;
}

/** `index_editions.config`: the pipeline as the secretariat configured it, and the uncertainty settings. */
export interface EditionConfig {
  pipeline: PipelineConfig;
  uncertainty: UncertaintySettings;
}

/** Preview default: modest, seeded and fast (a few hundred milliseconds on a small edition). */
export const DEFAULT_UNCERTAINTY: UncertaintySettings = { seed: 20_240_501, runs: 512, weightPerturbation: 0.25 };

/** The engine's uncertainty spec for an edition: one weight factor per level below the top, bands for every aggregate. */
export function uncertaintySpec(dataset: IndexDataset, settings: UncertaintySettings): UncertaintySpec {
  const aggregates = aggregateNodes(dataset.framework);
  const top = Math.max(...aggregates.map((n) => n.level));
  const levels = Array.from({ length: top - 1 }, (_, i) => i + 1);
  return {
    seed: settings.seed,
    runs: settings.runs,
    weights: levels.map((level) => ({ level, perturbation: settings.weightPerturbation })),
    targets: aggregates.map((n) => n.code),
    percentiles: [5, 50, 95],
  };
}

// ——— The snapshot: the contract of the public pages ———

/** One node of the framework tree as published. */
export interface SnapshotNode {
  /** iMeta `iCode`, stable across editions when the measure is the same. */
  code: string;
  /** iMeta `iName` (English, as the framework gives it). */
  name: string;
  /** 1 = indicator; each aggregate is one above its children; the index is the highest. */
  level: number;
  kind: 'indicator' | 'aggregate';
  /** Code of the aggregate this node feeds; null for the index. */
  parent: string | null;
  /** Weight relative to its siblings, as configured (null = equal weights). */
  weight: number | null;
  /** 1: higher raw value is better; -1: lower is better (scores are already turned so higher is better). */
  direction: 1 | -1;
  /** Unit of the raw values (indicators), null when not given. */
  unit: string | null;
  /** iMeta `Source`, `Licence` and `Note` where the edition's iMeta has them (evidence links, provenance). */
  source: string | null;
  licence: string | null;
  note: string | null;
  /**
   * Set on an indicator whose raw values were left out (every row's `raw` null) because the source's licence does not
   * allow redistributing them: `licence`. Absent when the raw values are given.
   */
  rawWithheld?: 'licence';
  /**
   * Set on a node whose scores, ranks and bands were left out (scores and ranks null, bands absent in every row, no
   * Sobol indices) for the same reason: an indicator of such a source (its normalised score is a rescaling of the raw
   * value), or an aggregate all of whose indicators are withheld (it carries the same numbers). Absent when given.
   */
  scoresWithheld?: 'licence';
}

/** The 5th, 50th and 95th percentiles over the Monte Carlo runs; null where every run left the value missing. */
export interface Band {
  p5: number | null;
  p50: number | null;
  p95: number | null;
}

/** Results of one unit at one time point. */
export interface SnapshotRow {
  /** Unit code (iData `uCode`, ISO 3166-1 alpha-3 for countries). */
  unit: string;
  /** Time point (iData `Time`), null when the data have no time. */
  time: number | null;
  /** Indicator values as imported (before denomination, imputation or treatment); null = missing. */
  raw: Record<string, number | null>;
  /**
   * Score of every node: for indicators the normalised value (after denomination, imputation, treatment, in the
   * normalisation's scale), for aggregates the aggregated score; null = missing (below a data threshold).
   */
  scores: Record<string, number | null>;
  /** Rank of every node among the units of this time point: 1 = best, ties share the lowest rank; null = missing. */
  ranks: Record<string, number | null>;
  /**
   * Uncertainty bands of every aggregate's score and rank (indicators have none: their values are data); absent for
   * a node marked `scoresWithheld`.
   */
  bands: Record<string, { score: Band; rank: Band }>;
}

/**
 * An estimate with its confidence interval (`SnapshotUncertainty.interval`), as computed: a Sobol estimate can fall
 * below 0 or above 1 by sampling noise alone, which the interval shows. Null where undefined.
 */
export interface Estimate {
  estimate: number | null;
  low: number | null;
  high: number | null;
}

/** First-order and total Sobol indices of one uncertain choice for one aggregate. */
export interface SensitivityIndex {
  /** Factor name as the engine reports it, e.g. "weights, level 1". */
  factor: string;
  /** Share of the variance of the mean absolute rank shift explained by this choice alone; null = undefined. */
  first: number | null;
  /** Share explained by this choice including its interactions; null = undefined. */
  total: number | null;
  /** `first` with its confidence interval; absent from editions published before intervals were computed. */
  firstInterval?: Estimate;
  /** `total` with its confidence interval; absent likewise. */
  totalInterval?: Estimate;
}

/** Why the runs made differ from the runs asked for; absent from editions published before it was recorded. */
export interface RunsDesign {
  /** The run budget the edition was configured with. */
  requested: number;
  /** Base sample N of the Saltelli design. */
  baseSample: number;
  /** Blocks of N runs: the samples A and B and one per uncertain choice (k + 2). */
  blocks: number;
  /** In English, for readers of the JSON: null when every run asked for was made. */
  reason: string | null;
}

/** How the bands were computed: enough to reproduce them exactly. */
export interface SnapshotUncertainty {
  seed: number;
  /** Monte Carlo runs made: the largest multiple of the design's blocks within the runs asked for (`design`). */
  runs: number;
  design?: RunsDesign;
  /** How the confidence intervals of the Sobol indices were computed; absent from editions published before. */
  interval?: { level: number; resamples: number; method: string };
  /** Percentiles of the bands: always [5, 50, 95]. */
  percentiles: number[];
  /** The uncertain choices: weights of a level perturbed by ±perturbation, or alternatives drawn with equal odds. */
  factors: { name: string; kind: string; alternatives: number | null; perturbation: number | null }[];
  /** Sobol indices per aggregate code, one entry per factor, on the aggregate's ranks. */
  sensitivity: Record<string, SensitivityIndex[]>;
}

/** What the edition measures and what it does not: shown plainly, never hidden. */
export interface SnapshotCoverage {
  /** Every indicator with data: how many units have a raw value, per time point (key: the time, or "all"). */
  indicators: { code: string; name: string; unitsWithData: Record<string, number> }[];
  /** Framework parts without data yet (from the edition's framework). */
  withoutData: WithoutData;
}

/** The presentation-ready result of an edition, stored once at publication and served as is. */
export interface EditionSnapshot {
  /** Version of this contract. */
  format: 1;
  /** Code of the top node (the index). */
  top: string;
  /** Time points, ascending (a single null when the data have no time). */
  times: (number | null)[];
  /** Every unit with results, by code, with its name as iData gives it (the code when none). */
  units: { code: string; name: string }[];
  /** The framework tree: aggregates from the top down, then indicators, iMeta order within a level. */
  nodes: SnapshotNode[];
  /** One row per unit × time with results, ordered by time then unit code. */
  rows: SnapshotRow[];
  uncertainty: SnapshotUncertainty;
  coverage: SnapshotCoverage;
  /** The pipeline configuration as run (every default filled in): the methodology page is generated from it. */
  config: PipelineConfig;
}

/** Map key of one unit at one time point. */
export const keyOf = (unit: string, time: number | null) => `${unit}\u0000${time ?? ''}`;

/** Order of published rows and changes: by time point, then unit code. */
export const byTimeThenUnit = (a: { unit: string; time: number | null }, b: { unit: string; time: number | null }) =>
  (a.time ?? 0) - (b.time ?? 0) || (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0);
const textOrNull = (v: string | undefined) => (v === undefined || v === '' || v === 'NA' ? null : v);

function band(values: (number | null)[] | undefined): Band {
  return { p5: values?.[0] ?? null, p50: values?.[1] ?? null, p95: values?.[2] ?? null };
}

/** The requested time point if the edition has it, else its latest (pages asked for `?time=` they do not have). */
export function pickTime(snapshot: EditionSnapshot, requested: number | '' | undefined): number | null {
  if (typeof requested === 'number' && snapshot.times.includes(requested)) return requested;
  return snapshot.times[snapshot.times.length - 1] ?? null;
}

const INTERVAL_METHOD = 'percentile bootstrap over the base samples of the Saltelli design, seeded from the edition seed';

/** Runs asked for and made, and why they differ: the Saltelli design makes whole blocks of N runs. */
export function runsDesign(u: Pick<UncertaintyResult, 'requestedRuns' | 'runs' | 'n'>): RunsDesign {
  const blocks = u.n > 0 ? u.runs / u.n : 0;
  const reason = u.requestedRuns === u.runs ? null
    : `${u.runs} of the ${u.requestedRuns} runs asked for were made: the Saltelli design behind the Sobol indices runs ` +
      `the model in ${blocks} blocks of N = ${u.n} (the samples A and B, and one block per uncertain choice), so the ` +
      `budget is rounded down to a multiple of ${blocks}.`;
  return { requested: u.requestedRuns, baseSample: u.n, blocks, reason };
}

function sensitivityIndex(s: UncertaintyResult['targets'][number]['sensitivity'][number]): SensitivityIndex {
  return {
    factor: s.factor, first: s.first, total: s.total,
    firstInterval: { estimate: s.first, ...s.firstInterval }, totalInterval: { estimate: s.total, ...s.totalInterval },
  };
}

/**
 * The snapshot of a run: pipeline results, the uncertainty analysis of the same dataset and configuration, and the
 * framework parts without data. Pure and deterministic (same inputs, same snapshot).
 */
export function buildSnapshot(input: {
  dataset: IndexDataset;
  result: PipelineResult;
  uncertainty: UncertaintyResult;
  withoutData: WithoutData;
}): EditionSnapshot {
  const { dataset, result, uncertainty, withoutData } = input;
  const { framework } = dataset;
  const aggregates = aggregateNodes(framework);
  const indicators = indicatorNodes(framework);
  const metaByCode = new Map(framework.meta.rows.map((r) => [r.iCode ?? '', r]));
  const top = [...aggregates].sort((a, b) => b.level - a.level)[0]?.code ?? '';
  const ordered = [
    ...aggregates.map((n, i) => ({ n, i })).sort((a, b) => b.n.level - a.n.level || a.i - b.i).map(({ n }) => n),
    ...indicators,
  ];
  // With `aggregate.weighting` (equal, PCA, optimised) the weights come from the data: publish those actually used.
  const aggregation = result.records.find((r) => r.step === 'aggregate')?.details as AggregateDetails | undefined;
  const used = aggregation?.weighting ? aggregation.weights : {};
  const nodes: SnapshotNode[] = ordered.map((n) => {
    const meta = metaByCode.get(n.code) ?? {};
    return {
      code: n.code, name: n.name, level: n.level, kind: n.type === 'Indicator' ? 'indicator' : 'aggregate', parent: n.parent,
      weight: (n.parent ? used[n.parent]?.[n.code] : undefined) ?? n.weight, direction: n.direction, unit: n.unit,
      source: textOrNull(meta.Source), licence: textOrNull(meta.Licence), note: textOrNull(meta.Note),
    };
  });

  // Indicator scores are the normalised values the aggregation used; their ranks are computed per time point.
  const final = result.stages[result.stages.length - 1]?.data;
  const indicatorRanks = new Map<string, (number | null)[]>();
  for (const ind of indicators) {
    const values = final?.columns[ind.code]?.values ?? [];
    const rank: (number | null)[] = values.map(() => null);
    if (final) {
      for (const rows of rowsByTime(final)) {
        const r = rankMin(rows.map((i) => (values[i] === null || values[i] === undefined ? null : -(values[i] as number))));
        rows.forEach((i, k) => (rank[i] = r[k] ?? null));
      }
    }
    indicatorRanks.set(ind.code, rank);
  }

  const rawRow = new Map(dataset.data.units.map((u, i) => [keyOf(u.uCode, u.time), i]));
  const mcRow = new Map(uncertainty.units.map((u, i) => [keyOf(u.uCode, u.time), i]));
  const rows: SnapshotRow[] = result.units.map((u, i) => {
    const raw: Record<string, number | null> = {};
    const scores: Record<string, number | null> = {};
    const ranks: Record<string, number | null> = {};
    const bands: SnapshotRow['bands'] = {};
    const source = rawRow.get(keyOf(u.uCode, u.time));
    const mc = mcRow.get(keyOf(u.uCode, u.time));
    for (const ind of indicators) {
      raw[ind.code] = source === undefined ? null : (dataset.data.columns[ind.code]?.values[source] ?? null);
      scores[ind.code] = final?.columns[ind.code]?.values[i] ?? null;
      ranks[ind.code] = indicatorRanks.get(ind.code)?.[i] ?? null;
    }
    for (const agg of aggregates) {
      scores[agg.code] = result.scores[agg.code]?.[i] ?? null;
      ranks[agg.code] = result.ranks[agg.code]?.[i] ?? null;
      const target = uncertainty.targets.find((t) => t.code === agg.code);
      if (target) bands[agg.code] = { score: band(mc === undefined ? undefined : target.scoreBands[mc]), rank: band(mc === undefined ? undefined : target.rankBands[mc]) };
    }
    return { unit: u.uCode, time: u.time, raw, scores, ranks, bands };
  });
  rows.sort(byTimeThenUnit);

  const names = new Map<string, string>();
  for (const u of result.units) if (!names.has(u.uCode)) names.set(u.uCode, u.uName ?? u.uCode);
  const units = [...names].map(([code, name]) => ({ code, name })).sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const times = [...new Set(result.units.map((u) => u.time))].sort((a, b) => (a ?? 0) - (b ?? 0));

  const coverage: SnapshotCoverage = {
    indicators: indicators.map((ind) => {
      const values = dataset.data.columns[ind.code]?.values ?? [];
      const unitsWithData: Record<string, number> = {};
      dataset.data.units.forEach((u, i) => {
        const key = u.time === null ? 'all' : String(u.time);
        unitsWithData[key] = (unitsWithData[key] ?? 0) + (values[i] === null || values[i] === undefined ? 0 : 1);
      });
      return { code: ind.code, name: ind.name, unitsWithData };
    }),
    withoutData,
  };

  return {
    format: 1, top, times, units, nodes, rows,
    uncertainty: {
      seed: uncertainty.seed, runs: uncertainty.runs, design: runsDesign(uncertainty),
      interval: { ...uncertainty.interval, method: INTERVAL_METHOD },
      percentiles: uncertainty.percentiles,
      factors: uncertainty.factors.map((f) => ({ name: f.name, kind: f.kind, alternatives: f.alternatives, perturbation: f.perturbation })),
      sensitivity: Object.fromEntries(uncertainty.targets.map((t) => [t.code, t.sensitivity.map(sensitivityIndex)])),
    },
    coverage,
    config: result.config,
  };
}
