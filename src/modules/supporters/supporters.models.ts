import { countryName, countryNamesForSearch } from '../../shared/countries.js';
import { cleanText, foldText } from '../../shared/text.js';
import {
  registryStartDate,
  type CategoryFacet,
  type JoinedOnSource,
  type SupporterCategory,
  type VerificationLevel,
} from './supporters.constants.js';
import type { SupporterRow } from './supporters.tables.js';

/** A registry entry as the registry's use cases return it (other modules name it from here, not from the tables). */
export type { SupporterRow };

/**
 * A supporter as read from a source (an official `_supporters/*.md` file or a CSV row), already validated and
 * normalised. It is what import use cases write; pure data, no I/O.
 */
export interface SupporterRecord {
  slug: string;
  name: string;
  category: SupporterCategory | null;
  nature: string | null;
  /** ISO alpha-3 after correction (ROM→ROU…), null when the source names no country. */
  countryCode: string | null;
  /** The code exactly as in the source (`ROM`, `EU`, `FR`…), null when absent. */
  sourceCountryCode: string | null;
  website: string | null;
  twitter: string | null;
  linkedin: string | null;
  dateSigned: string | null;
  firstSeen: string | null;
  statement: string;
  /** `file.md` or `supporters.csv:12`, for reports. */
  source: string;
}

/** Sub-types published in English that mean the same as a French one. */
const natureAliases: Readonly<Record<string, string>> = {
  'international organization': 'organisation internationale',
  'international organisation': 'organisation internationale',
};

/** Groups sub-type spellings ("Université", "université ", "Fondation ") under one key. */
export function natureKey(nature: string | null): string | null {
  if (!nature) return null;
  const key = foldText(nature);
  if (key === '') return null;
  return natureAliases[key] ?? key;
}

export function categoryFacet(category: SupporterCategory | null): CategoryFacet {
  return category ?? 'uncategorised';
}

/** The date used for "joined": the supporter's own signature date, else the first day the registry listed it. */
export function joinedOn(record: Pick<SupporterRecord, 'dateSigned' | 'firstSeen'>): {
  joinedOn: string | null;
  joinedOnSource: JoinedOnSource | null;
  joinedYear: number | null;
} {
  const date = record.dateSigned ?? record.firstSeen;
  const source: JoinedOnSource | null = record.dateSigned ? 'signed' : record.firstSeen ? 'first-seen' : null;
  return { joinedOn: date, joinedOnSource: source, joinedYear: date ? Number(date.slice(0, 4)) : null };
}

/** A first-seen date on the repository's first day only bounds the join date from above. */
export function isOnOrBefore(joinedOnValue: string | null, source: JoinedOnSource | null): boolean {
  return source === 'first-seen' && joinedOnValue === registryStartDate;
}

/**
 * The folded text the registry search runs on: the name, every known name of the country in English and French
 * (so a state published under its French name, "Allemagne", is found as "Germany"), and the sub-type.
 */
export function buildSearchText(record: Pick<SupporterRecord, 'name' | 'countryCode' | 'nature' | 'category'>): string {
  const parts = [record.name];
  if (record.countryCode) {
    parts.push(...countryNamesForSearch(record.countryCode), record.countryCode);
  }
  if (record.nature) parts.push(record.nature);
  return foldText(parts.join(' | '));
}

export function sortName(name: string): string {
  return foldText(name);
}

/** Splits a user's query into folded terms; every term must match (partial words allowed). */
export function queryTerms(query: string | undefined): string[] {
  if (!query) return [];
  return [...new Set(foldText(query).split(' ').filter((t) => t.length > 0))].slice(0, 8);
}

/** Display name of a supporter's country in the page language; null when it has none. */
export function supporterCountryName(countryCode: string | null, locale: 'en' | 'fr'): string | null {
  return countryCode ? countryName(countryCode, locale) : null;
}

export { cleanText };

/** What the secretariat had proved when it approved an entry on the platform: facts for choosing a level, never shown. */
export interface VerificationEvidence {
  /** A note verbale was recorded (the diplomatic route of States and intergovernmental bodies). */
  noteVerbale: boolean;
  /** The verification code was found at the website (the `/.well-known/` file or the DNS TXT record). */
  websiteCode: boolean;
  /** The executive's e-mail address is on the website's domain. */
  emailDomain: boolean;
}

/** A level with the day it was established. */
export interface Verification {
  level: VerificationLevel;
  on: string | null;
}

/** The strongest level the evidence supports; an approval with none of it still had the secretariat's review. */
export function verificationLevelFor(evidence: VerificationEvidence): VerificationLevel {
  if (evidence.noteVerbale) return 'diplomatic-route';
  if (evidence.websiteCode) return 'website';
  if (evidence.emailDomain) return 'email-domain';
  return 'secretariat-review';
}

/** Platform levels, weakest first; `official-registry` is below them all, since a platform approval supersedes it. */
const strength: Record<VerificationLevel, number> = { 'official-registry': 0, 'secretariat-review': 1, 'email-domain': 2, website: 3, 'diplomatic-route': 4 };

/**
 * The level an entry keeps after a new approval: the new one unless the entry already holds one at least as strong (a
 * second representative's weaker evidence does not lower what an earlier approval proved, nor move its date).
 */
export function nextVerification(current: Verification, approved: Verification): Verification {
  return strength[current.level] >= strength[approved.level] ? current : approved;
}
