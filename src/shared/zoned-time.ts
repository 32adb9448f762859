/**
 * Instants and wall-clock times in IANA zones, with Intl only (Node 20 has no Temporal, and the runtime's own zone data
 * is the one every module must agree with). What a person types is a local date-time in a named zone; what is stored is
 * the UTC instant and the zone; what is shown is the local time with the zone's name and its UTC offset at that instant.
 */

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

/** The wall-clock fields of an instant in a zone. */
export function wallClock(instant: Date, zone: string): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** The zone's offset from UTC at that instant, in minutes (Paris in winter: 60). */
export function offsetMinutes(instant: Date, zone: string): number {
  const w = wallClock(instant, zone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** `UTC+01:00`, `UTC−05:00`, `UTC+00:00` for an offset in minutes. */
export function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '−' : '+';
  const abs = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** The zone's offset at that instant, as `UTC+01:00`. */
export function offsetLabel(instant: Date, zone: string): string {
  return offsetText(offsetMinutes(instant, zone));
}

/** The local date-time (`2027-01-15T18:00`) of an instant in a zone, as a `datetime-local` field holds it. */
export function instantToLocal(instant: Date, zone: string): string {
  return new Date(instant.getTime() + offsetMinutes(instant, zone) * 60_000).toISOString().slice(0, 16);
}

/**
 * The instant at which the clocks of `zone` show `local` (`2027-01-15T18:00`): `invalid` when the text is not a
 * date-time, `skipped` when the clocks jump over it (going forward). In an overlap (clocks going back) the earlier
 * instant is taken, as calendars do.
 */
export function parseLocalDateTime(local: string, zone: string): Date | 'invalid' | 'skipped' {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return 'invalid';
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(wall);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) return 'invalid';
  // The offsets in force a day before and a day after (zones change offset at most once within two days): the local
  // time is the wall time minus one of them. None fits in a gap; both fit in an overlap.
  const candidates = [...new Set([-1, 1].map((days) => wall - offsetMinutes(new Date(wall + days * 86_400_000), zone) * 60_000))]
    .filter((instant) => instantToLocal(new Date(instant), zone) === local)
    .sort((a, b) => a - b);
  return candidates.length ? new Date(candidates[0]!) : 'skipped';
}

/** As parseLocalDateTime, null for both an invalid text and a skipped time. */
export function localToInstant(local: string, zone: string): Date | null {
  const instant = parseLocalDateTime(local, zone);
  return instant instanceof Date ? instant : null;
}

/**
 * The instant a wall-clock time (`2026-03-10`, `14:30`) names in a zone, or null when the text is not a date and time.
 * A time skipped by a change to summer time is moved forward by the gap, as calendars do with an event's start.
 */
export function zonedInstant(date: string, time: string, zone: string): Date | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const [year, month, day, hour, minute] = [Number(d[1]), Number(d[2]), Number(d[3]), Number(t[1]), Number(t[2])];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(guess);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return null;
  const first = guess - offsetMinutes(new Date(guess), zone) * 60_000;
  return new Date(guess - offsetMinutes(new Date(first), zone) * 60_000);
}

/** The local date (`2026-03-10`) and time (`14:30`) of an instant in a zone, for a form. */
export function localParts(instant: Date, zone: string): { date: string; time: string } {
  const w = wallClock(instant, zone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return { date: `${w.year}-${pad(w.month)}-${pad(w.day)}`, time: `${pad(w.hour)}:${pad(w.minute)}` };
}

/** The day after an ISO date (an all-day event's DTEND is exclusive). */
export function dayAfter(isoDate: string): string {
  const next = new Date(`${isoDate}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}
