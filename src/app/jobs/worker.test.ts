import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DatabaseHandle } from '../database/database.js';
import { createTestDatabase, testDriver } from '../database/test-utils.js';
import { enqueueJob } from './outbox.js';
import { jobs } from './jobs.tables.js';
import { createJobWorker, retryDelayMs } from './worker.js';
import { getJob, handlersFor, makeDue, recordingLog, testJob } from './jobs.test-utils.js';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.close());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('retryDelayMs', () => {
  it.each([
    [1, 15_000],
    [2, 30_000],
    [3, 60_000],
    [9, 3_600_000],
    [30, 3_600_000],
  ])('attempt %i waits between half and all of %i ms', (attempt, full) => {
    expect(retryDelayMs(attempt, () => 0)).toBe(full / 2);
    expect(retryDelayMs(attempt, () => 0.999_999)).toBeLessThanOrEqual(full);
    expect(retryDelayMs(attempt, () => 0.999_999)).toBeGreaterThan(full * 0.99);
  });
});

describe('the job worker', () => {
  it('when a handler fails, the job is retried after an exponential backoff and then succeeds', async () => {
    const attempts: number[] = [];
    const flaky = testJob('test.flaky');
    const handlers = handlersFor(flaky, async (_payload, job) => {
      attempts.push(job.attempt);
      if (job.attempt === 1) throw new Error('relay unavailable');
    });
    const log = recordingLog();
    const worker = createJobWorker({ database, handlers, log });
    const id = await enqueueJob(database.db, flaky, {});

    expect(await worker.drain()).toBe(1);
    const failed = await getJob(database, id);
    expect(failed).toMatchObject({ status: 'pending', attempts: 1, lastError: 'relay unavailable', lockedUntil: null });
    // First retry: 15 s with jitter in [0.5, 1).
    const [{ delay } = { delay: 0 }] = (
      (await database.db.execute(sql`select extract(epoch from run_at - now()) * 1000 as delay from jobs where id = ${id}`)) as unknown as {
        rows: Array<{ delay: number }>;
      }
    ).rows;
    expect(Number(delay)).toBeGreaterThan(6_000);
    expect(Number(delay)).toBeLessThanOrEqual(15_000);
    expect(log.lines.some((l) => l.level === 'warn' && l.message === 'job failed, will retry')).toBe(true);

    expect(await worker.drain()).toBe(0); // not due yet
    await makeDue(database, id);
    expect(await worker.drain()).toBe(1);
    expect(await getJob(database, id)).toMatchObject({ status: 'done', attempts: 2, lastError: null });
    expect((await getJob(database, id)).doneAt).toBeInstanceOf(Date);
    expect(attempts).toEqual([1, 2]);
  });

  it('when every attempt fails, the job is dead after maxAttempts and never runs again', async () => {
    let calls = 0;
    const doomed = testJob('test.doomed');
    const handlers = handlersFor(doomed, async () => {
      calls++;
      throw new Error(`failure ${calls}`);
    });
    const worker = createJobWorker({ database, handlers, log: recordingLog(), retryDelayMs: () => 0 });
    const id = await enqueueJob(database.db, doomed, {}, { maxAttempts: 3 });
    expect(await worker.drain()).toBe(3);
    expect(await getJob(database, id)).toMatchObject({ status: 'dead', attempts: 3, lastError: 'failure 3' });
    await makeDue(database, id);
    expect(await worker.drain()).toBe(0);
    expect(calls).toBe(3);
  });

  it('when a worker crashed while running a job (lease expired), another worker runs it again', async () => {
    const ran: number[] = [];
    const crash = testJob('test.crash');
    const worker = createJobWorker({ database, handlers: handlersFor(crash, async (_p, job) => void ran.push(job.attempt)), log: recordingLog() });
    const crashed = await enqueueJob(database.db, crash, {});
    const stillLeased = await enqueueJob(database.db, crash, {});
    await database.db.update(jobs).set({ status: 'running', attempts: 1, lockedUntil: sql`now() - interval '1 minute'` }).where(eq(jobs.id, crashed));
    await database.db.update(jobs).set({ status: 'running', attempts: 1, lockedUntil: sql`now() + interval '1 hour'` }).where(eq(jobs.id, stillLeased));

    expect(await worker.drain()).toBe(1);
    expect(ran).toEqual([2]);
    expect(await getJob(database, crashed)).toMatchObject({ status: 'done', attempts: 2 });
    expect(await getJob(database, stillLeased)).toMatchObject({ status: 'running', attempts: 1 });
  });

  it('when the crash happened on the last allowed attempt, the job is declared dead instead of run again', async () => {
    const ran: number[] = [];
    const poison = testJob('test.poison');
    const worker = createJobWorker({ database, handlers: handlersFor(poison, async () => void ran.push(1)), log: recordingLog() });
    const id = await enqueueJob(database.db, poison, {}, { maxAttempts: 2 });
    await database.db.update(jobs).set({ status: 'running', attempts: 2, lockedUntil: sql`now() - interval '1 minute'` }).where(eq(jobs.id, id));
    await worker.drain();
    expect(ran).toEqual([]);
    expect(await getJob(database, id)).toMatchObject({ status: 'dead', lastError: 'lease expired on the last attempt' });
  });

  it('when two workers drain the queue at the same time, every job runs exactly once', async () => {
    const runs = new Map<string, number>();
    const concurrent = testJob('test.concurrent', z.object({ i: z.number() }));
    const handlers = handlersFor(concurrent, async (_payload, job) => {
      runs.set(job.id, (runs.get(job.id) ?? 0) + 1);
      await sleep(2);
    });
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) ids.push(await enqueueJob(database.db, concurrent, { i }));
    const a = createJobWorker({ database, handlers, log: recordingLog(), concurrency: 3 });
    const b = createJobWorker({ database, handlers, log: recordingLog(), concurrency: 3 });
    const [ranByA, ranByB] = await Promise.all([a.drain(), b.drain()]);

    expect(ranByA + ranByB).toBe(40);
    expect([...runs.values()].every((n) => n === 1)).toBe(true);
    expect(runs.size).toBe(40);
    const rows = await database.db.select({ status: jobs.status, attempts: jobs.attempts }).from(jobs).where(inArray(jobs.id, ids));
    expect(rows.every((r) => r.status === 'done' && r.attempts === 1)).toBe(true);
  });

  it('leaves jobs of types it has no handler for untouched while another worker may still know them', async () => {
    const id = await enqueueJob(database.db, testJob('test.unknown'), {});
    const worker = createJobWorker({ database, handlers: handlersFor(testJob('test.other'), async () => {}), log: recordingLog() });
    await worker.drain();
    expect(await getJob(database, id)).toMatchObject({ status: 'pending', attempts: 0 });
  });

  it('once started, runs new jobs by itself; stop() waits for the job in flight to finish', async () => {
    let release = () => {};
    const started: string[] = [];
    const finished: string[] = [];
    const slow = testJob('test.slow');
    const handlers = handlersFor(slow, async (_payload, job) => {
      started.push(job.id);
      await new Promise<void>((resolve) => (release = resolve));
      finished.push(job.id);
    });
    const worker = createJobWorker({ database, handlers, log: recordingLog(), pollMs: 20 });
    worker.start();
    const id = await enqueueJob(database.db, slow, {});
    worker.wake();
    for (let i = 0; i < 250 && started.length === 0; i++) await sleep(20);
    expect(started).toEqual([id]);

    const stopped = worker.stop();
    let stopResolved = false;
    void stopped.then(() => (stopResolved = true));
    await sleep(50);
    expect(stopResolved).toBe(false);
    release();
    await stopped;
    expect(finished).toEqual([id]);
    expect((await getJob(database, id)).status).toBe('done');

    // Stopped means stopped: nothing is picked up any more.
    const later = await enqueueJob(database.db, slow, {});
    await sleep(100);
    expect((await getJob(database, later)).status).toBe('pending');
  });

  it.runIf(testDriver === 'postgres')('on PostgreSQL, a committed enqueue wakes a sleeping worker through LISTEN/NOTIFY', async () => {
    const ran: string[] = [];
    const notify = testJob('test.notify');
    const worker = createJobWorker({ database, handlers: handlersFor(notify, async (_p, job) => void ran.push(job.id)), log: recordingLog(), pollMs: 60_000 });
    worker.start();
    await sleep(300); // the first poll has run and the worker now sleeps for a minute
    const id = await database.db.transaction((tx) => enqueueJob(tx, notify, {}));
    for (let i = 0; i < 100 && ran.length === 0; i++) await sleep(20);
    await worker.stop();
    expect(ran).toEqual([id]);
  });
});
