import type { AppModule } from '../../app/app-module.js';
import { handleJob, jobHandlers } from '../../app/jobs/job-definition.js';
import { registerPrivacyPart } from '../../app/privacy/privacy.js';
import { incidentsAccess } from './incidents.access.js';
import { registerIncidentsApi } from './incidents.api.js';
import { reportReminderJob } from './incidents.jobs.js';
import { registerIncidentPages } from './incidents.pages.js';
import { incidentsPrivacyPart } from './incidents.privacy.js';
import { incidentsReference } from './incidents.reference.js';
import { sendReportReminder } from './incidents.reminders.js';

/**
 * Incident classification across frames (norm 13(b)): designated contacts record their organisations' incidents,
 * classified at once by NCISS, NCSC, RSIT and the EU Blueprint with an editable crosswalk; TLP decides who reads each;
 * the NIS2 clocks run with reminders through the outbox; the secretariat configures the scoring and the crosswalk.
 */
export const incidentsModule: AppModule = {
  name: 'incidents',
  reference: [incidentsReference],
  access: incidentsAccess,
  jobHandlers: (context) => jobHandlers(handleJob(reportReminderJob, (payload) => sendReportReminder(context.database.db, payload, context.config.publicUrl))),
  async register(app, context) {
    registerPrivacyPart(incidentsPrivacyPart);
    await registerIncidentsApi(app, context);
    await registerIncidentPages(app, context);
  },
};
