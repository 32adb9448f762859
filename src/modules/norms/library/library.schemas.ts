/**
 * What crosses the practice library's edge: the filters (one schema for the page, the JSON API, the CSV and JSON
 * downloads), the comparison's choices, and the API's responses, each field described for OpenAPI.
 */
import { z } from 'zod';
import { pagingQuery } from '../../../app/http/paging.js';
import { isCountryCode } from '../../../shared/countries.js';
import { pathIdentifier, textInput } from '../../../shared/text-input.js';
import { supporterCategories } from '../../supporters/supporters.constants.js';
import { implementationStatuses, practiceKinds } from '../practices/practices.constants.js';
import { libraryPageSizes, librarySorts, maxPracticesApiPageSize, normCodes } from './library.constants.js';

/**
 * A filter may be repeated (`?norm=13a&norm=13c`, either of them) or given once; an empty value is no filter (the
 * form's "Any" option sends `?kind=`).
 */
const many = <T extends z.ZodType>(item: T) => {
  const value = z.union([z.literal(''), item]);
  return z
    .union([value, z.array(value)])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((x) => x !== '') as Array<z.output<T>>);
};

/** `13a`, also written `13(a)` or `13A`. */
export const normCodeSchema = z
  .string()
  .trim()
  .transform((v) => v.toLowerCase().replace(/[()]/g, ''))
  .pipe(z.enum(normCodes));

const countryCodeSchema = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .refine(isCountryCode, 'must be an ISO 3166-1 alpha-3 country code');

const supporterSlugSchema = textInput().trim().min(1).max(200).regex(/^[\w.-]+$/u, 'must be a supporter’s identifier as in its page address');

export const practiceFiltersShape = {
  q: textInput()
    .trim()
    .max(200)
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .describe('Words to find in titles, descriptions and attributions, in either language; accent- and case-insensitive, partial words match, every word must match'),
  principle: many(z.coerce.number().int().min(1).max(9)).describe('A principle of the Call it implements, 1 to 9; repeat for any of several'),
  norm: many(normCodeSchema).describe('A UN norm it implements, `13a` to `13k`; repeat for any of several'),
  kind: many(z.enum(practiceKinds)).describe('Kind of measure; repeat for any of several'),
  status: many(z.enum(implementationStatuses)).describe('How far it is implemented; repeat for any of several'),
  country: many(countryCodeSchema).describe('A country it covers (ISO 3166-1 alpha-3, as in `countries`); repeat for any of several'),
  category: many(z.enum(supporterCategories)).describe('Category of the supporter behind it; repeat for any of several'),
  year: many(z.coerce.number().int().min(1990).max(2100)).describe('Year of the practice; repeat for any of several'),
  supporter: many(supporterSlugSchema).describe('The registry entry behind it, by its identifier (as in /api/v1/supporters); repeat for any of several'),
  sort: z.enum(librarySorts).optional().describe('`newest` published first (the default), `year-desc`, `year-asc`, or `title` in the asked language'),
};

/** The library's filters; `supporter` still holds slugs, which the use cases resolve. */
export const practiceFiltersSchema = z.object(practiceFiltersShape);
export type PracticeFilters = z.output<typeof practiceFiltersSchema>;
export type FilterField = keyof typeof practiceFiltersShape;
export const filterFields = Object.keys(practiceFiltersShape) as FilterField[];

/** The page: the filters and a page of 20, 50 or 100. Unknown parameters are ignored (`?utm_source=`). */
export const libraryPageQuerySchema = practiceFiltersSchema.extend({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce
    .number()
    .int()
    .pipe(z.union(libraryPageSizes.map((size) => z.literal(size)) as [z.ZodLiteral<20>, z.ZodLiteral<50>, z.ZodLiteral<100>]))
    .default(20),
});
export type LibraryPageQuery = z.output<typeof libraryPageQuerySchema>;

/** The JSON list: the filters, page and pageSize; an unknown parameter is a mistake worth telling (400). */
export const practiceListQuerySchema = z.strictObject({ ...practiceFiltersShape, ...pagingQuery(maxPracticesApiPageSize) });

/** One side of a comparison: a country (`FRA`) or a supporter (its identifier, `microsoft-private-sector-USA`). */
const compareSlot = textInput()
  .trim()
  .max(200)
  .optional()
  .transform((v) => (v === '' ? undefined : v));
export const compareQuerySchema = z.object({ a: compareSlot, b: compareSlot });

export const practiceParamsSchema = z.object({ id: pathIdentifier(64) });

const localizedSchema = z.object({ en: z.string().optional(), fr: z.string().optional() });

export const practiceSchema = z.object({
  id: z.string(),
  url: z.string().describe('Its public page'),
  title: localizedSchema.describe('Per language; a language absent is not translated (see `original`)'),
  description: localizedSchema,
  original: z.string().describe('Language it was written in; the other language, when present, is a translation'),
  kind: z.enum(practiceKinds),
  implementationStatus: z.enum(implementationStatuses),
  year: z.number().int().nullable(),
  startedOn: z.string().nullable().describe('YYYY-MM-DD'),
  endedOn: z.string().nullable().describe('YYYY-MM-DD'),
  principles: z.array(z.number().int()).describe('Principles of the Call it implements, 1 to 9'),
  norms: z.array(z.string()).describe('UN norms it implements, `13a` to `13k`'),
  sectors: z.array(z.string()),
  countries: z.array(z.string()).describe('Countries it covers, ISO 3166-1 alpha-3'),
  supporter: z.object({ slug: z.string(), name: z.string() }).nullable().describe('The registry entry behind it, when linked and published'),
  attribution: localizedSchema.nullable().describe('The name shown when no registry entry is linked ("G7 states")'),
  category: z.string().nullable().describe('Category of the supporter behind it: `state`, `public-authority`, `private-sector` or `civil-society`'),
  origin: z.enum(['g7-synthesis', 'case-study', 'platform']).describe('Imported from the G7 synthesis or the case studies, or written on the platform'),
  source: z.object({ document: z.string(), locator: z.string(), url: z.string().optional() }).nullable().describe('Where an imported practice comes from'),
  links: z.array(z.object({ url: z.string(), label: localizedSchema.optional() })),
  attachments: z.array(z.object({ name: z.string(), mediaType: z.string(), size: z.number().int(), sha256: z.string() })).describe('Evidence documents (files of the practice)'),
  publishedAt: z.string().nullable().describe('When the current version was published (ISO 8601)'),
});
export type PracticeOut = z.infer<typeof practiceSchema>;

export const practiceListSchema = z.object({
  total: z.number().int().describe('Published practices matching every filter'),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(practiceSchema),
});

export type LibraryQueryField = FilterField | 'page' | 'pageSize';

/**
 * The page's query read field by field: every valid field is kept, every invalid one named (so its message goes beside
 * its own control and the rest of the form keeps what was chosen). `ok` when nothing was invalid.
 */
export function readLibraryQuery(query: unknown): { state: LibraryPageQuery; invalid: LibraryQueryField[] } {
  const input = (query ?? {}) as Record<string, unknown>;
  const shape = libraryPageQuerySchema.shape;
  const state: Record<string, unknown> = {};
  const invalid: LibraryQueryField[] = [];
  for (const field of Object.keys(shape) as LibraryQueryField[]) {
    const parsed = shape[field].safeParse(input[field]);
    if (parsed.success) state[field] = parsed.data;
    else {
      invalid.push(field);
      state[field] = shape[field].parse(undefined);
    }
  }
  return { state: state as LibraryPageQuery, invalid };
}
