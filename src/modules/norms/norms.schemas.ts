/** What crosses the norms' edge: the read API's query and response, each field described for OpenAPI, and page params. */
import { pagingQuery } from '../../app/http/paging.js';
import { z } from 'zod';

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

export const normListSchema = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(normSchema),
});
