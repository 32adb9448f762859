/** The library's pure rules: which language of a text to show, and the coverage and comparison tables. */
import type { Locale } from '../../../app/i18n/i18n.js';
import type { Localized } from '../practices/practices.tables.js';
import { normCodes, noRegion, principleNumbers, regionCodes, type RegionCode } from './library.constants.js';

/**
 * A text as shown in one language: the page's language when the text has it (`translation` when the practice was
 * written in the other one), else the original, marked `not-translated`: never silently blank.
 */
export interface ShownText {
  text: string;
  lang: Locale;
  state: 'original' | 'translation' | 'not-translated';
}

export function shownText(value: Localized | null | undefined, locale: Locale, original: string | null): ShownText | null {
  const other: Locale = locale === 'en' ? 'fr' : 'en';
  const own = value?.[locale];
  if (own) return { text: own, lang: locale, state: original && original !== locale ? 'translation' : 'original' };
  const fallback = value?.[other];
  return fallback ? { text: fallback, lang: other, state: 'not-translated' } : null;
}

/** The name behind a practice: its registry entry's, else the attribution in the page's language (or the other one). */
export function attributionOf(
  locale: Locale,
  practice: { supporter: { name: string } | null; attribution: Localized | null; original: string | null },
): string | null {
  if (practice.supporter) return practice.supporter.name;
  return shownText(practice.attribution, locale, practice.original)?.text ?? null;
}

/** A table of counts: rows × columns, each row's total (practices, not the sum of its cells), and the largest cell. */
export interface CountTable<R extends string | number, C extends string | number> {
  rows: readonly R[];
  columns: readonly C[];
  cells: ReadonlyMap<R, ReadonlyMap<C, number>>;
  rowTotals: ReadonlyMap<R, number>;
  columnTotals: ReadonlyMap<C, number>;
  max: number;
}

export function countTable<R extends string | number, C extends string | number>(input: {
  rows: readonly R[];
  columns: readonly C[];
  counts: Iterable<{ row: R; column: C; count: number }>;
  rowTotals: Iterable<{ key: R; count: number }>;
  columnTotals: Iterable<{ key: C; count: number }>;
}): CountTable<R, C> {
  const cells = new Map<R, Map<C, number>>(input.rows.map((r) => [r, new Map()]));
  let max = 0;
  for (const { row, column, count } of input.counts) {
    const line = cells.get(row);
    if (!line || !input.columns.includes(column)) continue;
    const value = (line.get(column) ?? 0) + count;
    line.set(column, value);
    max = Math.max(max, value);
  }
  const totals = <K>(items: Iterable<{ key: K; count: number }>) => {
    const map = new Map<K, number>();
    for (const { key, count } of items) map.set(key, (map.get(key) ?? 0) + count);
    return map;
  };
  return { rows: input.rows, columns: input.columns, cells, rowTotals: totals(input.rowTotals), columnTotals: totals(input.columnTotals), max };
}

export type RegionColumn = RegionCode | typeof noRegion;
export const regionColumns: readonly RegionColumn[] = [...regionCodes, noRegion];

/** Practices per norm × region, with each region's total (practices, each once). */
export function regionCoverage(counts: {
  perRegion: ReadonlyArray<{ region: string; count: number }>;
  perNormRegion: ReadonlyArray<{ norm: string; region: string; count: number }>;
  perNorm: ReadonlyArray<{ value: string; count: number }>;
}): CountTable<string, RegionColumn> {
  return countTable({
    rows: normCodes,
    columns: regionColumns,
    counts: counts.perNormRegion.map((c) => ({ row: c.norm, column: c.region as RegionColumn, count: c.count })),
    rowTotals: counts.perNorm.map((n) => ({ key: n.value, count: n.count })),
    columnTotals: counts.perRegion.map((r) => ({ key: r.region as RegionColumn, count: r.count })),
  });
}

export { normCodes, principleNumbers };
