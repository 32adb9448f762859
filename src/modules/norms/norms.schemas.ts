/** What crosses the norms' edge: the read API's query and response, each field described for OpenAPI, and page params. */
import { pagingQuery } from '../../app/http/paging.js';
import { z } from 'zod';
import { crosswalkLinkSchema } from './crosswalk/crosswalk.schemas.js';
import { optionalParagraph, paragraph } from './norms.fields.js';

export const maxNormsPageSize = 100;

export const normListQuerySchema = z.strictObject({
  ...pagingQuery(maxNormsPageSize),
});

/** `13i` in a page's path (case-insensitive; `13(i)` is accepted too). */
export const normParamsSchema = z.object({
  code: z
    .string()
    .regex(/^13\(?[a-kA-K]\)?$/)
    .transform((code) => `13${code.replace(/[^a-kA-K]/g, '').toLowerCase()}`),
});

export const normSchema = z.object({
  code: z.string().describe('`13a` … `13k`'),
  paragraph: z.string().describe('The paragraph of A/70/174 as cited, `13(a)`'),
  position: z.number().int().describe('Order in the report, 1 … 11'),
  text: z.object({ en: z.string().describe('The UN English text, verbatim'), fr: z.string().optional().describe('French wording, see frWording') }),
  sources: z.object({ en: z.string(), fr: z.string().optional() }).describe('Where each language\'s text comes from'),
  frWording: z.enum(['g7', 'un']).nullable().describe('`g7`: the French is the G7 synthesis\'s (2019) wording, not the UN\'s; `un`: the UN French text'),
});

/** One norm with the crosswalk's links to the principles. */
export const normDetailSchema = normSchema.extend({
  crosswalk: z.array(crosswalkLinkSchema).describe('The Call\'s principles linked to this norm, with each link\'s rationale and source'),
});

export const normListSchema = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(normSchema),
});

const normTextMessages = { required: 'norm.error.required', tooLong: 'norm.error.tooLong', control: 'norm.error.control' };
export const maxNormTextLength = 2000;

/**
 * The secretariat's form for a norm's text: the English (the UN's, verbatim: a correction only), and the French with
 * whose wording it is (the G7's, until the UN's French text is entered) and its source. Without French, neither.
 */
export const normFormSchema = z
  .object({
    en: paragraph(maxNormTextLength, normTextMessages),
    fr: optionalParagraph(maxNormTextLength, normTextMessages),
    frWording: z
      .string()
      .optional()
      .transform((value) => value || undefined)
      .pipe(z.enum(['g7', 'un'], { error: 'norm.error.frWording' }).optional()),
    frSource: optionalParagraph(300, normTextMessages),
  })
  .superRefine((form, context) => {
    if (form.fr && !form.frWording) context.addIssue({ code: 'custom', path: ['frWording'], message: 'norm.error.frWording' });
    if (form.fr && !form.frSource) context.addIssue({ code: 'custom', path: ['frSource'], message: 'norm.error.frSource' });
  });
export type NormForm = z.output<typeof normFormSchema>;
