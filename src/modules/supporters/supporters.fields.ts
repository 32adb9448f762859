/**
 * The validation every registry source shares (an official file's front matter, a row of the official CSV): what a
 * supporter's fields must be, with a problem per field. Apart from the file readers so that the CSV reader and the
 * server do not load the YAML parser.
 */
import { resolveCountryCode } from '../../shared/countries.js';
import type { SourceIssue } from '../../shared/source-issues.js';
import { isIsoDate } from '../../shared/dates.js';
import { cleanText } from '../../shared/text.js';
import { supporterCategories, type SupporterCategory } from './supporters.constants.js';
import type { SupporterRecord } from './supporters.models.js';

export { isIsoDate };

/** The front-matter fields of an official supporter file (the CSV export has all but `linkedin`). */
export const supporterFields = [
  'name',
  'category',
  'nature',
  'nationality',
  'website',
  'twitter',
  'linkedin',
  'date_signed',
] as const;
export type SupporterField = (typeof supporterFields)[number];

/** A field's value as found in the source (a string, null, or whatever YAML made of it) and the line it is on. */
export interface RawField {
  value: unknown;
  /** 1-based line in the source file; absent when the source names its line itself (`supporters.csv:12`). */
  line?: number;
}
export type RawSupporterFields = Record<string, RawField>;

/**
 * The validation shared by every registry source (front matter, CSV rows). Errors: `supporters.source.missing-name`,
 * `.unknown-category`, `.unknown-country`, `.invalid-date`, `.invalid-field`. Warnings: `.country-code-corrected`
 * (ROM→ROU, FR→FRA), `.no-country` (EU, INTERPOL…), `.unknown-field`. A source with an error yields no record.
 */
export function readSupporterFields(input: {
  slug: string;
  source: string;
  fields: RawSupporterFields;
  statement: string;
  firstSeen: string | null;
  /** Line reported when the problem is a missing field. */
  firstLine?: number;
}): { record: SupporterRecord | null; issues: SourceIssue[] } {
  const { source, fields } = input;
  const issues: SourceIssue[] = [];
  const report = (severity: SourceIssue['severity'], code: string, message: string, field?: string) => {
    const line = (field ? fields[field]?.line : undefined) ?? input.firstLine;
    issues.push(line === undefined ? { source, severity, code, message } : { source, line, severity, code, message });
  };

  const text = (field: SupporterField): string | null => {
    const value = fields[field]?.value;
    if (value === null || value === undefined) return null;
    if (typeof value !== 'string') {
      if (value instanceof Date && field === 'date_signed') return value.toISOString().slice(0, 10);
      report('error', 'supporters.source.invalid-field', `${field} must be a single text value`, field);
      return null;
    }
    const cleaned = cleanText(value);
    return cleaned === '' ? null : cleaned;
  };

  for (const key of Object.keys(fields)) {
    if (!(supporterFields as readonly string[]).includes(key)) {
      report('warning', 'supporters.source.unknown-field', `unknown field "${key}" is ignored`, key);
    }
  }

  const name = text('name');
  if (!name && typeof (fields.name?.value ?? '') === 'string') {
    report('error', 'supporters.source.missing-name', 'name is missing or empty', 'name');
  }

  const rawCategory = text('category');
  const category = rawCategory === null ? null : asCategory(rawCategory);
  if (rawCategory !== null && category === null) {
    const message = `unknown category "${rawCategory}" (expected ${supporterCategories.join(', ')} or empty)`;
    report('error', 'supporters.source.unknown-category', message, 'category');
  }

  const sourceCountryCode = text('nationality');
  const country = readCountry(sourceCountryCode);
  if (country.issue) report(country.issue.severity, country.issue.code, country.issue.message, 'nationality');

  const dateSigned = text('date_signed');
  if (dateSigned !== null && !isIsoDate(dateSigned)) {
    report('error', 'supporters.source.invalid-date', `date_signed "${dateSigned}" is not a date (YYYY-MM-DD)`, 'date_signed');
  }

  const nature = text('nature');
  const website = text('website');
  const twitter = text('twitter');
  const linkedin = text('linkedin');
  if (issues.some((issue) => issue.severity === 'error') || !name) return { record: null, issues };
  const record: SupporterRecord = {
    slug: input.slug,
    name,
    category,
    nature,
    countryCode: country.countryCode,
    sourceCountryCode,
    website,
    twitter,
    linkedin,
    dateSigned,
    firstSeen: input.firstSeen,
    statement: input.statement,
    source,
  };
  return { record, issues };
}

function asCategory(value: string): SupporterCategory | null {
  return (supporterCategories as readonly string[]).includes(value) ? (value as SupporterCategory) : null;
}

/** Source codes that deliberately name no country: the European Union signs as `EU`. */
const noCountryCodes: Readonly<Record<string, string>> = { EU: 'the European Union' };

function readCountry(raw: string | null): {
  countryCode: string | null;
  issue?: { severity: SourceIssue['severity']; code: string; message: string };
} {
  if (raw === null) {
    const message = 'no nationality: the supporter is listed without a country';
    return { countryCode: null, issue: { severity: 'warning', code: 'supporters.source.no-country', message } };
  }
  const body = noCountryCodes[raw.toUpperCase()];
  if (body) {
    const message = `nationality "${raw}" (${body}) names no country: the supporter is listed without one`;
    return { countryCode: null, issue: { severity: 'warning', code: 'supporters.source.no-country', message } };
  }
  const countryCode = resolveCountryCode(raw);
  if (!countryCode) {
    const message = `unknown nationality "${raw}" (expected an ISO 3166-1 alpha-3 code)`;
    return { countryCode: null, issue: { severity: 'error', code: 'supporters.source.unknown-country', message } };
  }
  if (countryCode !== raw) {
    const message = `nationality "${raw}" is not an ISO 3166-1 alpha-3 code: read as ${countryCode}`;
    return { countryCode, issue: { severity: 'warning', code: 'supporters.source.country-code-corrected', message } };
  }
  return { countryCode };
}
