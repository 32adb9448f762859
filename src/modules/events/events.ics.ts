/**
 * The calendars as ICS (RFC 5545), written with ical-generator: every event (`/:locale/calendar.ics`), a group's
 * (`/:locale/groups/:group/calendar.ics`) and one event's ("add to calendar", `/:locale/events/:event/calendar.ics`).
 * One feed per language, as the pages: the titles and descriptions are bilingual, while the UID is the event's
 * whatever the language, so a calendar holding both sees one event. Every feed is public and cached: a by-invitation
 * event is listed (it exists) without its link. A change raises the SEQUENCE; a cancelled event stays, STATUS:CANCELLED.
 * All-day events are VALUE=DATE with DTEND the day after their last day; timed events are written in their own zone
 * (TZID, with its VTIMEZONE: see events.vtimezone.ts).
 */
import ical, { ICalCalendarMethod, ICalEventStatus, type ICalDateTimeValue } from 'ical-generator';
import type { Locale } from '../../app/i18n/i18n.js';
import { eventsMessages } from './events.messages.js';
import { shown } from './events.models.js';
import { placeText } from './events.presenters.js';
import type { EventRow } from './events.tables.js';
import { dayAfter } from '../../shared/zoned-time.js';
import { vtimezone, zonedDateTime } from './events.vtimezone.js';

export interface CalendarOptions {
  locale: Locale;
  name: string;
  /** The platform's public address (the events' pages are linked from each entry). */
  publicUrl: string;
  /** The feed's own address. */
  url: string;
}

const utcDay = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);

/** The entry's text: the description, the agenda, and the link when the event is public. */
function descriptionOf(event: EventRow, locale: Locale): string {
  const t = eventsMessages(locale);
  const parts: string[] = [];
  const description = shown(event.description, locale);
  if (description) parts.push(description.text);
  const agenda = shown(event.agenda, locale);
  if (agenda) parts.push(`${t('event.agenda')}:\n${agenda.text}`);
  if (event.link) parts.push(event.openness === 'public' ? `${t('event.link')}: ${event.link}` : t('event.linkHidden'));
  return parts.join('\n\n');
}

export function renderCalendar(events: readonly EventRow[], options: CalendarOptions): string {
  const calendar = ical({
    name: options.name,
    prodId: { company: 'Paris Call', product: 'Platform', language: options.locale.toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
    url: options.url,
    // No calendar-wide zone (all-day dates stay dates); the generator writes a VTIMEZONE for each zone events use.
    timezone: { name: null, generator: (zone) => vtimezone(zone) },
  });
  const base = options.publicUrl.replace(/\/$/, '');
  for (const event of events) {
    const title = shown(event.title, options.locale)?.text ?? event.id;
    const timing = event.allDay
      ? { allDay: true, start: utcDay(event.startDate!), end: utcDay(dayAfter(event.endDate!)) }
      : {
          timezone: event.timeZone!,
          start: zonedDateTime(event.startsAt!, event.timeZone!) as unknown as ICalDateTimeValue,
          end: zonedDateTime(event.endsAt!, event.timeZone!) as unknown as ICalDateTimeValue,
        };
    calendar.createEvent({
      id: event.uid,
      sequence: event.sequence,
      ...timing,
      stamp: event.updatedAt,
      created: event.createdAt,
      lastModified: event.updatedAt,
      summary: title,
      description: descriptionOf(event, options.locale),
      location: placeText(event) ?? (event.openness === 'public' ? event.link : null),
      url: `${base}/${options.locale}/events/${event.id}`,
      status: event.state === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
