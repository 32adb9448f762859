/**
 * What crosses the edge of curated layers: the forms (a layer, a framework with its cells, a cell correction, a
 * decision), the payload a proposal stores, and the download. Issue messages are catalog keys (`layers.error.required`),
 * translated beside the field where they are shown.
 */
import { z } from 'zod';
import { cleanText } from '../../../shared/text.js';
import { noControlCharacters } from '../../../shared/text-input.js';
import { actionCount, cellStatuses, frameworkCategories, recipientKinds } from '../toolkit.constants.js';
import { layerKeyPattern } from './layers.constants.js';

export const layerLimits = { key: 60, name: 200, description: 2000, frameworkName: 300, documentType: 200, url: 500, resources: 20, quotation: 10_000, locator: 200, reason: 2000 } as const;

const required = 'layers.error.required';
const tooLong = 'layers.error.tooLong';

/** One line of text: no control characters, spaces collapsed, required and bounded. */
const line = (max: number) =>
  z
    .string({ error: required })
    .check(noControlCharacters({ error: 'layers.error.control' }))
    .transform(cleanText)
    .pipe(z.string().min(1, { error: required }).max(max, { error: tooLong }));

/** Several lines (a quotation, a reason): control characters refused, line breaks kept, trimmed. */
const lines = (max: number) =>
  z
    .string({ error: required })
    .check(noControlCharacters({ multiline: true, error: 'layers.error.control' }))
    .transform((v) => v.replace(/\r\n?/g, '\n').trim())
    .pipe(z.string().min(1, { error: required }).max(max, { error: tooLong }));

/** An optional field: absent or blank is null. */
const optional = <S extends z.ZodType<string, string>>(schema: S) =>
  z
    .string()
    .nullable()
    .optional()
    .transform((v) => v ?? '')
    .pipe(z.union([z.literal('').transform(() => null), schema]));

const actionCode = z
  .string()
  .regex(/^[aA]\d{1,2}$/, { error: 'layers.error.action' })
  .transform((code) => code.toUpperCase())
  .refine((code) => Number(code.slice(1)) >= 1 && Number(code.slice(1)) <= actionCount, { error: 'layers.error.action' });

/** A framework key as pages name it (`pp-5` in WG6 2021, `nf-1` in a curated layer). */
export const frameworkKey = z.string().regex(/^[a-z]{2}-\d{1,3}$/, { error: 'layers.error.framework' });
export const layerKey = z.string().min(1).max(layerLimits.key).regex(layerKeyPattern, { error: 'layers.error.key' });

/** A web address of a framework's text: http or https only (a resource becomes a link on public pages). */
const resourceUrl = z
  .string()
  .max(layerLimits.url, { error: tooLong })
  .pipe(z.url({ protocol: /^https?$/, hostname: z.regexes.domain, error: 'layers.error.url' }));

/** What a reviewer says about a framework × action pair: the quotation found, or nothing found. */
export const cellValueSchema = z
  .object({
    status: z.enum(cellStatuses, { error: 'layers.error.status' }),
    quotation: optional(lines(layerLimits.quotation)),
    locator: optional(line(layerLimits.locator)),
  })
  .superRefine((cell, ctx) => {
    if (cell.status === 'quoted' && cell.quotation === null) ctx.addIssue({ code: 'custom', path: ['quotation'], message: 'layers.error.quotationRequired' });
    if (cell.status === 'reviewed-absent' && cell.quotation !== null) ctx.addIssue({ code: 'custom', path: ['quotation'], message: 'layers.error.quotationWithAbsent' });
  });

export const cellInputSchema = z.object({ action: actionCode }).and(cellValueSchema);
export type CellInput = z.output<typeof cellInputSchema>;

export const layerInputSchema = z.object({
  key: z
    .string({ error: required })
    .trim()
    .toLowerCase()
    .pipe(z.string().min(1, { error: required }).max(layerLimits.key, { error: tooLong }).regex(layerKeyPattern, { error: 'layers.error.key' })),
  name: line(layerLimits.name),
  description: lines(layerLimits.description),
});
export type LayerInput = z.output<typeof layerInputSchema>;

/** A framework a curated layer adds, with the pairs it was reviewed for. */
export const frameworkInputSchema = z
  .object({
    name: line(layerLimits.frameworkName),
    category: z.enum(frameworkCategories as [string, ...string[]], { error: 'layers.error.category' }),
    documentType: line(layerLimits.documentType),
    recipients: z.object(Object.fromEntries(recipientKinds.map((kind) => [kind, z.boolean()])) as Record<(typeof recipientKinds)[number], z.ZodBoolean>),
    resources: z.array(resourceUrl).min(1, { error: 'layers.error.resourcesRequired' }).max(layerLimits.resources, { error: 'layers.error.tooMany' }),
    cells: z.array(cellInputSchema).max(actionCount),
  })
  .superRefine((framework, ctx) => {
    const seen = new Set<string>();
    framework.cells.forEach((cell, i) => {
      if (seen.has(cell.action)) ctx.addIssue({ code: 'custom', path: ['cells', i, 'status'], message: 'layers.error.duplicateAction' });
      seen.add(cell.action);
    });
  });
export type FrameworkInput = z.output<typeof frameworkInputSchema>;

/** A correction of one cell of any layer's framework, with why. */
export const correctionInputSchema = z
  .object({
    of: layerKey,
    framework: frameworkKey,
    action: actionCode,
    reason: lines(layerLimits.reason),
  })
  .and(cellValueSchema);
export type CorrectionInput = z.output<typeof correctionInputSchema>;

/** The secretariat's decision on a proposal: a note is required to reject (the proposer reads it). */
export const decisionInputSchema = z
  .object({
    decision: z.enum(['accept', 'reject'], { error: 'layers.error.decision' }),
    note: optional(lines(layerLimits.reason)),
  })
  .superRefine((d, ctx) => {
    if (d.decision === 'reject' && d.note === null) ctx.addIssue({ code: 'custom', path: ['note'], message: 'layers.error.noteRequired' });
  });
export type DecisionInput = z.output<typeof decisionInputSchema>;

export const layerParamsSchema = z.object({ key: layerKey });
export const frameworkParamsSchema = z.object({ key: layerKey, framework: frameworkKey });
export const proposalParamsSchema = z.object({ id: z.string().regex(/^tkp_[A-Za-z0-9_-]{1,60}$/) });
