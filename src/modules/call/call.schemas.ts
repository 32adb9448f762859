/**
 * What crosses the call module's edge: the secretariat's form for a principle's names (issue messages are catalog
 * keys, shown beside their field), the pages' path parameters, and the principles' read API, described for OpenAPI.
 */
import { z } from 'zod';
import { pagingQuery } from '../../app/http/paging.js';
import { cleanText } from '../../shared/text.js';
import { noControlCharacters } from '../../shared/text-input.js';

export const principleParamsSchema = z.object({ number: z.coerce.number().int().min(1).max(99) });

export const principleNameLimits = { shortName: 120, fullName: 600 } as const;

/** One line of text, spaces collapsed; `required` refuses blank, otherwise blank is `undefined` (not yet translated). */
function name(max: number, required: boolean) {
  const text = z
    .string()
    .optional()
    .transform((value) => value ?? '')
    .check(noControlCharacters({ multiline: true, error: 'principle.error.control' }))
    .transform(cleanText)
    .pipe(z.string().max(max, { error: 'principle.error.tooLong' }));
  return required
    ? text.pipe(z.string().min(1, { error: 'principle.error.required' }))
    : text.transform((value) => (value === '' ? undefined : value));
}

/** A principle's names: English required (the reference language of the Call's texts), French when translated. */
export const principleFormSchema = z.object({
  shortNameEn: name(principleNameLimits.shortName, true),
  shortNameFr: name(principleNameLimits.shortName, false),
  fullNameEn: name(principleNameLimits.fullName, true),
  fullNameFr: name(principleNameLimits.fullName, false),
});
export type PrincipleForm = z.output<typeof principleFormSchema>;

export const maxPrinciplesPageSize = 50;
export const principleListQuerySchema = z.strictObject({ ...pagingQuery(maxPrinciplesPageSize) });

const localized = z.object({ en: z.string().optional(), fr: z.string().optional() });

export const principleSchema = z.object({
  number: z.number().int().describe('1 … 9, the order of the Call'),
  shortName: localized.describe('Short name per language; a language is absent until translated'),
  fullName: localized.describe('The commitment as the Call words it, per language'),
});

export const principleListSchema = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(principleSchema),
});
