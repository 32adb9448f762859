/**
 * A synthesis as pure rules, like the G7's of 2019: one section per norm in the report's order, with the norm's text
 * and the practices reported for it; then, for practices linked to principles but to no norm (the case studies), one
 * section per principle; then any practice linked to neither. Within a section, practices come in the order their
 * source gives them (so the G7 synthesis comes back in its own order), then by year and publication.
 */
import type { Locale } from '../../../app/i18n/i18n.js';
import type { SourcePassage } from '../imports/imports.models.js';
import type { Localized, PracticeSourceRef } from '../practices/practices.tables.js';
import type { SynthesisFilters } from './synthesis.schemas.js';

export interface SynthesisPractice {
  id: string;
  origin: string;
  sourceKey: string | null;
  sourceRef: PracticeSourceRef | null;
  supporterId: string | null;
  attribution: Localized | null;
  category: string | null;
  title: Localized | null;
  description: Localized | null;
  original: string | null;
  kind: string | null;
  implementationStatus: string | null;
  year: number | null;
  principles: number[];
  norms: string[];
  countries: string[];
  publishedAt: Date | null;
}

/** What the registry says of a practice's supporter. */
export interface SynthesisSupporter {
  name: string;
  slug: string;
  category: string | null;
  countryCode: string | null;
}

export interface SynthesisNorm {
  code: string;
  paragraph: string;
  position: number;
  text: { en: string; fr?: string };
  sources: { en: string; fr?: string };
  frWording: string | null;
}

export interface SynthesisPrinciple {
  number: number;
  shortName: Localized;
}

export interface SynthesisItem extends SynthesisPractice {
  supporter: SynthesisSupporter | null;
}

export interface Synthesis {
  filters: SynthesisFilters;
  /** Distinct practices in the set (one linked to two norms is in two sections, counted once). */
  total: number;
  /** The source document's title, subtitle and preamble, when the whole set comes from one document that has them. */
  front: { title?: SourcePassage; subtitle?: SourcePassage; preamble?: SourcePassage } | null;
  norms: Array<{ norm: SynthesisNorm; intro: SourcePassage | null; items: SynthesisItem[] }>;
  principles: Array<{ principle: SynthesisPrinciple; items: SynthesisItem[] }>;
  /** Practices linked to no norm and no principle. */
  other: SynthesisItem[];
}

const originRank: Record<string, number> = { 'g7-synthesis': 0, 'case-study': 1, platform: 2 };

/** `g7-2019/13c/10` after `g7-2019/13c/9`: the key's last number compared as a number. */
function sourceOrder(key: string | null): [string, number] {
  if (!key) return ['', 0];
  const match = /^(.*\/)(\d+)$/.exec(key);
  return match ? [match[1]!, Number(match[2])] : [key, 0];
}

export function compareForSynthesis(a: SynthesisPractice, b: SynthesisPractice): number {
  const [prefixA, numberA] = sourceOrder(a.sourceKey);
  const [prefixB, numberB] = sourceOrder(b.sourceKey);
  return (
    (a.year ?? 0) - (b.year ?? 0) ||
    (originRank[a.origin] ?? 9) - (originRank[b.origin] ?? 9) ||
    (prefixA < prefixB ? -1 : prefixA > prefixB ? 1 : 0) ||
    numberA - numberB ||
    (a.publishedAt?.getTime() ?? 0) - (b.publishedAt?.getTime() ?? 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** The filters the database does not apply: category and country, which fall back on the registry entry's. */
export function keepsPractice(filters: SynthesisFilters, practice: SynthesisPractice, supporter: SynthesisSupporter | null): boolean {
  if (filters.category && (practice.category ?? supporter?.category) !== filters.category) return false;
  if (filters.country.length) {
    const inCountries = practice.countries.some((c) => filters.country.includes(c));
    const basedThere = supporter?.countryCode ? filters.country.includes(supporter.countryCode) : false;
    if (!inCountries && !basedThere) return false;
  }
  return true;
}

export function buildSynthesis(input: {
  filters: SynthesisFilters;
  practices: SynthesisPractice[];
  supporters: Map<string, SynthesisSupporter>;
  norms: SynthesisNorm[];
  principles: SynthesisPrinciple[];
  passages: SourcePassage[];
}): Synthesis {
  const { filters } = input;
  const items: SynthesisItem[] = input.practices
    .map((practice) => ({ ...practice, supporter: practice.supporterId ? (input.supporters.get(practice.supporterId) ?? null) : null }))
    .filter((item) => keepsPractice(filters, item, item.supporter))
    .sort(compareForSynthesis);
  const passage = (document: string, part: string) => input.passages.find((p) => p.document === document && p.part === part);
  const norms = [...input.norms]
    .sort((a, b) => a.position - b.position)
    .filter((norm) => !filters.norm || norm.code === filters.norm)
    .map((norm) => {
      const linked = items.filter((item) => item.norms.includes(norm.code));
      const documents = [...new Set(linked.map((item) => item.sourceRef?.document).filter((d): d is string => Boolean(d)))];
      const intro = documents.map((document) => passage(document, norm.code)).find(Boolean) ?? null;
      return { norm, intro, items: linked };
    });
  const principleOnly = filters.norm ? [] : items.filter((item) => item.norms.length === 0 && item.principles.length > 0);
  const principles = [...input.principles]
    .sort((a, b) => a.number - b.number)
    .map((principle) => ({ principle, items: principleOnly.filter((item) => item.principles.includes(principle.number)) }))
    .filter((section) => section.items.length > 0);
  const other = filters.norm ? [] : items.filter((item) => item.norms.length === 0 && item.principles.length === 0);
  const shown = new Set([...norms.flatMap((s) => s.items), ...principles.flatMap((s) => s.items), ...other].map((item) => item.id));
  const documents = new Set(items.map((item) => item.sourceRef?.document ?? ''));
  const single = documents.size === 1 ? [...documents][0]! : '';
  const front = single && passage(single, 'title') ? { title: passage(single, 'title'), subtitle: passage(single, 'subtitle'), preamble: passage(single, 'preamble') } : null;
  return { filters, total: shown.size, front, norms, principles, other };
}

/** A text in the page's language: the original, a translation (shown as one), or the original when there is no translation. */
export function pickText(text: Localized | null, original: string | null, locale: Locale): { text: string; lang: Locale; status: 'original' | 'translation' | 'untranslated' } {
  const own = text?.[locale];
  if (own) return { text: own, lang: locale, status: original === locale ? 'original' : 'translation' };
  const other: Locale = locale === 'en' ? 'fr' : 'en';
  return { text: text?.[other] ?? '', lang: other, status: 'untranslated' };
}
