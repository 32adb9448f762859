/**
 * A synthesis as it reads in one language, shared by the web page, the print version and the Markdown download so the
 * three say the same: which text is shown (the original, a translation marked as one, or the original where there is
 * no translation), who reported it, and where it comes from.
 */
import { formatDate, type Locale } from '../../../app/i18n/i18n.js';
import { countryName } from '../../../shared/countries.js';
import type { SourcePassage } from '../imports/imports.models.js';
import { pickText, type Synthesis, type SynthesisItem, type SynthesisNorm } from './synthesis.models.js';
import { synthesisMessages, type SynthesisMessages } from './synthesis.messages.js';
import type { SynthesisFilters } from './synthesis.schemas.js';

type Key = Parameters<SynthesisMessages>[0];

export interface ShownText {
  text: string;
  lang: Locale;
  /** Says the text is a translation, or that there is none yet; null for an original. */
  note: string | null;
}

export interface ShownItem {
  id: string;
  href: string;
  title: ShownText;
  paragraphs: string[];
  textLang: Locale;
  note: string | null;
  by: { name: string; href: string | null };
  /** "Strategy or policy, 2019 · countries: … · status: …". */
  facts: string;
  source: string;
}

export interface ShownSection {
  id: string;
  heading: string;
  text: ShownText | null;
  textSource: string | null;
  intro: (ShownText & { from: string }) | null;
  items: ShownItem[];
  empty: string | null;
}

export interface ShownSynthesis {
  title: string;
  set: string;
  count: string;
  generated: string;
  front: { title: ShownText | null; subtitle: ShownText | null; preamble: ShownText | null; from: string } | null;
  norms: ShownSection[];
  principles: ShownSection[];
  other: ShownItem[];
}

/** A label looked up by a key built from data (a kind, a document): the data itself when the catalog has no such key. */
function known(t: SynthesisMessages, key: string, fallback: string): string {
  try {
    return t(key as Key);
  } catch {
    return fallback;
  }
}

/** The set in words: "source: the G7 synthesis (2019) · year 2019". */
export function describeSet(filters: SynthesisFilters, locale: Locale): string {
  const t = synthesisMessages(locale);
  const parts: string[] = [];
  if (filters.origin) parts.push(t('synthesis.set.origin', { value: t(`synthesis.origin.${filters.origin}`) }));
  if (filters.year !== undefined) parts.push(t('synthesis.set.year', { value: String(filters.year) }));
  if (filters.category) parts.push(t('synthesis.set.category', { value: t(`synthesis.category.${filters.category}`) }));
  if (filters.country.length) parts.push(t('synthesis.set.countries', { value: filters.country.map((c) => countryName(c, locale)).join(', ') }));
  if (filters.principle !== undefined) parts.push(t('synthesis.set.principle', { value: String(filters.principle) }));
  if (filters.norm) parts.push(t('synthesis.set.norm', { value: `13(${filters.norm.slice(2)})` }));
  return parts.length ? parts.join(' · ') : t('synthesis.set.all');
}

/** A stored locator in the page's language, for the forms the importers write; any other as it is. */
function localizeLocator(locator: string, t: SynthesisMessages): string {
  let m = /^Norme (\d+), bullet (\d+)$/.exec(locator);
  if (m) return t('synthesis.locator.bullet', { norm: m[1]!, n: m[2]! });
  m = /^Norme (\d+), paragraph (\d+)( after the list)?$/.exec(locator);
  if (m) return t(m[3] ? 'synthesis.locator.afterList' : 'synthesis.locator.paragraph', { norm: m[1]!, n: m[2]! });
  m = /^principle-(\d)\.md, case study (\d+) of (\d+): "(.*)"$/.exec(locator);
  if (m) return t('synthesis.locator.caseStudy', { principle: m[1]!, n: m[2]!, total: m[3]!, name: m[4]! });
  return locator;
}

function passageText(passage: SourcePassage | null | undefined, locale: Locale, t: SynthesisMessages, origin = 'g7-synthesis'): ShownText | null {
  if (!passage) return null;
  const picked = pickText(passage.text, passage.original, locale);
  const note = picked.status === 'translation' ? known(t, `synthesis.translation.${origin}`, '') : picked.status === 'untranslated' ? t('synthesis.untranslated') : null;
  return { text: picked.text, lang: picked.lang, note: note || null };
}

function normText(norm: SynthesisNorm, locale: Locale, t: SynthesisMessages): { text: ShownText; source: string } {
  if (locale === 'fr' && norm.text.fr) {
    return { text: { text: norm.text.fr, lang: 'fr', note: norm.frWording === 'g7' ? t('synthesis.norm.g7') : null }, source: norm.sources.fr ?? norm.sources.en };
  }
  return { text: { text: norm.text.en, lang: 'en', note: locale === 'fr' ? t('synthesis.norm.untranslated') : null }, source: norm.sources.en };
}

/** Labels that many practices share (a kind, a set of countries), formatted once per synthesis. */
type Memo = Map<string, string>;
const memoized = (memo: Memo, key: string, make: () => string) => {
  let value = memo.get(key);
  if (value === undefined) memo.set(key, (value = make()));
  return value;
};

export function presentItem(item: SynthesisItem, locale: Locale, t: SynthesisMessages = synthesisMessages(locale), memo: Memo = new Map()): ShownItem {
  const title = pickText(item.title, item.original, locale);
  const text = pickText(item.description, item.original, locale);
  const note = text.status === 'translation' ? known(t, `synthesis.translation.${item.origin}`, '') || null : text.status === 'untranslated' ? t('synthesis.untranslated') : null;
  const attribution = item.attribution?.[locale] ?? item.attribution?.en ?? item.attribution?.fr ?? '';
  const by = item.supporter ? { name: item.supporter.name, href: `/${locale}/supporters/${encodeURIComponent(item.supporter.slug)}` } : { name: attribution, href: null };
  const facts = [
    [item.kind ? memoized(memo, `kind ${item.kind}`, () => known(t, `synthesis.kind.${item.kind}`, item.kind!)) : '', item.year ? String(item.year) : ''].filter(Boolean).join(', '),
    item.countries.length ? memoized(memo, `countries ${item.countries.join()}`, () => t('synthesis.countries', { countries: item.countries.map((c) => countryName(c, locale)).join(', ') })) : '',
    item.implementationStatus ? memoized(memo, `status ${item.implementationStatus}`, () => t('synthesis.status', { status: known(t, `synthesis.implementation.${item.implementationStatus}`, item.implementationStatus!) })) : '',
  ].filter(Boolean);
  const document = item.sourceRef ? memoized(memo, `document ${item.sourceRef.document}`, () => known(t, `synthesis.document.${item.sourceRef!.document}`, item.sourceRef!.document)) : '';
  return {
    id: item.id,
    href: `/${locale}/practices/${encodeURIComponent(item.id)}`,
    title: { text: title.text, lang: title.lang, note: null },
    paragraphs: text.text.split(/\n{2,}/).map((p) => p.trim()).filter(Boolean),
    textLang: text.lang,
    note,
    by,
    facts: facts.join(' · '),
    source: item.sourceRef ? t('synthesis.source', { document, locator: localizeLocator(item.sourceRef.locator, t) }) : t('synthesis.source.platform'),
  };
}

export function presentSynthesis(synthesis: Synthesis, locale: Locale, today: Date = new Date()): ShownSynthesis {
  const t = synthesisMessages(locale);
  // A practice linked to two norms is in two sections: presented once.
  const memo: Memo = new Map();
  const presented = new Map<string, ShownItem>();
  const present = (item: SynthesisItem) => {
    let shown = presented.get(item.id);
    if (!shown) presented.set(item.id, (shown = presentItem(item, locale, t, memo)));
    return shown;
  };
  const front = synthesis.front
    ? {
        title: passageText(synthesis.front.title, locale, t),
        subtitle: passageText(synthesis.front.subtitle, locale, t),
        preamble: passageText(synthesis.front.preamble, locale, t),
        from: known(t, `synthesis.document.${synthesis.front.title?.document ?? ''}`, synthesis.front.title?.document ?? ''),
      }
    : null;
  return {
    title: t('synthesis.title'),
    set: t('synthesis.set', { description: describeSet(synthesis.filters, locale) }),
    count: t('synthesis.count', { count: synthesis.total }),
    generated: t('synthesis.generated', { date: formatDate(locale, today.toISOString().slice(0, 10)) }),
    front,
    norms: synthesis.norms.map(({ norm, intro, items }) => {
      const { text, source } = normText(norm, locale, t);
      const introText = passageText(intro, locale, t);
      return {
        id: `norm-${norm.code}`,
        heading: t('synthesis.norm.heading', { position: norm.position, paragraph: norm.paragraph }),
        text,
        textSource: t('synthesis.norm.source', { source }),
        intro: introText && intro ? { ...introText, from: t('synthesis.intro.from', { document: known(t, `synthesis.document.${intro.document}`, intro.document) }) } : null,
        items: items.map(present),
        empty: items.length ? null : t('synthesis.norm.none'),
      };
    }),
    principles: synthesis.principles.map(({ principle, items }) => ({
      id: `principle-${principle.number}`,
      heading: t('synthesis.principle.heading', { number: principle.number, name: principle.shortName[locale] ?? principle.shortName.en ?? '' }),
      text: null,
      textSource: null,
      intro: null,
      items: items.map(present),
      empty: null,
    })),
    other: synthesis.other.map(present),
  };
}
