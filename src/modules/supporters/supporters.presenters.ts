import type { z } from 'zod';
import type { Locale } from '../../app/i18n/i18n.js';
import { countryName } from '../../shared/countries.js';
import { renderMarkdown } from '../../shared/markdown.js';
import { uncategorised, type CategoryFacet, type JoinedOnSource, type VerificationLevel } from './supporters.constants.js';
import type { supporterDetailSchema, supporterSummarySchema } from './supporters.schemas.js';
import type { SupporterRow } from './supporters.tables.js';

/** The public shapes are the API's documented schemas: one definition for the type, validation and OpenAPI. */
export type SupporterSummary = z.infer<typeof supporterSummarySchema>;
export type SupporterDetail = z.infer<typeof supporterDetailSchema>;

/** The public view of a supporter: what pages, the API and embeds may show (no internal ids or hashes). */
export function presentSupporter(row: SupporterRow, locale: Locale = 'en'): SupporterSummary {
  return {
    slug: row.slug,
    name: row.name,
    category: (row.category ?? uncategorised) as CategoryFacet,
    nature: row.nature,
    natureKey: row.natureKey,
    country: row.countryCode
      ? { code: row.countryCode, sourceCode: row.sourceCountryCode, name: { en: countryName(row.countryCode, 'en'), fr: countryName(row.countryCode, 'fr') } }
      : null,
    sourceCountryCode: row.sourceCountryCode,
    website: row.website,
    twitter: row.twitter,
    linkedin: row.linkedin,
    dateSigned: row.dateSigned,
    firstSeen: row.firstSeen,
    joinedOn: row.joinedOn,
    joinedOnSource: row.joinedOnSource as JoinedOnSource | null,
    // The level and its day only: the evidence behind it stays with the application.
    verification: { level: row.verificationLevel as VerificationLevel, on: row.verifiedOn },
    url: `/${locale}/supporters/${encodeURIComponent(row.slug)}`,
  };
}

export function presentSupporterDetail(row: SupporterRow, locale: Locale = 'en'): SupporterDetail {
  return { ...presentSupporter(row, locale), statement: row.statement, statementLanguage: row.statementLocale, statementHtml: renderMarkdown(row.statement) };
}

/** An https URL for a Twitter/X handle, which the registry stores as a handle, @handle or full URL. */
export function twitterUrl(value: string): string | null {
  const trimmed = value.trim();
  if (/^https?:\/\//i.test(trimmed)) return safeUrl(trimmed);
  const handle = trimmed.replace(/^@/, '');
  return /^\w{1,50}$/.test(handle) ? `https://x.com/${handle}` : null;
}

/** Only http(s) links are shown; anything else (javascript:, malformed) is dropped. */
export function safeUrl(value: string | null): string | null {
  if (!value) return null;
  let candidate = value.trim();
  if (!/^https?:\/\//i.test(candidate)) candidate = `https://${candidate}`;
  try {
    const url = new URL(candidate);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}
