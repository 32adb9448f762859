import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { ParsedMail } from 'mailparser';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { csrfFor, mergeCookies, signInAs } from '../../../test/helpers/auth.js';
import { startSmtpServer, type TestSmtpServer } from '../../../test/helpers/smtp.js';
import { auditLog } from '../../app/audit/audit.tables.js';
import { sessions } from '../../app/auth/auth.tables.js';
import { findOrCreateUserByEmail, setUserStatus } from '../../app/auth/users.js';
import { jobs } from '../../app/jobs/jobs.tables.js';

/** Signing in by e-mail link over HTTP, with the mail read from a real SMTP server. */
let smtp: TestSmtpServer;
let t: TestApp;

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ config: { smtpUrl: smtp.url } });
  await findOrCreateUserByEmail(t.database.db, 'ada@example.org', 'en', { name: 'Ada', actor: 'test' });
  await findOrCreateUserByEmail(t.database.db, 'marie@example.org', 'fr', { name: 'Marie', actor: 'test' });
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

async function askForLink(locale: 'en' | 'fr', email: string, extra: Record<string, string> = {}, forwardedFor = '10.0.0.1') {
  const form = await csrfFor(t, `/${locale}/sign-in?next=${encodeURIComponent(`/${locale}/supporters`)}`);
  return t.app.inject({
    method: 'POST',
    url: `/${locale}/sign-in`,
    remoteAddress: forwardedFor,
    headers: { cookie: form.cookie },
    payload: { email, next: `/${locale}/supporters`, homepage: '', _csrf: form.token, ...extra },
  });
}

function linkIn(mail: ParsedMail): string {
  const match = /https?:\/\/\S+\/sign-in\/verify\?token=[A-Za-z0-9_-]+/.exec(mail.text ?? '');
  if (!match) throw new Error(`no link in ${mail.text}`);
  const url = new URL(match[0]);
  return `${url.pathname}${url.search}`;
}

async function mailTo(address: string): Promise<ParsedMail> {
  await t.app.context.jobs.worker.drain();
  return smtp.waitForMessage((m) => JSON.stringify(m.to).includes(address), 5000);
}

describe.each(['en', 'fr'] as const)('signing in by e-mail link in %s', (locale) => {
  const email = locale === 'en' ? 'ada@example.org' : 'marie@example.org';

  it('sends a link, whose page shows a button and whose POST opens a session and goes to `next`', async () => {
    const asked = await askForLink(locale, email.toUpperCase());
    expect(asked.statusCode).toBe(303);
    expect(asked.headers.location).toBe(`/${locale}/sign-in/sent`);
    const mail = await mailTo(email);
    expect(mail.subject).toContain(locale === 'en' ? 'sign-in link' : 'lien de connexion');
    const link = linkIn(mail);
    expect(link.startsWith(`/${locale}/sign-in/verify`)).toBe(true);

    // Opening the link (or a mail scanner prefetching it) signs nobody in.
    const page = await csrfFor(t, link);
    expect(page.status).toBe(200);
    expect(page.body).toContain('type="submit"');
    const again = await t.app.inject({ url: link });
    expect(again.statusCode).toBe(200);

    const token = new URL(link, 'http://x').searchParams.get('token')!;
    const verified = await t.app.inject({ method: 'POST', url: `/${locale}/sign-in/verify`, headers: { cookie: page.cookie }, payload: { token, _csrf: page.token } });
    expect(verified.statusCode, verified.body).toBe(303);
    expect(verified.headers.location).toBe(`/${locale}/supporters`);
    const setCookie = [verified.headers['set-cookie']].flat().find((c) => String(c).startsWith('pariscall-session='))!;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/Secure/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).toMatch(/Max-Age=2592000/);

    const account = await t.app.inject({ url: `/${locale}/account`, headers: { cookie: mergeCookies(page.cookie, setCookie) } });
    expect(account.statusCode).toBe(200);
    expect(account.body).toContain(email);

    // The link works once; the page says so instead of failing.
    const replay = await t.app.inject({ method: 'POST', url: `/${locale}/sign-in/verify`, headers: { cookie: page.cookie }, payload: { token, _csrf: page.token } });
    expect(replay.statusCode).toBe(410);
    expect(replay.body).toContain(locale === 'en' ? 'already used' : 'déjà été utilisé');
    const replayGet = await t.app.inject({ url: link });
    expect(replayGet.statusCode).toBe(410);
  });

  it('answers exactly the same for an address without an account, and sends nothing', async () => {
    const before = await t.database.db.select().from(jobs);
    const unknown = await askForLink(locale, `nobody-${locale}@example.org`);
    const after = await t.database.db.select().from(jobs);
    const known = await askForLink(locale, email);
    expect(unknown.statusCode).toBe(known.statusCode);
    expect(unknown.headers.location).toBe(known.headers.location);
    expect(unknown.body).toBe(known.body);
    expect(after.length).toBe(before.length);
    const sent = await t.app.inject({ url: `/${locale}/sign-in/sent` });
    expect(sent.body).toContain(locale === 'en' ? 'If an account exists' : 'Si un compte existe');
  });

  it('forged and malformed links give a clear page, not an error', async () => {
    for (const token of ['A'.repeat(43), 'not a token', '']) {
      const response = await t.app.inject({ url: `/${locale}/sign-in/verify?token=${encodeURIComponent(token)}` });
      expect(response.statusCode).toBe(410);
      expect(response.body).toContain(locale === 'en' ? 'This link is not valid' : 'Ce lien n’est pas valide');
    }
  });

  it('re-renders an invalid address with a message (422)', async () => {
    const response = await askForLink(locale, 'not-an-address');
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('aria-invalid="true"');
    expect(response.body).toContain('value="not-an-address"');
  });
});

describe('sign-in protections', () => {
  it('a filled honeypot gets the usual answer and no e-mail', async () => {
    const before = (await t.database.db.select().from(jobs)).length;
    const response = await askForLink('en', 'ada@example.org', { homepage: 'https://spam.example' });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/en/sign-in/sent');
    expect((await t.database.db.select().from(jobs)).length).toBe(before);
  });

  it('without the CSRF token nothing is sent and the page says the form expired (403)', async () => {
    const before = (await t.database.db.select().from(jobs)).length;
    const response = await t.app.inject({ method: 'POST', url: '/fr/sign-in', payload: { email: 'ada@example.org' } });
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('La page a expiré');
    expect((await t.database.db.select().from(jobs)).length).toBe(before);
  });

  it('limits sign-in requests per client address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await askForLink('en', `probe${i}@example.org`, {}, '10.9.9.9')).statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 303)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('an expired link says so', async () => {
    const { issueToken } = await import('../../app/auth/tokens.js');
    const user = await findOrCreateUserByEmail(t.database.db, 'ada@example.org', 'en');
    const token = await issueToken(t.database.db, { purpose: 'sign-in', subjectId: user.id, ttlMs: -1 });
    const response = await t.app.inject({ url: `/en/sign-in/verify?token=${token}` });
    expect(response.statusCode).toBe(410);
    expect(response.body).toContain('This link has expired');
  });

  it('a disabled account receives no link, and its open sessions stop working', async () => {
    const user = await findOrCreateUserByEmail(t.database.db, 'gone@example.org', 'en');
    const session = await signInAs(t, { email: 'gone@example.org' });
    expect((await t.app.inject({ url: '/en/account', headers: { cookie: session.cookie } })).statusCode).toBe(200);
    await t.database.db.transaction((tx) => setUserStatus(tx, { userId: user.id, status: 'disabled', actor: 'test' }));
    const after = await t.app.inject({ url: '/en/account', headers: { cookie: session.cookie } });
    expect(after.statusCode).toBe(303);
    expect(after.headers.location).toBe('/en/sign-in?next=%2Fen%2Faccount');
    const [row] = await t.database.db.select().from(sessions).where(eq(sessions.id, session.sessionId));
    expect(row?.revokedAt).not.toBeNull();
    const before = (await t.database.db.select().from(jobs)).length;
    await askForLink('en', 'gone@example.org', {}, '10.0.0.2');
    expect((await t.database.db.select().from(jobs)).length).toBe(before);
  });

  it('a secretariat member signing in by e-mail is sent to enrol a passkey first', async () => {
    await findOrCreateUserByEmail(t.database.db, 'mod@secretariat.example', 'en', { role: 'moderator', actor: 'test' });
    await askForLink('en', 'mod@secretariat.example', {}, '10.0.0.3');
    const link = linkIn(await mailTo('mod@secretariat.example'));
    const page = await csrfFor(t, link);
    const token = new URL(link, 'http://x').searchParams.get('token')!;
    const verified = await t.app.inject({ method: 'POST', url: '/en/sign-in/verify', headers: { cookie: page.cookie }, payload: { token, _csrf: page.token } });
    expect(verified.statusCode).toBe(303);
    expect(verified.headers.location).toBe(`/en/account/passkeys?required=1&next=${encodeURIComponent('/en/supporters')}`);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'auth.sign-in'));
    expect(audit.some((a) => (a.details as { method?: string }).method === 'email-link')).toBe(true);
  });

  it('signing out revokes the session', async () => {
    const session = await signInAs(t, { email: 'ada@example.org' });
    const form = await csrfFor(t, '/en/account', session.cookie);
    const out = await t.app.inject({ method: 'POST', url: '/en/sign-out', headers: { cookie: form.cookie }, payload: { _csrf: form.token } });
    expect(out.statusCode).toBe(303);
    expect(String(out.headers['set-cookie'])).toMatch(/pariscall-session=;/);
    expect((await t.app.inject({ url: '/en/account', headers: { cookie: session.cookie } })).statusCode).toBe(303);
  });
});
