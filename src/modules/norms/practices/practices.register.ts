import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../app/context.js';
import { registerPracticesAccountSection } from './practices.account.js';
import { registerPracticeAccountPages } from './practices.account-pages.js';
import { registerPracticePages } from './practices.pages.js';
import { registerPracticeSecretariatPages } from './practices.secretariat.js';

/** Practices written on the platform: the public pages, the account's, the secretariat's, and the account page's links. */
export async function registerPractices(app: FastifyInstance, context: AppContext): Promise<void> {
  await registerPracticePages(app, context);
  await registerPracticeAccountPages(app, context);
  await registerPracticeSecretariatPages(app, context);
  registerPracticesAccountSection();
}
