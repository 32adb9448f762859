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
function isMissing(text: string | undefined): boolean {
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
 * A number as R's `as.character` / `write.csv` prints it: the shortest decimal that reads back as the same
 * number (for values R wrote with its 15 significant digits, exactly those digits), in fixed notation unless
 * scientific is strictly shorter (R's rule with `scipen = 0`: `3e+05`, `3.6e-05`, but `0.7`, `123456`), and an
 * exponent of at least two digits.
 */
export function formatNumber(value: number | null): string {
  if (value === null) return 'NA';
  if (value === 0) return '0';
  const [mantissa = '', exp = '0'] = Math.abs(value).toExponential().split('e');
  const e = Number(exp);
  const digits = mantissa.replace('.', '');
  const sign = value < 0 ? '-' : '';
  const sci = `${sign}${mantissa}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  let fixed: string;
  if (e >= digits.length - 1) fixed = digits + '0'.repeat(e - digits.length + 1);
  else if (e >= 0) fixed = `${digits.slice(0, e + 1)}.${digits.slice(e + 1)}`;
  else fixed = `0.${'0'.repeat(-e - 1)}${digits}`;
  fixed = sign + fixed;
  return fixed.length <= sci.length ? fixed : sci;
}

export function formatText(value: string | null): string {
  return value === null ? 'NA' : value;
}

/** The header of a raw table. */
export function columnsOf(table: RawTable): string[] {
  return table.columns ?? Object.keys(table.rows[0] ?? {});
}
