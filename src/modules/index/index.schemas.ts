/**
 * zod schemas of the index editions: the secretariat's inputs (validated in the use cases) and the public API's
 * responses (documented in /api/openapi.json). The snapshot schema mirrors `EditionSnapshot` (index.models.ts); a
 * type check below fails the build when they drift apart.
 */
import { z } from 'zod';
import { pathIdentifier, textInput } from '../../shared/text-input.js';
import type { EditionChanges } from './index.changes.js';
import type { EditionSnapshot, UncertaintySettings } from './index.models.js';

// ——— Inputs ———

export const editionSlugSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, 'use lower-case letters, digits and hyphens (e.g. pilot-2025)')
  .describe('Stable public identifier of the edition, used in URLs and citations');

export const uncertaintySettingsSchema = z.strictObject({
  seed: z.number().int().describe('Seed of the Monte Carlo design'),
  runs: z.number().int().min(64).max(20_000).describe('Run budget'),
  weightPerturbation: z.number().min(0).max(1).describe('Each weight varies by ± this share'),
}) satisfies z.ZodType<UncertaintySettings>;

const title = textInput().trim().min(1).max(200);
export const editionTitlesSchema = z.strictObject({ en: title, fr: title });
const note = textInput({ multiline: true }).trim().max(4000).optional();
export const changesNoteSchema = z.strictObject({ en: note, fr: note });
/** Why a published edition is withdrawn: required, shown on its pages beside the date. */
export const withdrawalReasonSchema = textInput({ multiline: true }).trim().min(1, 'give the reason').max(2000);

// ——— Responses ———

const num = z.number().nullable();
const estimate = z.object({ estimate: num, low: num, high: num }).describe('A Sobol index as estimated, and its confidence interval');
const band = z.object({ p5: num, p50: num, p95: num }).describe('5th, 50th and 95th percentiles over the Monte Carlo runs');

export const withoutDataSchema = z.object({
  categories: z.array(z.object({ code: z.string(), name: z.string() })).describe('Categories without any data yet'),
  indicators: z
    .array(z.object({ code: z.string(), name: z.string(), category: z.string(), subDimension: z.string(), rationale: z.string() }))
    .describe('Framework indicators without a data source yet'),
});

export const snapshotNodeSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: z.number().int().describe('1 = indicator; the index is the highest level'),
  kind: z.enum(['indicator', 'aggregate']),
  parent: z.string().nullable(),
  weight: num,
  direction: z.union([z.literal(1), z.literal(-1)]).describe('1: a higher raw value is better'),
  unit: z.string().nullable(),
  source: z.string().nullable(),
  licence: z.string().nullable(),
  note: z.string().nullable(),
  rawWithheld: z
    .literal('licence')
    .optional()
    .describe('Present when the raw values of this indicator are left out (null in every row) because its source’s licence does not allow redistributing them'),
  scoresWithheld: z
    .literal('licence')
    .optional()
    .describe(
      'Present when the scores, ranks and bands of this node are left out (scores and ranks null, bands absent in every row, no Sobol indices) for the same reason: an indicator of such a source, or an aggregate all of whose indicators are withheld',
    ),
});

export const snapshotRowSchema = z.object({
  unit: z.string().describe('Unit code (ISO 3166-1 alpha-3 for countries)'),
  time: num,
  raw: z.record(z.string(), num).describe('Indicator values as imported'),
  scores: z.record(z.string(), num).describe('Normalised indicator values and aggregate scores'),
  ranks: z.record(z.string(), num).describe('1 = best within the time point; ties share the lowest rank'),
  bands: z.record(z.string(), z.object({ score: band, rank: band })).describe('Uncertainty bands per aggregate'),
});

// Open objects: every step's options (defaults filled in) are kept as the engine reports them.
const configSchema = z
  .object({
    steps: z.array(z.object({ step: z.string() }).catchall(z.unknown())),
    aggregate: z.object({}).catchall(z.unknown()).optional(),
  })
  .catchall(z.unknown())
  .describe('Pipeline configuration as run (engine PipelineConfig): the methodology');

export const snapshotSchema = z
  .object({
    format: z.literal(1),
    top: z.string().describe('Code of the index node'),
    times: z.array(num),
    units: z.array(z.object({ code: z.string(), name: z.string() })),
    nodes: z.array(snapshotNodeSchema),
    rows: z.array(snapshotRowSchema),
    uncertainty: z.object({
      seed: z.number().int(),
      runs: z.number().int().describe('Monte Carlo runs made: the largest multiple of design.blocks within design.requested'),
      design: z
        .object({
          requested: z.number().int().describe('Runs asked for'),
          baseSample: z.number().int().describe('Base sample N of the Saltelli design'),
          blocks: z.number().int().describe('Blocks of N runs: samples A and B, and one per uncertain choice'),
          reason: z.string().nullable().describe('Why fewer runs were made than asked for (English); null when all were'),
        })
        .optional()
        .describe('Runs asked for and made; absent from editions published before it was recorded'),
      interval: z
        .object({ level: z.number(), resamples: z.number().int(), method: z.string() })
        .optional()
        .describe('How the confidence intervals of the Sobol indices were computed'),
      percentiles: z.array(z.number()),
      factors: z.array(z.object({ name: z.string(), kind: z.string(), alternatives: num, perturbation: num })),
      sensitivity: z
        .record(z.string(), z.array(z.object({ factor: z.string(), first: num, total: num, firstInterval: estimate.optional(), totalInterval: estimate.optional() })))
        .describe('First-order and total Sobol indices per aggregate and factor, each with its confidence interval (estimate, low, high): an estimate outside 0–1 is sampling noise'),
    }),
    coverage: z.object({
      indicators: z.array(z.object({ code: z.string(), name: z.string(), unitsWithData: z.record(z.string(), z.number().int()) })),
      withoutData: withoutDataSchema,
    }),
    config: configSchema,
  })
  .describe('The published, presentation-ready result of an edition');

const changeValue = z.object({ before: num, after: num, delta: num });
export const changesSchema = z
  .object({
    previous: z.object({ id: z.string(), slug: z.string(), publishedAt: z.string() }).nullable(),
    config: z.array(z.object({ path: z.string(), before: z.unknown(), after: z.unknown() })),
    units: z.array(z.object({ unit: z.string(), name: z.string(), time: num, score: changeValue, rank: changeValue })),
  })
  .describe('What differs from the previous published edition');

export const editionSummarySchema = z.object({
  slug: z.string(),
  title: z.object({ en: z.string(), fr: z.string() }),
  publishedAt: z.string().describe('ISO 8601'),
  previous: z.string().nullable().describe('Slug of the previous edition'),
  changesNote: z.object({ en: z.string().nullable(), fr: z.string().nullable() }),
  pilot: z.boolean().describe('The pilot computed from open data, not an edition adopted by working group 5'),
  withdrawn: z
    .object({ at: z.string().describe('ISO 8601'), reason: z.string() })
    .nullable()
    .describe('Set when the secretariat withdrew the edition: it is no longer listed nor current, its address keeps answering'),
});

export const editionListSchema = z.object({ items: z.array(editionSummarySchema) });
export const editionDetailSchema = editionSummarySchema.extend({ snapshot: snapshotSchema, changes: changesSchema });

export const unitDetailSchema = z.object({
  edition: editionSummarySchema,
  unit: z.object({ code: z.string(), name: z.string() }),
  top: z.string(),
  nodes: z.array(snapshotNodeSchema),
  rows: z.array(snapshotRowSchema).describe('One per time point, ascending'),
  changes: z.array(changesSchema.shape.units.element).describe('This unit’s changes from the previous edition'),
});

export const editionParamsSchema = z.strictObject({ slug: editionSlugSchema });
export const unitParamsSchema = z.strictObject({ slug: editionSlugSchema, code: pathIdentifier(64).describe('Unit code') });

// The wire schemas and the model types are the same shape both ways (config is kept open on the wire), so a field
// added to one and not the other fails the build instead of being dropped from the responses.
type Assert<T extends true> = T;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Wire<T> = Omit<T, 'config'>;
export type _SnapshotMatches = Assert<Same<Wire<EditionSnapshot>, Wire<z.infer<typeof snapshotSchema>>>>;
/** The snapshot as the response schema types it (the configuration's step options are open objects on the wire). */
export type WireSnapshot = z.infer<typeof snapshotSchema>;
export const toWireSnapshot = (snapshot: EditionSnapshot): WireSnapshot => snapshot as unknown as WireSnapshot;
export type _ChangesMatch = Assert<Same<EditionChanges, z.infer<typeof changesSchema>>>;
