/**
 * An exercise's pings as CSV: one row per ping with the contact's name and organisation (never an address, a number
 * or a code), UTC instants in ISO 8601 (with their zone, `Z`), formula-like cells neutralised.
 */
import { stringify } from 'csv-stringify/sync';
import { neutraliseCell } from '../../app/csv/csv-cells.js';
import type { Locale } from '../../app/i18n/i18n.js';
import { secondsToAck } from './pings.models.js';
import type { ListedPing } from './pings.queries.js';

const headers = {
  en: ['ping', 'contact', 'organisation', 'channel', 'step', 'sent_at', 'due_at', 'acknowledged_at', 'via', 'seconds_to_acknowledge', 'contact_time_zone'],
  fr: ['ping', 'contact', 'organisation', 'canal', 'etape', 'envoye_le', 'fin_delai', 'accuse_le', 'moyen', 'secondes_avant_accuse', 'fuseau_contact'],
} as const;

export function pingsCsv(locale: Locale, list: readonly ListedPing[]): string {
  const rows = list.map((p) =>
    [p.id, p.contactName, p.organisation, p.channelKind, String(p.step + 1), p.sentAt.toISOString(), p.dueAt.toISOString(), p.acknowledgedAt?.toISOString() ?? '', p.via ?? '', String(secondsToAck(p) ?? ''), p.timeZone].map(neutraliseCell),
  );
  return stringify([[...headers[locale]], ...rows]);
}
