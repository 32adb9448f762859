import type { SystemActor } from '../../app/authz/actor.js';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { parseNumber } from './engine/coinr-cells.js';
import { readCsvTable } from './io/index.csv.js';
import { loadWorkbook } from './io/index.xlsx.js';
import { createDraftEdition, publishEdition } from './index.usecases.js';
import { fixtureTable } from './index.usecases.test-support.js';

const operator: SystemActor = { kind: 'system', ref: 'cli:test' };
const formulaName = '=HYPERLINK("http://example.org","Delta")';
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  const deps = { db: t.database.db };
  // A unit name a spreadsheet would run as a formula, were it not neutralised.
  const iData = fixtureTable('small-iData.csv');
  iData.rows = iData.rows.map((r) => (r.uCode === 'DDD' ? { ...r, uName: formulaName } : r));
  const base = {
    iData,
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

/** A worksheet's rows as arrays of cell values (ExcelJS's `row.values` is 1-based). */
function sheetRows(sheet: ExcelJS.Worksheet | undefined): ExcelJS.CellValue[][] {
  expect(sheet).toBeDefined();
  const rows: ExcelJS.CellValue[][] = [];
  sheet!.eachRow({ includeEmpty: false }, (row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)));
  return rows;
}

describe('public index API', () => {
  it('lists published editions only', async () => {
    const res = await get('/api/v1/index/editions');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      items: [
        {
          slug: 'edition-1', title: { en: 'Edition 1', fr: 'Édition 1' }, publishedAt: expect.any(String), previous: null, changesNote: { en: 'First', fr: 'Première' },
          pilot: false, withdrawn: null,
        },
      ],
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

  it('renders a download once: the same bytes and ETag again, 304 when the client has them, compressed on request', async () => {
    const url = '/api/v1/index/editions/edition-1/results.xlsx';
    const first = await get(url);
    const again = await get(url);
    expect(again.rawPayload.equals(first.rawPayload)).toBe(true);
    expect(first.headers.etag).toBeTruthy();
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(again.headers['content-disposition']).toBe('attachment; filename="edition-1-results.xlsx"');
    const cached = await t.app.inject({ url, headers: { 'if-none-match': String(first.headers.etag) } });
    expect(cached.statusCode).toBe(304);
    const gzip = await t.app.inject({ url: '/api/v1/index/editions/edition-1/results.csv', headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers['content-disposition']).toBe('attachment; filename="edition-1-results.csv"');
  });

  it('downloads results as XLSX: the CSV’s rows and columns, numbers as numbers equal to the JSON snapshot’s', async () => {
    const res = await get('/api/v1/index/editions/edition-1/results.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe('attachment; filename="edition-1-results.xlsx"');
    expect(res.headers['cache-control']).toBe('public, max-age=3600');
    const workbook = await loadWorkbook(res.rawPayload);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Results', 'Edition', 'Framework', 'Config changes', 'Unit changes']);

    const csv = readCsvTable((await get('/api/v1/index/editions/edition-1/results.csv')).body);
    const columns = csv.columns ?? [];
    const [header, ...rows] = sheetRows(workbook.getWorksheet('Results'));
    expect(header).toEqual(columns);
    expect(rows).toHaveLength(csv.rows.length);
    const snapshot = (await get('/api/v1/index/editions/edition-1/results.json')).json().snapshot;
    let numbers = 0;
    rows.forEach((row, i) => {
      const line = csv.rows[i]!;
      const wire = snapshot.rows[i];
      expect(row[0]).toBe(line.uCode);
      expect(row[0]).toBe(wire.unit);
      expect(row[1]).toBe(line.uName);
      columns.slice(2).forEach((column, c) => {
        const cell = row[c + 2] ?? null;
        const text = parseNumber(line[column]);
        expect(text.ok).toBe(true);
        // Missing (NA) is an empty cell; every other value is a numeric cell holding exactly the CSV's number.
        expect(cell, `${line.uCode} ${column}`).toBe(text.ok ? text.value : 'unparsed');
        if (typeof cell === 'number') numbers++;
      });
      expect(row[2]).toBe(wire.time);
      expect(row[header!.indexOf('Index')]).toBe(wire.scores.Index);
      expect(row[header!.indexOf('Index_rank')]).toBe(wire.ranks.Index);
      expect(row[header!.indexOf('Serv_p5')]).toBe(wire.bands.Serv.score.p5);
      expect(row[header!.indexOf('Info_rank_p95')]).toBe(wire.bands.Info.rank.p95);
    });
    expect(numbers).toBeGreaterThan(8 * 12);

    const framework = sheetRows(workbook.getWorksheet('Framework'));
    expect(framework[0]).toEqual(['iCode', 'iName', 'Level', 'Type', 'Parent', 'Weight', 'Direction', 'Unit', 'Source', 'Licence', 'Note', 'RawValues', 'Scores']);
    expect(framework.find((r) => r[0] === 'gci')?.slice(-2)).toEqual(['given', 'given']);
    expect(framework.slice(1).map((r) => r[0])).toEqual(snapshot.nodes.map((n: { code: string }) => n.code));
    expect(framework.find((r) => r[0] === 'gci')?.slice(0, 7)).toEqual(['gci', 'Cybersecurity commitment', 1, 'Indicator', 'Serv', 2, 1]);
    const about = new Map(sheetRows(workbook.getWorksheet('Edition')).map((r) => [r[0], r[1]]));
    expect(about.get('Title (fr)')).toBe('Édition 1');
    expect(about.get('Changes note (en)')).toBe('First');
    expect(about.get('Pilot')).toBe('no');
    // The first edition has nothing to compare with: the change sheets hold their header only.
    expect(sheetRows(workbook.getWorksheet('Config changes'))).toEqual([['Path', 'Before', 'After']]);
    expect(sheetRows(workbook.getWorksheet('Unit changes'))).toHaveLength(1);
  });

  it('neutralises text cells a spreadsheet would run as formulas, in CSV and XLSX alike', async () => {
    const csv = readCsvTable((await get('/api/v1/index/editions/edition-1/results.csv')).body);
    expect(csv.rows.filter((r) => r.uCode === 'DDD').map((r) => r.uName)).toEqual([`'${formulaName}`, `'${formulaName}`]);
    const workbook = await loadWorkbook((await get('/api/v1/index/editions/edition-1/results.xlsx')).rawPayload);
    const names = sheetRows(workbook.getWorksheet('Results')).filter((r) => r[0] === 'DDD').map((r) => r[1]);
    expect(names).toEqual([`'${formulaName}`, `'${formulaName}`]);
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula))));
  });

  it.each([
    ['/api/v1/index/editions/draft-only', 'index.edition.not-found'],
    ['/api/v1/index/editions/nothing-here', 'index.edition.not-found'],
    ['/api/v1/index/editions/draft-only/units/AAA', 'index.edition.not-found'],
    ['/api/v1/index/editions/edition-1/units/ZZZ', 'index.unit.not-found'],
    ['/api/v1/index/editions/draft-only/results.csv', 'index.edition.not-found'],
    ['/api/v1/index/editions/draft-only/results.json', 'index.edition.not-found'],
    ['/api/v1/index/editions/draft-only/results.xlsx', 'index.edition.not-found'],
  ])('when %s is not published, it answers 404 problem+json', async (url, code) => {
    const res = await get(url);
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ status: 404, code, type: `/api/problems/${code}` });
  });

  it('documents every route in the OpenAPI description', async () => {
    const spec = (await get('/api/openapi.json')).json();
    for (const path of ['/api/v1/index/editions', '/api/v1/index/editions/{slug}', '/api/v1/index/editions/{slug}/units/{code}', '/api/v1/index/editions/{slug}/results.csv', '/api/v1/index/editions/{slug}/results.xlsx', '/api/v1/index/editions/{slug}/results.json']) {
      expect(spec.paths[path]?.get, path).toBeDefined();
    }
    expect(spec.paths['/api/v1/index/editions/{slug}/results.xlsx'].get.responses['200'].content).toEqual({
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } },
    });
    expect(spec.paths['/api/v1/index/editions/{slug}'].get.responses['200']).toBeDefined();
  });
});
