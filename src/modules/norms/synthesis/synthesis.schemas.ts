/**
 * The set a synthesis covers, as the GET form sends it (`?origin=g7-synthesis&year=2019`). Empty fields mean "any";
 * `country` may be given several times (`?country=FRA&country=DEU`) so a region is the countries it holds.
 */
import { z } from 'zod';
import { isCountryCode } from '../../../shared/countries.js';
import { supporterCategories } from '../../supporters/supporters.constants.js';
import { practiceOrigins } from '../practices/practices.constants.js';

const blankIsAbsent = (value: unknown) => (value === '' ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankIsAbsent, schema.optional());

export const synthesisQuerySchema = z.object({
  origin: optional(z.enum(practiceOrigins)).describe('Where the practices come from: the G7 synthesis, the case studies, or the platform'),
  year: optional(z.coerce.number().int().min(1990).max(2100)).describe('The year the practices were reported'),
  category: optional(z.enum(supporterCategories)).describe('The category of supporter behind the practices'),
  country: z
    .preprocess(
      (value) => (value === undefined || value === '' ? [] : (Array.isArray(value) ? value : [value]).filter((v) => v !== '')),
      z.array(z.string().trim().toUpperCase().refine(isCountryCode)).max(250),
    )
    .describe('ISO 3166-1 alpha-3 codes: practices covering one of these countries, or from a supporter based there'),
  principle: optional(z.coerce.number().int().min(1).max(9)).describe('A principle of the Call, 1 to 9'),
  norm: optional(z.string().regex(/^13[a-k]$/)).describe('A norm of A/70/174, 13a to 13k'),
});

export type SynthesisFilters = z.output<typeof synthesisQuerySchema>;

/** The filters as a query string, in a stable order, empty values left out (for the page's links to its Markdown and print versions). */
export function synthesisQueryString(filters: SynthesisFilters): string {
  const params = new URLSearchParams();
  for (const key of ['origin', 'year', 'category', 'principle', 'norm'] as const) {
    const value = filters[key];
    if (value !== undefined) params.append(key, String(value));
  }
  for (const country of filters.country) params.append('country', country);
  const query = params.toString();
  return query ? `?${query}` : '';
}
