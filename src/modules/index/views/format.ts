import type { Locale } from '../../../app/i18n/i18n.js';
import { countryName, isCountryCode } from '../../../shared/countries.js';
import type { EditionSnapshot } from '../index.models.js';

/** Scores with one decimal, ranks as integers, in the page's language; a dash where there is no value. */
export function formatScore(locale: Locale, value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}

export function formatRank(locale: Locale, value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

/** A 5–95 % score band as text, `12.3–45.6`; each end a dash where it is missing. */
export function formatBand(locale: Locale, low: number | null | undefined, high: number | null | undefined): string {
  return `${formatScore(locale, low)}–${formatScore(locale, high)}`;
}

/** Raw values keep up to three significant decimals: counts stay integers, scores of other indices keep their precision. */
export function formatRaw(locale: Locale, value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(value);
}

/**
 * An iMeta unit without the parentheses some tables wrap it in: COINr's ASEM example writes "(1 (yes)/0 (no))", which
 * placed after a value read "1 (1 (yes)/0 (no))".
 */
export function unitText(unit: string | null | undefined): string | null {
  const trimmed = unit?.trim() ?? '';
  if (!trimmed) return null;
  return /^\((.*)\)$/.test(trimmed) && balanced(trimmed.slice(1, -1)) ? trimmed.slice(1, -1).trim() : trimmed;
}

function balanced(text: string): boolean {
  let depth = 0;
  for (const c of text) {
    depth += c === '(' ? 1 : c === ')' ? -1 : 0;
    if (depth < 0) return false;
  }
  return depth === 0;
}

/**
 * A coded unit's values and their meanings, `1 (yes)/0 (no)` → {1: "yes", 0: "no"}; null when the unit is a plain
 * unit ("%", "USD per capita").
 */
export function unitCodes(unit: string | null | undefined): Map<number, string> | null {
  const text = unitText(unit);
  if (!text) return null;
  const parts = text.split(/\s*[/,;]\s*/);
  const codes = new Map<number, string>();
  for (const part of parts) {
    const match = /^(-?\d+(?:\.\d+)?)\s*\(([^()]+)\)$/.exec(part.trim());
    if (!match) return null;
    codes.set(Number(match[1]), match[2]!.trim());
  }
  return codes.size >= 2 ? codes : null;
}

/**
 * A raw value with its unit: "12.5 %", or for a coded unit the value with its meaning, "1 (yes)"; a dash alone where
 * there is no value (never "— %").
 */
export function formatRawWithUnit(locale: Locale, value: number | null | undefined, unit: string | null | undefined): string {
  if (value === null || value === undefined) return '—';
  const number = formatRaw(locale, value);
  const codes = unitCodes(unit);
  if (codes) {
    const meaning = codes.get(value);
    return meaning ? `${number} (${meaning})` : number;
  }
  const text = unitText(unit);
  return text ? `${number} ${text}` : number;
}

/** Countries by their name in the page's language; other units as the edition names them. */
export function unitName(locale: Locale, snapshot: EditionSnapshot, code: string): string {
  if (isCountryCode(code)) return countryName(code, locale);
  return snapshot.units.find((u) => u.code === code)?.name ?? code;
}

/** The scale of a node's scores across every unit and time, bands included, for band bars drawn side by side. */
export function scoreDomain(snapshot: EditionSnapshot, node: string): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  for (const row of snapshot.rows) {
    for (const v of [row.scores[node], row.bands[node]?.score.p5, row.bands[node]?.score.p95]) {
      if (typeof v === 'number') {
        low = Math.min(low, v);
        high = Math.max(high, v);
      }
    }
  }
  if (!Number.isFinite(low)) return [0, 100];
  // Scores on the default 0–100 scale keep that scale, so bars of different editions read alike.
  return low >= 0 && high <= 100 ? [0, 100] : [low, high];
}
