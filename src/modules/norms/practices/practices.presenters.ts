/**
 * A practice's content as labelled plain-text fields in a page's language (for the history's and the review's diffs),
 * and the labels of its vocabularies. Texts stay as written (the description's Markdown unrendered): a diff shows
 * what the author typed.
 */
import { diffWords, type ChangeObject } from 'diff';
import { formatDate, type Locale } from '../../../app/i18n/i18n.js';
import { countryName } from '../../../shared/countries.js';
import { practicesMessages, type PracticesMessageKey, type PracticesTranslate } from './practices.messages.js';
import type { Framework } from './practices.queries.js';
import type { PracticeContent } from './practices.tables.js';

export const kindLabel = (t: PracticesTranslate, kind: string) => t(`practice.kind.${kind}` as PracticesMessageKey);
export const statusLabel = (t: PracticesTranslate, status: string) => t(`practice.status.${status}` as PracticesMessageKey);
export const sectorLabel = (t: PracticesTranslate, sector: string) => t(`practice.sector.${sector}` as PracticesMessageKey);

/** A principle's name in the page's language (its number when the Call's texts are not loaded). */
export function principleName(t: PracticesTranslate, framework: Framework, number: number, locale: Locale): string {
  const principle = framework.principles.find((p) => p.number === number);
  const name = principle?.shortName[locale] ?? principle?.shortName.en;
  return name ? `${number}. ${name}` : t('principle.fallback', { number });
}

/** `13(a)` for `13a`, from the norms table when loaded. */
export function normParagraph(framework: Framework, code: string): string {
  return framework.norms.find((n) => n.code === code)?.paragraph ?? code.replace(/^13([a-k])$/, '13($1)');
}

export function datesText(t: PracticesTranslate, locale: Locale, content: Pick<PracticeContent, 'startedOn' | 'endedOn'>): string {
  const start = content.startedOn ? formatDate(locale, content.startedOn) : null;
  const end = content.endedOn ? formatDate(locale, content.endedOn) : null;
  if (start && end) return t('page.fromUntil', { start, end });
  if (start) return t('page.from', { date: start });
  if (end) return t('page.until', { date: end });
  return t('page.noDates');
}

export interface TextField {
  key: string;
  label: string;
  text: string;
}

/** The content's fields as text, every one present (empty when not given), in a fixed order. */
export function contentFields(content: PracticeContent, locale: Locale, framework: Framework): TextField[] {
  const t = practicesMessages(locale);
  const language = (lang: 'en' | 'fr') => t(`language.${lang}`);
  const list = (items: string[]) => items.join('\n');
  return [
    { key: 'original', label: t('field.original'), text: language(content.original === 'fr' ? 'fr' : 'en') },
    ...(['en', 'fr'] as const).flatMap((lang) => [
      { key: `title-${lang}`, label: `${t('field.title')} (${language(lang)})`, text: content.title[lang] ?? '' },
      { key: `description-${lang}`, label: `${t('field.description')} (${language(lang)})`, text: content.description[lang] ?? '' },
    ]),
    { key: 'kind', label: t('field.kind'), text: kindLabel(t, content.kind) },
    { key: 'status', label: t('field.status'), text: statusLabel(t, content.implementationStatus) },
    { key: 'dates', label: t('field.dates'), text: datesText(t, locale, content) },
    { key: 'year', label: t('field.year'), text: String(content.year) },
    { key: 'principles', label: t('field.principles'), text: list(content.principles.map((n) => principleName(t, framework, n, locale))) },
    { key: 'norms', label: t('field.norms'), text: list(content.norms.map((code) => t('norm.label', { paragraph: normParagraph(framework, code) }))) },
    { key: 'sectors', label: t('field.sectors'), text: list(content.sectors.map((s) => sectorLabel(t, s))) },
    { key: 'countries', label: t('field.countries'), text: list(content.countries.map((c) => countryName(c, locale))) },
    { key: 'links', label: t('field.links'), text: list(content.links.map((l) => [l.label?.en ?? l.label?.fr, l.url].filter(Boolean).join(' — '))) },
    { key: 'attachments', label: t('field.attachments'), text: list(content.attachments.map((a) => a.name)) },
  ];
}

export interface FieldDiff {
  key: string;
  label: string;
  parts: Array<Pick<ChangeObject<string>, 'value' | 'added' | 'removed'>>;
}

/**
 * The fields that differ between two versions, each as word-level changes (jsdiff). A very long text whose diff takes
 * too long is shown as removed then added whole, rather than holding the page.
 */
export function diffContents(before: PracticeContent | null, after: PracticeContent, locale: Locale, framework: Framework): FieldDiff[] {
  const old = new Map((before ? contentFields(before, locale, framework) : []).map((f) => [f.key, f.text]));
  return contentFields(after, locale, framework).flatMap((field) => {
    const previous = old.get(field.key) ?? '';
    if (previous === field.text) return [];
    const parts = diffWords(previous, field.text, { timeout: 250 }) ?? [
      { value: previous, added: false, removed: true },
      { value: field.text, added: true, removed: false },
    ];
    return [{ key: field.key, label: field.label, parts: parts.filter((p) => p.value !== '') }];
  });
}
