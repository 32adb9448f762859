/**
 * The registry's outbox jobs. `disclosure.refresh` fetches and parses one entry's security.txt (idempotent: a run
 * repeated after a crash fetches again and writes the same outcome). `disclosure.refresh-all` is the daily chain, kept
 * like the notifications' recurring jobs: each run first enqueues the next day's, with an idempotency key naming that
 * day, then one refresh per entry (keyed by entry and day, so a repeated run adds none); `onWorkerStart` enqueues the
 * first run with the same key, so every start adds nothing when the chain is there.
 */
import { z } from 'zod';
import { defineJob } from '../../app/jobs/job-definition.js';
import { refreshHourUtc } from './disclosure.constants.js';

export const refreshPolicyJob = defineJob({
  name: 'disclosure.refresh',
  version: 1,
  payload: z.object({ policyId: z.string().min(1) }),
});

export const refreshAllJob = defineJob({
  name: 'disclosure.refresh-all',
  version: 1,
  payload: z.object({ at: z.iso.datetime() }),
});

export const refreshAllKey = (at: Date) => `disclosure.refresh-all:${at.toISOString()}`;
export const refreshKey = (policyId: string, reason: string) => `disclosure.refresh:${policyId}:${reason}`;

/** The next daily slot strictly after `now`. */
export function nextRefreshSlot(now: Date): Date {
  const slot = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), refreshHourUtc));
  if (slot.getTime() <= now.getTime()) slot.setUTCDate(slot.getUTCDate() + 1);
  return slot;
}
