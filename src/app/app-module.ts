import type { FastifyInstance } from 'fastify';
import type { ActivitySource } from './activity.js';
import type { RouteAccess } from './authz/access.js';
import type { ContributionSource } from './contributions.js';
import type { AppContext } from './context.js';
import type { JobHandlers } from './jobs/job-definition.js';
import type { ReferencePart } from './reference/reference.js';
import type { RelatedWork } from './related.js';

/** A capability's manifest: how it plugs its routes, pages and event handlers into the application. */
export interface AppModule {
  name: string;
  register(app: FastifyInstance, context: AppContext): Promise<void>;
  /**
   * Outbox job handlers, each bound to its definition (`jobHandlers(handleJob(checkSignalsJob, …))`, definitions in
   * `<module>.jobs.ts`), so a handler's payload is typed by the definition's schema; each must be idempotent.
   */
  jobHandlers?(context: AppContext): JobHandlers;
  /**
   * Run by a process that starts the outbox worker, before it starts (not by tests, which drain): where a module
   * enqueues the first run of its recurring jobs, with idempotency keys, so every start adds nothing already there.
   */
  onWorkerStart?(context: AppContext): Promise<void>;
  /** Its part of the reference bundle (`reference/`): built from `../shared`, loaded on first start when empty. */
  reference?: ReferencePart[];
  /** Who may reach each of its routes (`<module>.access.ts`), checked against the registered routes by the authorization matrix. */
  access?: readonly RouteAccess[];
  /** Its pages that serve one of the Call's principles, listed on that principle's page. */
  related?: readonly RelatedWork[];
  /** What it lists on other modules' pages (a principle's, a norm's, a supporter's), read when they are served. */
  contributions?: readonly ContributionSource[];
  /** Where its activity inside working groups is read (a group's feed, the subscribers' digests). */
  activity?: readonly ActivitySource[];
}
