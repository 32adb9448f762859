/** The handlers of the recurring jobs (see notifications.jobs.ts for how the chain is kept) and the chain's start. */
import type { AppContext } from '../../app/context.js';
import { resolveSecretKey } from '../../app/auth/secret.js';
import type { Database } from '../../app/database/database.js';
import { handleJob, jobHandlers, type JobHandlers } from '../../app/jobs/job-definition.js';
import { enqueueJob } from '../../app/jobs/outbox.js';
import { reminderEveryMinutes } from './notifications.constants.js';
import { sendDigests } from './notifications.digests.js';
import type { MailSetting } from './notifications.emails.js';
import { digestsJob, digestsKey, remindersJob, remindersKey } from './notifications.jobs.js';
import { digestPeriod, nextDigestRun, reminderSlot, type DigestFrequency } from './notifications.models.js';
import { sendReminders } from './notifications.reminders.js';

export function mailSetting(context: Pick<AppContext, 'config'>): MailSetting {
  const { publicUrl, mailFrom } = context.config;
  return { publicUrl: publicUrl.replace(/\/+$/, ''), mailFromAddress: /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom.trim() };
}

async function enqueueDigests(db: Database, frequency: DigestFrequency, since: Date, until: Date): Promise<void> {
  await enqueueJob(db, digestsJob, { frequency, since: since.toISOString(), until: until.toISOString() }, { idempotencyKey: digestsKey(frequency, until), runAt: until });
}

async function enqueueReminders(db: Database, at: Date): Promise<void> {
  await enqueueJob(db, remindersJob, { at: at.toISOString() }, { idempotencyKey: remindersKey(at), runAt: at });
}

/** Starts the chains: the next digest of each frequency and the reminders' current slot (nothing new if already there). */
export async function startNotificationSchedules(context: Pick<AppContext, 'database'>, now = new Date()): Promise<void> {
  const { db } = context.database;
  for (const frequency of ['daily', 'weekly'] as const) {
    const until = nextDigestRun(frequency, now);
    await enqueueDigests(db, frequency, digestPeriod(frequency, until).since, until);
  }
  await enqueueReminders(db, reminderSlot(now, reminderEveryMinutes));
}

export function notificationsJobHandlers(context: AppContext): JobHandlers {
  const { db } = context.database;
  const common = () => ({ db, activity: context.activity, setting: mailSetting(context), secretKey: resolveSecretKey(context.config) });
  return jobHandlers(
    handleJob(digestsJob, async (payload) => {
      const until = new Date(payload.until);
      // The next slot after both this one and now: a late run does not enqueue runs for slots already past.
      const next = nextDigestRun(payload.frequency, new Date(Math.max(until.getTime(), Date.now())));
      await enqueueDigests(db, payload.frequency, until, next);
      await sendDigests({ ...common(), frequency: payload.frequency, since: new Date(payload.since), until });
    }),
    handleJob(remindersJob, async (payload) => {
      const at = new Date(payload.at);
      const step = reminderEveryMinutes * 60_000;
      await enqueueReminders(db, reminderSlot(new Date(Math.max(at.getTime() + step, Date.now())), reminderEveryMinutes));
      await sendReminders({ ...common(), now: new Date(Math.max(at.getTime(), Date.now())) });
    }),
  );
}
