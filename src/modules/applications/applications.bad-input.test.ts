import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq, sql } from 'drizzle-orm';
import { createTestApp, fixtureSite, type TestApp } from '../../../test/helpers/app.js';
import { csrfFor, signInAs } from '../../../test/helpers/auth.js';
import { authTokens } from '../../app/auth/auth.tables.js';
import { issueToken } from '../../app/auth/tokens.js';
import { jobs } from '../../app/jobs/jobs.tables.js';
import { supporters } from '../supporters/supporters.tables.js';
import { formStamp } from './applications.antibot.js';
import { approveApplication } from './applications.moderation.js';
import { applications } from './applications.tables.js';
import { testSecret } from './applications.test-support.js';
import { confirmApplication, submitApplication, type ApplicationsDeps } from './applications.usecases.js';
import type { Actor } from '../../app/authz/actor.js';
import type { ApplicationForm } from './applications.schemas.js';

/** The bad-input corpus: every refusal is clear, localized and changes nothing; what is accepted stays inert. */
let t: TestApp;
let deps: ApplicationsDeps;

beforeAll(async () => {
  // Dozens of submissions from one address: above the join budget, which its own test covers.
  t = await createTestApp({ site: fixtureSite, config: { secretKey: testSecret, joinRateLimitPerHour: 1000 } });
  deps = { db: t.database.db, events: t.app.context.events, config: t.config };
});
afterAll(async () => t?.close());

const valid = (overrides: Record<string, string> = {}): Record<string, string> => ({
  category: 'civil-society',
  name: 'Valid Org',
  countryCode: 'BEL',
  website: 'https://valid.example',
  executiveName: 'Val Id',
  executiveEmail: 'val@valid.example',
  statementLocale: 'en',
  acceptCall: 'on',
  acceptPrivacy: 'on',
  started: formStamp(testSecret, Date.now() - 30_000),
  ...overrides,
});

async function applicationCount(): Promise<number> {
  const [row] = await t.database.db.select({ n: count() }).from(applications);
  return row?.n ?? 0;
}

async function post(locale: 'en' | 'fr', fields: Record<string, string>, options: { csrf?: boolean } = {}) {
  const page = await csrfFor(t, `/${locale}/join`);
  return t.app.inject({
    method: 'POST',
    url: `/${locale}/join`,
    headers: { cookie: page.cookie },
    payload: options.csrf === false ? fields : { ...fields, _csrf: page.token },
  });
}

describe('the form refuses bad input with a localized message and creates nothing', () => {
  it.each([
    ['over-long name', { name: 'x'.repeat(201) }, 'at most 200 characters', '200 caractères'],
    ['control characters', { name: 'Evil\u0007Org' }, 'invisible control characters', 'caractères de contrôle'],
    ['bidirectional override', { executiveName: 'Ev\u202Eil' }, 'invisible control characters', 'caractères de contrôle'],
    ['invalid e-mail', { executiveEmail: 'not-an-address' }, 'valid e-mail address', 'adresse'],
    ['unknown country', { countryCode: 'XXX' }, 'country from the list', 'pays'],
    ['a state without a country', { category: 'state', countryCode: 'none' }, 'A state must name its country', 'État'],
    ['unknown category', { category: 'pirates' }, 'one of the four categories', 'catégories'],
    ['javascript: website', { website: 'javascript:alert(1)' }, 'web address', 'adresse'],
    ['over-long statement', { statement: 'y'.repeat(4001) }, '4,000 characters', '4'],
    ['the Call not accepted', { acceptCall: '' }, 'support the text of the Call', 'Appel'],
    ['privacy notice not accepted', { acceptPrivacy: '' }, 'privacy notice', 'confidentialité'],
  ])('%s', async (_label, overrides, english, french) => {
    const before = await applicationCount();
    for (const [locale, expected] of [['en', english], ['fr', french]] as const) {
      const response = await post(locale, valid(overrides));
      expect(response.statusCode).toBe(422);
      expect(response.body).toContain(expected);
      // What was typed comes back (escaped) in the other fields.
      expect(response.body).toContain('executiveName' in overrides ? 'value="https://valid.example"' : 'value="Val Id"');
    }
    expect(await applicationCount()).toBe(before);
  });

  it('refuses a post without a CSRF token', async () => {
    const before = await applicationCount();
    const response = await post('en', valid({ name: 'No Token Org' }), { csrf: false });
    expect(response.statusCode).toBe(403);
    expect(await applicationCount()).toBe(before);
  });

  it('drops a filled honeypot silently and refuses a form sent too fast', async () => {
    const before = await applicationCount();
    const bot = await post('en', valid({ name: 'Bot Org', homepage: 'http://spam.example' }));
    expect(bot.statusCode).toBe(303);
    const fast = await post('fr', valid({ name: 'Fast Org', started: formStamp(testSecret, Date.now()) }));
    expect(fast.statusCode).toBe(422);
    expect(fast.body).toContain('value="Fast Org"');
    expect(await applicationCount()).toBe(before);
  });

  it('the API answers problem+json with localized field errors', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/applications',
      headers: { 'accept-language': 'fr' },
      payload: { category: 'state', name: '', executiveEmail: 'nope' },
    });
    expect(response.statusCode).toBe(422);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const problem = response.json();
    expect(problem.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['name', 'executiveEmail', 'acceptCall']));
    expect(problem.errors.find((e: { field: string }) => e.field === 'executiveEmail').message).toContain('adresse');
  });
});

describe('duplicate submissions', () => {
  it('the same organisation and executive twice make one application and one e-mail', async () => {
    const before = await applicationCount();
    const first = await post('en', valid({ name: 'Twice Org', executiveEmail: 'twice@twice.example' }));
    const second = await post('en', valid({ name: 'Twice Org', executiveEmail: 'twice@twice.example' }));
    expect([first.statusCode, second.statusCode]).toEqual([303, 303]);
    expect(await applicationCount()).toBe(before + 1);
    const mails = await t.database.db.select().from(jobs).where(sql`${jobs.payload}->>'to' = 'twice@twice.example'`);
    expect(mails).toHaveLength(1);
  });
});

describe('links', () => {
  it.each([
    ['forged', 'A'.repeat(43), 'not valid'],
    ['truncated', 'abc', 'not valid'],
  ])('a %s confirmation link gives a clear page', async (_label, token, message) => {
    const response = await t.app.inject({ url: `/en/join/confirm?token=${token}` });
    expect(response.statusCode).toBe(410);
    expect(response.body).toContain(message);
  });

  it('an expired link says so and confirms nothing', async () => {
    const { applicationId } = await submitApplication(deps, { locale: 'fr', form: formValues('Expired Org', 'old@expired.example') });
    const token = await issueToken(t.database.db, { purpose: 'application.confirm', subjectId: applicationId, ttlMs: 60_000 });
    await t.database.db.update(authTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(authTokens.subjectId, applicationId));
    const page = await t.app.inject({ url: `/fr/join/confirm?token=${token}` });
    expect(page.statusCode).toBe(410);
    expect(page.body).toContain('expiré');
    expect((await confirmApplication(deps, token)).status).toBe('expired');
    const [row] = await t.database.db.select().from(applications).where(eq(applications.id, applicationId));
    expect(row?.status).toBe('pending-confirmation');
  });
});

function formValues(name: string, executiveEmail: string): ApplicationForm {
  return {
    category: 'private-sector' as const, name, countryCode: 'ITA', nature: null, website: null, twitter: null, linkedin: null, statement: '', statementLocale: 'en' as const,
    executiveName: 'Someone', executiveEmail, contactEmail: null, acceptCall: 'on', acceptPrivacy: 'on',
  };
}

async function submittedApplication(name: string, email: string, overrides: Partial<ApplicationForm> = {}): Promise<string> {
  const { applicationId } = await submitApplication(deps, { locale: 'en', form: { ...formValues(name, email), ...overrides } });
  const token = await issueToken(t.database.db, { purpose: 'application.confirm', subjectId: applicationId, ttlMs: 60_000 });
  expect((await confirmApplication(deps, token)).status).toBe('ok');
  return applicationId;
}

async function moderator(email: string): Promise<Actor> {
  const signed = await signInAs(t, { email, role: 'moderator', method: 'passkey' });
  return { kind: 'user', userId: signed.userId, email, name: null, role: 'moderator', locale: 'en', sessionId: signed.sessionId, method: 'passkey', grants: [] };
}

describe('two moderators approving the same application at once', () => {
  it('exactly one wins; the other is told; one supporter is published', async () => {
    const id = await submittedApplication('Race Condition Org', 'race@race.example');
    const [row] = await t.database.db.select().from(applications).where(eq(applications.id, id));
    const [m1, m2] = await Promise.all([moderator('m1@secretariat.example'), moderator('m2@secretariat.example')]);
    const results = await Promise.allSettled([approveApplication(deps, m1, { id, version: row!.version }), approveApplication(deps, m2, { id, version: row!.version })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason.code).toBe('applications.conflict');
    expect(refused.reason.localize('fr')).toContain('approved');
    const published = await t.database.db.select().from(supporters).where(eq(supporters.name, 'Race Condition Org'));
    expect(published).toHaveLength(1);
  });
});

describe('HTML, scripts and formulas are stored as typed and inert everywhere', () => {
  it('in the public page, the back office, the e-mail, the API and the CSV', async () => {
    const evil = '=cmd|\' /C calc\'!A0 <img src=x onerror=alert(1)>';
    const id = await submittedApplication(evil, 'evil@evil.example', {
      nature: '<script>alert("nature")</script>',
      statement: '<script>alert("statement")</script> [click](javascript:alert(1))',
    });
    const m = await moderator('m3@secretariat.example');
    const [row] = await t.database.db.select().from(applications).where(eq(applications.id, id));
    await approveApplication(deps, m, { id, version: row!.version });
    const [supporter] = await t.database.db.select().from(supporters).where(eq(supporters.name, evil));
    const page = await t.app.inject({ url: `/en/supporters/${supporter!.slug}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('<img src=x');
    expect(page.body).not.toContain('<script>alert');
    expect(page.body).not.toMatch(/href="javascript:/i);
    expect(page.body).toContain('&lt;img src=x onerror=alert(1)');
    const review = await t.app.inject({ url: `/en/secretariat/applications/${id}`, headers: { cookie: (await signInAs(t, { email: 'm3@secretariat.example', role: 'moderator' })).cookie } });
    expect(review.body).not.toContain('<img src=x');
    expect(review.body).not.toContain('<script>alert');
    const mails = await t.database.db.select().from(jobs).where(sql`${jobs.payload}->>'to' = 'evil@evil.example'`);
    for (const mail of mails) expect(String(mail.payload.html)).not.toContain('<img src=x');
    const api = await t.app.inject({ url: `/api/v1/supporters/${supporter!.slug}` });
    expect(api.json().name).toBe(evil);
    const csv = await t.app.inject({ url: '/supporters.csv' });
    const line = csv.body.split('\n').find((l) => l.includes('cmd|'));
    expect(line?.startsWith(`"'=cmd`)).toBe(true);
  });
});
