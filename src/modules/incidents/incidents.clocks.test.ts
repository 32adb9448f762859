import { describe, expect, it } from 'vitest';
import { formatZoned, nis2Clocks, oneMonthLater } from './incidents.clocks.js';

const base = { timeZone: 'Europe/Paris', earlyWarningSentAt: null, notificationSentAt: null, finalReportSentAt: null };

describe('the NIS2 clocks', () => {
  it('run 24 h and 72 h from awareness, elapsed hours across the change to summer time (29 March 2026 in Paris)', () => {
    const awareAt = new Date('2026-03-28T11:00:00Z'); // 12:00 in Paris, UTC+01:00
    const [early, notification, final] = nis2Clocks({ ...base, awareAt }, new Date('2026-03-28T12:00:00Z'));
    expect(early!.dueAt.toISOString()).toBe('2026-03-29T11:00:00.000Z');
    expect(formatZoned(early!.dueAt, 'Europe/Paris')).toEqual({ local: '2026-03-29 13:00', offset: 'UTC+02:00', utc: '2026-03-29 11:00 UTC' });
    expect(notification!.dueAt.toISOString()).toBe('2026-03-31T11:00:00.000Z');
    expect(final).toMatchObject({ provisional: true, state: 'open' });
    expect(final!.dueAt.toISOString()).toBe('2026-04-30T11:00:00.000Z'); // 13:00 in Paris, a month after the notification's deadline
    expect(early!.remainingMs).toBe(23 * 3_600_000);
  });

  it('the final report is a calendar month after the notification, at the same time in the zone (not 31 × 24 h)', () => {
    const sent = new Date('2026-03-10T09:00:00Z'); // 10:00 in Paris, winter time
    expect(oneMonthLater(sent, 'Europe/Paris').toISOString()).toBe('2026-04-10T08:00:00.000Z'); // 10:00 in Paris, summer time
    expect(oneMonthLater(new Date('2026-01-31T12:00:00Z'), 'UTC').toISOString()).toBe('2026-02-28T12:00:00.000Z'); // clamped
    expect(oneMonthLater(new Date('2026-12-15T12:00:00Z'), 'UTC').toISOString()).toBe('2027-01-15T12:00:00.000Z');
  });

  it('a report not sent by its deadline is overdue; one sent after it is sent late', () => {
    const awareAt = new Date('2026-06-01T08:00:00Z');
    const now = new Date('2026-06-02T09:00:00Z');
    const [early, notification] = nis2Clocks({ ...base, awareAt }, now);
    expect(early).toMatchObject({ state: 'overdue', remainingMs: -3_600_000 });
    expect(notification!.state).toBe('open');
    const late = nis2Clocks({ ...base, awareAt, earlyWarningSentAt: new Date('2026-06-02T08:30:00Z'), notificationSentAt: new Date('2026-06-03T08:00:00Z') }, now);
    expect(late.map((c) => c.state)).toEqual(['sent-late', 'sent', 'open']);
    expect(late[2]).toMatchObject({ provisional: false });
    expect(late[2]!.dueAt.toISOString()).toBe('2026-07-03T08:00:00.000Z');
  });
});
