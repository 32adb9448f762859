import { eq } from 'drizzle-orm';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixtureSite, type TestApp } from '../../../test/helpers/app.js';
import { csrfFor } from '../../../test/helpers/auth.js';
import { disclosurePolicies } from './disclosure.tables.js';
import { goodFile, localRefreshWorker, setUpDisclosure, startFileServer, type DisclosurePeople } from './disclosure.test-support.js';

let t: TestApp;
let people: DisclosurePeople;
let server: Awaited<ReturnType<typeof startFileServer>>;
const future = new Date(Date.now() + 20 * 86_400_000).toISOString();

beforeAll(async () => {
  t = await createTestApp({ site: fixtureSite });
  people = await setUpDisclosure(t);
  server = await startFileServer();
});
afterAll(async () => {
  await server?.close();
  await t?.close();
});

const get = (url: string, cookie = '') => t.app.inject({ url, headers: cookie ? { cookie } : {} });
async function post(url: string, cookie: string, fields: Record<string, string>, page: string) {
  const form = await csrfFor(t, page, cookie);
  const payload = new URLSearchParams({ _csrf: form.token, ...fields }).toString();
  return t.app.inject({ method: 'POST', url, headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload });
}
const account = (locale = 'en', supporterId = people.orgA.id) => `/${locale}/account/organisations/${supporterId}/disclosure`;
const entryRow = async () => (await t.database.db.select().from(disclosurePolicies).where(eq(disclosurePolicies.supporterId, people.orgA.id)))[0];

describe('a representative manages the organisation’s entry', () => {
  it('is 404 to anyone else who signs in, and asks an anonymous visitor to sign in', async () => {
    expect((await get(account(), people.cookies.repB)).statusCode).toBe(404);
    expect((await get(account(), people.cookies.member)).statusCode).toBe(404);
    expect((await get(account())).statusCode).not.toBe(200);
    expect((await get(account(), people.cookies.moderator)).statusCode).toBe(200);
  });

  it('bad input is refused beside its field in each language, and nothing is written', async () => {
    for (const [locale, url, key] of [
      ['en', 'Enter a web address starting with https://', 'is not an OpenPGP public key'],
      ['fr', 'Saisissez une adresse web commençant par https://', 'n’est pas une clé publique OpenPGP'],
    ] as const) {
      const bad = await post(account(locale), people.cookies.repA, { securityTxtUrl: 'http://org-a.example/.well-known/security.txt', policyUrls: '', keys: '' }, account(locale));
      expect(bad.statusCode).toBe(422);
      expect(bad.body).toContain(url);
      expect(bad.body).toContain('value="http://org-a.example/.well-known/security.txt"');
      const badKey = await post(account(locale), people.cookies.repA, { securityTxtUrl: '', policyUrls: '', keys: 'hello\n-----BEGIN PGP PUBLIC KEY BLOCK-----\nnope\n-----END PGP PUBLIC KEY BLOCK-----' }, account(locale));
      expect(badKey.statusCode).toBe(422);
      expect(badKey.body).toContain(key);
      expect(badKey.body).toMatch(/line 2|ligne 2/);
    }
    expect(await entryRow()).toBeUndefined();
  });

  it('an uploaded security.txt with an error is refused with its line, and changes nothing; a good one is saved', async () => {
    const bad = await post(`${account('fr')}/upload`, people.cookies.repA, { upload: 'Contact: mailto:a@org-a.example\nExpires: 2030-01-01T00:00:00Z\nExpires: 2030-01-02T00:00:00Z\n' }, account('fr'));
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Ligne 3 : Expires figure plus d’une fois');
    const httpContact = await post(`${account()}/upload`, people.cookies.repA, { upload: `Contact: http://org-a.example/report\nExpires: ${future}\n` }, account());
    expect(httpContact.body).toContain('Line 1: this address must start with https:');
    expect(await entryRow()).toBeUndefined();
    const good = await post(`${account()}/upload`, people.cookies.repA, { upload: goodFile(future) }, account());
    expect(good.statusCode).toBe(303);
    expect(await entryRow()).toMatchObject({ contentSource: 'uploaded', fetchStatus: 'ok', securityTxtUrl: null });
  });

  it('saving a URL enqueues a refresh; the fetched file is shown publicly in both languages with its freshness', async () => {
    server.files.set('/.well-known/security.txt', (_q, r) => r.end(goodFile(future)));
    const saved = await post(account(), people.cookies.repA, { securityTxtUrl: `https://org-a.example/.well-known/security.txt`, policyUrls: 'https://org-a.example/cvd-policy', keys: '' }, account());
    expect(saved.statusCode).toBe(303);
    // The test's server is on 127.0.0.1: point the entry at it (the form only takes https) and refresh through the outbox.
    await t.database.db.update(disclosurePolicies).set({ securityTxtUrl: `${server.base}/.well-known/security.txt` }).where(eq(disclosurePolicies.supporterId, people.orgA.id));
    await localRefreshWorker(t).drain();
    const en = await get(`/en/disclosure/${people.orgA.slug}`);
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('href="mailto:security@org-a.example"');
    expect(en.body).toContain('https://org-a.example/cvd-policy');
    expect(en.body).toContain('Expiring soon');
    expect(en.body).toContain(' UTC');
    expect(en.body).not.toContain('Person repA');
    const fr = await get(`/fr/disclosure/${people.orgA.slug}`);
    expect(fr.body).toContain('Expire bientôt');
    expect(fr.body).toContain('Ce que dit le security.txt');
  });
});

describe('the public registry', () => {
  it('lists entries with filters, counts and paging; CSV and API say the same; nobody’s personal data', async () => {
    const list = await get('/en/disclosure?freshness=expiring');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('1 entry');
    expect(list.body).toContain(`href="/en/disclosure/${people.orgA.slug}"`);
    expect((await get('/fr/disclosure?freshness=expired')).body).toContain('Aucune fiche');
    expect((await get('/en/disclosure?policy=no')).body).toContain('No entry');
    expect((await get('/en/disclosure?freshness=soon')).statusCode).toBe(400);

    const api = await get('/api/v1/disclosure-policies?pageSize=10');
    expect(api.statusCode).toBe(200);
    const body = api.json();
    expect(body).toMatchObject({ total: 1, page: 1, pageSize: 10 });
    expect(body.items[0]).toMatchObject({ supporter: { slug: people.orgA.slug }, freshness: { status: 'ok', expiringSoon: true, expired: false } });
    expect(JSON.stringify(body)).not.toMatch(/usr_|updatedBy|ana@org-a/);
    expect((await get(`/api/v1/disclosure-policies/${people.orgA.slug}`)).json().securityTxt.contact).toContain('mailto:security@org-a.example');
    expect((await get(`/api/v1/disclosure-policies/${people.orgB.slug}`)).statusCode).toBe(404);

    const csv = await get('/api/v1/disclosure-policies.csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    const rows = parseCsv(csv.body, { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ supporter: people.orgA.slug, status: 'ok', expiring_soon: 'true' });
  });

  it('the API is in the OpenAPI document', async () => {
    const openapi = (await get('/api/openapi.json')).json();
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/api/v1/disclosure-policies', '/api/v1/disclosure-policies.csv', '/api/v1/disclosure-policies/{slug}']));
  });

  it('the supporter’s registry page links to its entry', async () => {
    const page = await get(`/en/supporters/${people.orgA.slug}`);
    expect(page.body).toContain(`/en/disclosure/${people.orgA.slug}`);
  });
});
