/**
 * The region of a country, for the library's coverage: the continent `countries-list` gives its ISO alpha-2 code.
 * No module of the platform holds regions (the registry groups by country only), so this is their one source.
 */
import { countries as countryData } from 'countries-list';
import isoCountries from 'i18n-iso-countries/index.js';
import { regionCodes, type RegionCode } from './library.constants.js';

const known = new Set<string>(regionCodes);

type CountryData = Record<string, { continent: string; continents?: string[] } | undefined>;

/**
 * The regions of an ISO 3166-1 alpha-3 code: its continent, or every continent of a transcontinental country (Russia,
 * Türkiye, Egypt…: a practice covering Russia covers part of Europe and part of Asia). Empty for a code the package
 * does not place (Kosovo's user-assigned XKX).
 */
export function regionsOfCountry(alpha3: string): RegionCode[] {
  const alpha2 = isoCountries.alpha3ToAlpha2(alpha3);
  const entry = alpha2 ? (countryData as CountryData)[alpha2] : undefined;
  if (!entry) return [];
  return (entry.continents ?? [entry.continent]).filter((c): c is RegionCode => known.has(c));
}

let everyCountry: { codes: string[]; regions: RegionCode[] } | undefined;
/**
 * Every ISO 3166-1 country's regions as two parallel lists (a transcontinental country twice), for the database to
 * count practices per region in one pass. Built once.
 */
export function countryRegionPairs(): { codes: string[]; regions: RegionCode[] } {
  if (!everyCountry) {
    const pairs = Object.keys(isoCountries.getAlpha3Codes()).flatMap((code) => regionsOfCountry(code).map((region) => [code, region] as const));
    everyCountry = { codes: pairs.map(([code]) => code), regions: pairs.map(([, region]) => region) };
  }
  return everyCountry;
}
