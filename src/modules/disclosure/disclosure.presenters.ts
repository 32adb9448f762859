/**
 * An entry as the public sees it (pages, API, CSV): the organisation's own published statements and their freshness.
 * Never who edited it (a person of the platform), never the armored keys' user IDs.
 */
import { freshnessOf } from './disclosure.models.js';
import type { PolicyRow } from './disclosure.repository.js';
import type { PolicyJson } from './disclosure.schemas.js';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function presentPolicy(row: PolicyRow, now: Date): PolicyJson {
  const freshness = freshnessOf(row, now);
  return {
    supporter: { slug: row.supporterSlug, name: row.supporterName, country: row.countryCode, category: row.category },
    securityTxtUrl: row.securityTxtUrl,
    policyUrls: row.policyUrls,
    contactKeys: row.contactKeys.map((key) => ({
      fingerprint: key.fingerprint,
      algorithm: key.algorithm,
      createdAt: key.createdAt,
      expiresAt: key.expiresAt,
      expired: key.expiresAt !== null && new Date(key.expiresAt).getTime() <= now.getTime(),
    })),
    securityTxt: row.summary ? { ...row.summary, source: (row.contentSource as 'fetched' | 'uploaded' | null) ?? null } : null,
    problems: row.problems.map(({ line, code, severity }) => ({ line, code, severity })),
    freshness: {
      status: row.fetchStatus as PolicyJson['freshness']['status'],
      lastFetchedAt: iso(row.lastFetchedAt),
      lastChangedAt: iso(row.lastChangedAt),
      expiresAt: iso(row.expiresAt),
      ...freshness,
    },
    path: `/disclosure/${row.supporterSlug}`,
  };
}
