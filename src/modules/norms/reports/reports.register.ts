/** Implementation reports: their public pages and API, the account's pages, and a link on the account page. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../app/context.js';
import { registerAccountSection } from '../../accounts/accounts.sections.js';
import { registerReportAccountPages } from './reports.account-pages.js';
import { registerReportsApi } from './reports.api.js';
import { registerReportPublicPages } from './reports.public-pages.js';
import { AccountLink } from './views/account-link.js';

export async function registerReports(app: FastifyInstance, context: AppContext): Promise<void> {
  await registerReportsApi(app, context);
  await registerReportPublicPages(app, context);
  await registerReportAccountPages(app, context);
  registerAccountSection({
    name: 'norms-reports',
    order: 40,
    // Shown to those who represent an organisation: they are the ones who write reports.
    render: ({ actor, locale }) => (actor.grants.some((g) => g.role === 'representative') ? AccountLink({ locale }) : ''),
  });
}
