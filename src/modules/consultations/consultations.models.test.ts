import { describe, expect, it } from 'vitest';
import { parseChanges, phaseOf, splitText } from './consultations.models.js';
import { instantToLocal, isTimeZone, localToInstant, offsetMinutes, offsetText } from './consultations.time.js';

describe('deadlines in a time zone', () => {
  it.each([
    ['2027-01-15T18:00', 'Europe/Paris', '2027-01-15T17:00:00.000Z'],
    ['2027-07-15T18:00', 'Europe/Paris', '2027-07-15T16:00:00.000Z'],
    ['2027-03-01T09:30', 'America/New_York', '2027-03-01T14:30:00.000Z'],
    ['2027-03-01T09:30', 'Asia/Kolkata', '2027-03-01T04:00:00.000Z'],
    ['2027-03-01T09:30', 'UTC', '2027-03-01T09:30:00.000Z'],
    // The hour repeated when the clocks go back: its first occurrence.
    ['2027-10-31T02:30', 'Europe/Paris', '2027-10-31T00:30:00.000Z'],
  ])('%s in %s is %s', (local, zone, utc) => {
    expect(localToInstant(local, zone)?.toISOString()).toBe(utc);
    expect(instantToLocal(new Date(utc), zone)).toBe(local);
  });

  it('a local time the clocks skip, or a date that does not exist, is refused', () => {
    expect(localToInstant('2027-03-28T02:30', 'Europe/Paris')).toBeNull();
    expect(localToInstant('2027-02-30T10:00', 'Europe/Paris')).toBeNull();
    expect(localToInstant('2027-02-10 10:00', 'Europe/Paris')).toBeNull();
  });

  it('only IANA names Intl knows are time zones', () => {
    expect(isTimeZone('Europe/Paris')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
    expect(isTimeZone('Europe/Paris; drop table')).toBe(false);
  });

  it('the offset is shown as UTC±hh:mm', () => {
    expect(offsetText(offsetMinutes(new Date('2027-01-15T17:00:00Z'), 'Europe/Paris'))).toBe('UTC+01:00');
    expect(offsetText(offsetMinutes(new Date('2027-01-15T17:00:00Z'), 'America/St_Johns'))).toBe('UTC−03:30');
  });
});

describe('phases, texts and links', () => {
  it('an open consultation is closed from its deadline on', () => {
    const closesAt = new Date('2027-01-15T17:00:00Z');
    expect(phaseOf({ state: 'open', closesAt }, new Date('2027-01-15T16:59:59Z'))).toBe('open');
    expect(phaseOf({ state: 'open', closesAt }, closesAt)).toBe('closed');
    expect(phaseOf({ state: 'draft', closesAt }, closesAt)).toBe('draft');
    expect(phaseOf({ state: 'concluded', closesAt }, closesAt)).toBe('concluded');
  });

  it('a draft splits on blank lines, a question set on lines', () => {
    expect(splitText('draft', 'One\nstill one.\r\n\r\n  \nTwo.\n\n\n')).toEqual(['One\nstill one.', 'Two.']);
    expect(splitText('questions', 'Why?\n\nHow?\nWhen?')).toEqual(['Why?', 'How?', 'When?']);
  });

  it('links read "paragraph: inputs", and name the first line that cannot be read', () => {
    const read = parseChanges('3: 1, 4, #7\n\n§5: 2 2');
    expect(read.ok && [...read.changes]).toEqual([[3, [1, 4, 7]], [5, [2]]]);
    expect(parseChanges('1: 2\nthree: 4')).toEqual({ ok: false, line: 2 });
  });
});
