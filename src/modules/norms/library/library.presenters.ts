/** A published practice as the API, the JSON download and the CSV show it. */
import { neutraliseCell } from '../../../app/csv/csv-cells.js';
import { stringify } from 'csv-stringify/sync';
import type { Locale } from '../../../app/i18n/i18n.js';
import { libraryMessages, type LibraryMessageKey } from './library.messages.js';
import { shownText } from './library.models.js';
import type { PracticeOut } from './library.schemas.js';
import type { LibraryPractice } from './library.usecases.js';

const localized = (value: Partial<Record<'en' | 'fr', string>> | null | undefined) => ({
  ...(value?.en ? { en: value.en } : {}),
  ...(value?.fr ? { fr: value.fr } : {}),
});

/** The practice's public fields; `url` is its page in `locale`. */
export function presentPractice(practice: LibraryPractice, locale: Locale): PracticeOut {
  return {
    id: practice.id,
    url: `/${locale}/practices/${encodeURIComponent(practice.id)}`,
    title: localized(practice.title),
    description: localized(practice.description),
    original: practice.original ?? 'en',
    kind: practice.kind as PracticeOut['kind'],
    implementationStatus: practice.implementationStatus as PracticeOut['implementationStatus'],
    year: practice.year,
    startedOn: practice.startedOn,
    endedOn: practice.endedOn,
    principles: practice.principles,
    norms: practice.norms,
    sectors: practice.sectors,
    countries: practice.countries,
    supporter: practice.supporter,
    attribution: practice.attribution ? localized(practice.attribution) : null,
    category: practice.category,
    origin: practice.origin as PracticeOut['origin'],
    source: practice.sourceRef ? { document: practice.sourceRef.document, locator: practice.sourceRef.locator, ...(practice.sourceRef.url ? { url: practice.sourceRef.url } : {}) } : null,
    links: practice.links.map((link) => ({ url: link.url, ...(link.label ? { label: localized(link.label) } : {}) })),
    attachments: practice.attachments.map(({ name, mediaType, size, sha256 }) => ({ name, mediaType, size, sha256 })),
    publishedAt: practice.publishedAt ? practice.publishedAt.toISOString() : null,
  };
}

type Value = string | number | null;
const columns: Array<[LibraryMessageKey, (p: LibraryPractice, locale: Locale, publicUrl: string) => Value]> = [
  ['csv.id', (p) => p.id],
  ['csv.url', (p, locale, publicUrl) => `${publicUrl}/${locale}/practices/${encodeURIComponent(p.id)}`],
  ['csv.titleEn', (p) => p.title?.en ?? null],
  ['csv.titleFr', (p) => p.title?.fr ?? null],
  ['csv.descriptionEn', (p) => p.description?.en ?? null],
  ['csv.descriptionFr', (p) => p.description?.fr ?? null],
  ['csv.original', (p) => p.original],
  ['csv.kind', (p) => p.kind],
  ['csv.status', (p) => p.implementationStatus],
  ['csv.year', (p) => p.year],
  ['csv.startedOn', (p) => p.startedOn],
  ['csv.endedOn', (p) => p.endedOn],
  ['csv.principles', (p) => p.principles.join(' ')],
  ['csv.norms', (p) => p.norms.join(' ')],
  ['csv.sectors', (p) => p.sectors.join(' ')],
  ['csv.countries', (p) => p.countries.join(' ')],
  ['csv.supporter', (p) => p.supporter?.slug ?? null],
  ['csv.attribution', (p, locale) => p.supporter?.name ?? shownText(p.attribution, locale, p.original)?.text ?? null],
  ['csv.category', (p) => p.category],
  ['csv.origin', (p) => p.origin],
  ['csv.publishedAt', (p) => (p.publishedAt ? p.publishedAt.toISOString() : null)],
];

/**
 * The library as CSV, as the registry's and the toolkit's: UTF-8, one header row in the page's language, `\n` line
 * ends, each practice's page as a full address, values as the API gives them (`law-or-regulation`, `13a 13c`), both languages of the texts, every text cell
 * neutralised against spreadsheet formulas.
 */
export function practicesToCsv(rows: LibraryPractice[], locale: Locale, publicUrl: string): string {
  const t = libraryMessages(locale);
  const values = rows.map((row) =>
    columns.map(([, value]) => {
      const v = value(row, locale, publicUrl);
      return v === null ? '' : typeof v === 'number' ? String(v) : neutraliseCell(v);
    }),
  );
  return stringify([columns.map(([label]) => t(label)), ...values]);
}
