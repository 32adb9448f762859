import type { Config } from '../config/config.js';
import type { DatabaseHandle } from '../database/database.js';
import { emailJobType, sendEmailHandler } from '../email/email.js';
import { createMailer } from '../email/mailer.js';
import { createJobWorker, type JobHandler, type JobLog, type JobWorker } from './worker.js';

export interface Jobs {
  worker: JobWorker;
  /** Every handler the worker runs; modules add theirs with addJobHandlers before the worker starts. */
  handlers: Record<string, JobHandler>;
  /** Stops the worker (waiting for jobs in flight) and closes the mail transport. */
  close(): Promise<void>;
}

/** The composition root's outbox: a worker (not started) that already knows how to send e-mail. */
export function createJobs(options: { config: Config; database: DatabaseHandle; log: JobLog }): Jobs {
  const mailer = createMailer(options.config);
  const handlers: Record<string, JobHandler> = { [emailJobType]: sendEmailHandler(mailer) };
  const worker = createJobWorker({ database: options.database, handlers, log: options.log });
  return {
    worker,
    handlers,
    close: async () => {
      await worker.stop();
      mailer.close();
    },
  };
}

/** Adds one module's handlers; two modules claiming the same job type is a wiring bug caught at start-up. */
export function addJobHandlers(handlers: Record<string, JobHandler>, owner: string, added: Record<string, JobHandler>): void {
  for (const [type, handler] of Object.entries(added)) {
    if (handlers[type]) throw new Error(`Job type "${type}" of module ${owner} already has a handler`);
    handlers[type] = handler;
  }
}
