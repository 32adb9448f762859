/** What crosses the directory's edge: path parameters, the directory's query, the API's responses (for OpenAPI). */
import { z } from 'zod';
import { pagingQuery } from '../../app/http/paging.js';
import { pathIdentifier } from '../../shared/text-input.js';
import { channelKinds, contactRoles, contactStates } from './contacts.constants.js';

const contactId = z.string().regex(/^poc_[A-Za-z0-9_-]{1,40}$/).describe('A point of contact, `poc_…`');
export const organisationParamsSchema = z.object({ supporterId: pathIdentifier(64) });
export const organisationContactParamsSchema = organisationParamsSchema.extend({ contact: contactId });
export const contactParamsSchema = z.object({ contact: contactId });
export const keyParamsSchema = contactParamsSchema.extend({ key: z.string().regex(/^pgk_[A-Za-z0-9_-]{1,40}$/) });
export const tokenQuerySchema = z.object({ token: z.string().max(200).default('') });

const yes = z.preprocess((v) => v === 'yes' || v === 'true' || v === true, z.boolean());
const optional = (schema: z.ZodType<string>) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

/** The directory's filters, for the pages and the API alike. */
export const directoryQuerySchema = z.object({
  ...pagingQuery(100),
  q: optional(z.string().max(200)).describe('Words to find in name, title, organisation and country'),
  country: optional(z.string().regex(/^[A-Za-z]{2,3}$/).transform((c) => c.toUpperCase())).describe('The organisation\'s country (ISO 3166 alpha-3, as the registry)'),
  role: optional(z.enum(contactRoles)),
  language: optional(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)).describe('A BCP 47 language the contact speaks'),
  is24x7: yes.optional().describe('Only contacts with a channel answered at any hour'),
  state: optional(z.enum(contactStates)).describe('Members only: `active`, `stale`, `invited`'),
});

const channelSchema = z.object({ kind: z.enum(channelKinds), value: z.string(), is24x7: z.boolean(), priority: z.number().int() });

export const contactSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  role: z.enum(contactRoles),
  organisation: z.object({ name: z.string(), slug: z.string(), countryCode: z.string().nullable() }),
  languages: z.array(z.string()),
  timeZone: z.string().describe('IANA time zone of the weekly hours'),
  weeklyHours: z.array(z.object({ day: z.number().int().describe('1 Monday … 7 Sunday'), opens: z.string(), closes: z.string() })),
  channels: z.array(channelSchema).describe('All channels to members; only the published ones in the public directory'),
  state: z.enum(contactStates),
  lastAttested: z.string().nullable(),
  attestationDueAt: z.string().nullable(),
  rfc2350Url: z.string().nullable(),
  securityTxtUrl: z.string().nullable(),
  cvdPolicyUrl: z.string().nullable(),
});

export const contactListSchema = z.object({ total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), items: z.array(contactSummarySchema) });
