/**
 * Times of pings, always shown with their zone; durations in words. A start given as a local date-time in an IANA
 * zone is converted by src/shared/zoned-time.ts, as consultations' deadlines and events' starts are.
 */
import type { Locale } from '../../app/i18n/i18n.js';
import { offsetMinutes, offsetText } from '../../shared/zoned-time.js';
import { pingsMessages } from './pings.messages.js';

export { instantToLocal, isTimeZone, localToInstant } from '../../shared/zoned-time.js';

/** "7 December 2026 at 18:00 (Europe/Paris, UTC+01:00)". */
export function atInZone(locale: Locale, instant: Date, timeZone: string): string {
  const local = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone }).format(instant);
  return `${local} (${timeZone}, ${offsetText(offsetMinutes(instant, timeZone))})`;
}

/** "42 s", "17 min", "3 h 05 min"; the dash for none. */
export function duration(locale: Locale, seconds: number | null): string {
  const t = pingsMessages(locale);
  if (seconds === null) return t('pings.stats.none');
  if (seconds < 60) return t('pings.duration.seconds', { n: Math.round(seconds) });
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return t('pings.duration.minutes', { n: minutes });
  return t('pings.duration.hours', { h: Math.floor(minutes / 60), m: String(minutes % 60).padStart(2, '0') });
}
