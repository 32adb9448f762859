/** How consultations are shown: text in the reader's language, deadlines with their zone, an input's author. */
import type { Locale } from '../../app/i18n/i18n.js';
import type { Localized } from './consultations.tables.js';
import { localDateTimeText, offsetMinutes, offsetText } from './consultations.time.js';
import { textInLocale } from '../../shared/localized.js';

/** The text in the reader's language, else in the other one (with its language, for `lang`). */
export function localizedText(text: Localized, locale: Locale): { text: string; lang: Locale } {
  return textInLocale(text, locale) ?? { text: '', lang: locale === 'en' ? 'fr' : 'en' };
}

/** "15 January 2027 at 18:00 (Europe/Paris, UTC+01:00)": the deadline as it was given, with the zone's offset then. */
export function deadlineText(locale: Locale, closesAt: Date, timeZone: string): string {
  return `${localDateTimeText(locale, closesAt, timeZone)} (${timeZone}, ${offsetText(offsetMinutes(closesAt, timeZone))})`;
}

/** The paths of a consultation's pages, without the locale prefix. */
export const consultationPath = (id: string) => `/consultations/${id}`;
