import { z } from 'zod';
import { isCountryCode } from '../../shared/countries.js';
import { cleanText } from '../../shared/text.js';
import { hasControlCharacters, noControlCharacters, textInput } from '../../shared/text-input.js';
import { supporterCategories } from '../supporters/supporters.constants.js';
import type { WithdrawnSupporter } from '../supporters/supporters.queries.js';

/**
 * Validation of the application form and the API, one schema for both. Issue messages are catalog keys
 * (`form.error.name.required`), translated where they are shown, so every rule has a sentence in each language.
 */


export const limits = { name: 200, personName: 120, nature: 120, url: 300, email: 254, statement: 4000, message: 2000, reason: 1000 } as const;

/** A one-line text field: NFC, spaces collapsed, no control characters. */
const line = (max: number, key: string) =>
  z
    .string({ error: `${key}.required` })
    .check(noControlCharacters({ error: 'text.control' }))
    .transform(cleanText)
    .pipe(z.string().max(max, { error: `${key}.tooLong` }));

const optionalLine = (max: number, key: string) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined ? '' : v))
    .pipe(line(max, key))
    .transform((v) => (v === '' ? null : v));

const email = (key: string) =>
  z
    .string({ error: `${key}.required` })
    .trim()
    .toLowerCase()
    .min(1, { error: `${key}.required` })
    .max(limits.email, { error: `${key}.invalid` })
    .pipe(z.email({ error: `${key}.invalid` }));

const optionalEmail = (key: string) =>
  z
    .string()
    .optional()
    .transform((v) => v?.trim() ?? '')
    .pipe(z.union([z.literal(''), email(key)]))
    .transform((v) => (v === '' ? null : v));

/** http(s) URLs only: `javascript:` and other schemes would become links on public pages. */
const webUrl = (key: string, hosts?: RegExp) =>
  z
    .string()
    .optional()
    .transform((v) => v?.trim() ?? '')
    .refine((v) => !hasControlCharacters(v) && v.length <= limits.url, { error: `${key}.invalid` })
    .transform((v) => (v !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(v) ? `https://${v}` : v))
    .refine(
      (v) => {
        if (v === '') return true;
        try {
          const url = new URL(v);
          return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.') && (!hosts || hosts.test(url.hostname));
        } catch {
          return false;
        }
      },
      { error: `${key}.invalid` },
    )
    .transform((v) => (v === '' ? null : v));

/** X/Twitter: a handle (`@paris_call`) or a profile URL; stored as the URL, like the official files. */
const twitter = z
  .string()
  .optional()
  .transform((v) => v?.trim() ?? '')
  .refine((v) => v === '' || /^@?[A-Za-z0-9_]{1,15}$/.test(v) || /^https?:\/\/(www\.)?(twitter|x)\.com\/[A-Za-z0-9_]{1,15}\/?$/.test(v), { error: 'twitter.invalid' })
  .transform((v) => (v === '' ? null : v.startsWith('http') ? v : `https://x.com/${v.replace(/^@/, '')}`));

const checkbox = (key: string) => z.string({ error: `${key}.required` }).refine((v) => v === 'on' || v === 'true' || v === 'yes', { error: `${key}.required` });

/** `none` means "no country of establishment": intergovernmental bodies such as the European Union or INTERPOL. */
const country = z
  .string({ error: 'country.required' })
  .trim()
  .toUpperCase()
  .refine((v) => v === 'NONE' || isCountryCode(v), { error: 'country.invalid' })
  .transform((v) => (v === 'NONE' ? null : v));

/** The public fields of an entry: what an application proposes and what a representative may edit. */
export const publicFieldsSchema = z.object({
  category: z.enum(supporterCategories, { error: 'category.invalid' }),
  name: line(limits.name, 'name').refine((v) => v.length >= 2, { error: 'name.required' }),
  countryCode: country,
  nature: optionalLine(limits.nature, 'nature'),
  website: webUrl('website'),
  twitter,
  linkedin: webUrl('linkedin', /(^|\.)linkedin\.com$/),
  statement: z
    .string()
    .optional()
    .transform((v) => (v ?? '').normalize('NFC').replace(/\r\n?/g, '\n').trim())
    .check(noControlCharacters({ multiline: true, error: 'text.control' }))
    .pipe(z.string().max(limits.statement, { error: 'statement.tooLong' })),
  statementLocale: z.enum(['en', 'fr'], { error: 'statementLocale.invalid' }).default('en'),
});

/** The people behind an application (private): the executive who confirms by e-mail, and an optional contact. */
const executiveFields = {
  executiveName: line(limits.personName, 'executiveName').refine((v) => v.length >= 2, { error: 'executiveName.required' }),
  executiveEmail: email('executiveEmail'),
  contactEmail: optionalEmail('contactEmail'),
};

/** The application form: public fields, the people behind it (private) and the two acceptances. */
export const applicationFormSchema = publicFieldsSchema
  .extend({
    ...executiveFields,
    acceptCall: checkbox('acceptCall'),
    acceptPrivacy: checkbox('acceptPrivacy'),
  })
  .superRefine((value, ctx) => {
    if (value.category === 'state' && value.countryCode === null) ctx.addIssue({ code: 'custom', path: ['countryCode'], message: 'country.stateRequired' });
  });
export type ApplicationForm = z.output<typeof applicationFormSchema>;

/**
 * Applying to represent an entry already in the registry: only the people behind the request and the privacy notice.
 * The public fields are the entry's own, and the organisation already supports the Call.
 */
export const claimFormSchema = z.object({
  ...executiveFields,
  acceptPrivacy: checkbox('acceptPrivacy'),
});
export type ClaimForm = z.output<typeof claimFormSchema>;

/** "No, we are a different organisation": the applicant saw the entries that look like theirs and joins anyway. */
export const notListedField = 'notListed';
export type PublicFields = z.output<typeof publicFieldsSchema>;

export const decisionReasonSchema = line(limits.reason, 'reason').refine((v) => v.length >= 3, { error: 'reason.required' });
export const messageSchema = z
  .string({ error: 'message.required' })
  .transform((v) => v.normalize('NFC').replace(/\r\n?/g, '\n').trim())
  .check(noControlCharacters({ multiline: true, error: 'text.control' }))
  .pipe(z.string().min(3, { error: 'message.required' }).max(limits.message, { error: 'message.tooLong' }));
export const noteVerbaleSchema = line(200, 'noteVerbale').refine((v) => v.length >= 2, { error: 'noteVerbale.required' });

export const applicationStatuses = ['pending-confirmation', 'submitted', 'info-requested', 'approved', 'rejected', 'expired', 'withdrawn'] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

export const queueFiltersSchema = z.object({
  status: z.enum([...applicationStatuses, 'open', 'all']).default('open'),
  kind: z.enum(['join', 'edit', 'claim', 'all']).default('all'),
  category: z.union([z.enum(supporterCategories), z.literal('')]).optional().transform((v) => v || undefined),
  q: textInput().trim().max(200).optional().transform((v) => v || undefined),
  page: z.coerce.number().int().min(1).max(10000).default(1),
});
export type QueueFilters = z.output<typeof queueFiltersSchema>;

/** A withdrawn entry as the public sees it (`GET /api/v1/withdrawals`): when it joined and left, nothing personal, no reason. */
export const withdrawnSupporterSchema = z.object({
  slug: z.string(),
  name: z.string(),
  category: z.string().nullable(),
  countryCode: z.string().nullable(),
  joinedOn: z.string().nullable(),
  withdrawnOn: z.string(),
}) satisfies z.ZodType<WithdrawnSupporter>;

/** Parses form input; returns values or `{ field: messageKey }` for the form to show beside each field. */
export function parseForm<S extends z.ZodType>(schema: S, input: unknown): { ok: true; value: z.output<S> } | { ok: false; errors: Record<string, string> } {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? 'form');
    // The first problem of a field is the one to fix first; zod's own messages (not catalog keys) fall back to "invalid".
    errors[field] ??= /^[a-zA-Z]+\.[a-zA-Z]+$/.test(issue.message) ? issue.message : `${field}.invalid`;
  }
  return { ok: false, errors };
}
