import { count } from 'drizzle-orm';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse as parseCsv } from 'csv-parse/sync';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixtureSite, type TestApp } from '../../../../test/helpers/app.js';
import { csrfFor } from '../../../../test/helpers/auth.js';
import { toolkitCellCorrections, toolkitDatasets, toolkitProposals } from '../toolkit.tables.js';
import { layerCsvColumns, layerDownloadSchema } from './layers.download.js';
import { setUpLayers, type LayerPeople } from './layers.test-support.js';

let t: TestApp;
let people: LayerPeople;

beforeAll(async () => {
  t = await createTestApp({ site: fixtureSite });
  people = await setUpLayers(t);
});
afterAll(async () => t?.close());

/** Posts a form as someone, with the CSRF token of the form's page. */
async function post(url: string, cookie: string, fields: Record<string, string>, page = url) {
  const form = await csrfFor(t, page, cookie);
  return t.app.inject({ method: 'POST', url, headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ ...fields, _csrf: form.token }).toString() });
}

const rows = async (table: typeof toolkitDatasets | typeof toolkitCellCorrections | typeof toolkitProposals) => (await t.database.db.select({ n: count() }).from(table))[0]!.n;

describe('curated layers over HTTP', () => {
  it('the secretariat creates a layer through the form; bad input is refused beside its field in each language, nothing written', async () => {
    const before = await rows(toolkitDatasets);
    for (const [locale, message] of [
      ['en', 'Lower-case letters, digits and single hyphens only'],
      ['fr', 'Lettres minuscules, chiffres et traits d’union simples uniquement'],
    ] as const) {
      const refused = await post(`/${locale}/secretariat/toolkit/layers`, people.cookies.moderator, { key: 'Bad Key!', name: '', description: 'x' });
      expect(refused.statusCode).toBe(422);
      expect(refused.body).toContain(`<p class="field-error" id="key-error">${message}</p>`);
      expect(refused.body).toContain('id="name-error"');
      expect(refused.body).toContain('value="Bad Key!"');
    }
    expect(await rows(toolkitDatasets)).toBe(before);
    const created = await post('/en/secretariat/toolkit/layers', people.cookies.moderator, { key: 'review-2025', name: 'Review 2025', description: 'What the 2025 review found.' });
    expect(created.statusCode).toBe(303);
    expect(created.headers.location).toBe('/en/toolkit/layers/review-2025?done=created');
    const taken = await post('/fr/secretariat/toolkit/layers', people.cookies.moderator, { key: 'wg6-2021', name: 'Again', description: 'Again.' });
    expect(taken.statusCode).toBe(422);
    expect(taken.body).toContain('<p class="field-error" id="key-error">Une couche porte déjà cette clé : choisissez-en une autre.</p>');
  });

  it('refuses the form without its CSRF token, and to a member', async () => {
    const noToken = await t.app.inject({ method: 'POST', url: '/en/secretariat/toolkit/layers', headers: { cookie: people.cookies.moderator, 'content-type': 'application/x-www-form-urlencoded' }, payload: 'key=x&name=x&description=x' });
    expect(noToken.statusCode).toBe(403);
    expect((await post('/en/secretariat/toolkit/layers', people.cookies.member, { key: 'member-layer', name: 'M', description: 'M' }, '/en/toolkit/corrections/new')).statusCode).toBe(403);
  });

  it('the secretariat corrects a cell: a missing quotation is a localized field error; then the correction shows on the layer, the diff and the cell page', async () => {
    const before = await rows(toolkitCellCorrections);
    const bad = await post('/fr/toolkit/corrections/new', people.cookies.moderator, { layer: 'review-2025', target: 'wg6-2021/pp-9', action: 'A4', status: 'quoted', quotation: '', reason: '' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Citez la disposition, ou choisissez « Examiné, rien trouvé »');
    expect(bad.body).toContain('<p class="field-error" id="reason-error">Obligatoire</p>');
    expect(await rows(toolkitCellCorrections)).toBe(before);

    const ok = await post('/en/toolkit/corrections/new', people.cookies.moderator, { layer: 'review-2025', target: 'wg6-2021/pp-9', action: 'A4', status: 'reviewed-absent', reason: 'The article concerns procurement only.' });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/en/toolkit/layers/review-2025?done=corrected');

    const layer = await t.app.inject({ url: '/en/toolkit/layers/review-2025' });
    expect(layer.body).toContain('The article concerns procurement only.');
    expect(layer.body).toContain('Paris Call secretariat');
    const diff = await t.app.inject({ url: '/fr/toolkit/layers/review-2025/diff' });
    expect(diff.statusCode).toBe(200);
    expect(diff.body).toContain('ajoute aucun référentiel et corrige 1 case');
    const cell = await t.app.inject({ url: '/en/toolkit/cells/pp-9/a4' });
    expect(cell.body).toContain('Corrections in curated layers');
    expect(cell.body).toContain('Review 2025');
    expect(cell.body).not.toContain('Suggest a correction');
    const signedIn = await t.app.inject({ url: '/en/toolkit/cells/pp-9/a4', headers: { cookie: people.cookies.verifiedRep } });
    expect(signedIn.body).toContain('href="/en/toolkit/corrections/new?framework=pp-9&action=a4"');
    const unverified = await t.app.inject({ url: '/en/toolkit/cells/pp-9/a4', headers: { cookie: people.cookies.unverifiedRep } });
    expect(unverified.body).not.toContain('Suggest a correction');
  });

  it('the published layer has no form: writing into it is refused as a conflict', async () => {
    const response = await post('/en/toolkit/layers/wg6-2021/frameworks/new', people.cookies.moderator, { name: 'X', category: 'public-policy', documentType: 'Law', resources: 'https://example.org' }, '/en/toolkit/corrections/new');
    expect(response.statusCode).toBe(409);
  });

  it('a verified representative proposes a framework in French; bad addresses are refused beside the field; the proposal is listed as theirs and in the queue', async () => {
    const before = await rows(toolkitProposals);
    const form = await t.app.inject({ url: '/fr/toolkit/layers/review-2025/frameworks/new', headers: { cookie: people.cookies.verifiedRep } });
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Proposer un référentiel pour « Review 2025 »');
    const fields = { name: 'Directive NIS 2', category: 'public-policy', documentType: 'Public policy (Legislation)', resources: 'javascript:alert(1)', 'A3-status': 'quoted', 'A3-quotation': '' };
    const bad = await post('/fr/toolkit/layers/review-2025/frameworks/new', people.cookies.verifiedRep, fields);
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Chaque ligne doit être une adresse web commençant par http:// ou https://');
    expect(bad.body).toContain('id="A3-quotation-error"');
    expect(await rows(toolkitProposals)).toBe(before);
    const sent = await post('/fr/toolkit/layers/review-2025/frameworks/new', people.cookies.verifiedRep, { ...fields, resources: 'https://eur-lex.europa.eu/eli/dir/2022/2555/oj', 'A3-quotation': 'Article 21' });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe('/fr/toolkit/proposals?done=sent');
    expect(await rows(toolkitProposals)).toBe(before + 1);
    const mine = await t.app.inject({ url: '/fr/toolkit/proposals', headers: { cookie: people.cookies.verifiedRep } });
    expect(mine.body).toContain('En attente du secrétariat');
    const queue = await t.app.inject({ url: '/en/secretariat/toolkit/proposals', headers: { cookie: people.cookies.moderator } });
    expect(queue.body).toContain('Directive NIS 2');
    const id = /action="\/en\/secretariat\/toolkit\/proposals\/(tkp_[^"]+)"/.exec(queue.body)![1]!;
    const noNote = await post(`/en/secretariat/toolkit/proposals/${id}`, people.cookies.moderator, { decision: 'reject' }, '/en/secretariat/toolkit/proposals');
    expect(noNote.statusCode).toBe(422);
    expect(noNote.body).toContain('Tell the proposer why it is declined');
    const accepted = await post(`/en/secretariat/toolkit/proposals/${id}`, people.cookies.moderator, { decision: 'accept' }, '/en/secretariat/toolkit/proposals');
    expect(accepted.statusCode).toBe(303);
    expect((await t.app.inject({ url: '/en/toolkit/layers/review-2025' })).body).toContain(`${people.verified.name} (proposal accepted by the secretariat)`);
  });

  it('a member who represents nobody sees who may propose, and cannot send', async () => {
    const form = await t.app.inject({ url: '/en/toolkit/corrections/new', headers: { cookie: people.cookies.member } });
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Only the secretariat and the representatives of verified supporters');
    const sent = await post('/en/toolkit/corrections/new', people.cookies.member, { layer: 'review-2025', target: 'wg6-2021/pp-9', action: 'A5', status: 'reviewed-absent', reason: 'Because.' });
    expect(sent.statusCode).toBe(403);
  });

  it('lists the layers in both languages, and downloads a layer as JSON valid against its published JSON Schema, and as CSV', async () => {
    const en = await t.app.inject({ url: '/en/toolkit/layers' });
    expect(en.body).toContain('WG6 2021 as published');
    expect(en.body).toContain('Published, never changed');
    const fr = await t.app.inject({ url: '/fr/toolkit/layers' });
    expect(fr.body).toContain('GT6 2021, tel que publié');
    expect(fr.body).toContain('Review 2025');

    const validate = new Ajv2020({ strict: false }).compile(z.toJSONSchema(layerDownloadSchema, { io: 'output' }));
    for (const key of ['review-2025', 'wg6-2021']) {
      const json = await t.app.inject({ url: `/api/v1/toolkit/layers/${key}` });
      expect(json.statusCode).toBe(200);
      expect(validate(json.json()), JSON.stringify(validate.errors)).toBe(true);
    }
    const body = (await t.app.inject({ url: '/api/v1/toolkit/layers/review-2025' })).json();
    expect(body.correctionList).toEqual([expect.objectContaining({ layer: 'wg6-2021', framework: 'pp-9', action: 'A4', before: expect.objectContaining({ status: 'quoted' }), after: expect.objectContaining({ status: 'reviewed-absent' }), author: { kind: 'secretariat', name: null } })]);
    expect((await t.app.inject({ url: '/api/v1/toolkit/layers/wg6-2021' })).json().frameworkList).toHaveLength(35);
    expect((await t.app.inject({ url: '/api/v1/toolkit/layers/nothing-here' })).statusCode).toBe(404);

    const csv = await t.app.inject({ url: '/api/v1/toolkit/layers/review-2025/cells.csv' });
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const records = parseCsv(csv.body, { columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(records[0]!)).toEqual([...layerCsvColumns]);
    expect(records.find((r) => r.change === 'correction')).toMatchObject({ framework: 'pp-9', action: 'A4', status: 'reviewed-absent', before_status: 'quoted' });

    const spec = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(Object.keys(spec.paths['/api/v1/toolkit/layers/{key}'].get.responses['200'].content['application/json'].schema.properties)).toContain('correctionList');
  });
});
