/**
 * VTIMEZONE components and zoned date-times for ical-generator 10. With a native Date and an event time zone,
 * ical-generator writes `DTSTART;TZID=…` with the date-time of the *server's* zone, and writes a VTIMEZONE only when
 * given a generator. So the calendars pass it a zoned date-time (the Temporal.ZonedDateTime shape it accepts, built
 * with Intl since Node 20 has no Temporal) and a generator that derives each zone's transitions from Intl (the
 * runtime's tz database), as explicit STANDARD/DAYLIGHT observances over the years the calendars can cover.
 */
import { offsetMinutes, wallClock } from '../../shared/zoned-time.js';

type Fields = { year: number; month: number; day: number; hour: number; minute: number; second: number };

function plain(fields: Fields) {
  return { ...fields, toZonedDateTime: () => { throw new Error('not used'); }, toPlainDate: () => ({ ...fields }) };
}

/** An instant in a zone, in the shape ical-generator writes as local time under `TZID=<zone>`. */
export function zonedDateTime(instant: Date, zone: string) {
  const fields = wallClock(instant, zone);
  const value = {
    ...fields,
    timeZoneId: zone,
    withTimeZone: (other: string) => zonedDateTime(instant, other),
    toPlainDateTime: () => plain(fields),
    toInstant: () => ({ epochMilliseconds: instant.getTime() }),
    toJSON: () => instant.toISOString(),
    toString: () => instant.toISOString(),
  };
  return value;
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');
const offsetText = (minutes: number) => `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}${pad(Math.abs(minutes) % 60)}`;
const localText = (f: Fields) => `${pad(f.year, 4)}${pad(f.month)}${pad(f.day)}T${pad(f.hour)}${pad(f.minute)}${pad(f.second)}`;

/** The instants in [from, to) where the zone's offset changes, found week by week then to the minute. */
export function transitions(zone: string, from: Date, to: Date): Array<{ at: Date; before: number; after: number }> {
  const found: Array<{ at: Date; before: number; after: number }> = [];
  const week = 7 * 86_400_000;
  let previous = from.getTime();
  let previousOffset = offsetMinutes(from, zone);
  for (let t = previous + week; t < to.getTime() + week; t += week) {
    const offset = offsetMinutes(new Date(t), zone);
    if (offset !== previousOffset) {
      let [low, high] = [previous, t];
      while (high - low > 60_000) {
        const middle = Math.floor((low + high) / 2 / 60_000) * 60_000;
        if (offsetMinutes(new Date(middle), zone) === previousOffset) low = middle;
        else high = middle;
      }
      found.push({ at: new Date(high), before: previousOffset, after: offset });
    }
    previous = t;
    previousOffset = offset;
  }
  return found;
}

/** The years the calendars' VTIMEZONEs cover: from the Call's first events to a few years ahead. */
export const coveredYears = { from: 2018, ahead: 5 };

/** A VTIMEZONE for the zone (RFC 5545 §3.6.5), or null for UTC (written as `Z` times, needing none). */
export function vtimezone(zone: string, now = new Date()): string | null {
  if (zone === 'UTC' || zone === 'Etc/UTC') return null;
  const from = new Date(Date.UTC(coveredYears.from, 0, 1));
  const to = new Date(Date.UTC(now.getUTCFullYear() + coveredYears.ahead, 0, 1));
  const changes = transitions(zone, from, to);
  const initial = offsetMinutes(from, zone);
  const standardOffset = Math.min(initial, ...changes.map((c) => c.after));
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  const observance = (kind: 'STANDARD' | 'DAYLIGHT', start: string, before: number, after: number) =>
    lines.push(`BEGIN:${kind}`, `DTSTART:${start}`, `TZOFFSETFROM:${offsetText(before)}`, `TZOFFSETTO:${offsetText(after)}`, `END:${kind}`);
  observance(initial > standardOffset ? 'DAYLIGHT' : 'STANDARD', '19700101T000000', initial, initial);
  for (const change of changes) {
    // DTSTART is the local time of the change as clocks showed it before (in TZOFFSETFROM).
    const local = new Date(change.at.getTime() + change.before * 60_000);
    const start = localText({ year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate(), hour: local.getUTCHours(), minute: local.getUTCMinutes(), second: 0 });
    observance(change.after > standardOffset ? 'DAYLIGHT' : 'STANDARD', start, change.before, change.after);
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n') + '\r\n';
}
