/**
 * Embargo times given as a local date-time in an IANA zone: stored as the UTC instant, shown back with the zone, UTC and
 * the reader's own zone. Intl only. (The same conversion as consultations' deadlines; kept here because a module may
 * not reach into another's helpers — the lead may move one copy to src/shared.)
 */
import type { Locale } from '../../app/i18n/i18n.js';

export function isTimeZone(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

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
 * The instant the clocks of `timeZone` show `local`; `invalid` when the text is not a date-time, `skipped` when the
 * clocks jump over it (an embargo at a time that never happens is refused, not moved). In an overlap the earlier
 * instant is taken.
 */
export function localToInstant(local: string, timeZone: string): Date | 'invalid' | 'skipped' {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local.trim());
  if (!match) return 'invalid';
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(wall);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) return 'invalid';
  // The offsets in force a day before and after (a zone changes offset at most once in two days).
  const candidates = [...new Set([-1, 1].map((days) => wall - offsetMinutes(new Date(wall + days * 86_400_000), timeZone) * 60_000))]
    .filter((instant) => instantToLocal(new Date(instant), timeZone) === local.trim())
    .sort((a, b) => a - b);
  return candidates.length ? new Date(candidates[0]!) : 'skipped';
}

/** `UTC+01:00`, `UTC−05:00`. */
export function offsetText(instant: Date, timeZone: string): string {
  const minutes = offsetMinutes(instant, timeZone);
  const abs = Math.abs(minutes);
  return `UTC${minutes < 0 ? '−' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** "15 January 2027 at 18:00 (Europe/Paris, UTC+01:00)". */
export function zonedText(locale: Locale, instant: Date, timeZone: string): string {
  const local = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone }).format(instant);
  return `${local} (${timeZone}, ${offsetText(instant, timeZone)})`;
}
