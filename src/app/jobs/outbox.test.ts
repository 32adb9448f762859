import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DatabaseHandle } from '../database/database.js';
import { createTestDatabase } from '../database/test-utils.js';
import { enqueueJob } from './outbox.js';
import { jobs } from './jobs.tables.js';
import { createJobWorker } from './worker.js';
import { getJob, handlersFor, recordingLog, testJob } from './jobs.test-utils.js';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.close());

describe('enqueueJob', () => {
  it('stores a pending job due now with its payload, subject and default of 8 attempts', async () => {
    const id = await enqueueJob(database.db, testJob('test.store', z.object({ answer: z.number() }), 3), { answer: 42 }, { subjectRef: 'app_1' });
    expect(id).toMatch(/^job_/);
    const job = await getJob(database, id);
    expect(job).toMatchObject({ type: 'test.store', version: 3, payload: { answer: 42 }, status: 'pending', attempts: 0, maxAttempts: 8, subjectRef: 'app_1' });
    expect(job.runAt.getTime()).toBeLessThanOrEqual(Date.now() + 1_000);
  });

  it('when the same idempotency key is enqueued twice, one job exists and both calls return its id', async () => {
    const once = testJob('test.once', z.object({ n: z.number() }));
    const first = await enqueueJob(database.db, once, { n: 1 }, { idempotencyKey: 'once:1' });
    const second = await database.db.transaction((tx) => enqueueJob(tx, once, { n: 2 }, { idempotencyKey: 'once:1' }));
    expect(second).toBe(first);
    const [row] = await database.db.select({ n: count() }).from(jobs).where(eq(jobs.idempotencyKey, 'once:1'));
    expect(row?.n).toBe(1);
    expect((await getJob(database, first)).payload).toEqual({ n: 1 });
  });

  it('when the enqueuing transaction rolls back, the job never exists and never runs', async () => {
    const ran: string[] = [];
    const rollback = testJob('test.rollback', z.object({ n: z.number() }));
    const handlers = handlersFor(rollback, async (payload) => void ran.push(String(payload.n)));
    let id = '';
    await expect(
      database.db.transaction(async (tx) => {
        id = await enqueueJob(tx, rollback, { n: 1 });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const worker = createJobWorker({ database, handlers, log: recordingLog() });
    expect(await worker.drain()).toBe(0);
    expect(ran).toEqual([]);
    expect(await database.db.select().from(jobs).where(eq(jobs.id, id))).toEqual([]);
  });

  it('honours runAt: a job scheduled for later is not run before its time', async () => {
    const ran: number[] = [];
    const later = testJob('test.later');
    const id = await enqueueJob(database.db, later, {}, { runAt: new Date(Date.now() + 3_600_000) });
    const worker = createJobWorker({ database, handlers: handlersFor(later, async () => void ran.push(1)), log: recordingLog() });
    expect(await worker.drain()).toBe(0);
    expect((await getJob(database, id)).status).toBe('pending');
  });
});
