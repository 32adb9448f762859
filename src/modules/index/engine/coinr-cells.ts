/**
 * Reading and writing single cells of COINr tables. R writes missing values as `NA`; an empty cell means the
 * same. Numbers are plain decimals or R/JS scientific notation; anything else is not a number.
 */

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A raw table as handed over by a CSV or XLSX reader: column order plus one record of strings per row. */
export interface RawTable {
  /** Header order; defaults to the keys of the first row. */
  columns?: string[];
  rows: Record<string, string | undefined>[];
}

export type ParsedNumber = { ok: true; value: number | null } | { ok: false };

/** True for the missing-value spellings: `NA` or an empty (or blank) cell. */
export function isMissing(text: string | undefined): boolean {
  const t = (text ?? '').trim();
  return t === '' || t === 'NA';
}

/** A number, null for missing, or not ok for anything else (`abc`, `1,5`, `Inf`). */
export function parseNumber(text: string | undefined): ParsedNumber {
  if (isMissing(text)) return { ok: true, value: null };
  const t = (text as string).trim();
  if (!NUMBER.test(t)) return { ok: false };
  const value = Number(t);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false };
}

/** Text, or null when missing. */
export function parseText(text: string | undefined): string | null {
  return isMissing(text) ? null : (text as string).trim();
}

/**
 * A number as R's `write.csv` prints it for the values COINr ships: shortest round-trip decimal (what R's 15
 * significant digits give back once parsed), exponent with at least two digits (`1e-07`, not `1e-7`).
 */
export function formatNumber(value: number | null): string {
  if (value === null) return 'NA';
  return String(value).replace(/e([+-])(\d)$/, 'e$10$2');
}

export function formatText(value: string | null): string {
  return value === null ? 'NA' : value;
}

/** The header of a raw table. */
export function columnsOf(table: RawTable): string[] {
  return table.columns ?? Object.keys(table.rows[0] ?? {});
}
