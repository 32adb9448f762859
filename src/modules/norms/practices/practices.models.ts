/**
 * Pure rules of practices: which revision an author works on, what a decision moves a revision to, what makes content
 * acceptable (each problem named by its form field and a catalog key), and which text a page shows in which language.
 */
import { isCountryCode } from '../../../shared/countries.js';
import { hasControlCharacters } from '../../../shared/text-input.js';
import type { Locale } from '../../../app/i18n/i18n.js';
import { editableRevisionStates, maxAttachments, openRevisionStates, practiceTextLimits, type RevisionState } from './practices.constants.js';
import { practiceContentSchema } from './practices.content.js';
import type { PracticesMessageKey } from './practices.messages.js';
import type { Localized, PracticeContent } from './practices.tables.js';

/** The content a representative writes; attachments are added from what is kept and what is uploaded. */
export type PracticeText = Omit<PracticeContent, 'attachments'>;

/** The revision still open (a draft, a submitted one, one with a question), the latest: there is at most one. */
export function openRevision<R extends { state: string; number: number }>(revisions: readonly R[]): R | undefined {
  return [...revisions].sort((a, b) => b.number - a.number).find((r) => (openRevisionStates as readonly string[]).includes(r.state));
}

export function isEditable(state: string): boolean {
  return (editableRevisionStates as readonly string[]).includes(state);
}

/** The secretariat's decisions on a submitted revision, and the state each leaves it in. */
export const decisions = { publish: 'published', 'request-information': 'information-requested', reject: 'rejected' } as const satisfies Record<string, RevisionState>;
export type Decision = keyof typeof decisions;

/** The next revision's number. */
export const nextRevisionNumber = (revisions: ReadonlyArray<{ number: number }>): number => Math.max(0, ...revisions.map((r) => r.number)) + 1;

export type ContentIssues = Record<string, PracticesMessageKey>;

const upper = (lang: string) => (lang === 'fr' ? 'Fr' : 'En');

/** The form field a path of the content schema is typed in. */
function fieldOf(path: PropertyKey[]): string {
  const [head, second] = path;
  if ((head === 'title' || head === 'description') && (second === 'en' || second === 'fr')) return `${String(head)}${upper(second)}`;
  if (head === 'links' && typeof second === 'number') return `link-${second}`;
  return String(head ?? 'form');
}

/** The sentence for a field whose shape is wrong, where a more precise one than "not valid" helps. */
const shapeMessages: Partial<Record<string, PracticesMessageKey>> = { year: 'error.year', startedOn: 'error.date', endedOn: 'error.date', countries: 'error.country' };

function tooLong(text: Localized | undefined, max: number): Array<'en' | 'fr'> {
  return (['en', 'fr'] as const).filter((lang) => (text?.[lang]?.length ?? 0) > max);
}

/**
 * Every problem of the content, by form field (the first per field). The schema (practices.content.ts) checks shapes;
 * the rest are the platform's rules: the original language has a title and a description, texts have no control
 * characters and fit their limits, the end is not before the start, countries are ISO codes, something is implemented.
 */
export function contentIssues(content: PracticeText & { attachments?: PracticeContent['attachments'] }): ContentIssues {
  const issues: ContentIssues = {};
  const add = (field: string, key: PracticesMessageKey) => {
    issues[field] ??= key;
  };
  const parsed = practiceContentSchema.safeParse({ ...content, attachments: content.attachments ?? [] });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOf(issue.path);
      add(field, field.startsWith('link-') ? 'error.url' : (shapeMessages[field] ?? 'error.invalidField'));
    }
  }
  const original = content.original === 'fr' ? 'fr' : 'en';
  if (!content.title?.[original]) add(`title${upper(original)}`, 'error.titleOriginal');
  if (!content.description?.[original]) add(`description${upper(original)}`, 'error.descriptionOriginal');
  for (const lang of tooLong(content.title, practiceTextLimits.title)) add(`title${upper(lang)}`, 'error.tooLong');
  for (const lang of tooLong(content.description, practiceTextLimits.description)) add(`description${upper(lang)}`, 'error.tooLong');
  for (const lang of ['en', 'fr'] as const) {
    if (hasControlCharacters(content.title?.[lang] ?? '')) add(`title${upper(lang)}`, 'error.control');
    if (hasControlCharacters(content.description?.[lang] ?? '', { multiline: true })) add(`description${upper(lang)}`, 'error.control');
  }
  content.links?.forEach((link, index) => {
    const label = Object.values(link.label ?? {}).join('');
    if (label.length > practiceTextLimits.linkLabel || hasControlCharacters(label)) add(`link-${index}`, 'error.linkLabel');
  });
  if ((content.links?.length ?? 0) > practiceTextLimits.links) add('links', 'error.tooManyLinks');
  if (content.startedOn && content.endedOn && content.endedOn < content.startedOn) add('endedOn', 'error.endBeforeStart');
  if (content.countries?.some((code) => !isCountryCode(code))) add('countries', 'error.country');
  if ((content.principles?.length ?? 0) + (content.norms?.length ?? 0) === 0) add('principles', 'error.implementsNothing');
  if ((content.attachments?.length ?? 0) > maxAttachments) add('attachments', 'error.tooManyFiles');
  return issues;
}

/** How a text is shown in a page's language: the page's own, a translation, or (marked) the original only. */
export interface ShownText {
  text: string;
  lang: Locale;
  /** `original`: written in this language; `translation`: the author's translation; `untranslated`: only the original exists. */
  kind: 'original' | 'translation' | 'untranslated';
}

/** The text for a page in `locale`, or the original when asked (`preferOriginal`) or when there is no translation. */
export function shownText(text: Localized | null | undefined, original: string | null | undefined, locale: Locale, preferOriginal = false): ShownText | null {
  const source: Locale = original === 'fr' ? 'fr' : 'en';
  const inOriginal = text?.[source];
  const inPage = text?.[locale];
  if (locale === source || preferOriginal) {
    if (inOriginal) return { text: inOriginal, lang: source, kind: 'original' };
  } else if (inPage) return { text: inPage, lang: locale, kind: 'translation' };
  if (inOriginal) return { text: inOriginal, lang: source, kind: locale === source ? 'original' : 'untranslated' };
  // An imported practice may lack its original's text in one field; then whatever language there is.
  const other = text?.en ?? text?.fr;
  return other ? { text: other, lang: text?.en ? 'en' : 'fr', kind: 'untranslated' } : null;
}
