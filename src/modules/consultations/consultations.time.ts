/**
 * Deadlines given as a local date-time in an IANA time zone: converted to the UTC instant stored, and shown back as
 * local time with the zone's name and its UTC offset at that instant (the conversions are src/shared/zoned-time.ts).
 */
import type { Locale } from '../../app/i18n/i18n.js';

export { instantToLocal, isTimeZone, localToInstant, offsetMinutes, offsetText } from '../../shared/zoned-time.js';

/** "15 January 2027 at 18:00" in the zone's local time, in the reader's language. */
export function localDateTimeText(locale: Locale, instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone }).format(instant);
}

/** What remains until `until`, in whole days, hours and minutes (never negative). */
export function remaining(now: Date, until: Date): { days: number; hours: number; minutes: number } {
  const total = Math.max(0, Math.floor((until.getTime() - now.getTime()) / 60_000));
  return { days: Math.floor(total / 1440), hours: Math.floor((total % 1440) / 60), minutes: total % 60 };
}
