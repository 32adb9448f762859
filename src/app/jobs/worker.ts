import { and, eq, sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../database/database.js';
import type { JobHandlers, RegisteredJob } from './job-definition.js';
import { jobsChannel } from './outbox.js';
import { jobs } from './jobs.tables.js';

/** The subset of a pino/Fastify logger the worker writes to. Payloads are never logged (they hold personal data). */
export interface JobLog {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface JobWorkerOptions {
  database: DatabaseHandle;
  /** Handlers by definition (built with jobHandlers); read at each claim, so handlers may be added after the worker is created. */
  handlers: JobHandlers;
  log: JobLog;
  /** Sleep between polls when idle (default 2 s); on PostgreSQL a NOTIFY from enqueueJob wakes the worker sooner. */
  pollMs?: number;
  /**
   * How long a claimed job belongs to this worker before another may take it over (default 1 min). The lease is renewed
   * every third of it while the job runs, so a long job keeps it; a short one means a crashed worker's job (an e-mail
   * half sent) is taken over within a minute, not five.
   */
  leaseMs?: number;
  /**
   * Jobs run at the same time (default 8: most jobs wait on the database or a mail relay, not the CPU; 8 halves the
   * time of a 1,000-mail ping exercise against 4, bench/README.md §17).
   */
  concurrency?: number;
  /** Delay before retry number `attempt + 1` (default: exponential with jitter, see retryDelayMs). */
  retryDelayMs?: (attempt: number) => number;
  /**
   * How long a due job whose type and version this worker has no definition for is left for another worker (default
   * 1 h). During a rolling deployment the new code's jobs wait for a worker that knows them; past this, nobody does
   * (the definition was removed, or a version retired with jobs still queued) and the job is parked, not kept forever.
   */
  unknownJobGraceMs?: number;
}

export interface JobWorker {
  /** Starts the polling loop (and LISTEN on PostgreSQL). */
  start(): void;
  /** Stops polling and waits for the jobs in flight. */
  stop(): Promise<void>;
  /** Runs every due job now, retries included while due, and returns how many ran (tests, CLI). */
  drain(): Promise<number>;
  /** Polls at once instead of at the end of the current sleep. */
  wake(): void;
}

interface ClaimedJob {
  id: string;
  type: string;
  version: number;
  payload: unknown;
  attempts: number;
  max_attempts: number;
}

/** Why a job was parked: the code that starts its `last_error`, followed by the details. */
export const parkReasons = {
  /** The stored payload fails its definition's schema (details: `path: issue code`, never the values). */
  invalidPayload: 'job.payload-invalid',
  /** No definition of the job's type and version is registered, by this worker or, within the grace, by another. */
  unknownDefinition: 'job.definition-unknown',
} as const;

/** 15 s, 30 s, 1 min, 2 min … capped at 1 h, each multiplied by a random factor in [0.5, 1) so retries spread out. */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(15_000 * 2 ** Math.max(0, attempt - 1), 3_600_000);
  return Math.round(base * (0.5 + random() / 2));
}

/**
 * The outbox worker. Several workers (processes) may run against one PostgreSQL database: each claims due jobs with
 * FOR UPDATE SKIP LOCKED, so a job is never claimed twice while its lease holds; an expired lease means the worker
 * died, and the job is claimed again. Every write after the claim checks the attempt number, so a worker that lost
 * its lease cannot overwrite the outcome of the one that took over.
 *
 * A job that can never run is parked (status `parked`, the reason in `last_error`, see parkReasons) on its first
 * claim instead of failing its attempts one by one: its stored payload fails its definition's schema (the handler is
 * never called), or no definition has its type and version.
 */
export function createJobWorker(options: JobWorkerOptions): JobWorker {
  const { database, handlers, log } = options;
  const pollMs = options.pollMs ?? 2_000;
  const leaseMs = options.leaseMs ?? 60_000;
  const concurrency = options.concurrency ?? 8;
  const delayFor = options.retryDelayMs ?? ((attempt: number) => retryDelayMs(attempt));
  const unknownJobGraceMs = options.unknownJobGraceMs ?? 3_600_000;
  const db = database.db;

  const inflight = new Set<Promise<void>>();
  let loop: Promise<void> | undefined;
  let stopping = false;
  let woken = false;
  let interruptSleep: (() => void) | undefined;
  let listening = false;

  async function claim(limit: number): Promise<ClaimedJob[]> {
    const known = Object.values(handlers).map(({ definition }) => sql`(${jobs.type} = ${definition.name} and ${jobs.version} = ${definition.version})`);
    if (known.length === 0) return [];
    // The types and versions this process knows, and, once their grace has passed, those nobody ran (to park them).
    const result = await db.execute(sql`
      update jobs set status = 'running', attempts = attempts + 1,
        locked_until = now() + ${leaseMs} * interval '1 millisecond', updated_at = now()
      where id in (
        select id from jobs
        where (${sql.join(known, sql` or `)} or run_at <= now() - ${unknownJobGraceMs} * interval '1 millisecond')
          and ((status = 'pending' and run_at <= now()) or (status = 'running' and locked_until < now()))
        order by run_at
        limit ${limit}
        for update skip locked)
      returning id, type, version, payload, attempts, max_attempts`);
    return (result as unknown as { rows: ClaimedJob[] }).rows;
  }

  const ownedBy = (job: ClaimedJob) => and(eq(jobs.id, job.id), eq(jobs.status, 'running'), eq(jobs.attempts, job.attempts));

  const handlerFor = (job: ClaimedJob): RegisteredJob | undefined =>
    Object.values(handlers).find(({ definition }) => definition.name === job.type && definition.version === job.version);

  /** Sets a job that can never run aside, with the reason, for the secretariat to see; it is not retried. */
  async function park(job: ClaimedJob, reason: string): Promise<void> {
    await db.update(jobs).set({ status: 'parked', lockedUntil: null, lastError: reason }).where(ownedBy(job));
    log.error({ jobId: job.id, type: job.type, version: job.version, reason }, 'job parked');
  }

  async function run(job: ClaimedJob): Promise<void> {
    const context = { jobId: job.id, type: job.type, attempt: job.attempts };
    if (job.attempts > job.max_attempts) {
      // The last allowed attempt never reported back (its worker crashed): give up rather than loop on a poison job.
      await db.update(jobs).set({ status: 'dead', lockedUntil: null, lastError: 'lease expired on the last attempt' }).where(ownedBy(job));
      log.error(context, 'job dead: lease expired on the last attempt');
      return;
    }
    const handler = handlerFor(job);
    if (!handler) return park(job, `${parkReasons.unknownDefinition}: no definition of ${job.type} v${job.version}`);
    let accepted: ReturnType<RegisteredJob['accept']>;
    try {
      accepted = handler.accept(job.payload);
    } catch (error) {
      // A schema's own refinement threw: the payload is no more runnable than one that failed it.
      accepted = { invalid: `(payload): ${error instanceof Error ? error.name : 'error'}` };
    }
    if ('invalid' in accepted) return park(job, `${parkReasons.invalidPayload}: ${accepted.invalid}`);
    const heartbeat = setInterval(() => {
      db.update(jobs)
        .set({ lockedUntil: sql`now() + ${leaseMs} * interval '1 millisecond'` })
        .where(ownedBy(job))
        .catch((error: unknown) => log.warn({ ...context, err: error }, 'job lease renewal failed'));
    }, Math.max(1_000, Math.floor(leaseMs / 3)));
    heartbeat.unref();
    try {
      await accepted.run({ id: job.id, attempt: job.attempts });
      clearInterval(heartbeat);
      await db.update(jobs).set({ status: 'done', doneAt: sql`now()`, lockedUntil: null, lastError: null }).where(ownedBy(job));
    } catch (error) {
      clearInterval(heartbeat);
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 2_000);
      const dead = job.attempts >= job.max_attempts;
      const delay = dead ? 0 : delayFor(job.attempts);
      await db
        .update(jobs)
        .set({
          status: dead ? 'dead' : 'pending',
          lockedUntil: null,
          lastError: message,
          runAt: sql`now() + ${delay} * interval '1 millisecond'`,
        })
        .where(ownedBy(job));
      if (dead) log.error({ ...context, error: message }, 'job dead after its last attempt');
      else log.warn({ ...context, error: message, retryInMs: delay }, 'job failed, will retry');
    }
  }

  function track(promise: Promise<void>): Promise<void> {
    inflight.add(promise);
    return promise.finally(() => inflight.delete(promise));
  }

  async function runDue(shouldContinue: () => boolean): Promise<number> {
    let total = 0;
    while (shouldContinue()) {
      const claimed = await claim(concurrency);
      if (claimed.length === 0) break;
      await Promise.all(claimed.map((job) => track(run(job))));
      total += claimed.length;
    }
    return total;
  }

  async function poll(): Promise<void> {
    while (!stopping) {
      woken = false;
      try {
        await runDue(() => !stopping);
      } catch (error) {
        log.error({ err: error }, 'job worker could not claim jobs');
      }
      if (stopping || woken) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        interruptSleep = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      interruptSleep = undefined;
    }
  }

  function wake(): void {
    woken = true;
    interruptSleep?.();
  }

  return {
    start() {
      if (loop) return;
      stopping = false;
      if (!listening) {
        listening = true;
        database.listen(jobsChannel, wake).catch((error: unknown) => log.warn({ err: error }, 'job worker could not LISTEN, polling only'));
      }
      loop = poll();
      log.info({ pollMs, concurrency }, 'job worker started');
    },
    async stop() {
      stopping = true;
      interruptSleep?.();
      await loop;
      loop = undefined;
      await Promise.allSettled([...inflight]);
    },
    drain: () => runDue(() => true),
    wake,
  };
}
