import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simpleParser } from 'mailparser';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { startSmtpServer, type TestSmtpServer } from '../../../test/helpers/smtp.js';
import { createTestDatabase } from '../database/test-utils.js';
import { getJob, makeDue, recordingLog } from '../jobs/jobs.test-utils.js';
import { createJobs } from '../jobs/jobs.setup.js';
import { loadConfig } from '../config/config.js';
import { enqueueEmail } from './email.js';
import { renderEmail } from './render.js';

const mailFrom = 'Paris Call <no-reply@pariscall.test>';

function frenchEmail(to: string, name = 'Société Générale de Fiction') {
  const subject = `Confirmez l’adhésion de « ${name} » à l’Appel de Paris`;
  const { html, text } = renderEmail({
    locale: 'fr',
    heading: 'Confirmez votre adhésion',
    paragraphs: [`Vous avez demandé que ${name} rejoigne l’Appel de Paris.`, 'Ce lien expire dans 7 jours.'],
    action: { label: 'Confirmer l’adhésion', url: 'https://pariscall.test/fr/join/confirm?token=abc' },
  });
  return { to, locale: 'fr' as const, subject, text, html, tag: 'applications.confirm', subjectRef: 'app_test' };
}

describe('e-mail through a real SMTP server', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({ config: { smtpUrl: smtp.url, mailFrom } });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('delivers a French e-mail with its recipient, subject, UTF-8 text and HTML parts and a Message-ID from the job id', async () => {
    const email = frenchEmail('direction@fiction.example');
    const id = await t.database.db.transaction((tx) => enqueueEmail(tx, email));
    expect(await t.app.context.jobs.worker.drain()).toBe(1);

    const mail = await smtp.waitForMessage((m) => m.messageId === `<${id}@pariscall.test>`);
    expect(mail.to).toMatchObject({ value: [{ address: 'direction@fiction.example' }] });
    expect(mail.from).toMatchObject({ value: [{ address: 'no-reply@pariscall.test', name: 'Paris Call' }] });
    expect(mail.subject).toBe('Confirmez l’adhésion de « Société Générale de Fiction » à l’Appel de Paris');
    expect(mail.text).toContain('Vous avez demandé que Société Générale de Fiction rejoigne l’Appel de Paris.');
    expect(mail.text).toContain('https://pariscall.test/fr/join/confirm?token=abc');
    expect(mail.html).toContain('Vous avez demandé que Société Générale de Fiction rejoigne l’Appel de Paris.');
    expect(mail.html).toContain('<html lang="fr">');
    expect(mail.headers.get('content-language')).toBe('fr');
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
    expect(await getJob(t.database, id)).toMatchObject({ status: 'done', attempts: 1 });
  });

  it('keeps HTML and script typed into a field inert in the HTML part', async () => {
    const email = frenchEmail('xss@fiction.example', '<script>alert(1)</script><b>Evil</b>');
    const id = await enqueueEmail(t.database.db, email);
    await t.app.context.jobs.worker.drain();
    const mail = await smtp.waitForMessage((m) => m.messageId === `<${id}@pariscall.test>`);
    expect(mail.subject).toBe('Confirmez l’adhésion de « <script>alert(1)</script><b>Evil</b> » à l’Appel de Paris');
    expect(mail.html).not.toContain('<script');
    expect(mail.html).not.toContain('<b>');
    expect(mail.html).toContain('&lt;script>alert(1)&lt;/script>&lt;b>Evil&lt;/b>');
  });
});

describe('e-mail when the SMTP server is down', () => {
  it('retries later and delivers once the server is back, exactly once', async () => {
    const first = await startSmtpServer();
    const port = first.port;
    await first.close();
    const database = await createTestDatabase();
    const config = loadConfig({}, { smtpUrl: `smtp://127.0.0.1:${port}`, mailFrom });
    const jobs = createJobs({ config, database, log: recordingLog() });
    let smtp: TestSmtpServer | undefined;
    try {
      const id = await enqueueEmail(database.db, frenchEmail('retry@fiction.example'));
      expect(await jobs.worker.drain()).toBe(1);
      const failed = await getJob(database, id);
      expect(failed.status).toBe('pending');
      expect(failed.attempts).toBe(1);
      expect(failed.lastError).toMatch(/ECONNREFUSED|connect/i);
      expect(failed.runAt.getTime()).toBeGreaterThan(Date.now());

      smtp = await startSmtpServer({ port });
      expect(await jobs.worker.drain()).toBe(0); // the retry is not due yet
      await makeDue(database, id);
      expect(await jobs.worker.drain()).toBe(1);
      const mail = await smtp.waitForMessage((m) => m.messageId === `<${id}@pariscall.test>`);
      expect(mail.to).toMatchObject({ value: [{ address: 'retry@fiction.example' }] });
      expect(smtp.messages).toHaveLength(1);
      expect(await getJob(database, id)).toMatchObject({ status: 'done', attempts: 2 });
    } finally {
      await jobs.close();
      await smtp?.close();
      await database.close();
    }
  });
});

describe('e-mail without SMTP_URL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { mailFrom } });
  });
  afterAll(async () => t?.close());

  it('writes each e-mail as DATA_DIR/outbox/<job id>.eml, and a retry replaces the file instead of adding one', async () => {
    const id = await enqueueEmail(t.database.db, frenchEmail('file@fiction.example'));
    expect(await t.app.context.jobs.worker.drain()).toBe(1);
    const outbox = path.join(t.config.dataDir, 'outbox');
    expect(fs.readdirSync(outbox)).toEqual([`${id}.eml`]);
    const mail = await simpleParser(fs.readFileSync(path.join(outbox, `${id}.eml`)));
    expect(mail.subject).toBe('Confirmez l’adhésion de « Société Générale de Fiction » à l’Appel de Paris');
    expect(mail.messageId).toBe(`<${id}@pariscall.test>`);
    expect(mail.text).toContain('Ce lien expire dans 7 jours.');

    // As if the worker had crashed after writing the file but before recording success.
    await t.database.exec(`update jobs set status = 'pending', run_at = now() where id = '${id}'`);
    expect(await t.app.context.jobs.worker.drain()).toBe(1);
    expect(fs.readdirSync(outbox)).toEqual([`${id}.eml`]);
  });
});
