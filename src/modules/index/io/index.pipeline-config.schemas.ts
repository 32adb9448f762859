/**
 * The pipeline configuration an analyst writes (pipeline.json), validated with zod before anything runs. It
 * mirrors the engine's `PipelineConfig` exactly (strict objects: a misspelt option is an error, not ignored), so
 * a file that passes runs with the meaning the engine documents.
 */
import { z } from 'zod';
import type { PipelineConfig } from '../engine/pipeline.js';

const share = z.number().min(0).max(1);
const finite = z.number().finite();

const denominate = z.strictObject({
  step: z.literal('denominate'),
  scaleFactors: z.record(z.string(), finite).optional().describe('indicator → multiplier (COINr ScaleFactor), default 1'),
});
const screen = z.strictObject({
  step: z.literal('screen'),
  unitScreen: z.enum(['byNA', 'byZeros', 'byNAandZeros']).optional(),
  datThresh: share.optional().describe('minimum share of indicators with data, default 2/3'),
  nonZeroThresh: share.optional(),
  force: z.array(z.strictObject({ uCode: z.string().min(1), include: z.boolean() })).optional(),
});
const impute = z.strictObject({
  step: z.literal('impute'),
  method: z.enum(['none', 'mean', 'median', 'groupMean', 'groupMedian', 'previousYear']).optional(),
  group: z.string().min(1).optional().describe('Group column of iData for groupMean / groupMedian'),
  maxTime: z.number().int().positive().optional(),
});
const treat = z.strictObject({
  step: z.literal('treat'),
  winmax: z.number().int().nonnegative().optional(),
  skewThresh: z.number().positive().optional(),
  kurtThresh: z.number().positive().optional(),
  fallback: z.enum(['logCT', 'none']).optional(),
  skip: z.array(z.string()).optional(),
});
const normalise = z.discriminatedUnion('method', [
  z.strictObject({ step: z.literal('normalise'), method: z.literal('minmax').optional(), lower: finite.optional(), upper: finite.optional() }),
  z.strictObject({ step: z.literal('normalise'), method: z.literal('zscore'), mean: finite.optional(), sd: z.number().positive().optional() }),
  z.strictObject({ step: z.literal('normalise'), method: z.enum(['rank', 'percentRank']) }),
  z.strictObject({ step: z.literal('normalise'), method: z.literal('distToTarget'), capMax: z.boolean().optional(), scale: finite.optional() }),
  z.strictObject({ step: z.literal('normalise'), method: z.literal('distToFrontier'), scale: finite.optional() }),
  z.strictObject({
    step: z.literal('normalise'),
    method: z.literal('goalposts'),
    goalposts: z.record(z.string(), z.strictObject({ lower: finite, upper: finite }).refine((g) => g.upper > g.lower, 'upper must exceed lower')),
    truncate: z.boolean().optional(),
    scale: finite.optional(),
  }),
]);

const method = z.enum(['arithmetic', 'geometric', 'harmonic']);
/** Per-level records are keyed by the level being built ("2", "3", …) in JSON. */
const levelKey = z.string().regex(/^[2-9]\d*$|^1\d+$/, 'levels are whole numbers ≥ 2');
const byLevel = <T extends z.ZodType>(value: T) =>
  z.record(levelKey, value).transform((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [Number(k), v])) as Record<number, z.output<T>>);

/** Levels being built (2 = the indicators' parents), as for `method` and `datThresh`. */
const weightedLevels = z
  .array(z.number().int().min(2, 'levels are whole numbers ≥ 2'))
  .min(1)
  .optional()
  .describe('levels being built whose children get these weights, default all');
const weighting = z.discriminatedUnion(
  'method',
  [
    z.strictObject({ method: z.literal('equal'), levels: weightedLevels }),
    z.strictObject({ method: z.literal('manual'), levels: weightedLevels }),
    z.strictObject({ method: z.literal('pca'), levels: weightedLevels }),
    z.strictObject({
      method: z.literal('optimised'),
      levels: weightedLevels,
      optype: z.enum(['balance', 'infomax']).optional().describe('balance (default): equal correlations with the index; infomax: largest'),
      toler: z.number().positive().optional().describe('relative convergence tolerance, default 0.1 (COINr)'),
      maxiter: z.number().int().positive().optional().describe('maximum objective evaluations, default 500 (COINr)'),
    }),
  ],
  { error: 'give method equal, manual, pca or optimised' },
);

export const pipelineConfigSchema = z.strictObject({
  steps: z
    .array(z.discriminatedUnion('step', [denominate, screen, impute, treat, normalise]))
    .describe('steps before aggregation, in order'),
  aggregate: z
    .strictObject({
      method: z
        .union([method, byLevel(method)], { error: 'give arithmetic, geometric or harmonic, or one per level: {"2": "geometric"}' })
        .optional(),
      datThresh: z.union([share, byLevel(share)], { error: 'give a share in [0, 1], or one per level ≥ 2: {"2": 0.5}' }).optional(),
      weights: z.record(z.string(), z.number().nonnegative()).optional(),
      weighting: weighting.optional().describe('weights from the data (equal, PCA, correlation-optimised) for some or all levels'),
    })
    .optional(),
});

export type PipelineConfigResult = { ok: true; config: PipelineConfig } | { ok: false; problems: string[] };

/** Validates a parsed pipeline.json; problems read `steps.1.datThresh: Too big: expected number to be <=1`. */
export function parsePipelineConfig(input: unknown): PipelineConfigResult {
  const result = pipelineConfigSchema.safeParse(input);
  if (result.success) return { ok: true, config: result.data as PipelineConfig };
  return { ok: false, problems: result.error.issues.map((i) => `${i.path.length > 0 ? i.path.join('.') : '(root)'}: ${i.message}`) };
}
