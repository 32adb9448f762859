/**
 * The requests CSV: only what its reader may read (the list use case decided), each row with its TLP label first, so
 * the copy stays marked (UTF-8, a header row in the page's language, formula-like cells neutralised).
 */
import { stringify } from 'csv-stringify/sync';
import { neutraliseCell } from '../../app/csv/csv-cells.js';
import type { Locale } from '../../app/i18n/i18n.js';
import type { RequestRow } from './requests.tables.js';

const headers = {
  en: ['tlp', 'id', 'kind', 'urgency', 'sector', 'state', 'outcome', 'from', 'to', 'subject', 'requested_action', 'body', 'language', 'sent_at_utc', 'ack_due_utc', 'response_due_utc'],
  fr: ['tlp', 'id', 'type', 'urgence', 'secteur', 'etat', 'issue', 'de', 'a', 'objet', 'action_demandee', 'texte', 'langue', 'envoyee_utc', 'accuse_attendu_utc', 'reponse_attendue_utc'],
} as const;

export function requestsCsv(locale: Locale, items: readonly RequestRow[], organisations: Map<string, string>): string {
  const rows = items.map((r) =>
    [
      `TLP:${r.tlp}`, r.id, r.kind, r.urgency, r.sector, r.state, r.outcome ?? '', organisations.get(r.senderSupporterId) ?? '', organisations.get(r.recipientSupporterId) ?? '',
      r.subject, r.requestedAction, r.body, r.language, r.sentAt.toISOString(), r.ackDueAt.toISOString(), r.responseDueAt.toISOString(),
    ].map(neutraliseCell),
  );
  return stringify([[...headers[locale]], ...rows]);
}
