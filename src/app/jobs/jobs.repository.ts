import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/audit.js';
import type { Executor } from '../database/database.js';
import { emailJob } from '../email/email.jobs.js';
import type { MailTransport } from '../email/mailer.js';
import { enqueueJob } from './outbox.js';
import { jobs, type JobStatus } from './jobs.tables.js';

/** One outgoing e-mail as the back office shows it. */
export interface Delivery {
  id: string;
  tag: string;
  to: string;
  subject: string;
  status: JobStatus;
  /** Which transport took a sent message (`smtp` relay or `.eml` `file`); null before it was sent or when unrecorded. */
  transport: MailTransport | null;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  doneAt: Date | null;
}

/** E-mails in the outbox, newest first, optionally only those about one subject (an application, a user). */
export async function listDeliveries(db: Executor, options: { subjectRef?: string; status?: Delivery['status']; limit?: number } = {}): Promise<Delivery[]> {
  const rows = await db
    .select({
      id: jobs.id,
      tag: sql<string>`coalesce(${jobs.payload}->>'tag', '')`,
      to: sql<string>`coalesce(${jobs.payload}->>'to', '')`,
      subject: sql<string>`coalesce(${jobs.payload}->>'subject', '')`,
      status: jobs.status,
      transport: sql<MailTransport | null>`${jobs.payload}->>'deliveredBy'`,
      attempts: jobs.attempts,
      lastError: jobs.lastError,
      createdAt: jobs.createdAt,
      doneAt: jobs.doneAt,
    })
    .from(jobs)
    .where(and(eq(jobs.type, emailJob.name), options.subjectRef ? eq(jobs.subjectRef, options.subjectRef) : undefined, options.status ? eq(jobs.status, options.status) : undefined))
    .orderBy(desc(jobs.createdAt), desc(jobs.id))
    .limit(options.limit ?? 100);
  return rows as Delivery[];
}

/** A job that will not run again on its own, as the secretariat sees it: no payload (it may hold personal data). */
export interface StoppedJob {
  id: string;
  type: string;
  version: number;
  status: 'parked' | 'dead';
  attempts: number;
  /** The reason: a park reason code (`job.payload-invalid: …`) or the last attempt's error. */
  lastError: string | null;
  createdAt: Date;
  /** When it was parked or failed for the last time. */
  updatedAt: Date;
}

/** Parked and dead jobs of every type, most recently stopped first. */
export async function listStoppedJobs(db: Executor, options: { limit?: number } = {}): Promise<StoppedJob[]> {
  const rows = await db
    .select({
      id: jobs.id,
      type: jobs.type,
      version: jobs.version,
      status: jobs.status,
      attempts: jobs.attempts,
      lastError: jobs.lastError,
      createdAt: jobs.createdAt,
      updatedAt: jobs.updatedAt,
    })
    .from(jobs)
    .where(inArray(jobs.status, ['parked', 'dead']))
    .orderBy(desc(jobs.updatedAt), desc(jobs.id))
    .limit(options.limit ?? 200);
  return rows as StoppedJob[];
}

/**
 * Notes on a sent e-mail's job which transport took it. It sits beside the message in the payload under `deliveredBy`,
 * outside the payload's schema: the worker and a resend parse the payload, so they never see it or copy it.
 */
export async function recordDeliveryTransport(db: Executor, jobId: string, transport: MailTransport): Promise<void> {
  await db
    .update(jobs)
    .set({ payload: sql`${jobs.payload} || jsonb_build_object('deliveredBy', ${transport}::text)` })
    .where(eq(jobs.id, jobId));
}

/**
 * Sends an e-mail again as a new outbox job with the same message (the first job's history stays as it was), and
 * records who asked in the audit log. Returns the new job id, or null when there is no such e-mail or it was erased.
 */
export async function resendDelivery(tx: Executor, jobId: string, actor: string): Promise<string | null> {
  const [original] = await tx.select().from(jobs).where(and(eq(jobs.id, jobId), eq(jobs.type, emailJob.name)));
  if (!original) return null;
  const parsed = emailJob.payload.safeParse(original.payload);
  // A parked e-mail whose payload is not a message has nothing to send again.
  if (!parsed.success || parsed.data.erased) return null;
  const payload = parsed.data;
  const newJobId = await enqueueJob(tx, emailJob, payload, original.subjectRef ? { subjectRef: original.subjectRef } : {});
  await recordAudit(tx, {
    actor,
    action: 'email.resend',
    subject: original.subjectRef ?? jobId,
    details: { jobId, newJobId, tag: payload.tag },
  });
  return newJobId;
}

/**
 * GDPR erasure: blanks the recipient and the bodies of every e-mail addressed to `email` (keeping tag, language and
 * status, so delivery history still adds up), and cancels those not yet sent. Returns how many jobs were scrubbed.
 */
export async function erasePersonalDataInJobs(tx: Executor, email: string): Promise<number> {
  const scrubbed = await tx
    .update(jobs)
    .set({
      payload: sql`jsonb_build_object('to', '', 'subject', '', 'text', '', 'html', '', 'erased', true,
        'locale', ${jobs.payload}->'locale', 'tag', ${jobs.payload}->'tag')
        || case when ${jobs.payload} ? 'deliveredBy' then jsonb_build_object('deliveredBy', ${jobs.payload}->'deliveredBy') else '{}'::jsonb end`,
      status: sql`case when ${jobs.status} = 'pending' then 'dead' else ${jobs.status} end`,
      // Relay errors often quote the recipient ("550 <someone@…> unknown"), so they go too.
      lastError: sql`case when ${jobs.status} = 'pending' then 'cancelled: recipient erased'
        when ${jobs.lastError} is null then null else 'erased' end`,
    })
    .where(and(eq(jobs.type, emailJob.name), sql`lower(${jobs.payload}->>'to') = lower(${email.trim()})`))
    .returning({ id: jobs.id });
  return scrubbed.length;
}
