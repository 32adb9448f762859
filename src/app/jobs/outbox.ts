import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../database/database.js';
import { jobs } from './jobs.tables.js';

/** The NOTIFY channel a worker listens on to run new jobs at once instead of at its next poll. */
export const jobsChannel = 'jobs';

export interface NewJob {
  /** Handler name, e.g. `email.send`. */
  type: string;
  /** JSON the handler receives; keep it small and free of secrets, it is stored until the job is erased. */
  payload: Record<string, unknown>;
  /** Enqueuing again with the same key returns the first job instead of creating another one. */
  idempotencyKey?: string;
  /** What the job is about (an application id, a user id), for the back office's delivery list. */
  subjectRef?: string;
  /** Not before this time (default: now). */
  runAt?: Date;
  /** Attempts before the job is declared dead (default 8). */
  maxAttempts?: number;
}

/**
 * Writes a job to the outbox. Call it with the caller's transaction: the job exists if and only if the change that
 * caused it commits. Returns the job id, or the existing job's id when the idempotency key was already used.
 */
export async function enqueueJob(db: Executor, job: NewJob): Promise<string> {
  const inserted = await db
    .insert(jobs)
    .values({
      type: job.type,
      payload: job.payload,
      idempotencyKey: job.idempotencyKey ?? null,
      subjectRef: job.subjectRef ?? null,
      ...(job.runAt ? { runAt: job.runAt } : {}),
      ...(job.maxAttempts ? { maxAttempts: job.maxAttempts } : {}),
    })
    .onConflictDoNothing({ target: jobs.idempotencyKey })
    .returning({ id: jobs.id });
  if (inserted[0]) {
    // Delivered at commit, never for a rolled-back transaction; wakes PostgreSQL workers (harmless on PGlite).
    await db.execute(sql`select pg_notify(${jobsChannel}, '')`);
    return inserted[0].id;
  }
  const [existing] = await db.select({ id: jobs.id }).from(jobs).where(eq(jobs.idempotencyKey, job.idempotencyKey as string));
  if (!existing) throw new Error(`Job with idempotency key ${job.idempotencyKey} vanished while enqueuing`);
  return existing.id;
}
