import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DatabaseHandle } from '../database/database.js';
import { createTestDatabase } from '../database/test-utils.js';
import { defineJob, describePayloadIssues, handleJob, jobHandlers } from './job-definition.js';
import { addJobHandlers } from './jobs.setup.js';
import { jobs } from './jobs.tables.js';
import { getJob, handlersFor, recordingLog, testJob } from './jobs.test-utils.js';
import { enqueueJob } from './outbox.js';
import { createJobWorker } from './worker.js';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.close());

/** Writes a job row as an older release or a hand-edited database might have left it, bypassing enqueueJob's checks. */
async function insertRawJob(type: string, version: number, payload: Record<string, unknown>): Promise<string> {
  const [row] = await database.db.insert(jobs).values({ type, version, payload }).returning({ id: jobs.id });
  return row!.id;
}

const greeting = testJob('test.greet', z.object({ to: z.string().min(1), times: z.number().int().default(1) }));

describe('defineJob', () => {
  it.each([
    ['greet', 1],
    ['Test.greet', 1],
    ['test.', 1],
    ['test.greet', 0],
    ['test.greet', 1.5],
  ])('refuses the name %s with version %s', (name, version) => {
    expect(() => defineJob({ name, version, payload: z.object({}) })).toThrow();
  });

  it('a handler table refuses the same definition twice, within a module and across modules', () => {
    const handler = handleJob(greeting, async () => {});
    expect(() => jobHandlers(handler, handleJob(greeting, async () => {}))).toThrow('test.greet@v1 has two handlers');
    const table = jobHandlers(handler);
    expect(() => addJobHandlers(table, 'other', jobHandlers(handleJob(greeting, async () => {})))).toThrow('test.greet@v1 of module other already has a handler');
  });
});

describe('a typed job', () => {
  it('round-trips: enqueued with its definition, stored with its version, run with the parsed payload', async () => {
    const received: unknown[] = [];
    const versioned = testJob('test.round-trip', z.object({ to: z.string(), times: z.number().default(2) }), 4);
    const id = await enqueueJob(database.db, versioned, { to: 'Ada' });
    expect(await getJob(database, id)).toMatchObject({ type: 'test.round-trip', version: 4, payload: { to: 'Ada', times: 2 } });

    const worker = createJobWorker({ database, handlers: handlersFor(versioned, async (payload) => void received.push(payload)), log: recordingLog() });
    expect(await worker.drain()).toBe(1);
    expect(received).toEqual([{ to: 'Ada', times: 2 }]);
    expect(await getJob(database, id)).toMatchObject({ status: 'done', attempts: 1, lastError: null });
  });

  it('a payload of the wrong shape is a type error, and refused at run time too without writing anything', async () => {
    const before = (await database.db.select().from(jobs).where(eq(jobs.type, greeting.name))).length;
    // @ts-expect-error -- `to` must be a string
    await expect(enqueueJob(database.db, greeting, { to: 42 })).rejects.toThrow();
    // @ts-expect-error -- `to` is required
    await expect(enqueueJob(database.db, greeting, { times: 2 })).rejects.toThrow();
    // Passes the types (a string) but not the schema (min 1): still refused before it is stored.
    await expect(enqueueJob(database.db, greeting, { to: '' })).rejects.toThrow();
    expect((await database.db.select().from(jobs).where(eq(jobs.type, greeting.name))).length).toBe(before);
  });
});

describe('the worker with job definitions', () => {
  it('parks a job whose payload fails its schema, with the reason, and never runs its handler; the next job still runs', async () => {
    const ran: string[] = [];
    const definition = testJob('test.strict', z.object({ applicationId: z.string().min(1), locale: z.enum(['en', 'fr']) }));
    const bad = await insertRawJob(definition.name, 1, { applicationId: 7, locale: 'de', email: 'secret.person@example.org' });
    const good = await enqueueJob(database.db, definition, { applicationId: 'app_1', locale: 'fr' });
    const log = recordingLog();
    const worker = createJobWorker({ database, handlers: handlersFor(definition, async (payload) => void ran.push(payload.applicationId)), log, retryDelayMs: () => 0 });

    expect(await worker.drain()).toBe(2);
    expect(ran).toEqual(['app_1']);
    expect(await getJob(database, bad)).toMatchObject({ status: 'parked', attempts: 1, lockedUntil: null, lastError: 'job.payload-invalid: applicationId: invalid_type; locale: invalid_value' });
    expect(await getJob(database, good)).toMatchObject({ status: 'done' });
    // Parked is terminal: nothing runs it again, and the log names the job without quoting its payload.
    expect(await worker.drain()).toBe(0);
    expect(ran).toEqual(['app_1']);
    const parkedLines = log.lines.filter((l) => l.message === 'job parked');
    expect(parkedLines).toHaveLength(1);
    expect(parkedLines[0]?.level).toBe('error');
    expect(JSON.stringify(log.lines)).not.toContain('secret.person');
  });

  it('parks a job whose schema throws while checking it, instead of letting the error escape', async () => {
    const throwing = testJob(
      'test.throwing-schema',
      z.object({ n: z.number() }).superRefine(() => {
        throw new RangeError('bug in a refinement');
      }),
    );
    const id = await insertRawJob(throwing.name, 1, { n: 1 });
    const worker = createJobWorker({ database, handlers: handlersFor(throwing, async () => {}), log: recordingLog() });
    expect(await worker.drain()).toBe(1);
    expect(await getJob(database, id)).toMatchObject({ status: 'parked', lastError: 'job.payload-invalid: (payload): RangeError' });
  });

  it('leaves a version it has no definition for to other workers during the grace, then parks it', async () => {
    const v1 = testJob('test.versioned', z.object({ n: z.number() }), 1);
    const v3 = await insertRawJob('test.versioned', 3, { n: 1 });
    const ran: number[] = [];
    const handlers = handlersFor(v1, async ({ n }) => void ran.push(n));

    await createJobWorker({ database, handlers, log: recordingLog() }).drain();
    expect(await getJob(database, v3)).toMatchObject({ status: 'pending', attempts: 0 });

    expect(await createJobWorker({ database, handlers, log: recordingLog(), unknownJobGraceMs: 0 }).drain()).toBe(1);
    expect(await getJob(database, v3)).toMatchObject({ status: 'parked', attempts: 1, lastError: 'job.definition-unknown: no definition of test.versioned v3' });
    expect(ran).toEqual([]);
  });

  it('parks a job of a type no definition has once the grace has passed', async () => {
    const id = await insertRawJob('test.removed-long-ago', 1, {});
    const worker = createJobWorker({ database, handlers: handlersFor(testJob('test.still-here'), async () => {}), log: recordingLog(), unknownJobGraceMs: 0 });
    await worker.drain();
    expect(await getJob(database, id)).toMatchObject({ status: 'parked', lastError: 'job.definition-unknown: no definition of test.removed-long-ago v1' });
  });

  it('describes payload issues by path and code, never by value', () => {
    const result = z.object({ to: z.string(), nested: z.object({ code: z.string().length(4) }) }).safeParse({ to: 'x', nested: { code: 'leaked-value' } });
    expect(result.success).toBe(false);
    if (!result.success) expect(describePayloadIssues(result.error)).toBe('nested.code: too_big');
  });
});
