import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { startSmtpServer, type TestSmtpServer } from '../../../test/helpers/smtp.js';
import { enqueueJob } from '../jobs/outbox.js';
import { emailJob } from './email.jobs.js';
import { enqueueEmail } from './email.js';
import { renderEmail } from './render.js';

const content = () => renderEmail({ locale: 'en', heading: 'Your weekly digest', paragraphs: ['Working group 4 published a document.'] });

describe('List-Unsubscribe headers through a real SMTP server', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({ config: { smtpUrl: smtp.url, mailFrom: 'Paris Call <no-reply@pariscall.test>' } });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('a mailing with a one-click unsubscribe arrives with both RFC 8058 headers, the https link first', async () => {
    const url = 'https://pariscall.test/unsubscribe/abc.def';
    await enqueueEmail(t.database.db, {
      to: 'reader@digest.example',
      locale: 'en',
      subject: 'Digest with unsubscribe',
      ...content(),
      tag: 'notifications.digest',
      listUnsubscribe: { url, mailto: 'mailto:no-reply@pariscall.test?subject=unsubscribe%20abc.def' },
    });
    await t.app.context.jobs.worker.drain();
    const mail = await smtp.waitForMessage((m) => m.subject === 'Digest with unsubscribe');
    // mailparser folds List-* headers into its own structure: the raw lines show what was sent, in the RFC's order.
    const raw = (key: string) => (mail.headerLines.find((line) => line.key === key)?.line ?? '').replace(/\r?\n\s+/g, ' ');
    expect(raw('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(raw('list-unsubscribe')).toBe(`List-Unsubscribe: <${url}>, <mailto:no-reply@pariscall.test?subject=unsubscribe%20abc.def>`);
  });

  it('an e-mail job written before the field existed (no listUnsubscribe) is still sent, without the headers', async () => {
    // The stored shape of version 1 as older code wrote it.
    await enqueueJob(t.database.db, emailJob, { to: 'old@digest.example', locale: 'fr', subject: 'Old payload', ...content(), tag: 'legacy' });
    await t.app.context.jobs.worker.drain();
    const mail = await smtp.waitForMessage((m) => m.subject === 'Old payload');
    expect(mail.headerLines.some((line) => line.key.startsWith('list-unsubscribe'))).toBe(false);
  });

  it('a payload whose unsubscribe link is not http(s) is refused when enqueued, in the caller’s transaction', async () => {
    await expect(
      enqueueEmail(t.database.db, { to: 'x@digest.example', locale: 'en', subject: 'Bad', ...content(), tag: 't', listUnsubscribe: { url: 'javascript:alert(1)' } }),
    ).rejects.toThrow();
  });
});
