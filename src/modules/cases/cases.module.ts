import type { AppModule } from '../../app/app-module.js';
import { handleJob, jobHandlers } from '../../app/jobs/job-definition.js';
import { registerPrivacyPart } from '../../app/privacy/privacy.js';
import { casesAccess } from './cases.access.js';
import { registerCasesApi } from './cases.api.js';
import { remindHandler, remindJob } from './cases.jobs.js';
import { registerCasePages } from './cases.pages.js';
import { casesPrivacyPart } from './cases.privacy.js';

/**
 * Multi-party coordinated vulnerability disclosure (norm 10, 13(j)): coordination cases between organisations of the
 * registry (explicit per-vulnerability answers, a time-zoned embargo each organisation acknowledges, statements
 * approved by the coordinator), published as advisories with a CSAF 2.0 document validated by the BSI's library.
 */
export const casesModule: AppModule = {
  name: 'cases',
  access: casesAccess,
  async register(app, context) {
    registerPrivacyPart(casesPrivacyPart);
    await registerCasesApi(app, context);
    await registerCasePages(app, context);
  },
  jobHandlers: (context) => jobHandlers(handleJob(remindJob, remindHandler(context.database, { publicUrl: context.config.publicUrl }))),
};
