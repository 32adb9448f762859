import type { Config } from '../config/config.js';
import type { DatabaseHandle } from '../database/database.js';
import { sendEmailHandler } from '../email/email.js';
import { createMailer } from '../email/mailer.js';
import { jobHandlers, jobKey, type JobHandlers } from './job-definition.js';
import { createJobWorker, type JobLog, type JobWorker } from './worker.js';

export interface Jobs {
  worker: JobWorker;
  /** Every handler the worker runs, by definition; modules add theirs with addJobHandlers before the worker starts. */
  handlers: JobHandlers;
  /** Stops the worker (waiting for jobs in flight) and closes the mail transport. */
  close(): Promise<void>;
}

/** The composition root's outbox: a worker (not started) that already knows how to send e-mail. */
export function createJobs(options: { config: Config; database: DatabaseHandle; log: JobLog }): Jobs {
  const mailer = createMailer(options.config);
  const handlers = jobHandlers(sendEmailHandler(mailer, options.database.db));
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

/** Adds one module's handlers; two modules claiming the same job definition is a wiring bug caught at start-up. */
export function addJobHandlers(handlers: JobHandlers, owner: string, added: JobHandlers): void {
  for (const registered of Object.values(added)) {
    const key = jobKey(registered.definition.name, registered.definition.version);
    if (handlers[key]) throw new Error(`Job ${key} of module ${owner} already has a handler`);
    handlers[key] = registered;
  }
}
