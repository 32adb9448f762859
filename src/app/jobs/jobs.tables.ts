import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { idColumn, timestamps } from '../database/columns.js';

/**
 * The durable outbox: every side effect (e-mail, checks against the outside world) is a row written in the same
 * transaction as the change that causes it, then run by the worker with retries. A crash loses nothing: a job whose
 * lease expired is picked up again, and handlers are idempotent.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: idColumn('job'),
    /** The job definition's name, e.g. `email.send`. */
    type: text('type').notNull(),
    /** The version of the definition the payload was written for; the worker runs it with that version's handler. */
    version: integer('version').notNull().default(1),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    /**
     * pending → running → done; failed attempts go back to pending with backoff until `dead`. `parked`: the job could
     * never run (its payload fails its schema, or no definition has its type and version), so it was set aside at
     * once, with the reason in `last_error`, instead of being retried.
     */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(8),
    runAt: timestamp('run_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    /** A running job's lease; past it, the job is considered abandoned (crashed worker) and runs again. */
    lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'date' }),
    lastError: text('last_error'),
    /** Enqueuing twice with the same key creates one job (duplicate submissions, retried requests). */
    idempotencyKey: text('idempotency_key'),
    /** What the job is about (an application id, a user id), so the back office can list a subject's deliveries. */
    subjectRef: text('subject_ref'),
    doneAt: timestamp('done_at', { withTimezone: true, mode: 'date' }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('jobs__idempotency_key').on(t.idempotencyKey),
    index('jobs__due').on(t.runAt).where(sql`${t.status} in ('pending', 'running')`),
    index('jobs__subject_ref').on(t.subjectRef),
    check('jobs__status_valid', sql`${t.status} in ('pending', 'running', 'done', 'dead', 'parked')`),
    check('jobs__version_positive', sql`${t.version} >= 1`),
  ],
);

export type JobRow = typeof jobs.$inferSelect;

/** Every status of a job (the CHECK above). */
export const jobStatuses = ['pending', 'running', 'done', 'dead', 'parked'] as const;
export type JobStatus = (typeof jobStatuses)[number];
