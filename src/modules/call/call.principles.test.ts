import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../app/audit/audit.tables.js';
import { anonymous, systemActor, type Actor } from '../../app/authz/actor.js';
import { importSite } from '../../site-import.js';
import { createTestApp, fixtureSite, type TestApp } from '../../../test/helpers/app.js';
import { csrfFor, signInAs } from '../../../test/helpers/auth.js';
import { principleFormSchema } from './call.schemas.js';
import { readCallContent } from './call.source.js';
import { editPrincipleNames, getPrinciple, importCallContent } from './call.usecases.js';

/** The principles as the secretariat keeps them (names edited, never undone by an import) and as the API gives them. */
let t: TestApp;
const user = (role: 'member' | 'moderator', method: 'passkey' | 'email-link' = 'passkey'): Actor => ({
  kind: 'user', userId: `usr_${role}`, email: `${role}@example.org`, name: null, role, locale: 'en', sessionId: 'ses_1', method, grants: [],
});

beforeAll(async () => {
  t = await createTestApp({ site: fixtureSite });
});
afterAll(async () => t?.close());

const get = (url: string, cookie = '') => t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
const names = (values: Record<string, string>) => principleFormSchema.parse(values);

describe('the principles in the API and as CSV', () => {
  it('pages the nine principles with total, page and pageSize, both languages, and documents the list', async () => {
    const body = (await get('/api/v1/principles?page=2&pageSize=4')).json();
    expect(body).toMatchObject({ total: 9, page: 2, pageSize: 4 });
    expect(body.items.map((p: { number: number }) => p.number)).toEqual([5, 6, 7, 8]);
    expect(body.items[1]).toEqual({ number: 6, shortName: { en: 'Lifecycle security', fr: 'Sécurité du cycle de vie' }, fullName: expect.objectContaining({ en: expect.any(String) }) });
    const bad = await get('/api/v1/principles?pageSize=51');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Object.keys((await get('/api/openapi.json')).json().paths)).toContain('/api/v1/principles');
  });

  it('exports them as CSV, headers in the page\'s language, one column per language', async () => {
    const response = await get('/fr/principles/export/principles.csv');
    expect(response.headers['content-disposition']).toBe('attachment; filename="principles.csv"');
    const rows = parse(response.body) as string[][];
    expect(rows[0]).toEqual(['Numéro', 'Nom court (anglais)', 'Nom court (français)', 'Nom complet (anglais)', 'Nom complet (français)']);
    expect(rows[6]?.slice(0, 3)).toEqual(['6', 'Lifecycle security', 'Sécurité du cycle de vie']);
    expect(rows).toHaveLength(10);
  });
});

describe('the secretariat renames a principle', () => {
  it('refuses visitors, members and a moderator without a passkey in the use case, and nothing changes', async () => {
    const form = names({ shortNameEn: 'Renamed', fullNameEn: 'Renamed in full.' });
    await expect(editPrincipleNames({ db: t.database.db, actor: anonymous, number: 6, form })).rejects.toMatchObject({ status: 401 });
    await expect(editPrincipleNames({ db: t.database.db, actor: user('member'), number: 6, form })).rejects.toMatchObject({ status: 403 });
    await expect(editPrincipleNames({ db: t.database.db, actor: user('moderator', 'email-link'), number: 6, form })).rejects.toMatchObject({ code: 'auth.passkey-required' });
    expect((await getPrinciple({ db: t.database.db, number: 6 })).shortName.en).toBe('Lifecycle security');
    expect(principleFormSchema.safeParse({ shortNameEn: ' ', fullNameEn: 'x'.repeat(601) }).error?.issues.map((i) => [i.path[0], i.message])).toEqual([
      ['shortNameEn', 'principle.error.required'],
      ['fullNameEn', 'principle.error.tooLong'],
    ]);
  });

  it('shows bad input beside its field in the page\'s language, and changes nothing', async () => {
    const { cookie: moderator } = await signInAs(t, { email: 'mod@secretariat.example', role: 'moderator' });
    const url = '/fr/secretariat/principles/6';
    const { token, cookie } = await csrfFor(t, url, moderator);
    const response = await t.app.inject({
      method: 'POST',
      url,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: token, shortNameEn: '', shortNameFr: 'Cycle de vie', fullNameEn: 'Secure products.', fullNameFr: '' }).toString(),
    });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('<p class="field-error" id="shortNameEn-error">Remplissez ce champ.</p>');
    expect(response.body).toContain('value="Cycle de vie"');
    expect(await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'call.principle.edit'))).toEqual([]);
  });

  it('saves new names over HTTP, audited with before and after, shown at once on the cached principle page', async () => {
    expect((await get('/en/principles/6')).body).toContain('<h1>Lifecycle security</h1>');
    const { cookie: moderator } = await signInAs(t, { email: 'mod@secretariat.example', role: 'moderator' });
    const url = '/en/secretariat/principles/6';
    const { token, cookie } = await csrfFor(t, url, moderator);
    const response = await t.app.inject({
      method: 'POST',
      url,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: token, shortNameEn: 'Lifecycle and supply chain security', shortNameFr: '', fullNameEn: 'Secure products and their supply chain.', fullNameFr: 'Sécuriser les produits et leur chaîne.' }).toString(),
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/en/secretariat/principles/6?done=saved');
    expect((await get('/en/secretariat/principles/6?done=saved', moderator)).body).toContain('The principle was saved.');
    expect((await get('/en/principles/6')).body).toContain('<h1>Lifecycle and supply chain security</h1>');
    // No French short name yet: the French page shows the English one, in its language, rather than nothing.
    expect((await get('/fr/principles/6')).body).toContain('<h1 lang="en">Lifecycle and supply chain security</h1>');
    const [entry] = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'call.principle.edit'));
    expect(entry).toMatchObject({ subject: 'principle:6', details: { before: { shortName: { en: 'Lifecycle security' } }, after: { shortName: { en: 'Lifecycle and supply chain security' } } } });
  });

  it('keeps the renamed principle through a new import of the Call, which still updates the others', async () => {
    const parsed = await readCallContent(fixtureSite);
    const counts = await importCallContent({ db: t.database.db, parsed, actor: systemActor('cli:test') });
    expect(counts).toEqual({ documents: expect.any(Number), principles: 8, keptPrinciples: [6] });
    await importSite(t.database, { source: fixtureSite, actor: 'cli:test', firstSeenCsv: `${fixtureSite}/first-seen.csv` });
    expect((await getPrinciple({ db: t.database.db, number: 6 })).shortName).toEqual({ en: 'Lifecycle and supply chain security' });
    expect((await getPrinciple({ db: t.database.db, number: 5 })).shortName.en).toBe(parsed.principles.find((p) => p.number === 5)?.shortName.en);
  });
});
