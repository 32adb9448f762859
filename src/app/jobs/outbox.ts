import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Executor } from '../database/database.js';
import type { JobDefinition, JobPayload } from './job-definition.js';
import { jobs } from './jobs.tables.js';

/** The NOTIFY channel a worker listens on to run new jobs at once instead of at its next poll. */
export const jobsChannel = 'jobs';

/** How and when to run a job; everything but the payload, which the definition types. */
export interface EnqueueOptions {
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
 * Writes a job of `definition` to the outbox, with the definition's version. Call it with the caller's transaction:
 * the job exists if and only if the change that caused it commits. The payload is parsed by the definition's schema
 * first (a payload the types let through but the schema refuses throws here, in the caller's transaction, instead of
 * being parked later); keep it small and free of secrets, it is stored until the job is erased. Returns the job id, or
 * the existing job's id when the idempotency key was already used.
 */
export async function enqueueJob<Schema extends z.ZodType<JobPayload>>(
  db: Executor,
  definition: JobDefinition<Schema>,
  payload: z.input<Schema>,
  options: EnqueueOptions = {},
): Promise<string> {
  const inserted = await db
    .insert(jobs)
    .values({
      type: definition.name,
      version: definition.version,
      payload: definition.payload.parse(payload),
      idempotencyKey: options.idempotencyKey ?? null,
      subjectRef: options.subjectRef ?? null,
      ...(options.runAt ? { runAt: options.runAt } : {}),
      ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}),
    })
    .onConflictDoNothing({ target: jobs.idempotencyKey })
    .returning({ id: jobs.id });
  if (inserted[0]) {
    // Delivered at commit, never for a rolled-back transaction; wakes PostgreSQL workers (harmless on PGlite).
    await db.execute(sql`select pg_notify(${jobsChannel}, '')`);
    return inserted[0].id;
  }
  const [existing] = await db.select({ id: jobs.id }).from(jobs).where(eq(jobs.idempotencyKey, options.idempotencyKey as string));
  if (!existing) throw new Error(`Job with idempotency key ${options.idempotencyKey} vanished while enqueuing`);
  return existing.id;
}

/**
 * Writes many jobs of one definition in one statement (a digest run enqueues thousands of e-mails): the same rules as
 * enqueueJob, each with its own idempotency key (required here: a key already used skips that job). Returns how many
 * were written. One NOTIFY for them all.
 */
export async function enqueueJobs<Schema extends z.ZodType<JobPayload>>(
  db: Executor,
  definition: JobDefinition<Schema>,
  entries: ReadonlyArray<{ payload: z.input<Schema>; idempotencyKey: string; subjectRef?: string }>,
): Promise<number> {
  if (entries.length === 0) return 0;
  const inserted = await db
    .insert(jobs)
    .values(
      entries.map((entry) => ({
        type: definition.name,
        version: definition.version,
        payload: definition.payload.parse(entry.payload),
        idempotencyKey: entry.idempotencyKey,
        subjectRef: entry.subjectRef ?? null,
      })),
    )
    .onConflictDoNothing({ target: jobs.idempotencyKey })
    .returning({ id: jobs.id });
  if (inserted.length > 0) await db.execute(sql`select pg_notify(${jobsChannel}, '')`);
  return inserted.length;
}
