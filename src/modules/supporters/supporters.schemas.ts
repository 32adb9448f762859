import { pagingQuery } from '../../app/http/paging.js';
import { z } from 'zod';
import { textInput } from '../../shared/text-input.js';
import { categoryFacets, maxApiPageSize, noCountry, sortOrders, verificationLevels } from './supporters.constants.js';

/**
 * Query parameters may be repeated (`?category=state&category=civil-society`): both forms become an array. An empty
 * value means no filter: the registry form's "Any" option sends `?country=` when JavaScript is off.
 */
const many = <T extends z.ZodType>(item: T) => {
  const value = z.union([z.literal(''), item]);
  return z
    .union([value, z.array(value)])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((x) => x !== '') as Array<z.output<T>>);
};

const countryFilter = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .pipe(z.union([z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 3166-1 alpha-3 code'), z.literal(noCountry.toUpperCase())]))
  .transform((v) => (v === 'NONE' ? noCountry : v));

/** Registry filters, shared by the supporters page, the JSON API and the CSV export. */
export const supporterFiltersSchema = z.object({
  q: textInput().trim().max(200).optional().describe('Words to find in names, countries (English or French) and sub-types; accent- and case-insensitive, partial words match').transform((v) => (v === '' ? undefined : v)),
  category: many(z.enum(categoryFacets)).describe('Category; repeat to combine (OR)'),
  country: many(countryFilter).describe('ISO 3166-1 alpha-3 country code, or "none" for supporters without a country; repeat to combine'),
  nature: many(textInput().trim().min(1).max(100)).describe('Sub-type key as returned in facets.nature[].value; repeat to combine'),
  year: many(z.coerce.number().int().min(2018).max(2100)).describe('Year joined; repeat to combine'),
  verification: many(z.enum(verificationLevels)).describe('Verification level (see verification.level); repeat to combine'),
  sort: z.enum(sortOrders).optional().describe('Sort order; defaults to relevance when q is set, else name'),
});
export type SupporterFilters = z.output<typeof supporterFiltersSchema>;

export const pageQuerySchema = supporterFiltersSchema.extend({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().pipe(z.union([z.literal(20), z.literal(50), z.literal(100)])).default(50),
});

export const apiQuerySchema = supporterFiltersSchema.extend({
  ...pagingQuery(maxApiPageSize),
});
export type ApiQuery = z.output<typeof apiQuerySchema>;

const localizedName = z.object({ en: z.string(), fr: z.string() });

export const countrySchema = z
  .object({
    code: z.string().describe('ISO 3166-1 alpha-3'),
    sourceCode: z.string().nullable().describe('The code as published in the official registry (e.g. ROM for Romania)'),
    name: localizedName,
  })
  .describe('Country of establishment');

export const verificationSchema = z
  .object({
    level: z
      .enum(verificationLevels)
      .describe(
        '`official-registry`: imported from the official registry of the Call; otherwise approved on this platform by the secretariat, with `diplomatic-route` (a note verbale), `website` (a verification code published on the website, as a file or a DNS record), `email-domain` (the e-mail address of its executive is on the website\'s domain) or `secretariat-review` (the secretariat\'s review alone)',
      ),
    on: z.string().nullable().describe('Day of that verification (YYYY-MM-DD): first appearance in the official registry, or the approval; null when unknown'),
  })
  .describe('How the entry was verified; the evidence itself is never published');

export const supporterSummarySchema = z.object({
  slug: z.string().describe('Stable identifier, the official file name'),
  name: z.string(),
  category: z.enum(categoryFacets).describe('"uncategorised" when the official registry gives no category'),
  nature: z.string().nullable().describe('Sub-type as published (French free text)'),
  natureKey: z.string().nullable(),
  country: countrySchema.nullable().describe('null for the European Union, INTERPOL and entries without a country'),
  sourceCountryCode: z.string().nullable(),
  website: z.string().nullable(),
  twitter: z.string().nullable(),
  linkedin: z.string().nullable(),
  dateSigned: z.string().nullable().describe('Signature date given by the supporter (YYYY-MM-DD)'),
  firstSeen: z.string().nullable().describe('Date the supporter first appeared in the official registry repository; 2019-09-16 means on or before'),
  joinedOn: z.string().nullable().describe('dateSigned, else firstSeen'),
  joinedOnSource: z.enum(['signed', 'first-seen']).nullable(),
  verification: verificationSchema,
  url: z.string().describe('Public page'),
});

export const supporterDetailSchema = supporterSummarySchema.extend({
  statement: z.string().describe('"Why we join" statement, Markdown as written by the supporter'),
  statementLanguage: z.string().nullable().describe('Language of the statement (en, fr) when the supporter gave it on the platform; null for imported entries'),
  statementHtml: z.string().describe('The statement rendered to sanitized HTML'),
});

const facetValue = z.object({ value: z.string(), count: z.number().int(), label: z.string().optional() });
export const facetsSchema = z.object({
  category: z.array(facetValue),
  country: z.array(facetValue),
  nature: z.array(facetValue),
  year: z.array(facetValue),
  verification: z.array(facetValue),
});

export const supporterListSchema = z.object({
  total: z.number().int().describe('Supporters matching every filter'),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(supporterSummarySchema),
  facets: facetsSchema.describe('For each filter, counts with every other filter applied'),
});

export const statsSchema = z.object({
  total: z.number().int(),
  byCategory: z.record(z.string(), z.number().int()),
  byCountry: z.array(z.object({ country: z.string(), count: z.number().int(), isState: z.boolean() })),
  byYear: z.array(z.object({ year: z.number().int(), signed: z.number().int(), firstSeen: z.number().int(), cumulative: z.number().int() })),
  withoutCountry: z.number().int(),
  withoutDate: z.number().int(),
});

export const slugParamsSchema = z.object({ slug: z.string().min(1).max(200).regex(/^[\w.-]+$/u, 'invalid slug') });
