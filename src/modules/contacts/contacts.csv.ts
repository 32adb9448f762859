/**
 * The public directory as CSV: only contacts that chose to publish, only their published channels (the query already
 * filters both), never the address a nomination went to. UTF-8, a header row in the page's language, formula-like
 * cells neutralised, as the other CSV downloads.
 */
import { stringify } from 'csv-stringify/sync';
import { neutraliseCell } from '../../app/csv/csv-cells.js';
import type { Locale } from '../../app/i18n/i18n.js';
import { attestationDue } from './contacts.models.js';
import type { ContactChannelRow, ContactRow } from './contacts.tables.js';

const headers = {
  en: ['organisation', 'registry_slug', 'country', 'role', 'name', 'title', 'languages', 'time_zone', 'weekly_hours', 'channels', 'available_24x7', 'attested', 'attestation_due', 'state'],
  fr: ['organisation', 'slug_registre', 'pays', 'role', 'nom', 'fonction', 'langues', 'fuseau_horaire', 'horaires', 'canaux', 'joignable_24h_24', 'atteste_le', 'attestation_due', 'etat'],
} as const;

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : '');

export function publicDirectoryCsv(locale: Locale, entries: ReadonlyArray<{ contact: ContactRow; organisation: { name: string; slug: string; countryCode: string | null }; channels: ContactChannelRow[] }>): string {
  const rows = entries.map(({ contact, organisation, channels }) =>
    [
      organisation.name, organisation.slug, organisation.countryCode ?? '', contact.role, contact.name, contact.title ?? '', contact.languages.join(' '), contact.timeZone,
      contact.weeklyHours.map((s) => `${s.day} ${s.opens}-${s.closes}`).join('; '),
      channels.filter((c) => c.published).map((c) => `${c.kind}:${c.value}`).join('; '),
      channels.some((c) => c.published && c.is24x7) ? 'yes' : 'no', day(contact.attestedAt), day(attestationDue(contact)), contact.state,
    ].map(neutraliseCell),
  );
  return stringify([[...headers[locale]], ...rows]);
}
