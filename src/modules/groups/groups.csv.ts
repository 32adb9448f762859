/**
 * The memberships CSV: one row per organisation and group, never a person or a contact (UTF-8, a header row in the
 * page's language, formula-like cells neutralised, as the other CSV downloads).
 */
import { stringify } from 'csv-stringify/sync';
import { neutraliseCell } from '../../app/csv/csv-cells.js';
import type { Locale } from '../../app/i18n/i18n.js';
import type { MembershipLine } from './groups.queries.js';

const headers = { en: ['group', 'organisation', 'registry_slug', 'role', 'since'], fr: ['groupe', 'organisation', 'slug_registre', 'role', 'depuis'] } as const;

export function membershipsCsv(locale: Locale, lines: readonly MembershipLine[]): string {
  const rows = lines.map((l) => [l.group, l.organisation, l.supporterSlug, l.role, l.since ? l.since.toISOString().slice(0, 10) : ''].map(neutraliseCell));
  return stringify([[...headers[locale]], ...rows]);
}
