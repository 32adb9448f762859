import { z } from 'zod';
import type { Executor } from '../database/database.js';
import { locales, type Locale } from '../i18n/i18n.js';
import { enqueueJob } from '../jobs/outbox.js';
import type { JobHandler } from '../jobs/worker.js';
import type { Mailer } from './mailer.js';

/** The outbox job type of every e-mail. */
export const emailJobType = 'email.send';

/** The stored payload of an `email.send` job (version 1). `erased` marks a payload scrubbed on a GDPR request. */
export const emailPayloadSchema = z.object({
  to: z.string(),
  locale: z.enum(locales),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  /** What kind of e-mail this is (`applications.confirm`), for the back office's delivery list. */
  tag: z.string(),
  erased: z.boolean().optional(),
});
export type EmailPayload = z.infer<typeof emailPayloadSchema>;

export interface EmailToSend {
  to: string;
  locale: Locale;
  subject: string;
  text: string;
  html: string;
  tag: string;
  subjectRef?: string;
  idempotencyKey?: string;
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
  };
  return enqueueJob(db, {
    type: emailJobType,
    payload,
    ...(email.subjectRef ? { subjectRef: email.subjectRef } : {}),
    ...(email.idempotencyKey ? { idempotencyKey: email.idempotencyKey } : {}),
  });
}

/** The `email.send` handler: hands the stored message to the mailer; the job id keeps retries the same message. */
export function sendEmailHandler(mailer: Mailer): JobHandler {
  return async (payload, job) => {
    const email = emailPayloadSchema.parse(payload);
    // An erased recipient must not receive a message queued before the erasure.
    if (email.erased) return;
    await mailer.send({ id: job.id, to: email.to, locale: email.locale, subject: email.subject, text: email.text, html: email.html });
  };
}
