/** The incidents' outbox jobs: a reminder of a NIS2 report, run at a set time before its deadline. */
import { z } from 'zod';
import { defineJob } from '../../app/jobs/job-definition.js';
import { reportKinds } from './incidents.clocks.js';

export const reportReminderJob = defineJob({
  name: 'incidents.report-reminder',
  version: 1,
  payload: z.object({ incidentId: z.string().min(1), report: z.enum(reportKinds) }).strict(),
});

/** How long before each deadline the reminder goes (a quarter of the 24 h, a sixth of the 72 h, three days of the month). */
export const reminderLeadMs = { 'early-warning': 6 * 3_600_000, notification: 12 * 3_600_000, 'final-report': 3 * 86_400_000 } as const;
