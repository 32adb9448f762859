import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { listDeliveries } from '../../app/jobs/jobs.repository.js';
import { digestPeriod, effectiveFrequency, nextDigestRun, reminderSlot } from './notifications.models.js';
import { startNotificationSchedules } from './notifications.schedule.js';

describe('digest slots', () => {
  it.each([
    ['daily', '2026-12-07T05:59:59Z', '2026-12-07T06:00:00.000Z'],
    ['daily', '2026-12-07T06:00:00Z', '2026-12-08T06:00:00.000Z'],
    ['daily', '2026-12-31T23:00:00Z', '2027-01-01T06:00:00.000Z'],
    // 2026-12-07 is a Monday.
    ['weekly', '2026-12-07T05:00:00Z', '2026-12-07T06:00:00.000Z'],
    ['weekly', '2026-12-07T06:00:00Z', '2026-12-14T06:00:00.000Z'],
    ['weekly', '2026-12-09T12:00:00Z', '2026-12-14T06:00:00.000Z'],
  ] as const)('%s after %s is %s', (frequency, now, next) => {
    expect(nextDigestRun(frequency, new Date(now)).toISOString()).toBe(next);
  });

  it('a weekly digest covers the seven days before its slot, a daily one the day before', () => {
    const end = new Date('2026-12-14T06:00:00Z');
    expect(digestPeriod('weekly', end).since.toISOString()).toBe('2026-12-07T06:00:00.000Z');
    expect(digestPeriod('daily', end).since.toISOString()).toBe('2026-12-13T06:00:00.000Z');
  });

  it('a choice wins over the role’s default; without role nor choice, nothing', () => {
    expect(effectiveFrequency(null, true)).toBe('weekly');
    expect(effectiveFrequency('off', true)).toBe('off');
    expect(effectiveFrequency('daily', false)).toBe('daily');
    expect(effectiveFrequency(null, false)).toBe('off');
  });

  it('reminder runs are hourly slots', () => {
    expect(reminderSlot(new Date('2026-12-07T13:42:10Z'), 60).toISOString()).toBe('2026-12-07T13:00:00.000Z');
  });
});

describe('the recurring jobs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  const pending = async () =>
    ((await t.database.db.execute(`select type, payload, run_at from jobs where type like 'notifications.%' and status = 'pending' order by type, run_at`)) as unknown as { rows: Array<{ type: string; payload: Record<string, string>; run_at: Date }> }).rows;

  it('starting the worker twice (or two workers) enqueues each run once, at its slot', async () => {
    // A Wednesday in the past: the runs are due at once (the next test drains them).
    const now = new Date('2026-11-25T10:15:00Z');
    await startNotificationSchedules(t.app.context, now);
    await startNotificationSchedules(t.app.context, now);
    const jobs = await pending();
    expect(jobs.map((job) => [job.type, job.payload])).toEqual([
      ['notifications.digests', { frequency: 'daily', since: '2026-11-25T06:00:00.000Z', until: '2026-11-26T06:00:00.000Z' }],
      ['notifications.digests', { frequency: 'weekly', since: '2026-11-23T06:00:00.000Z', until: '2026-11-30T06:00:00.000Z' }],
      ['notifications.reminders', { at: '2026-11-25T10:00:00.000Z' }],
    ]);
  });

  it('a run enqueues the next one, so the chain goes on; a late run is followed by one slot covering the whole gap', async () => {
    await t.app.context.jobs.worker.drain();
    const jobs = await pending();
    expect(jobs.map((job) => job.type)).toEqual(['notifications.digests', 'notifications.digests', 'notifications.reminders']);
    const [daily, weekly, reminders] = jobs as [(typeof jobs)[0], (typeof jobs)[0], (typeof jobs)[0]];
    // The late daily run (its slot long past) enqueued the next slot after now, covering from where it stopped.
    expect(daily.payload.since).toBe('2026-11-26T06:00:00.000Z');
    expect(new Date(daily.payload.until!).getTime()).toBeGreaterThan(Date.now());
    expect(new Date(daily.payload.until!).getUTCHours()).toBe(6);
    expect(weekly.payload.since).toBe('2026-11-30T06:00:00.000Z');
    expect(new Date(weekly.payload.until!).getUTCDay()).toBe(1);
    expect(new Date(reminders.payload.at!).getTime()).toBeGreaterThan(Date.now() - 3_600_000);
    // Nothing to say: no activity source lists anything here, so nothing was mailed.
    expect(await listDeliveries(t.database.db, { limit: 10 })).toEqual([]);
  });
});
