import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import type { OperatorActor } from './index.usecases.js';
import { createDraftEdition, publishEdition } from './index.usecases.js';
import { fixtureTable } from './index.usecases.test-support.js';

const operator: OperatorActor = { kind: 'operator', ref: 'cli:test' };
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  const deps = { db: t.database.db };
  const base = {
    iData: fixtureTable('small-iData.csv'),
    iMeta: fixtureTable('small-iMeta.csv'),
    config: { steps: [{ step: 'denominate' }, { step: 'normalise', method: 'minmax', lower: 0, upper: 100 }] },
    uncertainty: { seed: 3, runs: 256, weightPerturbation: 0.25 },
  };
  await createDraftEdition(deps, operator, { ...base, slug: 'edition-1', titles: { en: 'Edition 1', fr: 'Édition 1' }, withoutData: { categories: [{ code: 'C4', name: 'Management of change' }], indicators: [] } });
  await publishEdition(deps, operator, { slug: 'edition-1', changesNote: { en: 'First', fr: 'Première' } });
  await createDraftEdition(deps, operator, { ...base, slug: 'draft-only', titles: { en: 'Draft', fr: 'Brouillon' } });
});
afterAll(async () => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });

describe('public index API', () => {
  it('lists published editions only', async () => {
    const res = await get('/api/v1/index/editions');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      items: [{ slug: 'edition-1', title: { en: 'Edition 1', fr: 'Édition 1' }, publishedAt: expect.any(String), previous: null, changesNote: { en: 'First', fr: 'Première' } }],
    });
  });

  it('serves an edition’s snapshot with bands, coverage and changes', async () => {
    const res = await get('/api/v1/index/editions/edition-1');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.slug).toBe('edition-1');
    expect(body.snapshot.rows).toHaveLength(8);
    expect(body.snapshot.rows[0].bands.Index.score).toEqual({ p5: expect.any(Number), p50: expect.any(Number), p95: expect.any(Number) });
    expect(body.snapshot.coverage.withoutData.categories).toEqual([{ code: 'C4', name: 'Management of change' }]);
    // step options survive the response schema (the methodology page needs them)
    expect(body.snapshot.config.steps[1]).toMatchObject({ step: 'normalise', method: 'minmax', lower: 0, upper: 100 });
    expect(body.changes).toEqual({ previous: null, config: [], units: [] });
  });

  it('serves one unit across time points', async () => {
    const res = await get('/api/v1/index/editions/edition-1/units/ccc');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.unit).toEqual({ code: 'CCC', name: 'Gamma, Republic of' });
    expect(body.rows.map((r: { time: number }) => r.time)).toEqual([2020, 2021]);
    expect(body.top).toBe('Index');
  });

  it('downloads results as CSV and JSON', async () => {
    const csv = await get('/api/v1/index/editions/edition-1/results.csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.body.trim().split('\n');
    expect(lines[0]).toBe('uCode,uName,Time,Index,Index_p5,Index_p95,Index_rank,Index_rank_p5,Index_rank_p95,Info,Info_p5,Info_p95,Info_rank,Info_rank_p5,Info_rank_p95,Serv,Serv_p5,Serv_p95,Serv_rank,Serv_rank_p5,Serv_rank_p95');
    expect(lines).toHaveLength(9);
    expect(lines.some((l) => l.startsWith('CCC,"Gamma, Republic of",2020,'))).toBe(true);
    const json = await get('/api/v1/index/editions/edition-1/results.json');
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-disposition']).toBe('attachment; filename="edition-1-results.json"');
    expect(json.json().snapshot.rows).toHaveLength(8);
  });

  it.each([
    ['/api/v1/index/editions/draft-only', 'index.edition.not-found'],
    ['/api/v1/index/editions/nothing-here', 'index.edition.not-found'],
    ['/api/v1/index/editions/draft-only/units/AAA', 'index.edition.not-found'],
    ['/api/v1/index/editions/edition-1/units/ZZZ', 'index.unit.not-found'],
    ['/api/v1/index/editions/draft-only/results.csv', 'index.edition.not-found'],
    ['/api/v1/index/editions/draft-only/results.json', 'index.edition.not-found'],
  ])('when %s is not published, it answers 404 problem+json', async (url, code) => {
    const res = await get(url);
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ status: 404, code, type: `/api/problems/${code}` });
  });

  it('documents every route in the OpenAPI description', async () => {
    const spec = (await get('/api/openapi.json')).json();
    for (const path of ['/api/v1/index/editions', '/api/v1/index/editions/{slug}', '/api/v1/index/editions/{slug}/units/{code}', '/api/v1/index/editions/{slug}/results.csv', '/api/v1/index/editions/{slug}/results.json']) {
      expect(spec.paths[path]?.get, path).toBeDefined();
    }
    expect(spec.paths['/api/v1/index/editions/{slug}'].get.responses['200']).toBeDefined();
  });
});
