/** Labels of the library's values in the page's language: vocabularies, norms, principles, countries, regions. */
import type { Locale } from '../../../../app/i18n/i18n.js';
import { countryName } from '../../../../shared/countries.js';
import { supporterMessages } from '../../../supporters/supporters.messages.js';
import type { SupporterCategory } from '../../../supporters/supporters.constants.js';
import { normParagraph } from '../library.constants.js';
import { libraryMessages } from '../library.messages.js';
import type { RegionColumn } from '../library.models.js';
import type { CategoryColumn, FrameworkLabels } from '../library.usecases.js';

export function kindLabel(locale: Locale, kind: string | null): string {
  const t = libraryMessages(locale);
  return kind ? t(`kind.${kind}` as never) : t('value.none');
}

export function statusLabel(locale: Locale, status: string | null): string {
  const t = libraryMessages(locale);
  return status ? t(`status.${status}` as never) : t('value.none');
}

/** The registry's own names of its categories. */
export function categoryLabel(locale: Locale, category: CategoryColumn | string | null): string {
  if (!category || category === 'none') return libraryMessages(locale)('category.none');
  return supporterMessages(locale)(`category.${category as SupporterCategory}`);
}

export function regionLabel(locale: Locale, region: RegionColumn): string {
  return libraryMessages(locale)(`region.${region}`);
}

export { countryName };

/** `13(a)`. */
export const normLabel = normParagraph;

/** `Norm 13(a): States should cooperate in developing…`, cut after about `max` characters, for select boxes. */
export function normOption(locale: Locale, labels: FrameworkLabels, code: string, max = 70): string {
  const text = labels.norms.get(code);
  const shown = text ? (locale === 'fr' && text.fr ? text.fr : text.en) : '';
  const t = libraryMessages(locale);
  return shown ? t('norm.option', { paragraph: normParagraph(code), text: cut(shown, max) }) : t('norm.label', { paragraph: normParagraph(code) });
}

/** `Principle 6: Lifecycle security`, or `Principle 6` while the Call's text is not loaded. */
export function principleLabel(locale: Locale, labels: FrameworkLabels, n: number): string {
  const name = labels.principles.get(n);
  const shown = name?.[locale] ?? name?.[locale === 'en' ? 'fr' : 'en'];
  const t = libraryMessages(locale);
  return shown ? t('principle.named', { n, name: shown }) : t('principle.number', { n });
}

function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max);
  return `${head.slice(0, Math.max(head.lastIndexOf(' '), max - 15)).trimEnd()}…`;
}
