import type { z } from 'zod';

/** What a job's payload may be: a JSON object (it is stored as jsonb). */
export type JobPayload = Record<string, unknown>;

/**
 * A kind of outbox job: its name, the version of its payload's shape and the zod schema of that shape. Declared once
 * beside its module (`<module>.jobs.ts`); enqueueing takes the definition, so a payload of the wrong shape is a type
 * error, and the worker checks the stored payload against the same schema before the handler sees it.
 *
 * Change a payload's shape by defining a new version beside the old one and keeping the old one's handler registered
 * until its jobs are drained: a job of a version no worker has a definition for is parked (after a grace left for a
 * rolling deployment, see the worker's `unknownJobGraceMs`), never run with a guess.
 */
export interface JobDefinition<Schema extends z.ZodType<JobPayload> = z.ZodType<JobPayload>> {
  /** Dotted name, `<module>.<action>` (`applications.check-signals`); stored as the job's `type`. */
  readonly name: string;
  /** The payload shape's version, stored with every job; a positive integer. */
  readonly version: number;
  /** The payload's schema. It must accept its own output: the enqueued payload is the parsed one. */
  readonly payload: Schema;
}

/** The payload a definition's handler receives: what its schema outputs. */
export type JobPayloadOf<D extends JobDefinition> = D extends JobDefinition<infer Schema> ? z.output<Schema> : never;

/** The run of a job as its handler sees it: the job id (for idempotency keys downstream) and the attempt number. */
export interface JobRun {
  id: string;
  attempt: number;
}

/**
 * Runs one job of a definition with its payload already checked. Handlers must be idempotent: a job whose worker
 * crashed after the side effect but before recording success runs again. Throwing schedules a retry.
 */
export type JobHandler<D extends JobDefinition> = (payload: JobPayloadOf<D>, job: JobRun) => Promise<void>;

const jobName = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/;

/** Declares a job; a malformed name or version is a wiring bug, thrown when the module loads. */
export function defineJob<Schema extends z.ZodType<JobPayload>>(definition: { name: string; version: number; payload: Schema }): JobDefinition<Schema> {
  if (!jobName.test(definition.name)) throw new Error(`Job name "${definition.name}" is not <module>.<action>`);
  if (!Number.isInteger(definition.version) || definition.version < 1) throw new Error(`Job ${definition.name}: version must be a positive integer`);
  return Object.freeze({ ...definition });
}

/** What the worker makes of a stored payload: a run of the handler, or why it can never run. */
export type AcceptedJob = { run(job: JobRun): Promise<void> } | { invalid: string };

/** A handler bound to its definition, with the types erased so that one table can hold every module's handlers. */
export interface RegisteredJob {
  readonly definition: JobDefinition;
  /** Checks a stored payload against the definition's schema; the handler only ever sees a payload that passed. */
  accept(payload: unknown): AcceptedJob;
}

/**
 * The issues of a payload that failed its schema, as `path: code` (`applicationId: invalid_type`). Codes, not
 * messages: a message may quote the value, and payloads hold personal data (this text is stored and shown).
 */
export function describePayloadIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.map(String).join('.') : '(payload)'}: ${issue.code}`)
    .join('; ')
    .slice(0, 1_000);
}

/** Binds a handler to its definition: its payload parameter is typed from the definition's schema. */
export function handleJob<Schema extends z.ZodType<JobPayload>>(definition: JobDefinition<Schema>, handler: (payload: z.output<Schema>, job: JobRun) => Promise<void>): RegisteredJob {
  return {
    definition,
    accept(payload) {
      const parsed = definition.payload.safeParse(payload);
      if (!parsed.success) return { invalid: describePayloadIssues(parsed.error) };
      return { run: (job) => handler(parsed.data, job) };
    },
  };
}

/** The key of a (name, version) pair in a handler table. */
export const jobKey = (name: string, version: number): string => `${name}@v${version}`;

/** Handlers by `name@vN`: what a module's manifest returns and what the worker reads. */
export type JobHandlers = Record<string, RegisteredJob>;

/** Builds a handler table; the same definition registered twice is a wiring bug. */
export function jobHandlers(...registered: RegisteredJob[]): JobHandlers {
  const table: JobHandlers = {};
  for (const job of registered) {
    const key = jobKey(job.definition.name, job.definition.version);
    if (table[key]) throw new Error(`Job ${key} has two handlers`);
    table[key] = job;
  }
  return table;
}
