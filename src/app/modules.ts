import type { FastifyInstance } from 'fastify';
import type { AppContext } from './context.js';
import type { JobHandler } from './jobs/worker.js';
import { accountsModule } from '../modules/accounts/accounts.module.js';
import { applicationsModule } from '../modules/applications/applications.module.js';
import { callModule } from '../modules/call/call.module.js';
import { supportersModule } from '../modules/supporters/supporters.module.js';
import { indexModule } from '../modules/index/index.module.js';

/** A capability's manifest: how it plugs its routes, pages and event handlers into the application. */
export interface AppModule {
  name: string;
  register(app: FastifyInstance, context: AppContext): Promise<void>;
  /** Outbox job handlers by job type (`applications.check-signals`); each must be idempotent. */
  jobHandlers?(context: AppContext): Record<string, JobHandler>;
}

/** Every module of the platform, in registration order. */
export const modules: AppModule[] = [callModule, supportersModule, accountsModule, applicationsModule, indexModule];
