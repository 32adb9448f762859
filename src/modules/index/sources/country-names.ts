/**
 * Country names as the pilot sources spell them → ISO 3166-1 alpha-3. A reviewed table of every name in those
 * files that the ISO English names do not match (checked by hand against each source's context, e.g. #KeepItOn's
 * 2021 "Congo" is the Republic of the Congo's election shutdown of 21 March 2021), then i18n-iso-countries'
 * English names and alpha-3 codes. Entities that are not states (regions, international organisations, "Unknown")
 * are listed explicitly so that they are excluded on purpose; any other name is reported as unmapped, never guessed.
 */
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import { isCountryCode } from '../../../shared/countries.js';

countries.registerLocale(en);

/** Reviewed spellings → ISO3 (source in the comment). */
export const COUNTRY_NAME_TABLE: Readonly<Record<string, string>> = {
  // EuRepoC (ISO-style long names and short names)
  'Iran, Islamic Republic of': 'IRN',
  "Korea, Democratic People's Republic of": 'PRK',
  'Congo, the Democratic Republic of the': 'COD',
  Laos: 'LAO',
  Brunei: 'BRN',
  'St. Vincent and the Grenadines': 'VCT',
  // ITU GCI
  Swaziland: 'SWZ',
  'Korea (the Republic of)': 'KOR',
  Moldova: 'MDA',
  Macedonia: 'MKD',
  Micronesia: 'FSM',
  Lao: 'LAO',
  "Democratic People's Republic of Korea": 'PRK',
  Vatican: 'VAT',
  'Cabo Verde': 'CPV',
  Congo: 'COG',
  // Access Now #KeepItOn (several spellings across sheets, some without spaces)
  Syria: 'SYR',
  'Viet Nam': 'VNM',
  'Iran (Islamic Republic of)': 'IRN',
  'Palestine, State of': 'PSE',
  'Venezuela (Bolivarian Republic of)': 'VEN',
  'Venezuela, Bolivarian Republic of': 'VEN',
  'Tanzania, United Republic of': 'TZA',
  DemocraticRepublicCongo: 'COD',
  SriLanka: 'LKA',
  // Somaliland is not an ISO 3166 entity; #KeepItOn's 2016–2018 sheet records the same region under Somalia.
  Somaliland: 'SOM',
};

/** Names that are not states: excluded on purpose, with the reason shown in the coverage report. */
export const NOT_A_COUNTRY: Readonly<Record<string, string>> = Object.fromEntries([
  ...['Asia (region)', 'Europe (region)', 'Global (region)', 'Eastern Asia (region)', 'Eastern Europe', 'Southeast Asia (region)',
    'Mena Region (region)', 'Africa', 'Balkans (region)', 'Middle East (region)', 'Western Europe', 'South China Sea (region)',
    'Central Asia (region)', 'Caucasus', 'Northern Europe', 'North America', 'South America', 'NATO (region)',
    'Central America (region)', 'South Asia (region)', 'EU (region)', 'Northeast Asia (region)', 'Oceania (region)',
    'Gulf Countries (region)', 'North Africa (region)'].map((n) => [n, 'region']),
  ...['EU (institutions)', 'United Nations', 'United Nations Economic and Social Council', 'United Nations Environment Programme',
    'United Nations Organization', 'NATO (institutions)', 'Interpol', 'Organization for Security and Cooperation in Europe',
    'UNICEF', 'World Anti-Doping Agency', 'International Association of Athletics Federations'].map((n) => [n, 'international organisation']),
  ['ISIS', 'non-state group'],
  ...['Unknown', 'Not available', ''].map((n) => [n, 'no country given']),
]);

export type NameResolution =
  | { kind: 'country'; iso3: string; via: 'table' | 'iso-name' | 'iso-code' }
  | { kind: 'not_country'; reason: string }
  | { kind: 'unmapped' };

/** Trims and collapses inner whitespace ("Syria " and "Yemen " occur in #KeepItOn). */
function cleanName(name: string): string {
  return name.replace(/\s+/g, ' ').trim();
}

/** How one name maps. Pure; the table wins over i18n-iso-countries. */
export function resolveCountryName(raw: string): NameResolution {
  const name = cleanName(raw);
  const fromTable = COUNTRY_NAME_TABLE[name];
  if (fromTable) return { kind: 'country', iso3: fromTable, via: 'table' };
  const reason = NOT_A_COUNTRY[name];
  if (reason !== undefined) return { kind: 'not_country', reason };
  if (isCountryCode(name)) return { kind: 'country', iso3: name, via: 'iso-code' };
  const iso3 = countries.getAlpha3Code(name, 'en');
  return iso3 ? { kind: 'country', iso3, via: 'iso-name' } : { kind: 'unmapped' };
}

/** The English short name of an ISO3 code (for iData's uName). */
export function countryName(iso3: string): string | null {
  return countries.getName(iso3, 'en') ?? null;
}

/** A name that did not map to a country, with how often and where it occurred. */
export interface NameReportEntry {
  name: string;
  count: number;
  /** Where it was seen, e.g. `dashboard_evolution_data.csv` or `2019` (a sheet). */
  where: string[];
  reason?: string;
}

export interface NameReport {
  /** Names neither in the table nor known to ISO: fix the table, the values are left out meanwhile. */
  unmapped: NameReportEntry[];
  /** Regions, organisations and blanks, excluded on purpose. */
  notCountries: NameReportEntry[];
}

/** A mapper that remembers every name it could not map, for the importer's coverage report. */
export function createCountryMapper() {
  const unmapped = new Map<string, NameReportEntry>();
  const notCountries = new Map<string, NameReportEntry>();
  const note = (map: Map<string, NameReportEntry>, name: string, where: string, reason?: string) => {
    const entry = map.get(name) ?? { name, count: 0, where: [], ...(reason ? { reason } : {}) };
    entry.count += 1;
    if (!entry.where.includes(where)) entry.where.push(where);
    map.set(name, entry);
  };
  return {
    /** ISO3 for the name, or null (and the name is recorded). */
    toIso3(name: string, where: string): string | null {
      const r = resolveCountryName(name);
      if (r.kind === 'country') return r.iso3;
      if (r.kind === 'not_country') note(notCountries, cleanName(name), where, r.reason);
      else note(unmapped, cleanName(name), where);
      return null;
    },
    report(): NameReport {
      const sorted = (m: Map<string, NameReportEntry>) => [...m.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
      return { unmapped: sorted(unmapped), notCountries: sorted(notCountries) };
    },
  };
}
