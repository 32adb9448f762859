/**
 * Embargo times given as a local date-time in an IANA zone: stored as the UTC instant, shown back with the zone, UTC and
 * the reader's own zone (the conversions are src/shared/zoned-time.ts, as for consultations' deadlines).
 */
import type { Locale } from '../../app/i18n/i18n.js';
import { offsetLabel, parseLocalDateTime } from '../../shared/zoned-time.js';

export { instantToLocal, isTimeZone, offsetLabel as offsetText, offsetMinutes } from '../../shared/zoned-time.js';

/**
 * The instant the clocks of `timeZone` show `local`; `invalid` when the text is not a date-time, `skipped` when the
 * clocks jump over it (an embargo at a time that never happens is refused, not moved).
 */
export function localToInstant(local: string, timeZone: string): Date | 'invalid' | 'skipped' {
  return parseLocalDateTime(local.trim(), timeZone);
}

/** "15 January 2027 at 18:00 (Europe/Paris, UTC+01:00)". */
export function zonedText(locale: Locale, instant: Date, timeZone: string): string {
  const local = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone }).format(instant);
  return `${local} (${timeZone}, ${offsetLabel(instant, timeZone)})`;
}
