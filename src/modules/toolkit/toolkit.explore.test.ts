/**
 * The toolkit's explorer pages over HTTP, on the data a fresh clone serves (the reference bundle): action and framework
 * pivots, the matrix's filters, the search, the comparison, the coverage (checked against the figures the research
 * note computed from the workbook, §2.7) and the stakeholder matrix, in English and French, with their bad inputs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceDir } from '../../app/reference/reference.js';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { toolkitReference } from './toolkit.reference.js';

/** §2.7 of research/wg6-supply-chain.md: frameworks quoting each action, by sheet PP, SL, CN, PR, IG. */
const researchCoverage: Record<string, [number, number, number, number, number]> = {
  A1: [3, 1, 4, 1, 0], A2: [2, 1, 4, 2, 0], A3: [2, 1, 2, 1, 0], A4: [10, 4, 2, 1, 0], A5: [4, 1, 4, 1, 0],
  A6: [5, 3, 4, 0, 0], A7: [5, 4, 0, 0, 2], A8: [2, 0, 1, 2, 3], A9: [0, 2, 2, 0, 0], A10: [3, 1, 3, 1, 0],
  A11: [2, 2, 2, 0, 0], A12: [10, 5, 6, 3, 3], A13: [5, 1, 3, 0, 1], A14: [9, 5, 5, 3, 6], A15: [2, 3, 1, 0, 0],
  A16: [7, 3, 1, 0, 0], A17: [4, 1, 1, 0, 1], A18: [3, 0, 5, 1, 6], A19: [6, 0, 1, 0, 1], A20: [1, 0, 4, 0, 5],
  A21: [5, 0, 1, 0, 0], A22: [2, 1, 2, 0, 1], A23: [4, 5, 1, 0, 0], A24: [5, 3, 2, 2, 3], A25: [4, 1, 4, 1, 2],
};
const categories = ['public-policy', 'standardization-labelling', 'corporate-non-governmental', 'public-private', 'intergovernmental'];

describe('the toolkit explorer', () => {
  let t: TestApp;
  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });

  beforeAll(async () => {
    t = await createTestApp();
    const parsed = await toolkitReference.read(referenceDir);
    await t.database.db.transaction((tx) => toolkitReference.load(tx, parsed, 'test'));
  }, 60_000);
  afterAll(async () => t?.close());

  it('the action page shows every quotation for the action, the frameworks reviewed with nothing found, in both languages', async () => {
    const en = await get('/en/toolkit/actions/a4');
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('<h1><span lang="en"><span>Increasing and providing transparency on traceability');
    expect(en.body).toContain('Frameworks that address it (17)');
    expect(en.body).toContain('Reviewed, nothing found (18)');
    expect(en.body.match(/<blockquote lang="en">/g)).toHaveLength(17);
    expect(en.body).toContain('<code>Public policy!I9</code>');
    expect(en.body).toContain('href="/en/toolkit/frameworks/pp-9"');
    expect(en.body).toContain('href="/en/toolkit/cells/pp-9/a4"');
    const fr = await get('/fr/toolkit/actions/A15');
    expect(fr.statusCode).toBe(200);
    expect(fr.body).toContain('Référentiels qui la traitent (6)');
    expect(fr.body).toContain('Principe de l’OCDE');
  });

  it('the framework page shows its recipients with their notes, safe resource links and its actions', async () => {
    const en = await get('/en/toolkit/frameworks/pp-5');
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('<h1 lang="en">EU Cybersecurity Act</h1>');
    expect(en.body).toContain('to EU Member States, its national competent authorities and certification bodies');
    expect(en.body).toContain('<a href="https://eur-lex.europa.eu/eli/reg/2019/881/oj" rel="noopener noreferrer">');
    expect(en.body).toContain('Actions addressed (13)');
    expect(en.body).toContain('Actions reviewed, nothing found (12)');
    expect(en.body).toContain('href="/en/toolkit/actions/a1"');
    const osce = await get('/fr/toolkit/frameworks/ig-7');
    expect(osce.statusCode).toBe(200);
    expect(osce.body).toContain('<td lang="en">to OSCE Member States</td>');
    expect(osce.body).toContain('Actions traitées (1)');
    expect(osce.body).toContain('Actions examinées, rien trouvé (24)');
  });

  it('answers an unknown framework or action with the localized 404 page', async () => {
    for (const [url, title] of [
      ['/en/toolkit/frameworks/pp-99', 'No such framework or action in the toolkit'],
      ['/fr/toolkit/frameworks/zz-1', 'Aucun référentiel ou action de ce nom dans la boîte à outils'],
      ['/fr/toolkit/actions/a26', 'Aucun référentiel ou action de ce nom dans la boîte à outils'],
    ] as const) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type']).toMatch(/text\/html/);
      expect(response.body).toContain(`<h1>${title}</h1>`);
    }
    expect((await get('/en/toolkit/frameworks/not a key')).statusCode).toBe(404);
    expect((await get('/en/toolkit/actions/x4')).statusCode).toBe(404);
  });

  it('serves the pages compressed from the response cache, and a wrong comparison is never cached', async () => {
    const first = await t.app.inject({ method: 'GET', url: '/en/toolkit/coverage', headers: { 'accept-encoding': 'br' } });
    expect(first.headers['content-encoding']).toBe('br');
    const again = await t.app.inject({ method: 'GET', url: '/en/toolkit/coverage', headers: { 'if-none-match': String(first.headers.etag) } });
    expect(again.statusCode).toBe(304);
    for (let i = 0; i < 2; i++) expect((await get('/en/toolkit/compare?f=pp-5')).statusCode).toBe(400);
  });

  it('the matrix links its row heads to the frameworks and its column heads to the actions', async () => {
    const page = (await get('/en/toolkit')).body;
    expect(page.match(/href="\/en\/toolkit\/frameworks\//g)).toHaveLength(35);
    expect(page.match(/href="\/en\/toolkit\/actions\//g)).toHaveLength(25);
    expect(page).toContain('<a href="/en/toolkit" aria-current="page">Toolkit</a>');
  });

  it('the matrix filters keep frameworks and actions, and the totals follow', async () => {
    const response = await get('/fr/toolkit?category=intergovernmental&principle=cooperation&recipient=&documentType=');
    expect(response.statusCode).toBe(200);
    const page = response.body;
    expect(page.match(/<th scope="row"/g)).toHaveLength(7 + 1);
    expect(page.match(/href="\/fr\/toolkit\/cells\//g)).toHaveLength(7 * 4);
    expect(page).toContain('7 référentiels sur 35 et 4 actions sur 25 affichés');
    // A18 is quoted by 6 intergovernmental frameworks, A20 by 5 (§2.7).
    const totals = /<tfoot>(.*)<\/tfoot>/s.exec(page)![1]!;
    expect([...totals.matchAll(/<td class="num">(\d+)<\/td>/g)].map((m) => Number(m[1]))).toEqual([1, 6, 1, 5]);
    expect(page).toContain('<option value="intergovernmental" selected>');

    const individuals = (await get('/en/toolkit?recipient=individuals')).body;
    expect(individuals.match(/<th scope="row"/g)).toHaveLength(13 + 1);
    const labelling = (await get(`/en/toolkit?documentType=${encodeURIComponent('Public policy (White paper)')}`)).body;
    expect(labelling.match(/<th scope="row"/g)).toHaveLength(2 + 1); // PP!9 and PP!13, one of them spelled with a line break
    const none = await get('/en/toolkit?category=intergovernmental&recipient=individuals&documentType=Labelling%20scheme');
    expect(none.body).toContain('No framework matches these filters.');
    expect((await get('/en/toolkit?category=nonsense')).statusCode).toBe(400);
  });

  it('the search is accent- and case-insensitive, marks every match, escaped', async () => {
    const found = await get('/en/toolkit/search?q=BILL+of+materials');
    expect(found.statusCode).toBe(200);
    expect(found.body).toMatch(/\d+ quotations? holds? “BILL of materials”/);
    expect(found.body).toContain('<mark>bill</mark>');
    expect(found.body).toContain('href="/en/toolkit/cells/pp-13/a4"');
    expect(found.body).not.toContain('s<mark>of</mark>tware'); // words are found where a word starts

    const escaped = await get(`/fr/toolkit/search?q=${encodeURIComponent('<b>sbom</b>')}`);
    expect(escaped.body).toContain('« &lt;b>sbom&lt;/b> »');
    expect(escaped.body).toContain('value="<b>sbom</b>"'); // inside an attribute, where only quotes and & need escaping
    expect(escaped.body.replace('value="<b>sbom</b>"', '')).not.toContain('<b>');
  });

  it('a search without accents finds a quotation written with them, and the other way round', async () => {
    const { toolkitFrameworks, toolkitCells, toolkitDatasets } = await import('./toolkit.tables.js');
    const { eq } = await import('drizzle-orm');
    const db = t.database.db;
    const [dataset] = await db.select().from(toolkitDatasets).where(eq(toolkitDatasets.key, 'wg6-2021'));
    const [framework] = await db
      .insert(toolkitFrameworks)
      .values({
        datasetId: dataset!.id,
        key: 'cn-99',
        name: 'Référentiel d’essai',
        category: 'corporate-non-governmental',
        documentType: 'Test',
        recipients: {},
        resources: [],
        position: 99,
        source: { name: 'test', type: 'test', resources: 'test' },
      })
      .returning();
    await db.insert(toolkitCells).values({ frameworkId: framework!.id, actionCode: 'A9', status: 'quoted', quotation: 'Renforcer la SÉCURITÉ des PME.', sourceCell: 'test!A1' });
    t.app.context.cache.invalidate(); // as the import's registry.changed event does
    try {
      for (const q of ['securite', 'Sécurité', 'SECURITE pme']) {
        const page = (await get(`/fr/toolkit/search?q=${encodeURIComponent(q)}`)).body;
        expect(page, q).toContain('href="/fr/toolkit/cells/cn-99/a9"');
        expect(page, q).toContain('<mark>SÉCURITÉ</mark>');
      }
    } finally {
      await db.delete(toolkitFrameworks).where(eq(toolkitFrameworks.id, framework!.id));
      t.app.context.cache.invalidate();
    }
  });

  it('compares two or three frameworks side by side, one column each', async () => {
    const response = await get('/en/toolkit/compare?f=pp-5&f=sl-6&f=ig-7');
    expect(response.statusCode).toBe(200);
    const table = /<table[^>]*class="toolkit-compare">(.*)<\/table>/s.exec(response.body)![1]!;
    expect(table.match(/<th scope="col">/g)).toHaveLength(4);
    expect(table.match(/<th scope="row">/g)).toHaveLength(25);
    expect(table).toContain('href="/en/toolkit/cells/pp-5/a1"');
    expect(response.body).toContain('<option value="sl-6" selected>');
    const blank = await get('/fr/toolkit/compare');
    expect(blank.statusCode).toBe(200);
    expect(blank.body).not.toContain('error-summary');
  });

  it('refuses to compare fewer than two, more than three or unknown frameworks, with the form and a localized message', async () => {
    for (const [url, message] of [
      ['/en/toolkit/compare?f=pp-5', 'Choose at least two frameworks.'],
      ['/en/toolkit/compare?f=pp-5&f=pp-5', 'Choose at least two frameworks.'],
      ['/fr/toolkit/compare?f=pp-5&f=pp-6&f=pp-7&f=pp-8', 'Choisissez au plus trois référentiels.'],
      ['/fr/toolkit/compare?f=pp-5&f=zz-404', 'Référentiel inconnu : zz-404.'],
    ] as const) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(400);
      expect(response.body).toContain(`<p class="field-error" id="f1-error">${message}</p>`);
      expect(response.body).toContain('aria-describedby="f1-error"');
      expect(response.body).not.toContain('class="toolkit-compare"');
    }
  });

  it('computes the coverage the research note computed from the workbook (§2.7)', async () => {
    const body = (await t.app.inject({ method: 'GET', url: '/api/v1/toolkit/coverage' })).json();
    expect(body).toMatchObject({ dataset: 'wg6-2021', frameworks: 35, actions: 25, quoted: 271, reviewedAbsent: 604, notReviewed: 0 });
    for (const action of body.perAction) {
      const expected = researchCoverage[action.code]!;
      expect(categories.map((c) => action.byCategory[c]), action.code).toEqual(expected);
      expect(action.quoted, action.code).toBe(expected.reduce((a, b) => a + b, 0));
    }
    expect(body.perPrinciple.map((p: { pairs: number }) => p.pairs)).toEqual([63, 37, 82, 40, 22, 27]);
    expect(body.perPrinciple.map((p: { meanPerAction: number }) => p.meanPerAction)).toEqual([10.5, 7.4, 16.4, 10, 7.33, 13.5]);
    // "Every framework but some OSCE and UN ones addresses Responsibility": the data say OSCE 1202 and MITRE ATT&CK.
    expect(body.perPrinciple[2].frameworksWithout).toEqual(['MITRE ATT&CK® Framework', 'OSCE Decision n°1202, 10 March 2016']);
    // The report's least covered, end of life (A15) and market incentives (A22), come out of the counts; A9 is lower still.
    expect(body.leastCovered).toEqual(['A9', 'A3', 'A11', 'A15', 'A21', 'A22']);
    expect(body.perCategory.map((c: { frameworks: number }) => c.frameworks)).toEqual([13, 6, 6, 3, 7]);
  });

  it('shows the coverage page with its charts and tables, and its CSV', async () => {
    for (const locale of ['en', 'fr'] as const) {
      const response = await get(`/${locale}/toolkit/coverage`);
      expect(response.statusCode).toBe(200);
      expect(response.body.match(/<svg class="bar-chart"[^>]*role="img"/g)).toHaveLength(3);
      expect(response.body.match(/<title id="coverage-/g)).toHaveLength(3);
      expect(response.body).toContain(`href="/${locale}/toolkit/actions/a15"`);
    }
    const csv = await get('/en/toolkit/coverage.csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = csv.body.trim().split('\n');
    expect(lines[0]).toBe('action,principle,title,quoted,reviewed_absent,not_reviewed,quoted_public_policy,quoted_standardization_labelling,quoted_corporate_non_governmental,quoted_public_private,quoted_intergovernmental');
    expect(lines).toHaveLength(26);
    expect(lines[15]).toBe('A15,responsibility,Adopting and/or implementing responsible EOL policies,6,29,0,2,3,1,0,0');
  });

  it('documents the coverage endpoint in the OpenAPI document', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const get = spec.paths['/api/v1/toolkit/coverage']?.get;
    expect(get?.tags).toEqual(['toolkit']);
    expect(Object.keys(get.responses['200'].content['application/json'].schema.properties)).toContain('perPrinciple');
  });
});
