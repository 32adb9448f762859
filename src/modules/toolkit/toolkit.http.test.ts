import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceDir } from '../../app/reference/reference.js';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { toolkitReference } from './toolkit.reference.js';

/** The toolkit served from the reference bundle shipped in reference/toolkit (no ../shared needed). */
describe('the toolkit served from the reference bundle', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    const parsed = await toolkitReference.read(referenceDir);
    await t.database.db.transaction(async (tx) => {
      expect(await toolkitReference.isEmpty(tx)).toBe(true);
      expect(await toolkitReference.load(tx, parsed, 'test')).toEqual({ frameworks: 35, actions: 25, cells: 875 });
    });
  });
  afterAll(async () => t?.close());

  it('when loaded, the part is no longer empty, so a restart does not load it again', async () => {
    expect(await toolkitReference.isEmpty(t.database.db)).toBe(false);
  });

  it('lists the frameworks with total, page and pageSize, in the workbook order', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/toolkit/frameworks?page=2&pageSize=10' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ dataset: 'wg6-2021', total: 35, page: 2, pageSize: 10 });
    expect(body.items).toHaveLength(10);
    expect(body.items[0]).toMatchObject({ key: 'pp-15', category: 'public-policy', source: { name: 'Public policy!A15' } });
    const all = (await t.app.inject({ method: 'GET', url: '/api/v1/toolkit/frameworks?pageSize=100' })).json();
    expect(all.items.reduce((sum: number, f: { quoted: number }) => sum + f.quoted, 0)).toBe(271);
    expect(all.items.find((f: { key: string }) => f.key === 'pp-5')).toMatchObject({ name: 'EU Cybersecurity Act', quoted: 13, reviewedAbsent: 12 });
  });

  it('lists the 25 actions with their principle and how many frameworks address each', async () => {
    const body = (await t.app.inject({ method: 'GET', url: '/api/v1/toolkit/actions' })).json();
    expect(body).toMatchObject({ total: 25, page: 1, pageSize: 50 });
    expect(body.items.map((a: { code: string }) => a.code)).toEqual(Array.from({ length: 25 }, (_, i) => `A${i + 1}`));
    expect(body.items.find((a: { code: string }) => a.code === 'A14')).toMatchObject({ principle: 'responsibility', quoted: 28, reviewedAbsent: 7 });
    expect(body.items.find((a: { code: string }) => a.code === 'A15')).toMatchObject({ quoted: 6 });
  });

  it('refuses a page size over the limit with problem+json', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/toolkit/actions?pageSize=1000' });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('documents both endpoints, their paging and their items, in the OpenAPI document', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of ['/api/v1/toolkit/frameworks', '/api/v1/toolkit/actions']) {
      const get = spec.paths[path]?.get;
      expect(get?.tags, path).toEqual(['toolkit']);
      expect(get.parameters.map((p: { name: string }) => p.name)).toEqual(['page', 'pageSize']);
      expect(Object.keys(get.responses['200'].content['application/json'].schema.properties)).toEqual(['dataset', 'total', 'page', 'pageSize', 'items']);
    }
  });

  it('renders the matrix in both languages: 35 rows grouped by category, a link per pair', async () => {
    for (const [locale, heading, category] of [
      ['en', 'ICT supply-chain security toolkit', 'Intergovernmental'],
      ['fr', 'Boîte à outils pour la sécurité de la chaîne d’approvi\u00adsionnement numérique', 'Intergouvernemental'],
    ] as const) {
      const response = await t.app.inject({ method: 'GET', url: `/${locale}/toolkit` });
      expect(response.statusCode).toBe(200);
      const page = response.body;
      expect(page).toContain(`<h1>${heading}</h1>`);
      expect(page).toContain(category);
      expect(page.match(/<th scope="row"/g)).toHaveLength(35 + 1); // the frameworks and the totals row
      expect(page.match(new RegExp(`href="/${locale}/toolkit/cells/`, 'g'))).toHaveLength(35 * 25);
      expect(page).toContain(`href="/${locale}/toolkit/cells/pp-9/a4"`);
      expect(page).not.toMatch(/<script/);
    }
  });

  it('shows a merged quotation with its cell and range, and a reviewed blank as such', async () => {
    const quoted = await t.app.inject({ method: 'GET', url: '/en/toolkit/cells/pp-9/a4' });
    expect(quoted.statusCode).toBe(200);
    expect(quoted.body).toContain('<code>Public policy!I9</code>');
    expect(quoted.body).toContain('H9:I9');
    expect(quoted.body).toContain('Documentation transparency');
    const absent = await t.app.inject({ method: 'GET', url: '/fr/toolkit/cells/pp-11/a1' });
    expect(absent.statusCode).toBe(200);
    expect(absent.body).toContain('Le référentiel a été examiné pour cette action et aucune disposition s’y rapportant n’a été trouvée.');
  });

  it('answers 404 for an unknown framework or action', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/en/toolkit/cells/pp-99/a4' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/en/toolkit/cells/pp-9/a26' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/en/toolkit/cells/pp-9/x' })).statusCode).toBe(404);
  });
});
