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
    /** Handler name, e.g. `email.send`. */
    type: text('type').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    /** pending → running → done; failed attempts go back to pending with backoff until `dead`. */
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
    check('jobs__status_valid', sql`${t.status} in ('pending', 'running', 'done', 'dead')`),
  ],
);

export type JobRow = typeof jobs.$inferSelect;
