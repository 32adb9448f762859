/**
 * The norms module's CSV downloads (the norms, the crosswalk), as the registry's and the toolkit's: UTF-8, one header
 * row in the page's language, `\n` line ends, formula-like cells neutralised. Values are the stable machine values of
 * the API (`13i`, `g7`, `true`), and texts are given in both languages, each in its own column, so an English and a
 * French file hold the same data.
 */
import { stringify } from 'csv-stringify/sync';
import { neutraliseCell } from '../../app/csv/csv-cells.js';
import type { Locale } from '../../app/i18n/i18n.js';
import { normsMessages } from './norms.messages.js';
import type { NormRow } from './norms.repository.js';

export type CsvValue = string | number | boolean | null | undefined;

/** A header row, then one row per record; null and undefined are empty cells. */
export function writeCsv<T>(headers: string[], rows: readonly T[], values: (row: T) => CsvValue[]): string {
  const cell = (value: CsvValue) => (value === null || value === undefined ? '' : typeof value === 'string' ? neutraliseCell(value) : String(value));
  return stringify([headers.map(cell), ...rows.map((row) => values(row).map(cell))]);
}

export function normsCsv(locale: Locale, norms: readonly NormRow[]): string {
  const t = normsMessages(locale);
  const headers = (['code', 'paragraph', 'position', 'textEn', 'sourceEn', 'textFr', 'frWording', 'sourceFr', 'edited'] as const).map((key) => t(`norms.csv.${key}`));
  return writeCsv(headers, norms, (n) => [n.code, n.paragraph, n.position, n.text.en, n.sources.en, n.text.fr, n.frWording, n.sources.fr, n.editedBy !== null]);
}
