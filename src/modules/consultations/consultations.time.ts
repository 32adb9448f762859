/**
 * Deadlines given as a local date-time in an IANA time zone: converted to the UTC instant stored, and shown back as
 * local time with the zone's name and its UTC offset at that instant. Uses only Intl (no time zone data of our own).
 */
import type { Locale } from '../../app/i18n/i18n.js';

/** Whether `name` is a time zone Intl knows (`Europe/Paris`, `UTC`). */
export function isTimeZone(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC at `instant`, in minutes (Paris in winter: 60). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant at which the clocks of `timeZone` show `local` (`2027-01-15T18:00`); null when the text is not a
 * date-time or the local time does not exist there (skipped when the clocks go forward).
 */
export function localToInstant(local: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(wall);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) return null;
  // The offsets in force a day before and a day after (zones change offset at most once within two days): the local
  // time is the wall time minus one of them. None fits in a gap (the clocks skip it); both fit in an overlap (the
  // clocks go back), where the earlier instant is taken, as calendars do.
  const candidates = [...new Set([-1, 1].map((days) => wall - offsetMinutes(new Date(wall + days * 86_400_000), timeZone) * 60_000))]
    .filter((instant) => instantToLocal(new Date(instant), timeZone) === local)
    .sort((a, b) => a - b);
  return candidates.length ? new Date(candidates[0]!) : null;
}

/** The local date-time (`2027-01-15T18:00`) of an instant in a zone, as a `datetime-local` field holds it. */
export function instantToLocal(instant: Date, timeZone: string): string {
  const shifted = new Date(instant.getTime() + offsetMinutes(instant, timeZone) * 60_000);
  return shifted.toISOString().slice(0, 16);
}

/** `UTC+01:00`, `UTC−05:00`, `UTC+00:00`. */
export function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '−' : '+';
  const abs = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** "15 January 2027 at 18:00" in the zone's local time, in the reader's language. */
export function localDateTimeText(locale: Locale, instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone }).format(instant);
}

/** What remains until `until`, in whole days, hours and minutes (never negative). */
export function remaining(now: Date, until: Date): { days: number; hours: number; minutes: number } {
  const total = Math.max(0, Math.floor((until.getTime() - now.getTime()) / 60_000));
  return { days: Math.floor(total / 1440), hours: Math.floor((total % 1440) / 60), minutes: total % 60 };
}
