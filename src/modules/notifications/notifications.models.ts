/** Pure rules of notifications: who gets what by default, and the digest periods. No I/O. */
import { defaultFrequency, digestHourUtc, type Frequency } from './notifications.constants.js';

export type DigestFrequency = Exclude<Frequency, 'off'>;

/**
 * What a person gets from a group: their choice when they made one, else the weekly digest when they hold a role in
 * the group (co-chair, member, observer), else nothing.
 */
export function effectiveFrequency(choice: Frequency | null | undefined, holdsRole: boolean): Frequency {
  if (choice) return choice;
  return holdsRole ? defaultFrequency : 'off';
}

const dayMs = 86_400_000;

/**
 * The next digest send time strictly after `now`: the next 06:00 UTC (daily), or the next Monday at 06:00 UTC (weekly).
 * A digest sent at that instant covers the period that ends there.
 */
export function nextDigestRun(frequency: DigestFrequency, now: Date): Date {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), digestHourUtc);
  let next = today > now.getTime() ? today : today + dayMs;
  if (frequency === 'weekly') {
    // getUTCDay: Sunday 0, Monday 1.
    while (new Date(next).getUTCDay() !== 1) next += dayMs;
  }
  return new Date(next);
}

/** The period a digest sent at `end` covers: the day or the week before it, start inclusive, end exclusive. */
export function digestPeriod(frequency: DigestFrequency, end: Date): { since: Date; until: Date } {
  return { since: new Date(end.getTime() - (frequency === 'daily' ? dayMs : 7 * dayMs)), until: end };
}

/** What a delivery of a digest is recorded under: one per person, frequency and period. */
export const digestRef = (frequency: DigestFrequency, end: Date): string => `${frequency}:${end.toISOString()}`;

/** The hour a reminder run covers, so two runs within the hour are one job. */
export function reminderSlot(now: Date, everyMinutes: number): Date {
  const step = everyMinutes * 60_000;
  return new Date(Math.floor(now.getTime() / step) * step);
}
