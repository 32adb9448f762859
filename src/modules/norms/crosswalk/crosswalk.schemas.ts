/**
 * What crosses the crosswalk's edge: the secretariat's forms (issue messages are catalog keys), the pages' path
 * parameters, and the read API's query and response, each field described for OpenAPI.
 */
import { z } from 'zod';
import { pagingQuery } from '../../../app/http/paging.js';
import { optionalParagraph, paragraph } from '../norms.fields.js';

export const maxRationaleLength = 600;
const messages = { required: 'crosswalk.error.required', tooLong: 'crosswalk.error.tooLong', control: 'crosswalk.error.control' };

const normCode = z
  .string()
  .regex(/^13\(?[a-kA-K]\)?$/)
  .transform((code) => `13${code.replace(/[^a-kA-K]/g, '').toLowerCase()}`);

/** `/secretariat/crosswalk/6/13i`: a malformed pair is a 404, as an unknown one. */
export const linkParamsSchema = z.object({
  principle: z.coerce.number().int().min(1).max(9),
  norm: normCode,
});

const rationale = {
  rationaleEn: paragraph(maxRationaleLength, messages),
  rationaleFr: optionalParagraph(maxRationaleLength, messages),
};

/** A new link: the pair, and its rationale in English (French when written). */
export const newLinkFormSchema = z.object({
  principle: z.coerce.number({ error: 'crosswalk.error.principle' }).int({ error: 'crosswalk.error.principle' }).min(1, { error: 'crosswalk.error.principle' }).max(9, { error: 'crosswalk.error.principle' }),
  norm: z.string({ error: 'crosswalk.error.norm' }).regex(/^13[a-k]$/, { error: 'crosswalk.error.norm' }),
  ...rationale,
});
export type NewLinkForm = z.output<typeof newLinkFormSchema>;

export const rationaleFormSchema = z.object(rationale);
export type RationaleForm = z.output<typeof rationaleFormSchema>;

/** Removing asks for a ticked confirmation: a bare post (or a mistaken click) removes nothing. */
export const removeFormSchema = z.object({ confirm: z.literal('yes', { error: 'crosswalk.error.confirm' }) });

export const maxLinksPageSize = 200;
export const crosswalkListQuerySchema = z.strictObject({ ...pagingQuery(maxLinksPageSize) });

export const crosswalkLinkSchema = z.object({
  principle: z.number().int().describe('The Call\'s principle, 1 … 9 (see /api/v1/principles)'),
  norm: z.string().describe('The norm\'s code, `13a` … `13k` (see /api/v1/norms)'),
  paragraph: z.string().describe('The norm as cited, `13(i)`'),
  rationale: z.object({ en: z.string(), fr: z.string().optional().describe('Absent until translated') }).describe('Why the principle and the norm are linked'),
  source: z
    .object({ document: z.string().describe('`WG4-Final-Report-101121`: the Paris Call Working Group 4 report (2021)'), page: z.number().int().describe('Its page') })
    .nullable()
    .describe('Where the link comes from; null for a link the secretariat wrote on the platform'),
  edited: z.boolean().describe('Whether the secretariat changed the link on the platform since it was imported'),
});

export const crosswalkListSchema = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(crosswalkLinkSchema),
});
