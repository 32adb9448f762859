import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../../app/audit/audit.tables.js';
import { referenceDir } from '../../../app/reference/reference.js';
import { createTestApp, fixtureSite, type TestApp } from '../../../../test/helpers/app.js';
import { csrfFor, signInAs } from '../../../../test/helpers/auth.js';
import { normsReference } from '../norms.reference.js';
import { crosswalkReference } from './crosswalk.reference.js';

/** The crosswalk and the norms' edits over HTTP: public pages in both languages, the API, CSV, the secretariat's forms. */
let t: TestApp;
let moderator = '';
const form = 'application/x-www-form-urlencoded';

beforeAll(async () => {
  t = await createTestApp({ site: fixtureSite });
  const norms = await normsReference.read(referenceDir);
  const crosswalk = await crosswalkReference.read(referenceDir);
  await t.database.db.transaction(async (tx) => {
    await normsReference.load(tx, norms, 'test');
    await crosswalkReference.load(tx, crosswalk, 'test');
  });
  moderator = (await signInAs(t, { email: 'mod@secretariat.example', role: 'moderator' })).cookie;
});
afterAll(async () => t?.close());

const get = (url: string, cookie = '') => t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
async function post(page: string, url: string, fields: Record<string, string>) {
  const { token, cookie } = await csrfFor(t, page, moderator);
  return t.app.inject({ method: 'POST', url, headers: { cookie, 'content-type': form }, payload: new URLSearchParams({ ...fields, _csrf: token }).toString() });
}

describe('the crosswalk\'s public pages', () => {
  it('shows a norm\'s principles with the rationale and the report page, in English and in French', async () => {
    const en = await get('/en/norms/13i');
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('<h2 id="norm-principles">Principles of the Call linked to this norm</h2>');
    expect(en.body).toContain('<a href="/en/principles/6">Principle 6: Lifecycle security</a>');
    expect(en.body).toContain('WG4 report, p. 18');
    expect(en.body).toContain('After supply-chain attacks such as the SolarWinds compromise');
    const fr = await get('/fr/norms/13i');
    expect(fr.body).toContain('<a href="/fr/principles/6">Principe 6 : Sécurité du cycle de vie</a>');
    expect(fr.body).toContain('Rapport du GT4, p. 18');
    expect(fr.body).toContain('la norme 13 i) est l’engagement de l’ONU pour l’intégrité de la chaîne d’approvisionnement');
    expect((await get('/en/norms/13e')).body).toContain('No principle of the Call is linked to this norm in the crosswalk yet.');
  });

  it('draws the matrix of 9 principles by 11 norms, 16 marks each leading to its rationale, and lists the links', async () => {
    for (const locale of ['en', 'fr'] as const) {
      const page = await get(`/${locale}/norms/crosswalk`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('class="table-scroll sticky-first" role="region"');
      expect((page.body.match(/<th scope="row">/g) ?? []).length).toBe(9);
      expect((page.body.match(/<td class="linked">/g) ?? []).length).toBe(16);
      expect(page.body).toContain('<li id="link-6-13j">');
      expect(page.body).toContain(`<a href="#link-6-13i">`);
    }
    const fr = await get('/fr/norms/crosswalk');
    expect(fr.body).toContain('Le principe 6 et la norme 13(i) sont liés : voir pourquoi');
    expect(fr.body).toContain('Aucune norme n’est encore liée à ce principe.'); // principle 7
  });

  it('lists the norms linked to a principle on the call module\'s principle page', async () => {
    const en = await get('/en/principles/6');
    expect(en.body).toContain('<h2 id="contributions-norms">UN norms linked to this principle</h2>');
    expect(en.body).toContain('<a href="/en/norms/13i">Norm 13(i)</a>');
    expect(en.body).toContain('<a href="/en/norms/13j">Norm 13(j)</a>');
    const fr = await get('/fr/principles/6');
    expect(fr.body).toContain('Normes de l’ONU liées à ce principe');
    expect(fr.body).toContain('(Rapport du GT4, p. 20)');
  });
});

describe('the crosswalk and the norms as data', () => {
  it('pages the crosswalk in the API, gives a norm with its links, and documents both', async () => {
    const list = (await get('/api/v1/crosswalk?pageSize=5&page=2')).json();
    expect(list).toMatchObject({ total: 16, page: 2, pageSize: 5 });
    expect(list.items).toHaveLength(5);
    const norm = (await get('/api/v1/norms/13j')).json();
    expect(norm).toMatchObject({ code: '13j', paragraph: '13(j)', frWording: 'g7' });
    expect(norm.crosswalk).toEqual([
      expect.objectContaining({ principle: 5, norm: '13j', paragraph: '13(j)', source: { document: 'WG4-Final-Report-101121', page: 16 }, edited: false }),
      expect.objectContaining({ principle: 6, norm: '13j', source: { document: 'WG4-Final-Report-101121', page: 20 } }),
    ]);
    expect((await get('/api/v1/norms/13z')).statusCode).toBe(400);
    expect((await get('/api/v1/crosswalk?pageSize=1000')).statusCode).toBe(400);
    const paths = Object.keys((await get('/api/openapi.json')).json().paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/v1/crosswalk', '/api/v1/norms/{code}', '/api/v1/principles']));
  });

  it('exports the crosswalk and the norms as CSV with headers in the page\'s language', async () => {
    const en = await get('/en/norms/export/crosswalk.csv');
    expect(en.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(en.headers['content-disposition']).toBe('attachment; filename="crosswalk.csv"');
    const rows = parse(en.body) as string[][];
    expect(rows[0]).toEqual(['Principle', 'Principle (short name)', 'Norm', 'Rationale (English)', 'Rationale (French)', 'Source document', 'Page', 'Edited on the platform']);
    expect(rows).toHaveLength(17);
    expect(rows.find((row) => row[0] === '6' && row[2] === '13(i)')).toEqual([
      '6', 'Lifecycle security', '13(i)', expect.stringMatching(/^After supply-chain/), expect.stringMatching(/^Après des attaques/), 'WG4-Final-Report-101121', '18', 'false',
    ]);
    expect((parse((await get('/fr/norms/export/crosswalk.csv')).body) as string[][])[1]?.slice(0, 2)).toEqual(['1', 'Protéger les personnes et les infrastructures']);
    const norms = parse((await get('/fr/norms/export/norms.csv')).body) as string[][];
    expect(norms[0]?.slice(0, 4)).toEqual(['Code', 'Paragraphe', 'Rang', 'Texte (anglais)']);
    expect(norms).toHaveLength(12);
  });
});

describe('the secretariat\'s framework pages', () => {
  it('link the norms, principles and crosswalk to their forms, from the account page too', async () => {
    const page = await get('/en/secretariat/norms', moderator);
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).toContain('<a href="/en/secretariat/norms/13i">Edit norm 13(i)</a>');
    expect(page.body).toContain('<a href="/en/secretariat/principles/6">Edit principle 6</a>');
    expect(page.body).toContain('16 links between principles and norms.');
    expect((await get('/fr/account', moderator)).body).toContain('<a href="/fr/secretariat/norms">Modifier les normes, les principes et la table de correspondance</a>');
    const member = (await signInAs(t, { email: 'someone@example.org' })).cookie;
    expect((await get('/en/account', member)).body).not.toContain('/secretariat/norms');
  });

  it('refuse a link without rationale beside its field, in French, and change nothing', async () => {
    const before = (await t.database.db.select().from(auditLog)).length;
    const bad = await post('/fr/secretariat/crosswalk', '/fr/secretariat/crosswalk', { principle: '7', norm: '13g', rationaleEn: '  ' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('<p class="field-error" id="rationaleEn-error">Remplissez ce champ.</p>');
    expect(bad.body).toContain('aria-describedby="rationaleEn-hint rationaleEn-error"');
    const taken = await post('/en/secretariat/crosswalk', '/en/secretariat/crosswalk', { principle: '6', norm: '13i', rationaleEn: 'Again.' });
    expect(taken.statusCode).toBe(422);
    expect(taken.body).toContain('<p class="field-error" id="norm-error">This principle and this norm are already linked: edit that link instead.</p>');
    expect((await t.database.db.select().from(auditLog)).length).toBe(before);
    expect((await get('/api/v1/crosswalk')).json().total).toBe(16);
  });

  it('add, edit and remove a link, each shown at once on the cached public pages', async () => {
    expect((await get('/en/principles/7')).body).toContain('<h2 id="contributions-norms">UN norms linked to this principle</h2><p>No norm is linked to this principle yet.</p>');
    const added = await post('/en/secretariat/crosswalk', '/en/secretariat/crosswalk', { principle: '7', norm: '13g', rationaleEn: 'Hygiene at scale protects critical infrastructure.' });
    expect(added.statusCode).toBe(303);
    expect(added.headers.location).toBe('/en/secretariat/crosswalk?done=added');
    expect((await get('/en/secretariat/crosswalk?done=added', moderator)).body).toContain('The link was added.');
    const principle = await get('/en/principles/7');
    expect(principle.body).toContain('<a href="/en/norms/13g">Norm 13(g)</a>');
    expect(principle.body).toContain('Hygiene at scale protects critical infrastructure. (Written by the secretariat)');
    // Not translated yet: the French page shows the English, and says so.
    expect((await get('/fr/norms/crosswalk')).body).toContain('Pas encore traduit en français ; affiché en anglais.');

    const edit = '/en/secretariat/crosswalk/7/13g';
    expect((await post(edit, edit, { rationaleEn: 'Cyber hygiene protects.', rationaleFr: 'L’hygiène protège.' })).statusCode).toBe(303);
    expect((await get('/fr/principles/7')).body).toContain('L’hygiène protège.');
    const unconfirmed = await post(edit, `${edit}/remove`, {});
    expect(unconfirmed.statusCode).toBe(422);
    expect(unconfirmed.body).toContain('Tick the box to confirm the removal.');
    const removed = await post(edit, `${edit}/remove`, { confirm: 'yes' });
    expect(removed.headers.location).toBe('/en/secretariat/crosswalk?done=removed');
    expect((await get('/en/principles/7')).body).not.toContain('/en/norms/13g');
    expect((await get(edit, moderator)).statusCode).toBe(404);
    const actions = (await t.database.db.select().from(auditLog).where(eq(auditLog.subject, 'crosswalk:7/13g'))).map((e) => e.action);
    expect(actions).toEqual(['norms.crosswalk.add', 'norms.crosswalk.edit', 'norms.crosswalk.remove']);
  });

  it('edit a norm\'s text: errors beside the fields in the page\'s language, then the new text on the norm\'s page', async () => {
    const url = '/fr/secretariat/norms/13a';
    const page = await get(url, moderator);
    expect(page.body).toContain('Consistent with the purposes of the United Nations');
    const bad = await post(url, url, { en: '', fr: 'Texte', frWording: '', frSource: '' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('<p class="field-error" id="en-error">Remplissez ce champ.</p>');
    expect(bad.body).toContain('<p class="field-error" id="frWording-error">Indiquez la provenance de la formulation française.</p>');
    expect((await get('/api/v1/norms/13a')).json().text.en).toMatch(/^Consistent with/);
    const saved = await post(url, url, { en: 'Consistent with the purposes of the United Nations, States should cooperate.', fr: '', frWording: '', frSource: '' });
    expect(saved.headers.location).toBe('/fr/secretariat/norms/13a?done=saved');
    const norm = await get('/en/norms/13a');
    expect(norm.body).toContain('Consistent with the purposes of the United Nations, States should cooperate.');
    expect(norm.body).toContain('This text was edited on the platform by the secretariat.');
  });

  it('are refused to a member, and the public pages show no control', async () => {
    const member = (await signInAs(t, { email: 'member@example.org' })).cookie;
    expect((await get('/en/secretariat/crosswalk', member)).statusCode).toBe(403);
    expect((await get('/en/norms/crosswalk', member)).body).not.toContain('/secretariat/');
  });
});
