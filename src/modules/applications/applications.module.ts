import type { AppModule } from '../../app/app-module.js';
import { applicationsAccess } from './applications.access.js';
import { registerApplicationApi } from './applications.api.js';
import { registerApplicationAccount } from './applications.account.js';
import { registerClaimPages } from './applications.claim-pages.js';
import { checkSignalsHandler } from './applications.signals.js';
import { registerManagePages } from './applications.manage.js';
import { registerApplicationPages } from './applications.pages.js';
import { registerSecretariatPages } from './applications.secretariat.js';
import { registerSecretariatJobsPage } from './applications.secretariat-jobs.js';
import { handleJob, jobHandlers } from '../../app/jobs/job-definition.js';
import { checkSignalsJob, expireJob } from './applications.jobs.js';
import { expireApplication } from './applications.usecases.js';

/** Joining the Call: the application form, claims of existing entries, e-mail confirmation, moderation, representatives and withdrawals. */
export const applicationsModule: AppModule = {
  name: 'applications',
  access: applicationsAccess,
  async register(app, context) {
    await registerApplicationPages(app, context);
    await registerClaimPages(app, context);
    await registerManagePages(app, context);
    await registerSecretariatPages(app, context);
    registerSecretariatJobsPage(app, context);
    await registerApplicationApi(app, context);
    registerApplicationAccount(context);
  },
  jobHandlers: (context) =>
    jobHandlers(
      handleJob(checkSignalsJob, checkSignalsHandler(context.database)),
      handleJob(expireJob, async ({ applicationId }) => {
        await expireApplication(context.database.db, applicationId);
      }),
    ),
};
