import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { renderCalendar } from './events.ics.js';
import { cancelEvent, createEvent } from './events.usecases.js';
import { buildEventInput, setUpEventPeople, type EventPeople } from './events.test-support.js';
import type { EventRow } from './events.tables.js';

let t: TestApp;
let people: EventPeople;
const publicUrl = 'https://platform.example';
const options = { locale: 'en' as const, name: 'Test', publicUrl, url: `${publicUrl}/en/calendar.ics` };

beforeAll(async () => {
  t = await createTestApp();
  people = await setUpEventPeople(t);
});
afterAll(async () => t?.close());

/** Parses a feed with ical.js (registering its VTIMEZONEs, as a calendar application does) and returns its events. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return { calendar, events: calendar.getAllSubcomponents('vevent').map((v) => ({ component: v, event: new ICAL.Event(v) })) };
}

const make = async (overrides = {}, groupId: string | null = null) =>
  (await createEvent({ db: t.database.db, actor: people.actors.moderator, groupId, event: buildEventInput(overrides) })).event;

describe('the ICS calendars, read back by ical.js', () => {
  it('a timed event is written in its own zone (TZID with its VTIMEZONE) and reads back as the stored instants', async () => {
    const paris = await make();
    const york = await make({ timeZone: 'America/New_York', startDate: `${new Date().getUTCFullYear() + 1}-07-04`, endDate: `${new Date().getUTCFullYear() + 1}-07-04`, startTime: '09:00', endTime: '10:30' });
    const text = renderCalendar([paris, york], options);
    expect(text).toContain('DTSTART;TZID=Europe/Paris:');
    expect(text).toContain(`DTSTART;TZID=Europe/Paris:${new Date().getUTCFullYear() + 1}0310T143000`);
    expect(text).toContain('DTSTART;TZID=America/New_York:');
    const { calendar, events } = parse(text);
    expect(calendar.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid'))).toEqual(['Europe/Paris', 'America/New_York']);
    const [a, b] = events;
    expect(a!.event.uid).toBe(paris.uid);
    expect(a!.component.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Europe/Paris');
    expect(a!.event.startDate.zone!.tzid).toBe('Europe/Paris');
    expect(a!.event.startDate.toJSDate().toISOString()).toBe(paris.startsAt!.toISOString());
    expect(a!.event.endDate.toJSDate().toISOString()).toBe(paris.endsAt!.toISOString());
    // 09:00 in New York in July is 13:00 UTC (summer time, UTC−4).
    expect(b!.event.startDate.toJSDate().toISOString()).toBe(`${new Date().getUTCFullYear() + 1}-07-04T13:00:00.000Z`);
    expect(a!.component.getFirstPropertyValue('location')).toBe('1 quai d’Orsay, Paris, France');
    expect(String(a!.component.getFirstPropertyValue('url'))).toBe(`${publicUrl}/en/events/${paris.id}`);
  });

  it('an all-day event is VALUE=DATE, its DTEND the day after its last day', async () => {
    const days = await make({ startDate: '2030-11-11', endDate: '2030-11-13', startTime: '', endTime: '' });
    const text = renderCalendar([days], options);
    expect(text).toContain('DTSTART;VALUE=DATE:20301111');
    expect(text).toContain('DTEND;VALUE=DATE:20301114');
    const event = parse(text).events[0]!.event;
    expect(event.startDate.isDate).toBe(true);
    expect(event.startDate.toString()).toBe('2030-11-11');
    expect(event.endDate.toString()).toBe('2030-11-14');
  });

  it('a cancellation is the same UID with a higher SEQUENCE and STATUS:CANCELLED', async () => {
    const event = await make();
    const before = parse(renderCalendar([event], options)).events[0]!;
    const { event: cancelled } = await cancelEvent({ db: t.database.db, actor: people.actors.moderator, eventId: event.id, reason: null, publicUrl });
    const after = parse(renderCalendar([cancelled], options)).events[0]!;
    expect(after.event.uid).toBe(before.event.uid);
    expect(after.event.sequence).toBe(before.event.sequence + 1);
    expect(before.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(after.component.getFirstPropertyValue('status')).toBe('CANCELLED');
  });

  it('a by-invitation event is listed without its link', async () => {
    const secret = await make({ openness: 'by-invitation', link: 'https://secret.example.org/join', address: '', city: '', country: '' });
    const open = await make({ link: 'https://open.example.org/join' });
    const text = renderCalendar([secret, open] as EventRow[], options);
    expect(text).not.toContain('secret.example.org');
    expect(text.replace(/\r\n /g, '')).toContain('https://open.example.org/join');
    expect(parse(text).events.map((e) => e.event.uid)).toEqual([secret.uid, open.uid]);
  });
});
