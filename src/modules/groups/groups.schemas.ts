/** What crosses the working groups' edge: path parameters, the API's query and responses (described for OpenAPI). */
import { z } from 'zod';
import { pagingQuery } from '../../app/http/paging.js';

export const groupParamsSchema = z.object({ group: z.string().regex(/^[a-z0-9-]{1,80}$/).describe('The group\'s address, e.g. `advancing-international-norms`') });
export const membershipParamsSchema = groupParamsSchema.extend({ membership: z.string().regex(/^gmb_[A-Za-z0-9_-]{1,40}$/) });
export const documentParamsSchema = groupParamsSchema.extend({ document: z.string().regex(/^gdc_[A-Za-z0-9_-]{1,40}$/) });
export const fileParamsSchema = documentParamsSchema.extend({ number: z.coerce.number().int().min(1).max(100000), language: z.enum(['en', 'fr']) });

export const groupListQuerySchema = z.strictObject({ ...pagingQuery(100) });

const localized = z.object({ en: z.string().optional(), fr: z.string().optional() }).describe('Text per language; a missing language is not yet translated');

const coChairSchema = z.object({ name: localized, supporterSlug: z.string().nullable().describe('The registry entry, when the organisation is a supporter') });

export const groupSummarySchema = z.object({
  slug: z.string(),
  number: z.number().int().nullable(),
  name: localized,
  state: z.enum(['active', 'closed']),
  coChairs: z.array(coChairSchema),
  memberOrganisations: z.number().int().describe('Organisations taking part as members'),
  documents: z.number().int().describe('Public documents'),
});

export const groupListSchema = z.object({ total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), items: z.array(groupSummarySchema) });

export const groupDetailSchema = groupSummarySchema.omit({ memberOrganisations: true, documents: true }).extend({
  mandate: localized,
  memberOrganisations: z.array(z.object({ name: z.string(), supporterSlug: z.string() })),
  documents: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['draft', 'deliverable']),
      title: localized,
      officialUrl: z.string().nullable(),
      publishedOn: z.string().nullable(),
      versions: z.array(z.object({ number: z.number().int(), createdAt: z.string(), languages: z.array(z.enum(['en', 'fr'])) })),
    }),
  ),
  news: z.array(z.object({ id: z.string(), title: localized, body: localized, createdAt: z.string() })),
});
