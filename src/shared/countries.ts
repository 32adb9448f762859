import { createRequire } from 'node:module';
// The package's main entry registers every one of its 80 languages (600 KB); its index registers none: we add two.
import countries from 'i18n-iso-countries/index.js';
import type { Locale } from '../app/i18n/i18n.js';

const require = createRequire(import.meta.url);
countries.registerLocale(require('i18n-iso-countries/langs/en.json'));
countries.registerLocale(require('i18n-iso-countries/langs/fr.json'));

/**
 * Codes of the official registry that are not ISO 3166-1 alpha-3, mapped to the ISO code.
 * The source code is kept alongside (see supporters.source_country_code).
 */
export const legacyCountryCodes: Readonly<Record<string, string>> = { ROM: 'ROU', SCG: 'SRB', MTG: 'MNE' };

/** Display names where the library's first name reads oddly in running text. */
const displayOverrides: Partial<Record<string, Partial<Record<Locale, string>>>> = {
  TWN: { en: 'Taiwan', fr: 'Taïwan' },
  USA: { en: 'United States' },
  GBR: { en: 'United Kingdom' },
  RUS: { en: 'Russia', fr: 'Russie' },
  KOR: { en: 'South Korea' },
  MDA: { en: 'Moldova' },
  LAO: { en: 'Laos' },
  VAT: { en: 'Holy See' },
  CZE: { en: 'Czechia', fr: 'Tchéquie' },
};

export function isCountryCode(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && countries.isValid(code);
}

/**
 * Resolves a code as found in the source: ISO alpha-3 as is, the legacy codes above, and alpha-2 (one official file
 * has `FR`). Returns null when the code names no country.
 */
export function resolveCountryCode(raw: string): string | null {
  const code = raw.trim().toUpperCase();
  if (legacyCountryCodes[code]) return legacyCountryCodes[code];
  if (code.length === 3 && isCountryCode(code)) return code;
  if (code.length === 2 && countries.isValid(code)) return countries.alpha2ToAlpha3(code) ?? null;
  return null;
}

export function countryName(code: string, locale: Locale): string {
  return displayOverrides[code]?.[locale] ?? countries.getName(code, locale) ?? code;
}

/** Every name the library knows for the country in every language: what search matches on. */
export function countryNamesForSearch(code: string): string[] {
  const names = new Set<string>();
  for (const locale of ['en', 'fr'] as const) {
    for (const name of countries.getName(code, locale, { select: 'all' }) ?? []) names.add(name);
    names.add(countryName(code, locale));
  }
  return [...names];
}

/** ISO 3166-1 numeric code (the id used by world-atlas), as a zero-padded string. */
export function countryNumeric(code: string): string | undefined {
  return countries.alpha3ToNumeric(code) ?? undefined;
}

export function alpha3FromNumeric(numeric: string): string | undefined {
  return countries.numericToAlpha3(numeric) ?? undefined;
}

/** Every ISO 3166-1 country as `{ value: alpha-3, label }`, sorted by name in the locale's collation, for select boxes. */
export function countryOptions(locale: Locale): Array<{ value: string; label: string }> {
  const collator = new Intl.Collator(locale);
  return Object.keys(countries.getAlpha3Codes())
    .map((code) => ({ value: code, label: countryName(code, locale) }))
    .sort((a, b) => collator.compare(a.label, b.label));
}
