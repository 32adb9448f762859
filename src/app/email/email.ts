import type { Executor } from '../database/database.js';
import type { Locale } from '../i18n/i18n.js';
import { handleJob, type RegisteredJob } from '../jobs/job-definition.js';
import { recordDeliveryTransport } from '../jobs/jobs.repository.js';
import { enqueueJob, enqueueJobs } from '../jobs/outbox.js';
import { emailJob, type EmailPayload } from './email.jobs.js';
import type { Mailer } from './mailer.js';

export interface EmailToSend {
  to: string;
  locale: Locale;
  subject: string;
  text: string;
  html: string;
  tag: string;
  subjectRef?: string;
  idempotencyKey?: string;
  /** RFC 8058 one-click unsubscribe for mailings (digests, reminders); see emailPayloadSchema. */
  listUnsubscribe?: EmailPayload['listUnsubscribe'];
}

/**
 * Puts an e-mail in the outbox, inside the caller's transaction: the mail is sent if and only if the change commits,
 * and it survives a crash between the commit and the delivery. Render it first with renderEmail.
 */
export async function enqueueEmail(db: Executor, email: EmailToSend): Promise<string> {
  const payload: EmailPayload = {
    to: email.to,
    locale: email.locale,
    subject: email.subject,
    text: email.text,
    html: email.html,
    tag: email.tag,
    ...(email.listUnsubscribe ? { listUnsubscribe: email.listUnsubscribe } : {}),
  };
  return enqueueJob(db, emailJob, payload, {
    ...(email.subjectRef ? { subjectRef: email.subjectRef } : {}),
    ...(email.idempotencyKey ? { idempotencyKey: email.idempotencyKey } : {}),
  });
}

/** Puts many e-mails in the outbox in one statement (mailings: digests); each needs its idempotency key. */
export async function enqueueEmails(db: Executor, emails: ReadonlyArray<EmailToSend & { idempotencyKey: string }>): Promise<number> {
  return enqueueJobs(
    db,
    emailJob,
    emails.map((email) => ({
      payload: {
        to: email.to,
        locale: email.locale,
        subject: email.subject,
        text: email.text,
        html: email.html,
        tag: email.tag,
        ...(email.listUnsubscribe ? { listUnsubscribe: email.listUnsubscribe } : {}),
      },
      idempotencyKey: email.idempotencyKey,
      ...(email.subjectRef ? { subjectRef: email.subjectRef } : {}),
    })),
  );
}

/**
 * The `email.send` handler: hands the stored message to the mailer (the job id keeps retries the same message), then
 * notes on the job which transport took it, so the back office tells a relay's acceptance from an .eml file.
 */
export function sendEmailHandler(mailer: Mailer, db: Executor): RegisteredJob {
  return handleJob(emailJob, async (email, job) => {
    // An erased recipient must not receive a message queued before the erasure.
    if (email.erased) return;
    const { transport } = await mailer.send({ id: job.id, to: email.to, locale: email.locale, subject: email.subject, text: email.text, html: email.html, listUnsubscribe: email.listUnsubscribe });
    await recordDeliveryTransport(db, job.id, transport);
  });
}
