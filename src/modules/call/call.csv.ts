/**
 * The principles as CSV, as the registry's and the toolkit's downloads: UTF-8, one header row in the page's language,
 * `\n` line ends, formula-like cells neutralised, each language's names in their own columns (empty: not translated).
 */
import { stringify } from 'csv-stringify/sync';
import { neutraliseCell } from '../../app/csv/csv-cells.js';
import type { Locale } from '../../app/i18n/i18n.js';
import { callMessages } from './call.messages.js';
import type { Localized } from './call.tables.js';

export function principlesCsv(locale: Locale, principles: ReadonlyArray<{ number: number; shortName: Localized; fullName: Localized }>): string {
  const t = callMessages(locale);
  const headers = (['number', 'shortNameEn', 'shortNameFr', 'fullNameEn', 'fullNameFr'] as const).map((key) => neutraliseCell(t(`principles.csv.${key}`)));
  const text = (value: string | undefined) => neutraliseCell(value ?? '');
  return stringify([headers, ...principles.map((p) => [String(p.number), text(p.shortName.en), text(p.shortName.fr), text(p.fullName.en), text(p.fullName.fr)])]);
}
