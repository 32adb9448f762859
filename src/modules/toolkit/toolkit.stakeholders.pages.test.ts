/**
 * The stakeholder matrix page and the "my role" lens over HTTP, in English and French, on the bundle a fresh clone
 * serves: the report's 25 × 4 matrix as printed (research note §3.4: merged cells, notes, "except for mainstream
 * users", pages) and the actions a profile gets, with their notes and the frameworks addressed to it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceDir } from '../../app/reference/reference.js';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { toolkitStakeholderRoles } from './toolkit.tables.js';
import { toolkitReference } from './toolkit.reference.js';

describe('the stakeholder matrix and the "my role" lens', () => {
  let t: TestApp;
  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
  /** The cells of one action's row, between its `<tr>` and the next. */
  const row = (page: string, code: string) => new RegExp(`<tr id="stakeholders-${code}">(.*?)</tr>`, 's').exec(page)![1]!;

  beforeAll(async () => {
    t = await createTestApp();
    const parsed = await toolkitReference.read(referenceDir);
    await t.database.db.transaction((tx) => toolkitReference.load(tx, parsed, 'test'));
  }, 60_000);
  afterAll(async () => t?.close());

  it('renders the 25 × 4 matrix as printed: merged cells span their columns, notes verbatim, the page of each row', async () => {
    for (const locale of ['en', 'fr'] as const) {
      const response = await get(`/${locale}/toolkit/stakeholders`);
      expect(response.statusCode).toBe(200);
      const page = response.body;
      expect(page.match(/<tr id="stakeholders-a\d+">/g)).toHaveLength(25);
      // §3.4: A8, A9, A12, A16, A18, A20 are one cell over the four groups; A7, A14, A15, A21 one over both private sides.
      expect(page.match(/<td colspan="4">/g)).toHaveLength(6);
      expect(page.match(/<td colspan="2">/g)).toHaveLength(4);
      expect(row(page, 'a1').match(/<td>/g)).toHaveLength(5); // four groups and the page
      expect(row(page, 'a7')).toContain(
        '<td colspan="2"><span aria-hidden="true">X</span><span class="visually-hidden">' +
          (locale === 'en' ? 'marked' : 'marqué') +
          '</span><span lang="en">, except for mainstream users (the private sector both as ICT manufacturers and customers',
      );
      expect(row(page, 'a2')).toContain('<span lang="en"> (if it is a customer of ICT products and services)</span>');
      expect(row(page, 'a24')).toContain('<span lang="en">, except for mainstream users</span></td><td>31</td>');
      expect(row(page, 'a16')).toContain('could contribute in paritcular by developing'); // the report's typo kept
    }
    const fr = (await get('/fr/toolkit/stakeholders')).body;
    expect(fr).toContain('<th scope="col">Secteur public</th>');
    expect(fr.match(/<span class="visually-hidden">non marqué<\/span>/g)!.length).toBeGreaterThan(0);
  });

  it('the action page lists the groups the matrix marks for it, with their notes', async () => {
    const page = (await get('/en/toolkit/actions/a13')).body;
    expect(page).toContain('<h2>Stakeholder groups it concerns</h2><ul><li><strong>Public sector</strong> — ');
    expect(page).not.toContain('<strong>International organizations</strong>');
    expect(page).toContain('WG6 report, page 28');
  });

  it('shows the form alone, then a public buyer the actions that concern it with their notes and frameworks', async () => {
    const blank = await get('/fr/toolkit/stakeholders/mine');
    expect(blank.statusCode).toBe(200);
    expect(blank.body).toContain('<legend>Votre organisation est</legend>');
    expect(blank.body).not.toContain('Actions qui vous concernent');

    const buyer = await get('/en/toolkit/stakeholders/mine?kind=public-sector&buys=yes');
    expect(buyer.statusCode).toBe(200);
    const [applying, others] = buyer.body.split('<h2>Actions that do not concern you');
    expect(applying).toContain('href="/en/toolkit/actions/a2"');
    expect(applying).toContain('<span lang="en"> (if it is a customer of ICT products and services)</span>');
    // A4 asks the public sector to be both a customer and a developer: a buyer only is left out, and told why.
    expect(applying).not.toContain('href="/en/toolkit/actions/a4"');
    expect(others).toContain('href="/en/toolkit/actions/a4"');
    expect(others).toContain('marked, but its condition or its exception leaves you out');
    // Frameworks addressed to States that quote A2 (EU 5G Toolbox is one, §2.6).
    expect(applying).toContain('href="/en/toolkit/cells/pp-6/a2"');
    expect(applying).not.toContain('href="/en/toolkit/cells/pp-7/a2"'); // ENISA IoT guidelines: private sector only
    expect(buyer.body).toContain('<input type="checkbox" id="buys" name="buys" value="yes" checked/>');
  });

  it('a mainstream user gets only the actions whose marks do not leave mainstream users out, in French', async () => {
    const page = (await get('/fr/toolkit/stakeholders/mine?kind=individual')).body;
    const [applying] = page.split('<h2>Actions qui ne vous concernent pas');
    const codes = [...applying!.matchAll(/href="\/fr\/toolkit\/actions\/(a\d+)"/g)].map((m) => m[1]);
    // §3.4: explicitly A14 and A15, formally A22 and A23.
    expect(codes).toEqual(['a14', 'a15', 'a22', 'a23']);
    expect(page).toContain('« Particuliers »');
  });

  it('refuses ticked boxes without a kind, with the message beside the question', async () => {
    const response = await get('/fr/toolkit/stakeholders/mine?buys=yes');
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('<fieldset aria-describedby="kind-error"><legend>Votre organisation est</legend><p class="field-error" id="kind-error">Choisissez ce qu’est votre organisation.</p>');
    expect((await get('/en/toolkit/stakeholders/mine?kind=robot')).statusCode).toBe(400);
  });

  it('says the matrix is not loaded rather than showing an empty table', async () => {
    const rows = await t.database.db.select().from(toolkitStakeholderRoles);
    await t.database.db.delete(toolkitStakeholderRoles);
    t.app.context.cache.invalidate(); // as the import's registry.changed event does
    try {
      expect((await get('/en/toolkit/stakeholders')).body).toContain('The report’s stakeholder matrix has not been loaded yet.');
      expect((await get('/en/toolkit/stakeholders/mine?kind=public-sector')).body).toContain('The report’s stakeholder matrix has not been loaded yet.');
    } finally {
      await t.database.db.insert(toolkitStakeholderRoles).values(rows);
      t.app.context.cache.invalidate();
    }
  });
});
