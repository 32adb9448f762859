import type { AppModule } from '../../app/app-module.js';
import { handleJob, jobHandlers } from '../../app/jobs/job-definition.js';
import { requestsAccess } from './requests.access.js';
import { escalateRequest } from './requests.escalation.js';
import { escalateJob } from './requests.jobs.js';
import { registerRequests } from './requests.register.js';

/**
 * Requests between organisations in the cooperation space (norm 13(h)): typed requests for information and
 * assistance, notifications and acknowledgements under an enforced TLP 2.0 marking, with acknowledgement and response
 * clocks, escalation to the next contact, an outcome log, pages, CSV, API and e-mails.
 */
export const requestsModule: AppModule = {
  name: 'requests',
  access: requestsAccess,
  register: registerRequests,
  jobHandlers: (context) =>
    jobHandlers(
      handleJob(escalateJob, async (payload) => {
        await escalateRequest({ db: context.database.db, publicUrl: context.config.publicUrl }, payload);
      }),
    ),
};
