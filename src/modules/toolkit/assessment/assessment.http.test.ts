/**
 * The self-assessment over HTTP, in both languages, without JavaScript: context → questions → report, refusals shown
 * beside their fields, exports (JSON validated against its JSON Schema with ajv, CSV parsed back), re-import, and
 * the private link (saved sealed, opened, versioned, deleted at once, rate-limited).
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceDir } from '../../../app/reference/reference.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { csrfFor } from '../../../../test/helpers/auth.js';
import { multipartBody } from '../../index/index.secretariat.test-support.js';
import { toolkitReference } from '../toolkit.reference.js';
import { toolkitSavedAssessments } from '../toolkit.tables.js';
import { csvColumns } from './assessment.export.js';
import { assessmentJsonSchema } from './assessment.json-schema.js';

let t: TestApp;
let csrf = { token: '', cookie: '' };
let address = 0;

beforeAll(async () => {
  t = await createTestApp();
  const parsed = await toolkitReference.read(referenceDir);
  await t.database.db.transaction((tx) => toolkitReference.load(tx, parsed, 'test'));
  csrf = await csrfFor(t, '/en/toolkit/assessment');
});
afterAll(async () => t?.close());

/** Posts a urlencoded form (repeated keys for arrays) from an address of its own (saving is budgeted per address). */
function post(url: string, fields: Record<string, string | string[]>, remoteAddress = `10.1.0.${++address % 250}`) {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...fields, _csrf: csrf.token })) for (const v of [value].flat()) body.append(name, v);
  return t.app.inject({ method: 'POST', url, remoteAddress, payload: body.toString(), headers: { cookie: csrf.cookie, 'content-type': 'application/x-www-form-urlencoded' } });
}

const hidden = (html: string, name: string) => {
  const value = new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1];
  if (value === undefined) throw new Error(`no hidden field ${name}`);
  return value.replace(/&quot;|&#34;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
};

const companyContext = { step: 'context', label: 'Acme <Security>', organisationKind: 'private-organization', customer: 'on', developer: 'on', size: 'medium', jurisdictions: 'fr, DEU, EU', frameworks: ['pp-5', 'sl-8'] };

/** Every applicable question answered with `level`, unless `overrides` says otherwise. */
function answers(questionsPage: string, level: string, overrides: Record<string, string> = {}) {
  const codes = [...questionsPage.matchAll(/name="level-(A\d+)" id="level-A\d+-0"/g)].map((m) => m[1]!);
  return { state: hidden(questionsPage, 'state'), ...Object.fromEntries(codes.map((c) => [`level-${c}`, level])), ...overrides };
}

async function reportFor(level: string, overrides: Record<string, string> = {}) {
  const questions = await post('/en/toolkit/assessment/questions', companyContext);
  expect(questions.statusCode).toBe(200);
  return post('/en/toolkit/assessment/report', answers(questions.body, level, overrides));
}

describe('the self-assessment without JavaScript', () => {
  it('opens in both languages as a private page: not stored, not indexed, no referrer', async () => {
    for (const [locale, heading] of [['en', 'Self-assessment: ICT supply-chain security'], ['fr', 'Autoévaluation\u00a0: sécurité de la chaîne d’approvisionnement numérique']] as const) {
      const page = await t.app.inject({ url: `/${locale}/toolkit/assessment` });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(`<h1>${heading}</h1>`);
      expect(page.headers['cache-control']).toBe('no-store');
      expect(page.headers['referrer-policy']).toBe('no-referrer');
      expect(page.headers['x-robots-tag']).toBe('noindex');
      expect(page.body).toContain('<meta name="robots" content="noindex">');
      expect(page.body.match(/name="frameworks"/g)).toHaveLength(35);
    }
  });

  it('refuses a context without kind or size, with unknown jurisdictions, with a localized message beside each field', async () => {
    const response = await post('/fr/toolkit/assessment/questions', { step: 'context', label: 'Essai', jurisdictions: 'FRA, XX', frameworks: 'nope-1' });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('<p class="field-error" id="organisationKind-error">Choisissez le type d’organisation.</p>');
    expect(response.body).toContain('<p class="field-error" id="size-error">Choisissez une taille.</p>');
    expect(response.body).toContain('id="jurisdictions-error">Code inconnu\u00a0: XX.');
    expect(response.body).toContain('id="frameworks-error"');
    expect(response.body).toContain('value="FRA, XX"');
  });

  it('asks a company that buys and develops 23 questions, and a public body that only buys 19, without A3', async () => {
    const company = await post('/en/toolkit/assessment/questions', companyContext);
    expect(company.body.match(/<fieldset class="question"/g)).toHaveLength(23);
    const publicBody = await post('/en/toolkit/assessment/questions', { step: 'context', organisationKind: 'public-sector', customer: 'on', size: 'large' });
    expect(publicBody.statusCode).toBe(200);
    expect(publicBody.body.match(/<fieldset class="question"/g)).toHaveLength(19);
    expect(publicBody.body).not.toContain('id="question-A3"');
    expect(publicBody.body).toContain('id="question-A2"');
    expect(publicBody.body).toContain('(if it is a customer of ICT products and services)');
  });

  it('refuses answers without a level, n/a without a reason, and evidence that is not a web address; keeps what was typed', async () => {
    const questions = await post('/fr/toolkit/assessment/questions', companyContext);
    const fields = answers(questions.body, '2', { 'level-A1': '', 'level-A2': 'n/a', 'evidence-A4': 'javascript:alert(1)\nhttps://example.org/sbom' });
    const response = await post('/fr/toolkit/assessment/report', fields);
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('<p class="field-error" id="level-A1-error">Choisissez un niveau, ou «\u00a0sans objet\u00a0».</p>');
    expect(response.body).toContain('id="justification-A2-error">Dites pourquoi l’action est sans objet.</p>');
    expect(response.body).toContain('id="evidence-A4-error">Ce n’est pas une adresse web\u00a0: javascript:alert(1).');
    expect(response.body).toContain('https://example.org/sbom</textarea>');
    expect(response.body).toMatch(/id="level-A2-na" value="n\/a" checked/);
  });

  it('goes back from the questions to the context and forward again without losing what was typed', async () => {
    const questions = await post('/en/toolkit/assessment/questions', companyContext);
    const back = await post('/en/toolkit/assessment', { ...answers(questions.body, '4'), 'justification-A3': 'typed before going back' });
    expect(back.statusCode).toBe(200);
    expect(back.body).toMatch(/id="organisationKind-private-organization" value="private-organization" checked/);
    expect(back.body).toContain('value="FRA, DEU, EU"');
    const forward = await post('/en/toolkit/assessment/questions', { ...companyContext, organisationKind: 'public-sector', previous: hidden(back.body, 'previous'), draft: hidden(back.body, 'draft') });
    expect(forward.statusCode).toBe(200);
    expect(forward.body).toMatch(/id="level-A2-4" value="4" checked/);
    expect(forward.body).toContain('typed before going back</textarea>');
  });

  it('reports gaps by priority, recommendations with their score, and the smallest cover with its reasons', async () => {
    const response = await reportFor('1', { 'level-A7': '4', 'level-A1': 'n/a', 'justification-A1': 'We sell no product', 'evidence-A14': 'https://example.org/cvd' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const html = response.body;
    expect(html).toContain('Assessment “Acme &lt;Security>”');
    expect(html).toContain('21 applicable actions are below level 3.');
    expect(html).not.toContain('id="gap-A7"');
    expect(html).not.toContain('id="gap-A1"');
    expect(html).toMatch(/Priority \d+ = distance 2 × \(1 \+ \d framework\(s\) you apply that address it\)\./);
    expect(html).toContain('addressed to your kind of organisation +3');
    expect(html).toContain('The smallest set of frameworks that covers your gaps');
    expect(html).toMatch(/Needed for A\d+/);
    expect(html).toContain('Among sets of the same size, the rule prefers');
    expect(html).toContain('<svg class="principles-chart"');
    expect(html).toContain('<table class="chart-table"');
  });

  it('exports JSON that validates against its JSON Schema, and CSV with one row per action', async () => {
    const report = await reportFor('2', { 'level-A14': '0' });
    const assessment = hidden(report.body, 'assessment');
    const json = await post('/en/toolkit/assessment/export.json', { assessment });
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-disposition']).toMatch(/^attachment; filename="self-assessment-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(json.headers['cache-control']).toBe('no-store');
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(assessmentJsonSchema);
    const document = json.json();
    expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
    expect(document.report.gaps[0].code).toBe('A14');
    expect(document.assessment.current.context.jurisdictions).toEqual(['FRA', 'DEU', 'EU']);
    // The schema can fail: a level out of range is refused.
    expect(validate({ ...document, assessment: { ...document.assessment, current: { ...document.assessment.current, answers: { A1: { level: 7, justification: null, evidence: [] } } } } })).toBe(false);

    const csv = await post('/en/toolkit/assessment/export.csv', { assessment });
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const rows = parse(csv.body) as string[][];
    expect(rows[0]).toEqual([...csvColumns]);
    expect(rows).toHaveLength(26);
    expect(rows.find((r) => r[0] === 'A14')?.slice(3, 5)).toEqual(['yes', '0']);
    expect(rows.find((r) => r[0] === 'A13')?.[3]).toBe('no');
  });

  it('re-imports an exported file to continue or to assess again; refuses a file that is not one, in the page’s language', async () => {
    const report = await reportFor('2', { 'level-A15': '5' });
    const exported = (await post('/en/toolkit/assessment/export.json', { assessment: hidden(report.body, 'assessment') })).body;
    const upload = async (locale: string, file: { name: string; bytes: Buffer }, mode = 'reassess') => {
      const { payload, contentType } = await multipartBody({ _csrf: csrf.token, mode, file });
      return t.app.inject({ method: 'POST', url: `/${locale}/toolkit/assessment/import`, payload, headers: { cookie: csrf.cookie, 'content-type': contentType } });
    };
    const reassess = await upload('en', { name: 'a.json', bytes: Buffer.from(exported) });
    expect(reassess.statusCode).toBe(200);
    expect(reassess.body).toMatch(/id="level-A15-5" value="5" checked/);
    const state = JSON.parse(hidden(reassess.body, 'state'));
    expect(state.previous).toHaveLength(1);
    // Reassessed: the report compares with the imported version.
    const again = await post('/en/toolkit/assessment/report', answers(reassess.body, '3'));
    expect(again.body).toContain('Since the previous version');
    expect(again.body).toMatch(/Gaps closed: A\d+/);

    const notJson = await upload('fr', { name: 'a.json', bytes: Buffer.from('{oops') });
    expect(notJson.statusCode).toBe(422);
    expect(notJson.body).toContain('id="file-error">Le fichier n’est pas du JSON');
    const wrongShape = await upload('fr', { name: 'a.json', bytes: Buffer.from(JSON.stringify({ assessment: { format: 'other' } })) });
    expect(wrongShape.body).toContain('id="file-error">Le fichier n’est pas une évaluation exportée ici\u00a0: assessment.format');
    const tooLarge = await upload('en', { name: 'a.json', bytes: Buffer.alloc(600 * 1024, 32) });
    expect(tooLarge.body).toContain('id="file-error">The file is larger than 512 KB.</p>');
  });

  it('saves behind a private link only when asked: sealed in the database, opened by the link, versioned, deleted at once', async () => {
    const before = await t.database.db.select().from(toolkitSavedAssessments);
    const report = await reportFor('1');
    expect(await t.database.db.select().from(toolkitSavedAssessments)).toHaveLength(before.length);

    const saved = await post('/fr/toolkit/assessment/save', { assessment: hidden(report.body, 'assessment') });
    expect(saved.statusCode).toBe(303);
    const location = String(saved.headers.location);
    const token = /\/fr\/toolkit\/assessment\/s\/([A-Za-z0-9_-]{43})\?done=created$/.exec(location)?.[1];
    expect(token).toBeDefined();
    const rows = await t.database.db.select().from(toolkitSavedAssessments);
    const row = rows.find((r) => !before.some((b) => b.id === r.id))!;
    expect(row.lookup).not.toBe(token);
    expect(row.sealed).not.toContain('Acme');
    expect(row.sealed).not.toContain('private-organization');

    const opened = await t.app.inject({ url: location });
    expect(opened.statusCode).toBe(200);
    expect(opened.headers['cache-control']).toBe('no-store');
    expect(opened.headers['referrer-policy']).toBe('no-referrer');
    expect(opened.body).toContain('Enregistrée. Voici votre lien privé');
    expect(opened.body).toContain('Évaluation «\u00a0Acme &lt;Security>\u00a0»');

    // Re-assess from the link: the report offers a new version of it, which keeps the previous one.
    const reassess = await post('/fr/toolkit/assessment/questions', { step: 'reassess', assessment: hidden(opened.body, 'assessment'), link: token! });
    const newReport = await post('/fr/toolkit/assessment/report', { ...answers(reassess.body, '4'), link: token! });
    expect(newReport.body).toContain(`action="/fr/toolkit/assessment/s/${token}"`);
    const versioned = await post(`/fr/toolkit/assessment/s/${token}`, { assessment: hidden(newReport.body, 'assessment') });
    expect(versioned.statusCode).toBe(303);
    const reopened = await t.app.inject({ url: `/fr/toolkit/assessment/s/${token}` });
    expect(reopened.body).toContain('Depuis la version précédente');
    expect(reopened.body).toMatch(/Écarts comblés\u00a0: A\d+/);
    expect(reopened.body).toContain('Aucun écart');

    const deleted = await post(`/fr/toolkit/assessment/s/${token}/delete`, {});
    expect(deleted.statusCode).toBe(303);
    expect(deleted.headers.location).toBe('/fr/toolkit/assessment?done=forgotten');
    expect((await t.database.db.select().from(toolkitSavedAssessments)).some((r) => r.id === row.id)).toBe(false);
    const gone = await t.app.inject({ url: `/fr/toolkit/assessment/s/${token}` });
    expect(gone.statusCode).toBe(404);
    expect(gone.body).toContain('Aucune évaluation derrière ce lien');
    expect((await t.app.inject({ url: '/en/toolkit/assessment/s/short' })).statusCode).toBe(404);
  });

  it('refuses a damaged hidden state with a localized notice, and more than 30 saves an hour from one address', async () => {
    const damaged = await post('/en/toolkit/assessment/report', { state: '{"context":{}}', 'level-A1': '3' });
    expect(damaged.statusCode).toBe(422);
    expect(damaged.body).toContain('This form’s hidden data is damaged or out of date');
    // No CSRF token: refused before anything is read or saved.
    const forged = await t.app.inject({ method: 'POST', url: '/en/toolkit/assessment/save', remoteAddress: '10.3.0.1', payload: 'assessment=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(forged.statusCode).toBe(403);
    // A new version for a link that names nothing: 404, nothing created.
    const report = await reportFor('2');
    const count = (await t.database.db.select().from(toolkitSavedAssessments)).length;
    const unknown = await post(`/en/toolkit/assessment/s/${'x'.repeat(43)}`, { assessment: hidden(report.body, 'assessment') });
    expect(unknown.statusCode).toBe(404);
    expect(await t.database.db.select().from(toolkitSavedAssessments)).toHaveLength(count);
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await post('/en/toolkit/assessment/save', { assessment: 'not json' }, '10.2.0.1')).statusCode);
    expect(statuses.slice(0, 30).every((s) => s === 422)).toBe(true);
    expect(statuses[30]).toBe(429);
  });
});
