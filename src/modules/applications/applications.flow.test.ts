import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, fixtureSite, type TestApp } from '../../../test/helpers/app.js';
import { csrfFor, mergeCookies, signInAs } from '../../../test/helpers/auth.js';
import { startSmtpServer, type TestSmtpServer } from '../../../test/helpers/smtp.js';
import { auditLog } from '../../app/audit/audit.tables.js';
import { formStamp } from './applications.antibot.js';
import { applications } from './applications.tables.js';
import { supporters } from '../supporters/supporters.tables.js';
import { drainJobs, linkFrom, testSecret } from './applications.test-support.js';

/**
 * The whole workflow over HTTP against a real database and a real SMTP server: apply, read the e-mail, confirm,
 * moderate, publish; then the registry, its API and CSV show the new supporter.
 */
let smtp: TestSmtpServer;
let t: TestApp;

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ site: fixtureSite, config: { smtpUrl: smtp.url, secretKey: testSecret } });
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

const form = (overrides: Record<string, string> = {}) => ({
  category: 'civil-society',
  name: 'Cyber Peace Lab <script>alert(1)</script>',
  countryCode: 'FRA',
  nature: 'Association',
  website: 'https://cyberpeacelab.example',
  executiveName: 'Ada Lovelace',
  executiveEmail: 'ada@cyberpeacelab.example',
  contactEmail: '',
  twitter: '@cyberpeacelab',
  linkedin: '',
  statement: 'We *join* because [trust](javascript:alert(1)) matters.',
  statementLocale: 'en',
  acceptCall: 'on',
  acceptPrivacy: 'on',
  homepage: '',
  started: formStamp(testSecret, Date.now() - 30_000),
  ...overrides,
});

describe.each(['en', 'fr'] as const)('joining in %s', (locale) => {
  const name = locale === 'en' ? 'Cyber Peace Lab <script>alert(1)</script>' : 'Laboratoire « Paix numérique »';
  const executiveEmail = `exec-${locale}@cyberpeacelab-${locale}.example`;
  // Two different organisations: one on the other's website would be offered to claim its entry (applications.claims.test.ts).
  const website = `https://cyberpeacelab-${locale}.example`;
  let applicationId = '';

  it('applies through the form and receives the confirmation e-mail in its language', async () => {
    const page = await csrfFor(t, `/${locale}/join`);
    const response = await t.app.inject({
      method: 'POST',
      url: `/${locale}/join`,
      headers: { cookie: page.cookie },
      payload: { ...form({ name, executiveEmail, website }), _csrf: page.token },
    });
    expect(response.statusCode, response.body).toBe(303);
    expect(response.headers.location).toBe(`/${locale}/join/sent`);
    const [row] = await t.database.db.select().from(applications).where(eq(applications.executiveEmail, executiveEmail));
    expect(row?.status).toBe('pending-confirmation');
    applicationId = row!.id;
    await drainJobs(t);
    const mail = await smtp.waitForMessage((m) => m.to !== undefined && JSON.stringify(m.to).includes(executiveEmail));
    expect(mail.subject).toContain(locale === 'en' ? 'Confirm the application' : 'confirmez la candidature');
    // User text is inert in the HTML part.
    expect(String(mail.html)).not.toContain('<script>');
  });

  it('confirms through the link: GET shows a button, POST confirms once', async () => {
    const mail = smtp.messages.find((m) => JSON.stringify(m.to).includes(executiveEmail))!;
    const link = linkFrom(mail, '/join/confirm');
    const page = await csrfFor(t, link);
    expect(page.body).toContain('type="submit"');
    const [before] = await t.database.db.select().from(applications).where(eq(applications.id, applicationId));
    expect(before?.status).toBe('pending-confirmation');
    const token = new URL(link, 'http://x').searchParams.get('token')!;
    const confirm = await t.app.inject({ method: 'POST', url: `/${locale}/join/confirm`, headers: { cookie: page.cookie }, payload: { token, _csrf: page.token } });
    expect(confirm.statusCode, confirm.body).toBe(200);
    expect(String(confirm.headers['set-cookie'])).toMatch(/HttpOnly/i);
    const [after] = await t.database.db.select().from(applications).where(eq(applications.id, applicationId));
    expect(after?.status).toBe('submitted');
    const replay = await t.app.inject({ method: 'POST', url: `/${locale}/join/confirm`, headers: { cookie: page.cookie }, payload: { token, _csrf: page.token } });
    expect(replay.statusCode).toBe(410);
    expect(replay.body).toContain(locale === 'en' ? 'already used' : 'déjà');
  });

  it('is approved by a moderator and appears in the registry, the API and the CSV', async () => {
    const moderator = await signInAs(t, { email: `moderator-${locale}@secretariat.example`, role: 'moderator', method: 'passkey' });
    const queue = await t.app.inject({ url: `/${locale}/secretariat/applications`, headers: { cookie: moderator.cookie } });
    expect(queue.statusCode).toBe(200);
    expect(queue.body).toContain(`/secretariat/applications/${applicationId}`);
    const review = await csrfFor(t, `/${locale}/secretariat/applications/${applicationId}`, moderator.cookie);
    const approve = await t.app.inject({
      method: 'POST',
      url: `/${locale}/secretariat/applications/${applicationId}/approve`,
      headers: { cookie: mergeCookies(moderator.cookie, review.cookie) },
      payload: { version: '2', _csrf: review.token },
    });
    expect(approve.statusCode, approve.body).toBe(303);
    const [row] = await t.database.db.select().from(applications).where(eq(applications.id, applicationId));
    expect(row?.status).toBe('approved');
    const [supporter] = await t.database.db.select().from(supporters).where(eq(supporters.id, row!.supporterId!));
    expect(supporter?.name).toBe(name);
    const api = await t.app.inject({ url: `/api/v1/supporters/${supporter!.slug}` });
    expect(api.statusCode).toBe(200);
    expect(api.json().name).toBe(name);
    expect(api.body).not.toContain(executiveEmail);
    const csv = await t.app.inject({ url: '/supporters.csv' });
    expect(csv.body).toContain(locale === 'en' ? 'Cyber Peace Lab' : 'Paix numérique');
    expect(csv.body).not.toContain(executiveEmail);
    const list = await t.app.inject({ url: `/${locale}/supporters?q=${encodeURIComponent(locale === 'en' ? 'cyber peace lab' : 'paix numerique')}` });
    expect(list.body).toContain(`/supporters/${supporter!.slug}`);
    await drainJobs(t);
    await smtp.waitForMessage((m) => JSON.stringify(m.to).includes(executiveEmail) && /Paris/.test(m.subject ?? '') && m !== smtp.messages[0]);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.subject, applicationId));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['applications.submit', 'applications.confirm', 'applications.approve']));
  });
});
