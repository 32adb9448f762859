import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { createTestApp, fixtureSite, type TestApp } from '../../../test/helpers/app.js';
import { csrfFor, signInAs } from '../../../test/helpers/auth.js';
import type { Actor } from '../../app/authz/actor.js';
import { supporters } from '../supporters/supporters.tables.js';
import { formStamp } from './applications.antibot.js';
import { applications } from './applications.tables.js';
import { testSecret } from './applications.test-support.js';
import { withdrawFromRegistry } from './applications.usecases.js';

/**
 * The claim's edges: a join that looks like an entry already in the registry is offered the claim before anything is
 * stored (without JavaScript: plain forms), a withdrawn entry is refused, and bad input changes nothing.
 */
let t: TestApp;
const slugs: Record<string, string> = {};

beforeAll(async () => {
  // Dozens of submissions from one address: above the join budget, which its own test covers.
  t = await createTestApp({ site: fixtureSite, config: { secretKey: testSecret, joinRateLimitPerHour: 1000 } });
  for (const row of await t.database.db.select().from(supporters)) slugs[row.name] = row.slug;
});
afterAll(async () => t?.close());

async function applicationCount(): Promise<number> {
  const [row] = await t.database.db.select({ n: count() }).from(applications);
  return row?.n ?? 0;
}

const started = () => formStamp(testSecret, Date.now() - 30_000);

const joinForm = (overrides: Record<string, string> = {}) => ({
  category: 'private-sector',
  name: 'Societe Generale de Fiction SA',
  countryCode: 'FRA',
  website: 'https://sgf-fiction.example',
  executiveName: 'Jeanne Martin',
  executiveEmail: 'jeanne@sgf-fiction.example',
  statementLocale: 'fr',
  acceptCall: 'on',
  acceptPrivacy: 'on',
  started: started(),
  ...overrides,
});

/** The hidden inputs of the form posting to `action` on an HTML page, as a form body. */
function hiddenFieldsOf(html: string, action: string): Record<string, string> {
  const form = new RegExp(`<form[^>]*action="${action.replace(/[/.]/g, '\\$&')}"[^>]*>([\\s\\S]*?)</form>`).exec(html);
  if (!form) throw new Error(`no form to ${action}`);
  return Object.fromEntries([...form[1]!.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, decode(m[2]!)]));
}
const decode = (v: string) => v.replace(/&quot;|&#34;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe('a join that matches an entry already in the registry', () => {
  it.each(['en', 'fr'] as const)('%s: is shown the matching entries, with nothing stored yet', async (locale) => {
    const before = await applicationCount();
    const page = await csrfFor(t, `/${locale}/join`);
    const response = await t.app.inject({ method: 'POST', url: `/${locale}/join`, headers: { cookie: page.cookie }, payload: { ...joinForm(), _csrf: page.token } });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.body).toContain(locale === 'en' ? 'Is your organisation already in the registry?' : 'Votre organisation figure-t-elle déjà au registre ?');
    expect(response.body).toContain(`action="/${locale}/supporters/${slugs['Société Générale de Fiction']}/claim"`);
    expect(response.body).toContain(locale === 'en' ? 'This is us: represent Société Générale de Fiction' : 'C’est nous : représenter Société Générale de Fiction');
    expect(response.body).toContain(locale === 'en' ? 'No, we are a different organisation: continue joining' : 'Non, nous sommes une autre organisation');
    expect(await applicationCount()).toBe(before);
  });

  it('"this is us" sends a claim of that entry with what was typed', async () => {
    const page = await csrfFor(t, '/en/join');
    const offer = await t.app.inject({ method: 'POST', url: '/en/join', headers: { cookie: page.cookie }, payload: { ...joinForm(), _csrf: page.token } });
    const action = `/en/supporters/${slugs['Société Générale de Fiction']}/claim`;
    const fields = hiddenFieldsOf(offer.body, action);
    expect(Object.keys(fields).sort()).toEqual(['_csrf', 'acceptPrivacy', 'executiveEmail', 'executiveName', 'started']);
    const claim = await t.app.inject({ method: 'POST', url: action, headers: { cookie: page.cookie }, payload: fields });
    expect(claim.statusCode, claim.body).toBe(303);
    const [row] = await t.database.db.select().from(applications).where(eq(applications.executiveEmail, 'jeanne@sgf-fiction.example'));
    expect(row).toMatchObject({ kind: 'claim', name: 'Société Générale de Fiction', status: 'pending-confirmation' });
  });

  it('"a different organisation" continues joining with everything typed', async () => {
    const page = await csrfFor(t, '/en/join');
    const typed = joinForm({ executiveEmail: 'other@sgf-fiction.example', name: 'Société Générale de Fiction "Bis" <b>' });
    const offer = await t.app.inject({ method: 'POST', url: '/en/join', headers: { cookie: page.cookie }, payload: { ...typed, _csrf: page.token } });
    // What was typed is inert: escaped in text, and cannot close the hidden inputs' attributes.
    expect(offer.body).toContain('as Société Générale de Fiction &#34;Bis&#34; &lt;b>');
    expect(offer.body).not.toContain('"Bis"');
    const fields = hiddenFieldsOf(offer.body, '/en/join');
    expect(fields).toMatchObject({ name: typed.name, notListed: 'on', acceptCall: 'on' });
    const join = await t.app.inject({ method: 'POST', url: '/en/join', headers: { cookie: page.cookie }, payload: fields });
    expect(join.statusCode, join.body).toBe(303);
    const [row] = await t.database.db.select().from(applications).where(eq(applications.executiveEmail, 'other@sgf-fiction.example'));
    expect(row).toMatchObject({ kind: 'join', name: typed.name, supporterId: null });
  });

  it('through the API, the application is taken and the matching entries are returned with where to claim them', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/applications', payload: { ...joinForm({ executiveEmail: 'api@sgf-fiction.example' }), acceptCall: true, acceptPrivacy: true } });
    expect(response.statusCode, response.body).toBe(202);
    expect(response.json().matches).toContainEqual({
      slug: slugs['Société Générale de Fiction'],
      name: 'Société Générale de Fiction',
      reason: 'similar-name',
      claim: `/api/v1/supporters/${slugs['Société Générale de Fiction']}/claims`,
    });
  });

  it('a join that matches nothing is stored at once, as before', async () => {
    const page = await csrfFor(t, '/en/join');
    const response = await t.app.inject({
      method: 'POST',
      url: '/en/join',
      headers: { cookie: page.cookie },
      payload: { ...joinForm({ name: 'Quokka Resilience Trust', website: 'https://quokka-trust.example', executiveEmail: 'q@quokka-trust.example' }), _csrf: page.token },
    });
    expect(response.statusCode).toBe(303);
  });
});

describe('claims refused', () => {
  const claimBody = { executiveName: 'Val Id', executiveEmail: 'val@valid.example', acceptPrivacy: 'on' };

  it('a withdrawn entry cannot be claimed: the page, the form and the API say so, and nothing is stored', async () => {
    const mod = await signInAs(t, { email: 'claims-input-mod@secretariat.example', role: 'moderator', method: 'passkey' });
    const moderator: Actor = { kind: 'user', userId: mod.userId, email: 'claims-input-mod@secretariat.example', name: null, role: 'moderator', locale: 'en', sessionId: mod.sessionId, method: 'passkey', grants: [] };
    const [row] = await t.database.db.select().from(supporters).where(eq(supporters.name, 'Cercle des Curieux'));
    await withdrawFromRegistry({ db: t.database.db, events: t.app.context.events, config: t.config }, moderator, { supporterId: row!.id, reason: 'test' });
    const before = await applicationCount();
    const page = await t.app.inject({ url: `/en/supporters/${row!.slug}/claim` });
    expect(page.statusCode).toBe(410);
    expect(page.body).toContain('Cercle des Curieux withdrew from the Paris Call: a withdrawn entry cannot be claimed');
    const fr = await t.app.inject({ url: `/fr/supporters/${row!.slug}/claim` });
    expect(fr.body).toContain('une fiche retirée ne peut pas être représentée');
    const form = await csrfFor(t, '/en/join');
    const posted = await t.app.inject({ method: 'POST', url: `/en/supporters/${row!.slug}/claim`, headers: { cookie: form.cookie }, payload: { ...claimBody, started: started(), _csrf: form.token } });
    expect(posted.statusCode).toBe(410);
    const api = await t.app.inject({ method: 'POST', url: `/api/v1/supporters/${row!.slug}/claims`, payload: { ...claimBody, acceptPrivacy: true } });
    expect(api.statusCode).toBe(410);
    expect(api.headers['content-type']).toContain('application/problem+json');
    expect(api.json()).toMatchObject({ code: 'applications.claim.withdrawn', status: 410 });
    expect(await applicationCount()).toBe(before);
  });

  it('an unknown entry is 404, with a problem document through the API', async () => {
    expect((await t.app.inject({ url: '/en/supporters/no_such_entry/claim' })).statusCode).toBe(404);
    const api = await t.app.inject({ method: 'POST', url: '/api/v1/supporters/no_such_entry/claims', payload: { ...claimBody, acceptPrivacy: true } });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ code: 'applications.claim.not-found' });
  });

  it.each([
    ['invalid e-mail', { executiveEmail: 'not-an-address' }, 'valid e-mail address', 'adresse'],
    ['no executive name', { executiveName: '' }, 'executive’s name', 'nom du dirigeant'],
    ['control characters', { executiveName: 'Ev\u202Eil' }, 'invisible control characters', 'caractères de contrôle'],
    ['privacy notice not accepted', { acceptPrivacy: '' }, 'privacy notice', 'confidentialité'],
  ])('the form refuses %s with 422, a localized message and what was typed, storing nothing', async (_label, overrides, english, french) => {
    const before = await applicationCount();
    for (const [locale, message] of [['en', english], ['fr', french]] as const) {
      const url = `/${locale}/supporters/${slugs['Eutelfiction']}/claim`;
      const page = await csrfFor(t, url);
      const response = await t.app.inject({ method: 'POST', url, headers: { cookie: page.cookie }, payload: { ...claimBody, ...overrides, started: started(), _csrf: page.token } });
      expect(response.statusCode).toBe(422);
      expect(response.body).toContain(message);
      expect(response.body).toContain('class="error-summary"');
    }
    const api = await t.app.inject({
      method: 'POST',
      url: `/api/v1/supporters/${slugs['Eutelfiction']}/claims`,
      headers: { 'accept-language': 'fr' },
      payload: { ...claimBody, acceptPrivacy: true, ...overrides },
    });
    expect(api.statusCode).toBe(422);
    expect(api.json()).toMatchObject({ code: 'applications.invalid' });
    expect(api.json().detail).toContain(french);
    expect(await applicationCount()).toBe(before);
  });

  it('without a CSRF token, the form is refused', async () => {
    const response = await t.app.inject({ method: 'POST', url: `/en/supporters/${slugs['Eutelfiction']}/claim`, payload: { ...claimBody, started: started() } });
    expect(response.statusCode).toBe(403);
  });

  it('is documented in OpenAPI', async () => {
    const spec = (await t.app.inject({ url: '/api/openapi.json' })).json();
    const operation = spec.paths['/api/v1/supporters/{slug}/claims'].post;
    expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['202', '404', '410', '422', '429']));
    expect(spec.paths['/api/v1/applications'].post.responses['202'].content['application/json'].schema.properties).toHaveProperty('matches');
  });
});
