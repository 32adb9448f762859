import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog } from '../audit/audit.tables.js';
import type { DatabaseHandle } from '../database/database.js';
import { createTestDatabase } from '../database/test-utils.js';
import { enqueueEmail, type EmailToSend } from '../email/email.js';
import { enqueueJob } from './outbox.js';
import { erasePersonalDataInJobs, listDeliveries, resendDelivery } from './jobs.repository.js';
import { getJob, testJob } from './jobs.test-utils.js';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.close());

const buildEmail = (overrides: Partial<EmailToSend> = {}): EmailToSend => ({
  to: 'someone@example.org',
  locale: 'en',
  subject: 'Confirm your application',
  text: 'Hello',
  html: '<p>Hello</p>',
  tag: 'applications.confirm',
  ...overrides,
});

describe('listDeliveries', () => {
  it("lists a subject's e-mails newest first with tag, recipient, subject and status, and no other jobs", async () => {
    const first = await enqueueEmail(database.db, buildEmail({ subjectRef: 'app_list', tag: 'applications.confirm' }));
    const second = await enqueueEmail(database.db, buildEmail({ subjectRef: 'app_list', tag: 'applications.approved', subject: 'Approved' }));
    await enqueueEmail(database.db, buildEmail({ subjectRef: 'app_other' }));
    await enqueueJob(database.db, testJob('test.not-an-email'), {}, { subjectRef: 'app_list' });

    const deliveries = await listDeliveries(database.db, { subjectRef: 'app_list' });
    expect(deliveries.map((d) => d.id).sort()).toEqual([first, second].sort());
    expect(deliveries.find((d) => d.id === second)).toMatchObject({
      tag: 'applications.approved',
      to: 'someone@example.org',
      subject: 'Approved',
      status: 'pending',
      attempts: 0,
      lastError: null,
      doneAt: null,
    });
    expect(deliveries[0]?.createdAt).toBeInstanceOf(Date);
    expect(await listDeliveries(database.db, { subjectRef: 'app_list', limit: 1 })).toHaveLength(1);
  });
});

describe('resendDelivery', () => {
  it('queues the same message again as a new job and records who asked in the audit log', async () => {
    const original = await enqueueEmail(database.db, buildEmail({ subjectRef: 'app_resend', idempotencyKey: 'confirm:app_resend' }));
    const resent = await database.db.transaction((tx) => resendDelivery(tx, original, 'user:usr_moderator'));
    expect(resent).toMatch(/^job_/);
    expect(resent).not.toBe(original);
    const copy = await getJob(database, resent as string);
    expect(copy).toMatchObject({ type: 'email.send', status: 'pending', subjectRef: 'app_resend', idempotencyKey: null });
    expect(copy.payload).toEqual((await getJob(database, original)).payload);

    const audit = await database.db.select().from(auditLog).where(eq(auditLog.action, 'email.resend'));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor: 'user:usr_moderator',
      subject: 'app_resend',
      details: { jobId: original, newJobId: resent, tag: 'applications.confirm' },
    });
  });

  it('returns null for an unknown job or a job that is not an e-mail', async () => {
    const other = await enqueueJob(database.db, testJob('test.not-an-email'), {});
    expect(await resendDelivery(database.db, 'job_missing', 'user:x')).toBeNull();
    expect(await resendDelivery(database.db, other, 'user:x')).toBeNull();
  });
});

describe('erasePersonalDataInJobs', () => {
  it("blanks the recipient and bodies of every e-mail to that address (any case), cancels unsent ones, and spares others'", async () => {
    const pending = await enqueueEmail(database.db, buildEmail({ to: 'Erase.Me@Example.org', subject: 'About Erase Me', tag: 'accounts.sign-in' }));
    const sent = await enqueueEmail(database.db, buildEmail({ to: 'erase.me@example.org' }));
    await database.exec(`update jobs set status = 'done', done_at = now(), last_error = '550 <erase.me@example.org> busy' where id = '${sent}'`);
    const kept = await enqueueEmail(database.db, buildEmail({ to: 'keep@example.org' }));

    const scrubbed = await database.db.transaction((tx) => erasePersonalDataInJobs(tx, 'erase.me@example.org'));
    expect(scrubbed).toBe(2);
    const erasedPending = await getJob(database, pending);
    expect(erasedPending).toMatchObject({ status: 'dead', lastError: 'cancelled: recipient erased' });
    expect(erasedPending.payload).toEqual({ to: '', subject: '', text: '', html: '', erased: true, locale: 'en', tag: 'accounts.sign-in' });
    expect(await getJob(database, sent)).toMatchObject({ status: 'done', lastError: 'erased', payload: { to: '', html: '', erased: true } });
    expect((await getJob(database, kept)).payload).toMatchObject({ to: 'keep@example.org', html: '<p>Hello</p>' });
    expect(JSON.stringify(await listDeliveries(database.db, { limit: 1000 }))).not.toMatch(/erase\.me/i);
    expect(await resendDelivery(database.db, sent, 'user:x')).toBeNull();
  });
});
