import type { FastifyInstance } from 'fastify';
import type { AppContext } from './context.js';
import { callModule } from '../modules/call/call.module.js';
import { supportersModule } from '../modules/supporters/supporters.module.js';

/** A capability's manifest: how it plugs its routes, pages and event handlers into the application. */
export interface AppModule {
  name: string;
  register(app: FastifyInstance, context: AppContext): Promise<void>;
}

/** Every module of the platform, in registration order. */
export const modules: AppModule[] = [callModule, supportersModule];
