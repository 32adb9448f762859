/**
 * Times of pings, always shown with their zone; durations in words. A start given as a local date-time in an IANA
 * zone is converted as consultations convert their deadlines (the same functions, with Intl only; consultations.time.ts
 * is not on that module's public surface, so they are repeated here until they move to src/shared).
 */
import type { Locale } from '../../app/i18n/i18n.js';
import { pingsMessages } from './pings.messages.js';

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

/** The local date-time (`2027-01-15T18:00`) of an instant in a zone, as a `datetime-local` field holds it. */
export function instantToLocal(instant: Date, timeZone: string): string {
  return new Date(instant.getTime() + offsetMinutes(instant, timeZone) * 60_000).toISOString().slice(0, 16);
}

/**
 * The instant at which the clocks of `timeZone` show `local` (`2027-01-15T18:00`); null when the text is not a
 * date-time or the local time does not exist there. In an overlap (clocks going back) the earlier instant is taken.
 */
export function localToInstant(local: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(wall);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) return null;
  const candidates = [...new Set([-1, 1].map((days) => wall - offsetMinutes(new Date(wall + days * 86_400_000), timeZone) * 60_000))]
    .filter((instant) => instantToLocal(new Date(instant), timeZone) === local)
    .sort((a, b) => a - b);
  return candidates.length ? new Date(candidates[0]!) : null;
}

/** `UTC+01:00`, `UTC−05:00`. */
function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '−' : '+';
  const abs = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

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
