import { describe, expect, it } from 'vitest';
import { changesCalendars, checkEventInput, endOf } from './events.models.js';
import { buildEventInput } from './events.test-support.js';
import { dayAfter, offsetLabel, zonedInstant } from '../../shared/zoned-time.js';

describe('times in a zone', () => {
  it.each([
    ['2026-01-15', '09:00', 'Europe/Paris', '2026-01-15T08:00:00.000Z'],
    ['2026-07-15', '09:00', 'Europe/Paris', '2026-07-15T07:00:00.000Z'],
    ['2026-07-15', '09:00', 'America/New_York', '2026-07-15T13:00:00.000Z'],
    ['2026-03-29', '02:30', 'Europe/Paris', '2026-03-29T01:30:00.000Z'], // skipped by summer time: moved forward
    ['2026-06-01', '12:00', 'Asia/Kolkata', '2026-06-01T06:30:00.000Z'],
    ['2026-06-01', '12:00', 'UTC', '2026-06-01T12:00:00.000Z'],
  ])('%s %s in %s is %s', (date, time, zone, expected) => {
    expect(zonedInstant(date, time, zone)?.toISOString()).toBe(expected);
  });

  it.each([['2026-02-30', '10:00'], ['2026-01-01', '25:00'], ['01/02/2026', '10:00'], ['2026-01-01', '10h']])('%s %s is no time', (date, time) => {
    expect(zonedInstant(date, time, 'Europe/Paris')).toBeNull();
  });

  it('offsets read as UTC±hh:mm, and an all-day event ends the day after its last day', () => {
    expect(offsetLabel(new Date('2026-01-15T08:00:00Z'), 'Europe/Paris')).toBe('UTC+01:00');
    expect(offsetLabel(new Date('2026-07-15T08:00:00Z'), 'America/New_York')).toBe('UTC−04:00');
    expect(offsetLabel(new Date('2026-07-15T08:00:00Z'), 'Asia/Kolkata')).toBe('UTC+05:30');
    expect(dayAfter('2020-02-28')).toBe('2020-02-29');
    expect(dayAfter('2019-12-31')).toBe('2020-01-01');
    expect(endOf({ allDay: true, endDate: '2019-11-29', endsAt: null }).toISOString()).toBe('2019-11-30T00:00:00.000Z');
  });
});

describe('what makes a calendar change', () => {
  const result = checkEventInput(buildEventInput());
  if (!result.ok) throw new Error('the built input must be valid');
  const before = result.fields;
  it.each([
    ['the time', { startsAt: new Date(before.startsAt!.getTime() + 60_000) }, true],
    ['the place', { city: 'Lyon' }, true],
    ['the title', { title: { en: 'Other' } }, true],
    ['the state', { state: 'cancelled' }, true],
    ['the minutes only', { minutes: { en: 'Notes' } }, false],
    ['the capacity only', { capacity: 10 }, false],
    ['nothing', { ...before }, false],
  ])('a change of %s → %s', (_, after, expected) => {
    expect(changesCalendars(before, after)).toBe(expected);
  });
});
