/** Text stored per language; a missing language is absent, never an empty string ("not yet translated"). */
export type Localized = Partial<Record<'en' | 'fr', string>>;

/**
 * The text in the language asked, else in the other one, with the language it is in (for a `lang` attribute when it
 * is not the page's); null when there is neither.
 */
export function textInLocale(text: Localized | null | undefined, locale: 'en' | 'fr'): { text: string; lang: 'en' | 'fr' } | null {
  if (text?.[locale]) return { text: text[locale]!, lang: locale };
  const other = locale === 'en' ? 'fr' : 'en';
  return text?.[other] ? { text: text[other]!, lang: other } : null;
}
