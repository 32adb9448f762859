import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixtureSite, type TestApp } from '../../../test/helpers/app.js';
import { csrfFor, signInAs } from '../../../test/helpers/auth.js';
import { supporters } from '../supporters/supporters.tables.js';
import { validateCsaf } from './cases.csaf.js';
import { buildCaseInput, contactPerson, csafValidatorReady, csafWorkerStartMs, type CasePerson } from './cases.test-support.js';

let t: TestApp;
let a: CasePerson;
let b: CasePerson;
let outsider: CasePerson;

beforeAll(async () => {
  t = await createTestApp({ site: fixtureSite });
  a = await contactPerson(t, 'psirt@vendor-a.example', 0);
  b = await contactPerson(t, 'cert@vendor-b.example', 1, 'Asia/Tokyo');
  outsider = await contactPerson(t, 'soc@vendor-c.example', 2);
});
// Publication validates its advisory: the validation worker starts here, in the hook's time (cases.test-support.ts).
beforeAll(csafValidatorReady, csafWorkerStartMs);
afterAll(async () => t?.close());

async function post(url: string, cookie: string, pageUrl: string, fields: Record<string, string>) {
  const page = await csrfFor(t, pageUrl, cookie);
  return t.app.inject({ method: 'POST', url, headers: { cookie: page.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: page.token, ...fields }).toString() });
}

const input = buildCaseInput();
const caseFields = (overrides: Record<string, string> = {}) => ({
  title: input.title, summary: input.summary, language: 'en', marking: 'AMBER', vulnTitle: input.vulnerability.title, cwe: 'CWE-502', cve: 'CVE-2026-40002',
  cvss31: input.vulnerability.cvss31, cvss40: input.vulnerability.cvss40, products: 'Widget 4.2', ...overrides,
});

describe('the case pages, in English and in French', () => {
  let casePath = '';

  it('a bad CVSS vector re-shows the form (422) with the error in French and what was typed', async () => {
    const response = await post('/fr/cooperation/cases/new', a.cookie, '/fr/cooperation/cases/new', caseFields({ cvss31: 'CVSS:3.1/AV:N/AC:L' }));
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('vecteur CVSS 3.1 complet');
    expect(response.body).toContain('value="CVSS:3.1/AV:N/AC:L"');
  });

  it('a contact opens a case and lands on its page: marking, scores, the matrix with “no response”', async () => {
    const response = await post('/en/cooperation/cases/new', a.cookie, '/en/cooperation/cases/new', caseFields());
    expect(response.statusCode).toBe(303);
    casePath = String(response.headers.location).replace(/\?.*$/, '').replace(/^\/en/, '');
    const page = await t.app.inject({ url: `/en${casePath}?done=opened`, headers: { cookie: a.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).toContain('The case is open.');
    expect(page.body).toContain('TLP:AMBER');
    expect(page.body).toContain('CVSS 3.1: 9.8');
    expect(page.body).toContain('CVSS 4.0: 9.3');
    expect(page.body).toContain('No response');
    const fr = await t.app.inject({ url: `/fr${casePath}`, headers: { cookie: a.cookie } });
    expect(fr.body).toContain('Pas de réponse');
    expect(fr.body).toContain('Réponses des participants');
  });

  it('the coordinator invites by the registry’s identifier; an outsider gets 404, a visitor is sent to sign in', async () => {
    const [{ slug }] = (await t.database.db.select({ slug: supporters.slug }).from(supporters).where(eq(supporters.id, b.supporterId))) as [{ slug: string }];
    const invited = await post(`/en${casePath}/participants`, a.cookie, `/en${casePath}`, { organisation: slug, products: 'Gadget 2' });
    expect(invited.statusCode).toBe(303);
    expect((await t.app.inject({ url: `/en${casePath}`, headers: { cookie: outsider.cookie } })).statusCode).toBe(404);
    const anonymous = await t.app.inject({ url: `/en${casePath}` });
    expect([302, 303, 401]).toContain(anonymous.statusCode);
    expect(anonymous.body).not.toContain(input.title);
  });

  it('an embargo at a time the clocks skip is refused in the reader’s language; a good one is shown with its zone, UTC and the reader’s zone', async () => {
    const skipped = await post(`/fr${casePath}/embargo`, a.cookie, `/fr${casePath}`, { embargoAt: '2099-03-29T02:30', timeZone: 'Europe/Paris' });
    expect(skipped.statusCode).toBe(422);
    expect(skipped.body).toContain('Cette heure n’existe pas dans ce fuseau');
    const set = await post(`/en${casePath}/embargo`, a.cookie, `/en${casePath}`, { embargoAt: '2099-06-15T12:00', timeZone: 'Europe/Paris' });
    expect(set.statusCode).toBe(303);
    const page = await t.app.inject({ url: `/en${casePath}`, headers: { cookie: b.cookie } });
    expect(page.body).toContain('June 15, 2099 at 12:00 PM (Europe/Paris, UTC+02:00)');
    expect(page.body).toContain('June 15, 2099 at 10:00 AM (UTC, UTC+00:00)');
    expect(page.body).toContain('In your time zone (Asia/Tokyo): June 15, 2099 at 7:00 PM');
    expect(page.body).toContain('0 of 2 organisations acknowledged the embargo.');
  });

  it('the API gives the case with the same authorization, and takes answers and acknowledgements', async () => {
    const id = casePath.split('/').at(-1)!;
    const got = await t.app.inject({ url: `/api/v1/cases/${id}`, headers: { cookie: b.cookie } });
    expect(got.statusCode).toBe(200);
    const body = got.json() as { vulnerabilities: Array<{ id: string; cvss31: { baseScore: number } }>; participants: { items: Array<{ states: Record<string, string> }> } };
    expect(body.vulnerabilities[0]!.cvss31.baseScore).toBe(9.8);
    expect(body.participants.items.every((p) => Object.values(p.states).every((s) => s === 'no-response'))).toBe(true);
    expect((await t.app.inject({ url: `/api/v1/cases/${id}`, headers: { cookie: outsider.cookie } })).statusCode).toBe(404);
    const csrf = await csrfFor(t, `/en${casePath}`, b.cookie);
    const headers = { cookie: csrf.cookie, 'x-csrf-token': csrf.token, 'content-type': 'application/json' };
    const answered = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${id}/answers`, headers, payload: JSON.stringify({ answers: { [body.vulnerabilities[0]!.id]: 'affected' } }) });
    expect(answered.json()).toEqual({ changed: 1 });
    const bad = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${id}/answers`, headers, payload: JSON.stringify({ answers: { x: 'maybe' } }) });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/cases/${id}/acknowledge`, headers, payload: '{}' })).json()).toEqual({ acknowledgedVersion: 1 });
    const exported = await t.app.inject({ url: `/api/v1/cases/${id}/csaf.json`, headers: { cookie: b.cookie } });
    expect(exported.headers['x-csaf-errors']).toBe('0');
    expect(exported.json()).toMatchObject({ document: { distribution: { tlp: { label: 'AMBER' } }, tracking: { status: 'interim' } } });
    expect(await validateCsaf(exported.json())).toEqual([]);
    expect((await t.app.inject({ url: `/api/v1/cases/${id}/csaf.json`, headers: { cookie: outsider.cookie } })).statusCode).toBe(404);
    const list = await t.app.inject({ url: '/api/v1/cases', headers: { cookie: b.cookie } });
    expect((list.json() as { items: Array<{ id: string }> }).items.map((c) => c.id)).toContain(id);
    expect((await t.app.inject({ url: '/api/v1/cases', headers: { cookie: outsider.cookie } })).json()).toMatchObject({ total: 0 });
  });

  it('nothing of the case is public before publication; after it, the advisory and its valid CSAF are, in both languages', async () => {
    const id = casePath.split('/').at(-1)!;
    expect((await t.app.inject({ url: '/api/v1/advisories' })).body).not.toContain(input.title);
    expect((await t.app.inject({ url: `/en/advisories/${id}` })).statusCode).toBe(404);
    const statement = await post(`/en${casePath}/statement`, b.cookie, `/en${casePath}`, { statement: 'Gadget 2 is affected; fixed in 2.1.', statementLanguage: 'en', submit: 'yes' });
    expect(statement.statusCode).toBe(303);
    const early = await post(`/en${casePath}/publish`, a.cookie, `/en${casePath}`, {});
    expect(early.statusCode).toBe(409);
    expect(early.body).toContain('not every organisation has acknowledged it');
    await post(`/en${casePath}/acknowledge`, a.cookie, `/en${casePath}`, {});
    const participant = /statements\/(cpt_[\w-]+)\/review/.exec((await t.app.inject({ url: `/en${casePath}`, headers: { cookie: a.cookie } })).body)![1]!;
    expect((await post(`/en${casePath}/statements/${participant}/review`, a.cookie, `/en${casePath}`, { decision: 'approve' })).statusCode).toBe(303);
    const published = await post(`/en${casePath}/publish`, a.cookie, `/en${casePath}`, {});
    expect(published.statusCode).toBe(303);
    const list = (await t.app.inject({ url: '/api/v1/advisories' })).json() as { items: Array<{ trackingId: string; title: string }> };
    const trackingId = list.items.find((i) => i.title === input.title)!.trackingId;
    for (const locale of ['en', 'fr']) {
      const page = await t.app.inject({ url: `/${locale}/advisories/${trackingId}` });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('fixed in 2.1');
      expect(page.body).toContain('CVSS 3.1: 9.8');
    }
    expect((await t.app.inject({ url: `/fr/advisories/${trackingId}` })).body).toContain('Affecté');
    const file = await t.app.inject({ url: `/api/v1/advisories/${trackingId}/csaf.json` });
    expect(file.headers['content-disposition']).toContain(`${trackingId.toLowerCase().replace(/[^+\-a-z0-9]+/g, '_')}.json`);
    expect(await validateCsaf(file.json())).toEqual([]);
    expect((await t.app.inject({ url: '/fr/advisories' })).body).toContain(input.title);
  });

  it('someone signed in who is no designated contact is refused the cooperation space’s case list', async () => {
    const member = await signInAs(t, { email: 'someone@example.org' });
    expect((await t.app.inject({ url: '/en/cooperation/cases', headers: { cookie: member.cookie } })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/fr/cooperation/cases', headers: { cookie: a.cookie } })).body).toContain('Dossiers de coordination');
  });

  it('every route of the API is in the OpenAPI document', async () => {
    const openapi = (await t.app.inject({ url: '/api/openapi.json' })).json() as { paths: Record<string, unknown> };
    expect(Object.keys(openapi.paths)).toEqual(
      expect.arrayContaining(['/api/v1/cases', '/api/v1/cases/{case}', '/api/v1/cases/{case}/answers', '/api/v1/cases/{case}/csaf.json', '/api/v1/cases/{case}/acknowledge', '/api/v1/advisories', '/api/v1/advisories/{id}', '/api/v1/advisories/{id}/csaf.json']),
    );
  });
});
