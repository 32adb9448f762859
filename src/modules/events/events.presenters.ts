/** Events as pages, e-mails and the API show them: dates in the event's zone with its UTC offset, texts in a language. */
import type { Locale } from '../../app/i18n/i18n.js';
import { eventsMessages } from './events.messages.js';
import type { EventRow } from './events.tables.js';
import { localParts, offsetLabel } from '../../shared/zoned-time.js';

const tag = (locale: Locale) => (locale === 'fr' ? 'fr-FR' : 'en-GB');

function dayText(isoDate: string, locale: Locale): string {
  return new Intl.DateTimeFormat(tag(locale), { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(`${isoDate}T00:00:00Z`));
}

function timeText(instant: Date, zone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(tag(locale), { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);
}

/**
 * When the event takes place, in words: "Monday 25 November 2019 – Friday 29 November 2019" for days; for a timed
 * event, the day and times in its own zone, then the zone and its offset ("Europe/Paris, UTC+01:00").
 */
export function whenText(event: Pick<EventRow, 'allDay' | 'startDate' | 'endDate' | 'startsAt' | 'endsAt' | 'timeZone'>, locale: Locale): string {
  const t = eventsMessages(locale);
  if (event.allDay) {
    const start = dayText(event.startDate!, locale);
    return event.startDate === event.endDate ? t('when.oneDay', { day: start }) : t('when.days', { start, end: dayText(event.endDate!, locale) });
  }
  const zone = event.timeZone!;
  const start = localParts(event.startsAt!, zone);
  const end = localParts(event.endsAt!, zone);
  const values = { day: dayText(start.date, locale), start: timeText(event.startsAt!, zone, locale), end: timeText(event.endsAt!, zone, locale), zone, offset: offsetLabel(event.startsAt!, zone) };
  return start.date === end.date ? t('when.timed', values) : t('when.timedDays', { ...values, endDay: dayText(end.date, locale) });
}

/** `2026-03` for the month an event starts in (in its zone), to group the calendar page by month. */
export function monthKey(event: Pick<EventRow, 'allDay' | 'startDate' | 'startsAt' | 'timeZone'>): string {
  return event.allDay ? event.startDate!.slice(0, 7) : localParts(event.startsAt!, event.timeZone!).date.slice(0, 7);
}

export function monthText(key: string, locale: Locale): string {
  const text = new Intl.DateTimeFormat(tag(locale), { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(new Date(`${key}-01T00:00:00Z`));
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The place in one line: address, city, country (what is given). */
export function placeText(event: Pick<EventRow, 'address' | 'city' | 'country'>): string | null {
  const parts = [event.address, event.city, event.country].filter((p): p is string => Boolean(p));
  return parts.length ? parts.join(', ') : null;
}
