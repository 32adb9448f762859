/** The public registry as CSV: one row per entry; list cells joined by spaces; text cells neutralised against formulas. */
import { stringify } from 'csv-stringify/sync';
import { neutraliseCell } from '../../app/csv/csv-cells.js';
import type { PolicyJson } from './disclosure.schemas.js';

export const csvColumns = [
  'supporter', 'supporter_name', 'country', 'category', 'security_txt_url', 'policy_urls', 'contact', 'encryption', 'preferred_languages',
  'key_fingerprints', 'status', 'last_fetched_at', 'last_changed_at', 'expires_at', 'expired', 'expiring_soon', 'unreachable', 'signature', 'path',
] as const;

export function policiesToCsv(items: PolicyJson[]): string {
  const rows = items.map((item) =>
    [
      item.supporter.slug,
      item.supporter.name,
      item.supporter.country ?? '',
      item.supporter.category ?? '',
      item.securityTxtUrl ?? '',
      item.policyUrls.join(' '),
      item.securityTxt?.contact.join(' ') ?? '',
      item.securityTxt?.encryption.join(' ') ?? '',
      item.securityTxt?.preferredLanguages.join(' ') ?? '',
      item.contactKeys.map((k) => k.fingerprint).join(' '),
      item.freshness.status,
      item.freshness.lastFetchedAt ?? '',
      item.freshness.lastChangedAt ?? '',
      item.freshness.expiresAt ?? '',
      String(item.freshness.expired),
      String(item.freshness.expiringSoon),
      String(item.freshness.unreachable),
      item.securityTxt?.signature ?? '',
      item.path,
    ].map(neutraliseCell),
  );
  return stringify([[...csvColumns], ...rows]);
}
