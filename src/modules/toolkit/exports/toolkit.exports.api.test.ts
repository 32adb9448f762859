import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceDir } from '../../../app/reference/reference.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { toolkitReference } from '../toolkit.reference.js';

/** The read API beyond the two lists, on the published layer loaded from the reference bundle. */
describe('the toolkit read API: frameworks, actions, cells and layers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    const parsed = await toolkitReference.read(referenceDir);
    await t.database.db.transaction((tx) => toolkitReference.load(tx, parsed, 'test'));
  });
  afterAll(async () => t?.close());

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

  it('gives one framework with its 25 cells, the merged quotation on each action it covers', async () => {
    const response = await get('/api/v1/toolkit/frameworks/pp-9');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ dataset: 'wg6-2021', key: 'pp-9', category: 'public-policy' });
    expect(body.cells).toHaveLength(25);
    expect(body.cells.filter((c: { status: string }) => c.status === 'quoted')).toHaveLength(body.quoted);
    const a3 = body.cells.find((c: { action: string }) => c.action === 'A3');
    const a4 = body.cells.find((c: { action: string }) => c.action === 'A4');
    expect(a4).toMatchObject({ source: 'Public policy!I9', mergedRange: 'H9:I9', locator: 'Documentation transparency', principle: 'transparency' });
    expect(a3.quotation).toBe(a4.quotation);
  });

  it('gives one action with the 35 frameworks reviewed for it, its code in any case', async () => {
    const body = (await get('/api/v1/toolkit/actions/a14')).json();
    expect(body).toMatchObject({ code: 'A14', principle: 'responsibility', quoted: 28, reviewedAbsent: 7 });
    expect(body.cells).toHaveLength(35);
    expect(body.cells.filter((c: { status: string }) => c.status === 'quoted')).toHaveLength(28);
  });

  it('answers 404 problem+json in the asked language for an unknown framework or action', async () => {
    const framework = await get('/api/v1/toolkit/frameworks/pp-99', { 'accept-language': 'fr' });
    expect(framework.statusCode).toBe(404);
    expect(framework.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(framework.json()).toMatchObject({ code: 'toolkit.framework.not-found', title: 'Aucun référentiel pp-99 dans la boîte à outils' });
    const action = await get('/api/v1/toolkit/actions/A7');
    expect(action.statusCode).toBe(200);
    const unknown = await get('/api/v1/toolkit/actions/A26');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('pages the 875 cells, 271 of them quoted, with total, page and pageSize', async () => {
    const first = (await get('/api/v1/toolkit/cells?pageSize=100')).json();
    expect(first).toMatchObject({ dataset: 'wg6-2021', total: 875, page: 1, pageSize: 100 });
    expect(first.items).toHaveLength(100);
    expect(first.items[0]).toMatchObject({ framework: 'pp-5', action: 'A1' });
    const last = (await get('/api/v1/toolkit/cells?pageSize=100&page=9')).json();
    expect(last.items).toHaveLength(75);
    expect((await get('/api/v1/toolkit/cells?status=quoted&pageSize=1')).json().total).toBe(271);
    expect((await get('/api/v1/toolkit/cells?status=reviewed-absent&pageSize=1')).json().total).toBe(875 - 271);
  });

  it('filters the cells by framework, action, category, principle and recipient, repeated values combined', async () => {
    const total = async (query: string) => (await get(`/api/v1/toolkit/cells?pageSize=1&${query}`)).json().total as number;
    expect(await total('framework=pp-5')).toBe(25);
    expect(await total('framework=pp-5&framework=pp-9')).toBe(50);
    expect(await total('action=a4&action=A5')).toBe(70);
    expect(await total('category=public-private')).toBe(3 * 25);
    expect(await total('category=public-policy&status=quoted')).toBe(105);
    expect(await total('principle=proportionality')).toBe(35 * 2);
    // MITRE ATT&CK (pp-11) marks no recipient at all: every other framework marks at least one.
    expect(await total('recipient=states&recipient=private-sector&recipient=individuals')).toBe(34 * 25);
    const forStates = (await get('/api/v1/toolkit/frameworks?pageSize=100')).json().items.filter((f: { recipients: { states: { marked: boolean } } }) => f.recipients.states.marked).length;
    expect(await total('recipient=states')).toBe(forStates * 25);
  });

  it('refuses a bad filter with a 400 problem naming the field', async () => {
    const response = await get('/api/v1/toolkit/cells?principle=nope', { 'accept-language': 'fr' });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ code: 'request.invalid', title: 'La requête contient des valeurs invalides', errors: [expect.objectContaining({ field: 'querystring.principle' })] });
  });

  it('lists the layers with version, source, sha256 and the anomalies count', async () => {
    const body = (await get('/api/v1/toolkit/datasets')).json();
    expect(body).toMatchObject({ total: 1, page: 1, pageSize: 50 });
    expect(body.items[0]).toMatchObject({ key: 'wg6-2021', immutable: true, version: '2021-11-10', frameworks: 35, cells: 875, description: null });
    expect(body.items[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(body.items[0].source).toContain('Paris-Call-WG6-Supply-chain-security-mapping-version-2021-11-10.xlsx');
    expect(body.items[0].anomalies).toBeGreaterThan(0);
  });

  it('answers a repeated request from the cache, with its ETag', async () => {
    const first = await get('/api/v1/toolkit/cells?framework=pp-5&cb=1');
    const again = await get('/api/v1/toolkit/cells?cb=2&framework=pp-5', { 'if-none-match': String(first.headers.etag) });
    expect(first.headers.etag).toBeTruthy();
    expect(again.statusCode).toBe(304);
  });

  it('documents the new endpoints, their filters and paging, in the OpenAPI document', async () => {
    const spec = (await get('/api/openapi.json')).json();
    for (const path of ['/api/v1/toolkit/frameworks/{key}', '/api/v1/toolkit/actions/{code}', '/api/v1/toolkit/cells', '/api/v1/toolkit/datasets']) {
      expect(spec.paths[path]?.get?.tags, path).toEqual(['toolkit']);
    }
    const cells = spec.paths['/api/v1/toolkit/cells'].get;
    expect(cells.parameters.map((p: { name: string }) => p.name)).toEqual(['framework', 'action', 'status', 'category', 'principle', 'recipient', 'page', 'pageSize']);
    expect(Object.keys(cells.responses['200'].content['application/json'].schema.properties)).toEqual(['dataset', 'total', 'page', 'pageSize', 'items']);
    expect(Object.keys(spec.paths['/api/v1/toolkit/datasets'].get.responses['200'].content['application/json'].schema.properties)).toEqual(['total', 'page', 'pageSize', 'items']);
  });
});

describe('the toolkit read API before the toolkit is loaded', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('answers 404 for cells and an empty list of layers, and caches neither', async () => {
    const cells = await t.app.inject({ method: 'GET', url: '/api/v1/toolkit/cells' });
    expect(cells.statusCode).toBe(404);
    expect(cells.json()).toMatchObject({ code: 'toolkit.dataset.not-loaded' });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/toolkit/datasets' })).json()).toEqual({ total: 0, page: 1, pageSize: 50, items: [] });
    const parsed = await toolkitReference.read(referenceDir);
    await t.database.db.transaction((tx) => toolkitReference.load(tx, parsed, 'test'));
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/toolkit/datasets' })).json().total).toBe(1);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/toolkit/cells' })).json().total).toBe(875);
  });
});
