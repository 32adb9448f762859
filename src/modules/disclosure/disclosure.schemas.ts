/** What crosses the registry's edge: path parameters, the list's filters, the API's responses (described for OpenAPI). */
import { z } from 'zod';
import { pagingQuery } from '../../app/http/paging.js';
import { pathIdentifier } from '../../shared/text-input.js';
import { freshnessFilters } from './disclosure.constants.js';

export const slugParamsSchema = z.object({ slug: pathIdentifier(200) });
export const workspaceParamsSchema = z.object({ supporterId: pathIdentifier(64) });

const yesNo = z.enum(['yes', 'no']);
export const filterFields = {
  q: z.string().trim().max(200).optional().describe('Words of the organisation\'s name'),
  policy: yesNo.optional().describe('`yes`: entries with a disclosure policy link (given or in the security.txt); `no`: without'),
  freshness: z.enum(freshnessFilters).optional().describe('`fresh` (fetched within 8 days), `expired`, `expiring` (Expires within 30 days), `unreachable`'),
  country: z.string().regex(/^[A-Z]{3}$/).optional().describe('ISO 3166-1 alpha-3 country code'),
  category: z.enum(['state', 'public-authority', 'private-sector', 'civil-society']).optional().describe('The supporter\'s category'),
};
export const listQuerySchema = z.strictObject({ ...pagingQuery(100), ...filterFields });
export const csvQuerySchema = z.strictObject(filterFields);

const keySchema = z.object({
  fingerprint: z.string().describe('OpenPGP fingerprint, upper-case hex'),
  algorithm: z.string(),
  createdAt: z.string().describe('ISO 8601, UTC'),
  expiresAt: z.string().nullable().describe('ISO 8601, UTC; null when the key does not expire'),
  expired: z.boolean(),
});

export const policySchema = z.object({
  supporter: z.object({ slug: z.string(), name: z.string(), country: z.string().nullable(), category: z.string().nullable() }),
  securityTxtUrl: z.string().nullable().describe('Where the security.txt is fetched from (null: uploaded by the organisation only)'),
  policyUrls: z.array(z.string()).describe('Links to the organisation\'s coordinated vulnerability disclosure policy'),
  contactKeys: z.array(keySchema),
  securityTxt: z
    .object({
      contact: z.array(z.string()).describe('Contact values as the organisation published them (https:, mailto:, tel:)'),
      encryption: z.array(z.string()),
      policy: z.array(z.string()),
      acknowledgments: z.array(z.string()),
      preferredLanguages: z.array(z.string()),
      canonical: z.array(z.string()),
      hiring: z.array(z.string()),
      csaf: z.array(z.string()),
      signed: z.boolean(),
      signature: z.enum(['verified', 'failed', 'unverified']),
      source: z.enum(['fetched', 'uploaded']).nullable(),
    })
    .nullable(),
  problems: z.array(z.object({ line: z.number().int(), code: z.string(), severity: z.enum(['error', 'warning']) })),
  freshness: z.object({
    status: z.enum(['never', 'ok', 'invalid', 'unreachable']),
    lastFetchedAt: z.string().nullable(),
    lastChangedAt: z.string().nullable(),
    expiresAt: z.string().nullable(),
    fresh: z.boolean(),
    expired: z.boolean(),
    expiringSoon: z.boolean(),
    unreachable: z.boolean(),
  }),
  path: z.string().describe('The entry\'s page, without its locale prefix'),
});
export type PolicyJson = z.infer<typeof policySchema>;

export const policyListSchema = z.object({ total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), items: z.array(policySchema) });
