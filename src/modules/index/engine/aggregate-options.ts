/**
 * The options of aggregation and of data-driven weighting, apart from the code that uses them: `aggregate.ts` runs
 * `weighting.ts`, which needs the aggregation's options and weight map; both import them from here (no import loop).
 */
import type { OptimisationType } from './weights-optimise.js';

export type AggregationMethod = 'arithmetic' | 'geometric' | 'harmonic';

export interface AggregateOptions {
  /** One method for all levels, or one per level keyed by the level being built (2, 3, …). */
  method?: AggregationMethod | Record<number, AggregationMethod>;
  /** Data-availability threshold in [0, 1], for all levels or per level being built. */
  datThresh?: number | Record<number, number>;
  /** Weight overrides by node code (default: iMeta weights). */
  weights?: Record<string, number>;
  /** Weights from the data for some or all levels (default: none, i.e. iMeta weights and `weights`). */
  weighting?: WeightingOptions;
}

/** Aggregate code → its children's weights, in iMeta order of the children. */
export type WeightMap = Map<string, number[]>;

export type WeightingMethod = 'equal' | 'manual' | 'pca' | 'optimised';

export interface WeightingOptions {
  method: WeightingMethod;
  /** Levels being built (2, 3, …) whose children get these weights; default every aggregate level. */
  levels?: number[];
  /** `optimised` only: `balance` (default: equal correlations with the index) or `infomax` (largest sum). */
  optype?: OptimisationType;
  /** `optimised` only: relative convergence tolerance of the search, default 0.1 (COINr). */
  toler?: number;
  /** `optimised` only: maximum number of objective evaluations, default 500 (COINr). */
  maxiter?: number;
}
