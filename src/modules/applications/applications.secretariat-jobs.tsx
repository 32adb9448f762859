import type { FastifyInstance } from 'fastify';
import { getActor } from '../../app/auth/auth.plugin.js';
import type { AppContext } from '../../app/context.js';
import { sendPrivatePage } from '../../app/http/private-page.js';
import { locales } from '../../app/i18n/i18n.js';
import { stoppedJobs } from './applications.queries.js';
import { JobsPage } from './views/jobs-page.js';

/**
 * The secretariat's view of the outbox jobs that stopped (parked or failed), beside its list of e-mails: the back
 * office is where the secretariat already follows what the platform sends and checks.
 */
export function registerSecretariatJobsPage(app: FastifyInstance, context: AppContext): void {
  const { db } = context.database;
  for (const locale of locales) {
    app.get(`/${locale}/secretariat/jobs`, { schema: { hide: true } }, async (request, reply) => {
      return sendPrivatePage(reply, JobsPage({ locale, jobs: await stoppedJobs(db, await getActor(request)) }));
    });
  }
}
