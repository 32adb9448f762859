import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, fixtureSite, type TestApp } from '../../../test/helpers/app.js';
import { csrfFor, signInAs } from '../../../test/helpers/auth.js';
import { startSmtpServer, type TestSmtpServer } from '../../../test/helpers/smtp.js';
import { issueToken } from '../../app/auth/tokens.js';
import type { Actor } from '../../app/authz/actor.js';
import { erasePersonalData, exportPersonalData } from '../../app/privacy/privacy.js';
import { supporters } from '../supporters/supporters.tables.js';
import { approveApplication, requestMoreInformation } from './applications.moderation.js';
import type { ApplicationForm } from './applications.schemas.js';
import { roleGrants } from '../../app/authz/authz.tables.js';
import { applications } from './applications.tables.js';
import { drainJobs, linkFrom, testSecret } from './applications.test-support.js';
import { answerInformationRequest, confirmApplication, expireApplication, submitApplication, type ApplicationsDeps } from './applications.usecases.js';

/** After the first approval: questions and answers, edits, invitations, withdrawal, expiry and erasure. */
let smtp: TestSmtpServer;
let t: TestApp;
let deps: ApplicationsDeps;
let moderator: Actor;

const form = (name: string, executiveEmail: string): ApplicationForm => ({
  category: 'civil-society', name, countryCode: 'SEN', nature: 'ONG', website: 'https://ong.example', twitter: null, linkedin: null,
  statement: 'Nous soutenons.', statementLocale: 'fr', executiveName: 'Awa Diop', executiveEmail, contactEmail: 'contact@ong.example', acceptCall: 'on', acceptPrivacy: 'on',
});

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ site: fixtureSite, config: { smtpUrl: smtp.url, secretKey: testSecret } });
  deps = { db: t.database.db, events: t.app.context.events, config: t.config };
  const signed = await signInAs(t, { email: 'mod@secretariat.example', role: 'moderator', method: 'passkey' });
  moderator = { kind: 'user', userId: signed.userId, email: 'mod@secretariat.example', name: null, role: 'moderator', locale: 'fr', sessionId: signed.sessionId, method: 'passkey', grants: [] };
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

async function confirmed(name: string, email: string): Promise<string> {
  const { applicationId } = await submitApplication(deps, { locale: 'fr', form: form(name, email) });
  const token = await issueToken(t.database.db, { purpose: 'application.confirm', subjectId: applicationId, ttlMs: 60_000 });
  expect((await confirmApplication(deps, token)).status).toBe('ok');
  return applicationId;
}

async function version(id: string): Promise<number> {
  const [row] = await t.database.db.select().from(applications).where(eq(applications.id, id));
  return row!.version;
}

describe('a question to the applicant', () => {
  it('goes by e-mail in French, is answered through the link once, and the application returns to the queue', async () => {
    const id = await confirmed('ONG Questions', 'awa@ong.example');
    await requestMoreInformation(deps, moderator, { id, version: await version(id), message: 'Pouvez-vous joindre vos statuts ?' });
    await drainJobs(t);
    const mail = await smtp.waitForMessage((m) => (m.subject ?? '').includes('ONG Questions') && (m.text ?? '').includes('statuts'));
    const link = linkFrom(mail, '/join/answer');
    const page = await t.app.inject({ url: link });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Pouvez-vous joindre vos statuts');
    const token = new URL(link, 'http://x').searchParams.get('token')!;
    expect((await answerInformationRequest(deps, token, 'Statuts envoyés.')).status).toBe('ok');
    expect((await answerInformationRequest(deps, token, 'Encore')).status).toBe('used');
    const [row] = await t.database.db.select().from(applications).where(eq(applications.id, id));
    expect(row?.status).toBe('submitted');
    expect(row?.infoResponse).toBe('Statuts envoyés.');
  });
});

describe('a published organisation', () => {
  let supporterId = '';
  let slug = '';
  let representative: { cookie: string; userId: string };

  beforeAll(async () => {
    const id = await confirmed('ONG Publiée', 'chef@ong.example');
    const approved = await approveApplication(deps, moderator, { id, version: await version(id) });
    supporterId = approved.supporterId!;
    const [row] = await t.database.db.select().from(supporters).where(eq(supporters.id, supporterId));
    slug = row!.slug;
    representative = await signInAs(t, { email: 'chef@ong.example' });
  });

  /** The entry's fields with a new name: proposed by the first test, then sent again unchanged by the second. */
  const renamed = { name: 'ONG Publiée et Renommée', category: 'civil-society', countryCode: 'SEN', nature: 'ONG', website: 'https://ong.example', statement: 'Nous soutenons.', statementLocale: 'fr' };

  it('proposes an edit that stays unpublished until a moderator approves it', async () => {
    const form = await csrfFor(t, `/fr/account/organisations/${supporterId}`, representative.cookie);
    expect(form.status).toBe(200);
    const response = await t.app.inject({
      method: 'POST',
      url: `/fr/account/organisations/${supporterId}/edit`,
      headers: { cookie: form.cookie },
      payload: { _csrf: form.token, ...renamed },
    });
    expect(response.statusCode, response.body.slice(0, 500)).toBe(303);
    expect((await t.app.inject({ url: `/api/v1/supporters/${slug}` })).json().name).toBe('ONG Publiée');
    const [edit] = await t.database.db.select().from(applications).where(eq(applications.name, 'ONG Publiée et Renommée'));
    expect(edit?.kind).toBe('edit');
    await approveApplication(deps, moderator, { id: edit!.id, version: edit!.version });
    expect((await t.app.inject({ url: `/api/v1/supporters/${slug}` })).json().name).toBe('ONG Publiée et Renommée');
    // The representative hears that the changes are published, not a second welcome to the Call.
    await drainJobs(t);
    const published = await smtp.waitForMessage((m) => m.subject === 'Vos modifications de ONG Publiée et Renommée sont publiées');
    expect(JSON.stringify(published.to)).toContain('chef@ong.example');
    expect(smtp.messages.filter((m) => (m.subject ?? '').includes('soutient désormais l’Appel de Paris') && (m.subject ?? '').includes('ONG Publiée'))).toHaveLength(1);
  });

  it('makes no proposal when the fields sent are the published ones, and says nothing changed', async () => {
    const form = await csrfFor(t, `/fr/account/organisations/${supporterId}`, representative.cookie);
    const before = await t.database.db.select().from(applications).where(eq(applications.supporterId, supporterId));
    const response = await t.app.inject({
      method: 'POST',
      url: `/fr/account/organisations/${supporterId}/edit`,
      headers: { cookie: form.cookie },
      payload: { _csrf: form.token, ...renamed },
    });
    expect(response.statusCode, response.body.slice(0, 500)).toBe(303);
    expect(response.headers.location).toBe(`/fr/account/organisations/${supporterId}?done=nothing`);
    expect(await t.database.db.select().from(applications).where(eq(applications.supporterId, supporterId))).toEqual(before);
  });

  it('invites a colleague of the same domain, not an outsider', async () => {
    const form = await csrfFor(t, `/en/account/organisations/${supporterId}`, representative.cookie);
    const outsider = await t.app.inject({ method: 'POST', url: `/en/account/organisations/${supporterId}/invite`, headers: { cookie: form.cookie }, payload: { _csrf: form.token, email: 'someone@gmail.com' } });
    expect(outsider.statusCode).toBe(422);
    const colleague = await t.app.inject({ method: 'POST', url: `/en/account/organisations/${supporterId}/invite`, headers: { cookie: form.cookie }, payload: { _csrf: form.token, email: 'collegue@ong.example' } });
    expect(colleague.statusCode).toBe(200);
    await drainJobs(t);
    const mail = await smtp.waitForMessage((m) => JSON.stringify(m.to).includes('collegue@ong.example'));
    const link = linkFrom(mail, '/join/invitation');
    const page = await csrfFor(t, link);
    const token = new URL(link, 'http://x').searchParams.get('token')!;
    const accepted = await t.app.inject({ method: 'POST', url: '/en/join/invitation', headers: { cookie: page.cookie }, payload: { _csrf: page.token, token } });
    expect(accepted.statusCode).toBe(200);
    const reps = await t.database.db.select().from(roleGrants).where(eq(roleGrants.scopeId, supporterId));
    expect(reps).toHaveLength(2);
  });

  it('withdraws: out of the registry, API and CSV; a dated public record stays, without personal data', async () => {
    const form = await csrfFor(t, `/en/account/organisations/${supporterId}`, representative.cookie);
    const refused = await t.app.inject({ method: 'POST', url: `/en/account/organisations/${supporterId}/withdraw`, headers: { cookie: form.cookie }, payload: { _csrf: form.token, reason: 'Strategy' } });
    expect(refused.statusCode).toBe(422);
    const done = await t.app.inject({ method: 'POST', url: `/en/account/organisations/${supporterId}/withdraw`, headers: { cookie: form.cookie }, payload: { _csrf: form.token, reason: 'Strategy change', confirm: 'on' } });
    expect(done.statusCode).toBe(303);
    expect((await t.app.inject({ url: `/api/v1/supporters/${slug}` })).statusCode).toBe(410);
    expect((await t.app.inject({ url: `/en/supporters/${slug}` })).body).toContain('withdrew from the Call');
    expect((await t.app.inject({ url: '/supporters.csv' })).body).not.toContain('ONG Publiée et Renommée');
    const history = await t.app.inject({ url: '/api/v1/withdrawals' });
    const record = history.json().items.find((i: { slug: string }) => i.slug === slug);
    expect(record).toMatchObject({ name: 'ONG Publiée et Renommée', withdrawnOn: new Date().toISOString().slice(0, 10) });
    expect(history.body).not.toContain('chef@ong.example');
    expect(history.body).not.toContain('Strategy');
    const page = await t.app.inject({ url: '/fr/supporters/withdrawn' });
    expect(page.body).toContain('ONG Publiée et Renommée');
    // Told once to each representative and to the secretariat, in their language, with the reason.
    await drainJobs(t);
    const told = (to: string) => smtp.messages.filter((m) => JSON.stringify(m.to).includes(to) && /ONG Publiée et Renommée (a quitté le registre|has left the Paris Call registry)/.test(m.subject ?? ''));
    await smtp.waitForMessage((m) => JSON.stringify(m.to).includes('mod@secretariat.example') && (m.subject ?? '').includes('ONG Publiée et Renommée'));
    for (const to of ['chef@ong.example', 'collegue@ong.example', 'mod@secretariat.example']) expect(told(to), to).toHaveLength(1);
    expect(told('chef@ong.example')[0]!.text).toContain('Un représentant de ONG Publiée et Renommée a retiré l’organisation');
    expect(told('chef@ong.example')[0]!.text).toContain('Strategy change');
  });
});

describe('the secretariat', () => {
  it('finds an imported entry and withdraws it with a reason', async () => {
    const cookie = (await signInAs(t, { email: 'mod@secretariat.example', role: 'moderator', method: 'passkey' })).cookie;
    const found = await t.app.inject({ url: '/en/secretariat/supporters?q=wikicorp', headers: { cookie } });
    const manage = /href="(\/en\/account\/organisations\/[^"]+)"/.exec(found.body)?.[1];
    expect(manage).toBeDefined();
    const form = await csrfFor(t, manage!, cookie);
    const response = await t.app.inject({ method: 'POST', url: `${manage}/withdraw`, headers: { cookie: form.cookie }, payload: { _csrf: form.token, reason: 'Organisation dissolved', confirm: 'on' } });
    expect(response.statusCode).toBe(303);
    expect((await t.app.inject({ url: '/api/v1/supporters?q=wikicorp' })).json().total).toBe(0);
  });
});

describe('an unconfirmed application', () => {
  it('expires after its window and loses its personal data', async () => {
    const { applicationId } = await submitApplication(deps, { locale: 'en', form: form('ONG Silencieuse', 'silent@ong.example') });
    expect(await expireApplication(t.database.db, applicationId)).toBe(false);
    await t.database.db.update(applications).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(applications.id, applicationId));
    expect(await expireApplication(t.database.db, applicationId)).toBe(true);
    const [row] = await t.database.db.select().from(applications).where(eq(applications.id, applicationId));
    expect(row).toMatchObject({ status: 'expired', executiveEmail: null, executiveName: null, contactEmail: null });
    expect(row?.purgedAt).toBeInstanceOf(Date);
  });
});

describe('personal data requests (GDPR articles 15 and 17)', () => {
  it('exports the applicant’s applications, then erases them while the audit trail stays', async () => {
    const id = await confirmed('ONG Effacée', 'erase@ong.example');
    const [row] = await t.database.db.select().from(applications).where(eq(applications.id, id));
    const exported = await exportPersonalData(t.database.db, row!.applicantUserId!);
    expect(JSON.stringify(exported)).toContain('erase@ong.example');
    await erasePersonalData(t.database.db, { userId: row!.applicantUserId!, actor: `user:${row!.applicantUserId}` });
    const [after] = await t.database.db.select().from(applications).where(eq(applications.id, id));
    expect(after).toMatchObject({ executiveEmail: null, executiveName: null, contactEmail: null, name: 'ONG Effacée' });
  });
});
