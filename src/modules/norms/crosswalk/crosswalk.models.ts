/** The crosswalk between the Call's principles and the UN norms: its shapes and pure rules, no I/O. */
import type { NormText } from '../norms.tables.js';

/** The WG4 report, as links read from it name it (`source.document`). */
export const wg4Report = 'WG4-Final-Report-101121';

/** Where a link comes from: a page of a report. Null for a link written on the platform. */
export interface LinkSource {
  document: string;
  page: number;
}

/** A link as the reference bundle holds it: the excerpt of the report it rests on is kept there, for review. */
export interface ParsedCrosswalkLink {
  principleNumber: number;
  normCode: string;
  rationale: NormText;
  source: LinkSource;
  /** The report's words the link rests on (verbatim, white space collapsed). */
  excerpt: string;
}

/** A link as pages, the API and exports read it. */
export interface CrosswalkLink {
  principleNumber: number;
  normCode: string;
  rationale: NormText;
  source: LinkSource | null;
  /** Who last changed it on the platform (`user:…`); null while it is as imported. */
  editedBy: string | null;
  updatedAt: Date;
}

/** A principle as the crosswalk names it (the call module's principles): its number and short name per language. */
export interface PrincipleName {
  number: number;
  shortName: Partial<Record<'en' | 'fr', string>>;
}

/** The principle's short name in the language asked, else in the other one. */
export const shortNameIn = (principle: PrincipleName | undefined, locale: 'en' | 'fr') =>
  principle?.shortName[locale] ?? principle?.shortName.en ?? principle?.shortName.fr ?? '';

/** `principle 6 ↔ 13i` as the audit log and addresses name a link: `6/13i`. */
export const linkKey = (link: { principleNumber: number; normCode: string }) => `${link.principleNumber}/${link.normCode}`;

/** `13(i)` from `13i`. */
export const paragraphOf = (code: string) => `13(${code.slice(2)})`;

/** Links in the crosswalk's order: by principle, then by norm (`13a` … `13k` sort as the report orders them). */
export function sortLinks<L extends { principleNumber: number; normCode: string }>(links: readonly L[]): L[] {
  return [...links].sort((a, b) => a.principleNumber - b.principleNumber || (a.normCode < b.normCode ? -1 : a.normCode > b.normCode ? 1 : 0));
}

/** The rationale in the page's language, or the other one with the language it is in (a missing translation is shown as such). */
export function rationaleIn(text: NormText, locale: 'en' | 'fr'): { text: string; lang: 'en' | 'fr'; translated: boolean } {
  const own = text[locale];
  if (own) return { text: own, lang: locale, translated: true };
  return { text: text.en, lang: 'en', translated: locale === 'en' };
}
