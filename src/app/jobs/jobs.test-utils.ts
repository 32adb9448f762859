import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DatabaseHandle } from '../database/database.js';
import { defineJob, handleJob, jobHandlers, type JobDefinition, type JobHandlers, type JobPayload, type JobRun } from './job-definition.js';
import { jobs, type JobRow } from './jobs.tables.js';
import type { JobLog } from './worker.js';

/** A logger that keeps what the worker says, for assertions (and keeps test output quiet). */
export function recordingLog(): JobLog & { lines: Array<{ level: string; message: string; details: object }> } {
  const lines: Array<{ level: string; message: string; details: object }> = [];
  const at = (level: string) => (details: object, message: string) => void lines.push({ level, message, details });
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}

export async function getJob(database: DatabaseHandle, id: string): Promise<JobRow> {
  const [row] = await database.db.select().from(jobs).where(eq(jobs.id, id));
  if (!row) throw new Error(`No job ${id}`);
  return row;
}

/** Makes a job scheduled for later due now, standing in for the passage of time. */
export async function makeDue(database: DatabaseHandle, id: string): Promise<void> {
  await database.db.update(jobs).set({ runAt: sql`now() - interval '1 second'` }).where(eq(jobs.id, id));
}

/** A job definition for worker tests: an empty payload and version 1 unless told otherwise. */
export function testJob(name: string): JobDefinition<z.ZodObject<Record<string, never>>>;
export function testJob<Schema extends z.ZodType<JobPayload>>(name: string, payload: Schema, version?: number): JobDefinition<Schema>;
export function testJob(name: string, payload: z.ZodType<JobPayload> = z.object({}), version = 1): JobDefinition {
  return defineJob({ name, version, payload });
}

/** A handler table with one handler (the worker's `handlers` option). */
export function handlersFor<Schema extends z.ZodType<JobPayload>>(
  definition: JobDefinition<Schema>,
  handler: (payload: z.output<Schema>, job: JobRun) => Promise<void>,
): JobHandlers {
  return jobHandlers(handleJob(definition, handler));
}
