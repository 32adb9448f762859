import type { AppModule } from '../../app/app-module.js';
import { handleJob, jobHandlers, type JobHandlers } from '../../app/jobs/job-definition.js';
import { registerAccountSection } from '../accounts/accounts.sections.js';
import { listSupportersByIds } from '../supporters/supporters.usecases.js';
import { disclosureAccess } from './disclosure.access.js';
import { registerDisclosureApi } from './disclosure.api.js';
import { disclosureContributions } from './disclosure.contributions.js';
import { nextRefreshSlot, refreshAllJob, refreshPolicyJob } from './disclosure.jobs.js';
import { registerDisclosurePages } from './disclosure.pages.js';
import { enqueueRefreshAll, refreshAll, refreshPolicy, type RefreshOptions } from './disclosure.refresh.js';
import type { Database } from '../../app/database/database.js';
import { AccountLinks } from './views/account-page.js';

/** The registry's job handlers; tests and the bench pass fetcher options (serving files from 127.0.0.1). */
export function disclosureJobHandlers(db: Database, options: RefreshOptions = {}): JobHandlers {
  return jobHandlers(
    handleJob(refreshPolicyJob, async ({ policyId }) => {
      await refreshPolicy({ db, policyId, options });
    }),
    handleJob(refreshAllJob, async ({ at }) => {
      await refreshAll({ db, at: new Date(at) });
    }),
  );
}

/**
 * The public registry of supporters' vulnerability disclosure policies (norm 13(j)): each entry's security.txt fetched
 * and parsed per RFC 9116 through the platform's SSRF-safe fetcher, its CVD policy links and OpenPGP contact keys, with
 * its freshness; managed by the organisation's representatives; refreshed daily through the outbox.
 */
export const disclosureModule: AppModule = {
  name: 'disclosure',
  access: disclosureAccess,
  contributions: [disclosureContributions],
  jobHandlers: (context) => disclosureJobHandlers(context.database.db),
  onWorkerStart: async (context) => enqueueRefreshAll(context.database.db, nextRefreshSlot(new Date())),
  async register(app, context) {
    await registerDisclosureApi(app, context);
    await registerDisclosurePages(app, context);
    registerAccountSection({
      name: 'disclosure',
      order: 45,
      render: async ({ db, actor, locale }) => {
        const ids = actor.grants.filter((g) => g.role === 'representative').map((g) => g.scopeId);
        const organisations = ids.length ? await listSupportersByIds(db, ids) : [];
        return AccountLinks({ locale, organisations: organisations.map((o) => ({ id: o.id, name: o.name })) });
      },
    });
  },
};
