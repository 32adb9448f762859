import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { createTestApp, fixtureSite, type TestApp } from '../../../test/helpers/app.js';
import { csrfFor, mergeCookies, signInAs, type SignedIn } from '../../../test/helpers/auth.js';
import { startSmtpServer, type TestSmtpServer } from '../../../test/helpers/smtp.js';
import { auditLog } from '../../app/audit/audit.tables.js';
import type { Actor } from '../../app/authz/actor.js';
import { supporters } from '../supporters/supporters.tables.js';
import { formStamp } from './applications.antibot.js';
import { rolesHeldBy } from '../../app/authz/grants.js';
import { visibleApplication } from './applications.policies.js';
import { roleGrants } from '../../app/authz/authz.tables.js';
import { applications } from './applications.tables.js';
import { drainJobs, linkFrom, testSecret } from './applications.test-support.js';

/**
 * Claiming an imported entry over HTTP against a real database and a real SMTP server: the public entry links to the
 * request, the executive confirms by e-mail, the secretariat approves, and the claimant manages the same entry. A second
 * claimant goes to the secretariat with both parties named, the first representative is told, and is rejected with a
 * reason in the claimant's language.
 */
let smtp: TestSmtpServer;
let t: TestApp;
let moderator: SignedIn;
let entry: { id: string; slug: string; name: string };
let supporterCount = 0;

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ site: fixtureSite, config: { smtpUrl: smtp.url, secretKey: testSecret } });
  moderator = await signInAs(t, { email: 'claims-mod@secretariat.example', role: 'moderator', method: 'passkey' });
  const [row] = await t.database.db.select().from(supporters).where(eq(supporters.name, 'Acme Cyber Widgets'));
  entry = { id: row!.id, slug: row!.slug, name: row!.name };
  supporterCount = await countSupporters();
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

async function countSupporters(): Promise<number> {
  const [row] = await t.database.db.select({ n: count() }).from(supporters);
  return row?.n ?? 0;
}

async function claimRow(email: string) {
  const [row] = await t.database.db.select().from(applications).where(and(eq(applications.kind, 'claim'), eq(applications.executiveEmail, email)));
  return row!;
}

const sentTo = (email: string, subject: RegExp) => (m: { to?: unknown; subject?: string | undefined }) => JSON.stringify(m.to).includes(email) && subject.test(m.subject ?? '');

/** Follows the confirmation link of the last mail to `email`: GET shows the claim's wording, POST confirms and signs in. */
async function confirmByMail(email: string, locale: 'en' | 'fr'): Promise<string> {
  await drainJobs(t);
  const mail = await smtp.waitForMessage(sentTo(email, locale === 'en' ? /Confirm the request to represent/ : /Confirmez la demande de représentation/));
  const link = linkFrom(mail, '/join/confirm');
  const page = await csrfFor(t, link);
  expect(page.body).toContain(locale === 'en' ? 'ask to manage its entry' : 'demandez à gérer sa fiche');
  const token = new URL(link, 'http://x').searchParams.get('token')!;
  const confirm = await t.app.inject({ method: 'POST', url: `/${locale}/join/confirm`, headers: { cookie: page.cookie }, payload: { token, _csrf: page.token } });
  expect(confirm.statusCode, confirm.body).toBe(200);
  return mergeCookies(page.cookie, confirm.headers['set-cookie'] as string[]);
}

async function decide(id: string, action: 'approve' | 'reject', fields: Record<string, string> = {}) {
  const review = await csrfFor(t, `/en/secretariat/applications/${id}`, moderator.cookie);
  const [row] = await t.database.db.select().from(applications).where(eq(applications.id, id));
  return t.app.inject({
    method: 'POST',
    url: `/en/secretariat/applications/${id}/${action}`,
    headers: { cookie: mergeCookies(moderator.cookie, review.cookie) },
    payload: { version: String(row!.version), _csrf: review.token, ...fields },
  });
}

describe('claiming an entry imported from the official registry', () => {
  const email = 'ciso@acme-widgets.example';
  let claimant = '';

  it('the public entry links to "Represent this organisation", in both languages', async () => {
    const en = await t.app.inject({ url: `/en/supporters/${entry.slug}` });
    expect(en.body).toContain(`href="/en/supporters/${entry.slug}/claim"`);
    expect(en.body).toContain('Represent this organisation');
    const fr = await t.app.inject({ url: `/fr/supporters/${entry.slug}` });
    expect(fr.body).toContain('Représenter cette organisation');
  });

  it('applies through the form and receives the confirmation e-mail', async () => {
    const page = await csrfFor(t, `/en/supporters/${entry.slug}/claim`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Represent Acme Cyber Widgets');
    expect(page.body).toContain('acme-widgets.example');
    const response = await t.app.inject({
      method: 'POST',
      url: `/en/supporters/${entry.slug}/claim`,
      headers: { cookie: page.cookie },
      payload: { executiveName: 'Cy Soh', executiveEmail: email, acceptPrivacy: 'on', started: formStamp(testSecret, Date.now() - 30_000), _csrf: page.token },
    });
    expect(response.statusCode, response.body).toBe(303);
    expect(response.headers.location).toBe('/en/join/sent');
    const row = await claimRow(email);
    expect(row).toMatchObject({ kind: 'claim', status: 'pending-confirmation', supporterId: entry.id, name: entry.name, website: 'https://acme-widgets.example' });
  });

  it('is confirmed by the executive and waits for the secretariat, marked as a claim of the entry', async () => {
    claimant = await confirmByMail(email, 'en');
    expect((await claimRow(email)).status).toBe('submitted');
    await drainJobs(t);
    await smtp.waitForMessage(sentTo(email, /Request to represent Acme Cyber Widgets received/));
    const queue = await t.app.inject({ url: '/en/secretariat/applications?kind=claim', headers: { cookie: moderator.cookie } });
    expect(queue.body).toContain((await claimRow(email)).id);
    expect(queue.body).toContain('Claim of an existing entry');
    const review = await t.app.inject({ url: `/en/secretariat/applications/${(await claimRow(email)).id}`, headers: { cookie: moderator.cookie } });
    expect(review.body).toContain(`href="/en/supporters/${entry.slug}"`);
    expect(review.body).toContain('The entry has no representative on the platform yet.');
    expect(review.body).toContain('Approve: make the claimant a representative');
    expect(review.body).toContain('Evidence of authority');
  });

  it('is approved: the claimant represents the same entry, no entry is added, and imports will keep it', async () => {
    const row = await claimRow(email);
    const approve = await decide(row.id, 'approve');
    expect(approve.statusCode, approve.body).toBe(303);
    const after = await claimRow(email);
    expect(after.status).toBe('approved');
    expect(after.supporterId).toBe(entry.id);
    expect(await countSupporters()).toBe(supporterCount);
    const reps = await t.database.db.select().from(roleGrants).where(eq(roleGrants.scopeId, entry.id));
    expect(reps.map((r) => r.userId)).toEqual([after.applicantUserId]);
    const [supporter] = await t.database.db.select().from(supporters).where(eq(supporters.id, entry.id));
    expect(supporter?.platformChange).toBe('claimed');
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.subject, entry.id));
    expect(audit.map((a) => a.action)).toContain('supporters.claim');
    await drainJobs(t);
    await smtp.waitForMessage(sentTo(email, /You now represent Acme Cyber Widgets/));
    const done = await t.app.inject({ url: approve.headers.location as string, headers: { cookie: moderator.cookie } });
    expect(done.body).toContain('the claimant now represents Acme Cyber Widgets');
  });

  it('the new representative manages the entry as if it had joined: the page, an invitation', async () => {
    const manage = await csrfFor(t, `/en/account/organisations/${entry.id}`, claimant);
    expect(manage.status).toBe(200);
    const invite = await t.app.inject({
      method: 'POST',
      url: `/en/account/organisations/${entry.id}/invite`,
      headers: { cookie: manage.cookie },
      payload: { email: 'deputy@acme-widgets.example', _csrf: manage.token },
    });
    expect(invite.statusCode, invite.body).toBe(200);
    expect(invite.body).toContain('Invitation sent to deputy@acme-widgets.example');
  });

  describe('a second claimant on the entry now represented', () => {
    const second = 'someone@acme-rival.example';

    it('applies through the API in French: 202, and nothing is granted', async () => {
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/v1/supporters/${entry.slug}/claims`,
        headers: { 'accept-language': 'fr' },
        payload: { executiveName: 'Autre Personne', executiveEmail: second, acceptPrivacy: true },
      });
      expect(response.statusCode, response.body).toBe(202);
      expect(response.json()).toMatchObject({ status: 'pending-confirmation', duplicate: false, supporter: { slug: entry.slug, name: entry.name } });
      const again = await t.app.inject({ method: 'POST', url: `/api/v1/supporters/${entry.slug}/claims`, payload: { executiveName: 'Autre Personne', executiveEmail: second, acceptPrivacy: true } });
      expect(again.json()).toMatchObject({ id: response.json().id, duplicate: true });
    });

    it('once confirmed, the current representative is told by e-mail, and the secretariat sees both parties', async () => {
      await confirmByMail(second, 'fr');
      await drainJobs(t);
      const notice = await smtp.waitForMessage(sentTo(email, /Someone asked to represent Acme Cyber Widgets/));
      expect(notice.text).not.toContain(second);
      const row = await claimRow(second);
      expect(row.status).toBe('submitted');
      expect(await t.database.db.select().from(roleGrants).where(eq(roleGrants.scopeId, entry.id))).toHaveLength(1);
      const review = await t.app.inject({ url: `/en/secretariat/applications/${row.id}`, headers: { cookie: moderator.cookie } });
      expect(review.body).toContain('This entry already has representatives on the platform');
      expect(review.body).toContain('Current representatives');
      expect(review.body).toContain(email);
      expect(review.body).toContain(second);
      const fr = await t.app.inject({ url: `/fr/secretariat/applications/${row.id}`, headers: { cookie: moderator.cookie } });
      expect(fr.body).toContain('Cette fiche a déjà des représentants');
    });

    it('the current representative cannot open the claim (it holds the claimant’s personal data)', async () => {
      const row = await claimRow(second);
      const userId = (await claimRow(email)).applicantUserId!;
      const rep: Actor = { kind: 'user', userId, email, name: null, role: 'member', locale: 'en', sessionId: 'x', method: 'email-link', grants: await rolesHeldBy(t.database.db, userId) };
      expect(rep.grants).toContainEqual({ role: 'representative', scopeId: row.supporterId });
      expect(() => visibleApplication(rep, row)).toThrow(expect.objectContaining({ code: 'applications.not-found' }));
    });

    it('is rejected with a reason, told in French, and the entry keeps its one representative', async () => {
      const row = await claimRow(second);
      const empty = await decide(row.id, 'reject', { reason: '' });
      expect(empty.statusCode).toBe(422);
      expect((await claimRow(second)).status).toBe('submitted');
      const reject = await decide(row.id, 'reject', { reason: 'Aucun lien établi avec l’organisation' });
      expect(reject.statusCode, reject.body).toBe(303);
      expect(await claimRow(second)).toMatchObject({ status: 'rejected', decisionReason: 'Aucun lien établi avec l’organisation' });
      await drainJobs(t);
      const mail = await smtp.waitForMessage(sentTo(second, /^Demande de représentation de Acme Cyber Widgets$/));
      expect(mail.text).toContain('n’a pas approuvé');
      expect(mail.text).toContain('Aucun lien établi');
      expect(await t.database.db.select().from(roleGrants).where(eq(roleGrants.scopeId, entry.id))).toHaveLength(1);
      expect(await countSupporters()).toBe(supporterCount);
    });
  });
});
