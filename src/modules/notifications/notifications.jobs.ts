/**
 * The recurring jobs of notifications, on the outbox (which has no cron): each run first enqueues the next one, with
 * `runAt` at the next slot and an idempotency key naming that slot, then does its work. So the chain survives restarts
 * (the next run is a row in the jobs table, not a timer), and never runs twice: two runs of one slot are one job (the
 * key), a job is claimed by one worker at a time (SKIP LOCKED and its lease), and a run repeated after a crash finds
 * its deliveries recorded and sends nothing again. The chain is started by every process that runs the worker
 * (`onWorkerStart`), with the same keys, so a start adds nothing when the chain is already there.
 *
 * - `notifications.digests` (daily and weekly): runs at 06:00 UTC (weekly: Mondays), covers [since, until) where
 *   `since` is where the previous run stopped, so a run delayed by a stopped worker covers the whole gap, once.
 * - `notifications.reminders`: runs every hour, mails the deadlines that fall within the next 48 hours.
 */
import { z } from 'zod';
import { defineJob } from '../../app/jobs/job-definition.js';

export const digestsJob = defineJob({
  name: 'notifications.digests',
  version: 1,
  payload: z.object({ frequency: z.enum(['daily', 'weekly']), since: z.iso.datetime(), until: z.iso.datetime() }),
});

export const remindersJob = defineJob({
  name: 'notifications.reminders',
  version: 1,
  payload: z.object({ at: z.iso.datetime() }),
});

export const digestsKey = (frequency: string, until: Date) => `notifications.digests:${frequency}:${until.toISOString()}`;
export const remindersKey = (at: Date) => `notifications.reminders:${at.toISOString()}`;
