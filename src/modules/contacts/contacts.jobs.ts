/**
 * The attestation clock's recurring job, on the outbox (which has no cron), as notifications' reminders are: each run
 * first enqueues the next one (`runAt` at the next hourly slot, an idempotency key naming that slot), then reminds and
 * flags what is due. The chain is started by every process that runs the worker (`onWorkerStart`) with the same key,
 * so a start adds nothing when the chain is there; a run repeated after a crash sends nothing twice (a reminder is
 * recorded per due date, a stale contact is not flagged again).
 */
import { z } from 'zod';
import type { AppContext } from '../../app/context.js';
import type { Database } from '../../app/database/database.js';
import { defineJob, handleJob, jobHandlers, type JobHandlers } from '../../app/jobs/job-definition.js';
import { enqueueJob } from '../../app/jobs/outbox.js';
import { runAttestationClock } from './contacts.attestation.js';
import { attestationEveryMinutes } from './contacts.constants.js';

export const attestationClockJob = defineJob({ name: 'contacts.attestation-clock', version: 1, payload: z.object({ at: z.iso.datetime() }) });

/** The slot a time falls in (runs are every `attestationEveryMinutes`, on the UTC hour). */
export const clockSlot = (at: Date) => new Date(Math.floor(at.getTime() / (attestationEveryMinutes * 60_000)) * attestationEveryMinutes * 60_000);
export const clockKey = (at: Date) => `contacts.attestation-clock:${at.toISOString()}`;

async function enqueueClock(db: Database, at: Date): Promise<void> {
  await enqueueJob(db, attestationClockJob, { at: at.toISOString() }, { idempotencyKey: clockKey(at), runAt: at });
}

/** Starts the chain at the current slot (nothing new if it is already there). */
export async function startAttestationClock(context: Pick<AppContext, 'database'>, now = new Date()): Promise<void> {
  await enqueueClock(context.database.db, clockSlot(now));
}

export function contactsJobHandlers(context: AppContext): JobHandlers {
  const { db } = context.database;
  return jobHandlers(
    handleJob(attestationClockJob, async (payload) => {
      const at = new Date(payload.at);
      const step = attestationEveryMinutes * 60_000;
      await enqueueClock(db, clockSlot(new Date(Math.max(at.getTime() + step, Date.now()))));
      await runAttestationClock({ db, now: new Date(Math.max(at.getTime(), Date.now())), publicUrl: context.config.publicUrl });
    }),
  );
}
