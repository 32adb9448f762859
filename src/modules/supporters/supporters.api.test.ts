import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixtureSite, type TestApp } from '../../../test/helpers/app.js';
import { statsSchema, supporterDetailSchema, supporterListSchema } from './supporters.schemas.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ site: fixtureSite });
});
afterAll(async () => t?.close());

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
const names = (body: { items: Array<{ name: string }> }) => body.items.map((i) => i.name).sort();

describe('GET /api/v1/supporters', () => {
  it('lists every published supporter with total, items and facets matching the documented schema', async () => {
    const response = await get('/api/v1/supporters');
    expect(response.statusCode).toBe(200);
    const body = supporterListSchema.parse(response.json());
    expect(body.total).toBe(13);
    expect(body.items).toHaveLength(13);
    expect(body.facets.category).toEqual(
      expect.arrayContaining([
        { value: 'private-sector', count: 5 },
        { value: 'uncategorised', count: 1 },
      ]),
    );
  });

  it.each([
    ['category=state', ['Roumanie', 'Serbie']],
    ['country=ROU', ['Roumanie']],
    ['country=none', ['European Union', 'INTERFICTION']],
    ['category=uncategorised', ["Centre imaginaire d'études aériennes"]],
    ['q=societe', ['Société Générale de Fiction']],
    ['q=SOCIÉTÉ%20fict', ['Société Générale de Fiction']],
    ['q=romania', ['Roumanie']],
    ['q=serbia', ['Serbie']],
    ['q=germany', ['WikiCorp GmbH']],
    ['country=FRA&category=private-sector', ['Eutelfiction', 'Société Générale de Fiction']],
    ['country=FRA&country=DEU&category=private-sector', ['Eutelfiction', 'Société Générale de Fiction', 'WikiCorp GmbH']],
    ['year=2020&category=public-authority', ['Ville de Nullepart']],
    ['nature=organisation%20internationale', ['INTERFICTION']],
  ])('filters %s', async (query, expected) => {
    const response = await get(`/api/v1/supporters?${query}`);
    expect(response.statusCode).toBe(200);
    expect(names(response.json())).toEqual([...expected].sort());
  });

  it('pages through results in a stable order', async () => {
    const first = (await get('/api/v1/supporters?pageSize=5&page=1')).json();
    const third = (await get('/api/v1/supporters?pageSize=5&page=3')).json();
    expect(first.items).toHaveLength(5);
    expect(third.items).toHaveLength(3);
    expect(first.items[0].name).toBe('Acme Cyber Widgets');
  });

  it('keeps the source country code beside the corrected ISO code', async () => {
    const body = (await get('/api/v1/supporters?country=MNE')).json();
    expect(body.items[0].country).toEqual({ code: 'MNE', sourceCode: 'MTG', name: { en: 'Montenegro', fr: 'Monténégro' } });
  });

  it.each([
    ['category=bogus', 'querystring.category'],
    ['pageSize=0', 'querystring.pageSize'],
    ['page=abc', 'querystring.page'],
    ['country=XX', 'querystring.country'],
    [`q=${'x'.repeat(201)}`, 'querystring.q'],
  ])('rejects %s with a 400 problem naming the field', async (query, field) => {
    const response = await get(`/api/v1/supporters?${query}`);
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = response.json();
    expect(problem).toMatchObject({ status: 400, code: 'request.invalid', title: 'The request has invalid values' });
    expect(problem.errors.map((e: { field: string }) => e.field.replace(/\.\d+$/, ''))).toContain(field);
  });

  it('answers problems in French when asked', async () => {
    const response = await get('/api/v1/supporters?category=bogus', { 'accept-language': 'fr' });
    expect(response.json().title).toBe('La requête contient des valeurs invalides');
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const first = await get('/api/v1/supporters?category=state');
    const again = await get('/api/v1/supporters?category=state', { 'if-none-match': String(first.headers.etag) });
    expect(again.statusCode).toBe(304);
  });
});

describe('GET /api/v1/supporters/{slug}', () => {
  it('returns the supporter with its sanitized statement', async () => {
    const response = await get('/api/v1/supporters/acme_cyber_widgets-private-sector-USA');
    expect(response.statusCode).toBe(200);
    const body = supporterDetailSchema.parse(response.json());
    expect(body).toMatchObject({ name: 'Acme Cyber Widgets', dateSigned: '2021-04-01', joinedOnSource: 'signed', website: 'https://acme-widgets.example' });
    expect(body.statementHtml).toContain('<a href="https://norms.example/" rel="nofollow ugc noopener">shared norms</a>');
    expect(body.statementHtml).not.toContain('<script');
  });

  it('gives a 404 problem for an unknown slug', async () => {
    const response = await get('/api/v1/supporters/no-such-supporter');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ status: 404, code: 'supporters.not-found' });
  });

  it('never exposes internal fields', async () => {
    const body = (await get('/api/v1/supporters/roumanie-state-ROM')).json();
    for (const key of ['id', 'searchText', 'sourceHash', 'source', 'status', 'createdAt']) expect(body).not.toHaveProperty(key);
  });
});

describe('GET /api/v1/stats', () => {
  it('counts per category, country and year, the same as the list', async () => {
    const stats = statsSchema.parse((await get('/api/v1/stats')).json());
    expect(stats.total).toBe(13);
    expect(stats.byCategory).toEqual({ state: 2, 'public-authority': 3, 'private-sector': 5, 'civil-society': 2, uncategorised: 1 });
    expect(stats.withoutCountry).toBe(2);
    expect(stats.byCountry.find((c) => c.country === 'ROU')).toEqual({ country: 'ROU', count: 1, isState: true });
    expect(stats.byCountry.find((c) => c.country === 'FRA')?.isState).toBe(false);
    const list = (await get('/api/v1/supporters')).json();
    for (const year of stats.byYear) {
      const facet = list.facets.year.find((y: { value: string }) => Number(y.value) === year.year);
      expect(facet.count).toBe(year.signed + year.firstSeen);
    }
  });
});

describe('GET /supporters.csv', () => {
  it('has the official header, then the verification columns, and one quoted row per supporter', async () => {
    const response = await get('/supporters.csv');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    const lines = response.body.trimEnd().split('\n');
    expect(lines[0]).toBe('name,category,nationality,nature,website,twitter,date_signed,verification_level,verified_on');
    expect(lines).toHaveLength(14);
    expect(lines).toContain('"Roumanie","state","ROM","","","","","official-registry","2019-09-16"');
  });

  it('accepts the registry filters and says the same as the API', async () => {
    const csv = (await get('/supporters.csv?category=private-sector&country=FRA')).body.trimEnd().split('\n');
    const api = (await get('/api/v1/supporters?category=private-sector&country=FRA')).json();
    expect(csv.length - 1).toBe(api.total);
  });
});

describe('OpenAPI', () => {
  it('documents every public API route and serves browsable docs', async () => {
    const spec = (await get('/api/openapi.json')).json();
    expect(spec.openapi).toBe('3.1.0');
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/v1/supporters', '/api/v1/supporters/{slug}', '/api/v1/stats', '/supporters.csv']));
    const routes = t.app.printRoutes({ commonPrefix: false });
    for (const match of routes.matchAll(/(\/api\/v1\/[^\s(]*)/g)) {
      const path = (match[1] as string).replace(/:(\w+)/g, '{$1}');
      expect(spec.paths, `${path} is undocumented`).toHaveProperty([path]);
    }
    expect((await get('/api/docs/')).statusCode).toBe(200);
  });
});

describe('/healthz', () => {
  it('answers when the database is reachable', async () => {
    const response = await get('/healthz');
    expect(response.statusCode).toBe(200);
    expect(response.json().status).toBe('ok');
  });
});
