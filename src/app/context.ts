import type { ActivitySource } from './activity.js';
import type { Config } from './config/config.js';
import type { ContributionSource } from './contributions.js';
import type { DatabaseHandle } from './database/database.js';
import type { EventBus } from './events/events.js';
import type { ResponseCache } from './http/response-cache.js';
import type { JobWorker } from './jobs/worker.js';
import type { RelatedWork } from './related.js';

/** What every module receives from the composition root. */
export interface AppContext {
  config: Config;
  database: DatabaseHandle;
  events: EventBus;
  cache: ResponseCache;
  /**
   * The outbox: enqueue with enqueueJob/enqueueEmail inside a transaction; the worker runs the jobs (tests call drain()).
   * No mailer here on purpose: modules send e-mail only through the outbox.
   */
  jobs: { worker: JobWorker };
  /** What the modules declare as serving each principle (their manifests' `related`). */
  related: readonly RelatedWork[];
  /** What the modules list on each other's principle, norm and supporter pages (their manifests' `contributions`). */
  contributions: readonly ContributionSource[];
  /** Where the modules' activity inside working groups is read (their manifests' `activity`). */
  activity: readonly ActivitySource[];
}
