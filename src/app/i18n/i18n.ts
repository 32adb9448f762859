import { escapeHtml } from '@kitajs/html';
import { IntlMessageFormat, type PrimitiveType } from 'intl-messageformat';

export const locales = ['en', 'fr'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'en';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** A catalog's shape: every locale must provide exactly the keys of the English catalog. */
export type Catalog<T> = { readonly [K in keyof T]: string };
export type Catalogs<T> = Record<Locale, Catalog<T>>;
export type Translate<T> = (key: keyof T & string, values?: Record<string, PrimitiveType>) => string;

/**
 * Builds a typed translator over one module's catalogs. Messages use ICU syntax
 * (`{count, plural, one {# supporter} other {# supporters}}`); compiled formats are cached per locale and key.
 */
export function createTranslator<T extends Record<string, string>>(catalogs: Catalogs<T>) {
  const cache = new Map<string, IntlMessageFormat>();
  return (locale: Locale): Translate<T> =>
    (key, values) => {
      const cacheKey = `${locale}\u0000${key}`;
      let format = cache.get(cacheKey);
      if (!format) {
        const message = catalogs[locale][key] ?? catalogs.en[key];
        if (message === undefined) throw new Error(`Missing message "${key}"`);
        format = new IntlMessageFormat(message, locale);
        cache.set(cacheKey, format);
      }
      return String(format.format(values));
    };
}

/** Picks the best supported locale from an Accept-Language header. */
export function negotiateLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return defaultLocale;
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { lang: tag.toLowerCase().split('-')[0] ?? '', q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  return ranked.find((r) => isLocale(r.lang))?.lang as Locale | undefined ?? defaultLocale;
}

export function formatNumber(locale: Locale, value: number): string {
  return new Intl.NumberFormat(locale).format(value);
}

export function formatDate(locale: Locale, isoDate: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}

/**
 * The same translator with its output HTML-escaped, for text children in TSX. Values interpolated into messages can
 * come from users (a search query, a name), so the formatted message is escaped as a whole. Its name starts with
 * `safe` so the kitajs XSS checker knows; attributes use the plain translator, since kitajs escapes attributes itself.
 */
export function escaping<T>(translate: Translate<T>): Translate<T> {
  return (key, values) => escapeHtml(translate(key, values));
}
