/**
 * The pure rules of implementation reports: what a section's subject is and how it is written in a URL, what an empty
 * section is, how a section is pre-filled from last year's and from the organisation's practices, and which language
 * of a text a reader is shown. No I/O here.
 */
import type { Localized } from '../practices/practices.tables.js';
import type { ReportSectionContent } from './reports.tables.js';
import { normCodes, principleNumbers, sectionFields, type ReportLanguage, type Visibility } from './reports.constants.js';

/** `norm:13a` … `norm:13k`, `principle:1` … `principle:9`: the table's `subject`. */
export type Subject = `norm:${(typeof normCodes)[number]}` | `principle:${(typeof principleNumbers)[number]}`;
export type ParsedSubject = { kind: 'norm'; code: (typeof normCodes)[number] } | { kind: 'principle'; number: (typeof principleNumbers)[number] };

/** Every subject a report may have a section on, in the order reports show them: the norms, then the principles. */
export const subjects: readonly Subject[] = [...normCodes.map((code) => `norm:${code}` as const), ...principleNumbers.map((n) => `principle:${n}` as const)];

export function isSubject(value: string): value is Subject {
  return (subjects as readonly string[]).includes(value);
}

export function parseSubject(subject: Subject): ParsedSubject {
  const [kind, key] = subject.split(':') as ['norm' | 'principle', string];
  return kind === 'norm' ? { kind, code: key as (typeof normCodes)[number] } : { kind, number: Number(key) as (typeof principleNumbers)[number] };
}

/** A subject in a URL path or an HTML id: `norm-13a`, `principle-6` (a colon is awkward in both). */
export function subjectSegment(subject: Subject): string {
  return subject.replace(':', '-');
}

/** The subject a path segment names, or null. */
export function subjectFromSegment(segment: string): Subject | null {
  if (!/^(norm|principle)-[^:]+$/.test(segment)) return null;
  const subject = segment.replace('-', ':');
  return isSubject(subject) ? subject : null;
}

/** Sorts subjects (or rows with one) in report order. */
export function bySubjectOrder<T extends { subject: string }>(rows: readonly T[]): T[] {
  const rank = (subject: string) => (subjects as readonly string[]).indexOf(subject);
  return [...rows].sort((a, b) => rank(a.subject) - rank(b.subject));
}

export function emptyContent(): ReportSectionContent {
  return { inPlace: {}, lessons: {}, challenges: {}, assistanceNeeded: {}, assistanceOffered: {}, practiceIds: [] };
}

/** Whether no question is answered in the report's language (a translation alone does not count: it translates nothing). */
export function isUnanswered(content: ReportSectionContent, original: ReportLanguage): boolean {
  return sectionFields.every((field) => !content[field][original]?.trim());
}

/** A section as a person saves it: the version their form was loaded from, its visibility, its answers. */
export interface SectionInput {
  version: number;
  visibility: Visibility;
  content: ReportSectionContent;
}

/** A practice of the organisation, as a section lists it. */
export interface LinkedPractice {
  id: string;
  title: Localized;
}

/** One of the organisation's published practices, with what it implements. */
export interface PracticeRef extends LinkedPractice {
  norms: string[];
  principles: number[];
}

/** The practices that implement the subject (a norm or a principle). */
export function practicesFor<P extends PracticeRef>(practices: readonly P[], subject: Subject): P[] {
  const parsed = parseSubject(subject);
  return practices.filter((p) => (parsed.kind === 'norm' ? p.norms.includes(parsed.code) : p.principles.includes(parsed.number)));
}

/** The sentence that lists practices, per language (the caller words it from its catalogs). */
export type PracticeSentence = (language: ReportLanguage, titles: string[]) => string;

/** What a new section was pre-filled from: last year's section (its year), the practices it lists. */
export interface Prefill {
  content: ReportSectionContent;
  visibility: Visibility;
  fromYear: number | null;
  practiceIds: string[];
}

/** A title in the report's language, else in the other one (a practice may be written in either). */
export function titleIn(title: Localized, language: ReportLanguage): string {
  return title[language] ?? title[language === 'en' ? 'fr' : 'en'] ?? '';
}

/**
 * A new section, pre-filled: last year's answers and visibility when last year's report had the section; the
 * organisation's practices linked to the subject added to `practiceIds`; and the practices not already listed last year
 * named in a sentence appended to "what is in place" (in the report's language, and in the translation when last year's
 * text had one). Nothing to go on gives an empty section, visible to the secretariat only.
 */
export function prefillSection(input: {
  original: ReportLanguage;
  previous: { year: number; content: ReportSectionContent; visibility: Visibility } | null;
  practices: readonly LinkedPractice[];
  sentence: PracticeSentence;
}): Prefill {
  const { original, previous, practices } = input;
  const base = previous ? structuredClone(previous.content) : emptyContent();
  const known = new Set(practices.map((p) => p.id));
  // Practices listed last year that are no longer the organisation's published practices are dropped, not linked dead.
  const kept = base.practiceIds.filter((id) => known.has(id));
  const added = practices.filter((p) => !kept.includes(p.id));
  const content: ReportSectionContent = { ...base, practiceIds: [...kept, ...added.map((p) => p.id)] };
  if (added.length > 0) {
    for (const language of [original, original === 'en' ? 'fr' : 'en'] as const) {
      const text = content.inPlace[language];
      // The translation is extended only when there is one: an added sentence alone would not translate the original.
      if (language !== original && !text) continue;
      const sentence = input.sentence(language, added.map((p) => titleIn(p.title, language)));
      content.inPlace = { ...content.inPlace, [language]: text?.trim() ? `${text.trimEnd()}\n\n${sentence}` : sentence };
    }
  }
  return { content, visibility: previous?.visibility ?? 'secretariat', fromYear: previous?.year ?? null, practiceIds: content.practiceIds };
}

/** How a text is shown to a reader: the language shown, and whether it is the original, a translation, or untranslated. */
export type ShownText = { text: string; lang: ReportLanguage; kind: 'original' | 'translation' | 'untranslated' };

/**
 * The text in the reader's language: the original when it is theirs, else the translation, else the original marked as
 * not translated (never silently blank). Null when the question is not answered.
 */
export function shownText(text: Localized, original: ReportLanguage, reader: ReportLanguage): ShownText | null {
  const source = text[original]?.trim();
  if (!source) return null;
  if (reader === original) return { text: source, lang: original, kind: 'original' };
  const translation = text[reader]?.trim();
  return translation ? { text: translation, lang: reader, kind: 'translation' } : { text: source, lang: original, kind: 'untranslated' };
}
