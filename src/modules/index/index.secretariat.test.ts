/**
 * The secretariat's index screens over real HTTP (inject) on a real database: who may use them, creating a draft
 * from uploaded COINr tables (CSV or one workbook), every refusal leaving nothing stored, configuration, preview,
 * publication with its note, and a published edition refusing any change.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../app/audit/audit.tables.js';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { signInAs } from '../../../test/helpers/auth.js';
import { multipartBody, postForm as postFormAs, postMultipart as postMultipartAs, type Part } from './index.secretariat.test-support.js';
import { indexEditions } from './index.tables.js';
import { writeCsvTable } from './io/index.csv.js';
import { maxUploadMb, uploadLimits } from './io/index.upload-limits.js';
import { readXlsxTables } from './io/index.xlsx.js';
import { WG5_FRAMEWORK } from './sources/index.wg5-framework.js';
import { indexMessages } from './index.messages.js';
import { indexAdminMessages } from './views/secretariat/secretariat.locales.js';

const fixtures = join(fileURLToPath(new URL('.', import.meta.url)), 'io/fixtures');
const file = (name: string) => ({ name, bytes: readFileSync(join(fixtures, name)) });
let t: TestApp;
let secretariat: string;
const en = indexAdminMessages('en');
const fr = indexAdminMessages('fr');
const editionCount = async () => (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(indexEditions))[0]?.n ?? 0;
const audits = async (action: string) => (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(like(auditLog.action, action)))[0]?.n ?? 0;

const postMultipart = (url: string, fields: Record<string, Part>, cookie = secretariat, page = '/en/secretariat/index') => postMultipartAs(t, url, fields, cookie, page);
const postForm = (url: string, fields: Record<string, string>, page: string, cookie = secretariat) => postFormAs(t, url, fields, page, cookie);

const draftFields = (slug: string): Record<string, Part> => ({
  slug,
  titleEn: `Test ${slug}`,
  titleFr: `Essai ${slug}`,
  iData: file('small-iData.csv'),
  iMeta: file('small-iMeta.csv'),
});

beforeAll(async () => {
  t = await createTestApp();
  secretariat = (await signInAs(t, { email: 'analyst@pariscall.example', role: 'moderator' })).cookie;
});
afterAll(async () => t?.close());

describe('who may use the index screens', () => {
  it('sends an anonymous visitor to sign in, refuses a member, sends an e-mail-link moderator to enrol a passkey', async () => {
    const anonymous = await t.app.inject({ url: '/en/secretariat/index' });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toMatch(/^\/en\/sign-in/);
    const member = await signInAs(t, { email: 'member@example.org', role: 'member' });
    expect((await t.app.inject({ url: '/en/secretariat/index', headers: { cookie: member.cookie } })).statusCode).toBe(403);
    const byLink = await signInAs(t, { email: 'link@pariscall.example', role: 'moderator', method: 'email-link' });
    const enrol = await t.app.inject({ url: '/fr/secretariat/index', headers: { cookie: byLink.cookie } });
    expect(enrol.statusCode).toBe(303);
    expect(enrol.headers.location).toMatch(/^\/fr\/account\/passkeys/);
  });

  it('shows the way to the index editions on a secretariat member’s account page only', async () => {
    const own = await t.app.inject({ url: '/fr/account', headers: { cookie: secretariat } });
    expect(own.body).toContain('href="/fr/secretariat/index"');
    const member = await signInAs(t, { email: 'member3@example.org', role: 'member' });
    const theirs = await t.app.inject({ url: '/fr/account', headers: { cookie: member.cookie } });
    expect(theirs.statusCode).toBe(200);
    expect(theirs.body).not.toContain('/secretariat/index');
  });

  it('refuses an upload from anyone else before storing anything', async () => {
    const member = await signInAs(t, { email: 'member2@example.org', role: 'member' });
    const before = await editionCount();
    const { payload, contentType } = await multipartBody(draftFields('not-allowed'));
    const anonymous = await t.app.inject({ method: 'POST', url: '/en/secretariat/index', payload, headers: { 'content-type': contentType } });
    expect([303, 401, 403]).toContain(anonymous.statusCode);
    const refused = await postMultipart('/en/secretariat/index', draftFields('not-allowed'), member.cookie, '/en/join');
    expect(refused.statusCode).toBe(403);
    expect(await editionCount()).toBe(before);
  });

  it('refuses a form without its CSRF token', async () => {
    const before = await editionCount();
    const { payload, contentType } = await multipartBody(draftFields('no-token'));
    const response = await t.app.inject({ method: 'POST', url: '/en/secretariat/index', payload, headers: { cookie: secretariat, 'content-type': contentType } });
    expect(response.statusCode).toBe(403);
    expect(await editionCount()).toBe(before);
  });
});

describe('creating a draft', () => {
  it('lists no edition at first, in both languages', async () => {
    const page = await t.app.inject({ url: '/fr/secretariat/index', headers: { cookie: secretariat } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(fr('admin.list.empty'));
    expect(page.body).toContain('enctype="multipart/form-data"');
  });

  it('creates a draft from CSV tables and shows what it holds', async () => {
    const created = await postMultipart('/en/secretariat/index', draftFields('draft-csv'));
    expect(created.statusCode).toBe(303);
    expect(created.headers.location).toBe('/en/secretariat/index/draft-csv?done=created');
    const page = await t.app.inject({ url: created.headers.location as string, headers: { cookie: secretariat } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(en('admin.done.created'));
    expect(page.body).toMatch(/<dt>Units<\/dt>\s*<dd>4<\/dd>/);
    expect(page.body).toMatch(/<dt>Indicators<\/dt>\s*<dd>4<\/dd>/);
    expect(page.body).toContain('small-iData.csv, small-iMeta.csv');
    expect(await audits('index.edition.create')).toBe(1);
  });

  it('creates a draft from one workbook holding both sheets', async () => {
    const created = await postMultipart('/en/secretariat/index', { ...draftFields('draft-xlsx'), iData: file('small.xlsx'), iMeta: '' });
    expect(created.statusCode).toBe(303);
    const list = await t.app.inject({ url: '/en/secretariat/index', headers: { cookie: secretariat } });
    expect(list.body).toContain('draft-xlsx');
    expect(list.body).toContain('draft-csv');
  });

  it('reports every problem of bad tables with row and column, keeps the typed values and stores nothing', async () => {
    const before = await editionCount();
    const response = await postMultipart('/en/secretariat/index', { ...draftFields('bad-tables'), iData: file('bad-iData.csv'), iMeta: file('bad-iMeta.csv') });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('class="error-summary"');
    expect(response.body).toMatch(/iData, row \d+, column press/);
    expect(response.body).toContain('value="bad-tables"');
    expect(await editionCount()).toBe(before);
  });

  it('says which field is wrong: missing file, wrong file type, bad identifier, taken identifier (in French)', async () => {
    const before = await editionCount();
    const noFile = await postMultipart('/fr/secretariat/index', { ...draftFields('no-file'), iData: '' }, secretariat, '/fr/secretariat/index');
    expect(noFile.statusCode).toBe(422);
    expect(noFile.body).toContain(fr('error.required'));
    const wrongType = await postMultipart('/fr/secretariat/index', { ...draftFields('wrong-type'), iData: { name: 'data.txt', bytes: Buffer.from('x') } }, secretariat, '/fr/secretariat/index');
    expect(wrongType.body).toContain(fr('error.fileType'));
    const tooLarge = await postMultipart('/fr/secretariat/index', { ...draftFields('too-large'), iData: { name: 'big.csv', bytes: Buffer.alloc(uploadLimits.fileBytes + 1, 'a') } }, secretariat, '/fr/secretariat/index');
    expect(tooLarge.statusCode).toBe(422);
    expect(tooLarge.body).toContain(fr('error.fileTooLarge', { max: maxUploadMb }));
    const badSlug = await postMultipart('/fr/secretariat/index', draftFields('Not A Slug!'), secretariat, '/fr/secretariat/index');
    expect(badSlug.statusCode).toBe(422);
    expect(badSlug.body).toContain(fr('error.slug'));
    const taken = await postMultipart('/fr/secretariat/index', draftFields('draft-csv'), secretariat, '/fr/secretariat/index');
    expect(taken.statusCode).toBe(409);
    expect(taken.body).toContain(fr('error.slugTaken'));
    const badJson = await postMultipart('/en/secretariat/index', { ...draftFields('bad-json'), pipeline: { name: 'pipeline.json', bytes: Buffer.from('{"steps": [') } });
    expect(badJson.statusCode).toBe(422);
    expect(badJson.body).toContain('This is not valid JSON');
    expect(await editionCount()).toBe(before);
  });
});

describe('configuring, previewing and publishing', () => {
  const page = '/en/secretariat/index/draft-csv';
  const config = (pipeline: unknown, overrides: Record<string, string> = {}) => ({
    pipeline: typeof pipeline === 'string' ? pipeline : JSON.stringify(pipeline),
    seed: '11',
    runs: '128',
    weightPerturbation: '0.2',
    ...overrides,
  });
  const minmax = { steps: [{ step: 'denominate' }, { step: 'normalise', method: 'minmax', lower: 1, upper: 100 }], aggregate: { method: 'geometric' } };

  it('refuses a configuration the engine does not accept, naming the option, and changes nothing', async () => {
    const before = (await t.database.db.select({ config: indexEditions.config }).from(indexEditions).where(sql`slug = 'draft-csv'`))[0]?.config;
    const unknown = await postForm(`${page}/config`, config({ steps: [{ step: 'normalise', method: 'bogus' }] }), page);
    expect(unknown.statusCode).toBe(422);
    expect(unknown.body).toContain('config.steps.0');
    expect(unknown.body).toContain('class="error-summary"');
    const notJson = await postForm(`${page}/config`, config('{ nope'), page);
    expect(notJson.statusCode).toBe(422);
    expect(notJson.body).toContain('This is not valid JSON');
    expect(notJson.body).toContain('{ nope');
    const tooFewRuns = await postForm(`${page}/config`, config(minmax, { runs: '3' }), page);
    expect(tooFewRuns.statusCode).toBe(422);
    expect(tooFewRuns.body).toContain(`id="runs-error"`);
    const after = (await t.database.db.select({ config: indexEditions.config }).from(indexEditions).where(sql`slug = 'draft-csv'`))[0]?.config;
    expect(after).toEqual(before);
  });

  it('saves a configuration and shows its steps', async () => {
    const saved = await postForm(`${page}/config`, config(minmax), page);
    expect(saved.statusCode).toBe(303);
    const shown = await t.app.inject({ url: saved.headers.location as string, headers: { cookie: secretariat } });
    expect(shown.body).toContain(en('admin.done.config'));
    expect(shown.body).toMatch(/Aggregation: (&#34;|&quot;)geometric/);
    expect(shown.body).toMatch(/<strong>normalise<\/strong>/);
    expect(await audits('index.edition.configure')).toBe(1);
  });

  it('previews the ranking with bands, says it is not public and that it will be the first edition', async () => {
    const preview = await t.app.inject({ url: `${page}/preview`, headers: { cookie: secretariat } });
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('Nothing here is public');
    expect(preview.body).toContain('128 Monte Carlo runs');
    expect(preview.body).toContain(indexMessages('en')('changes.first'));
    expect(preview.body).toMatch(/<th scope="row"><span>Alpha<\/span><\/th>/);
    expect((await t.app.inject({ url: '/en/index/draft-csv' })).statusCode).toBe(404);
  });

  it('replaces the tables of a draft', async () => {
    const replaced = await postMultipart(`${page}/data`, { iData: file('small.xlsx') }, secretariat, page);
    expect(replaced.statusCode).toBe(303);
    expect(await audits('index.edition.data')).toBe(1);
    const bad = await postMultipart(`${page}/data`, { iData: file('bad-iData.csv'), iMeta: file('small-iMeta.csv') }, secretariat, page);
    expect(bad.statusCode).toBe(422);
    expect(await audits('index.edition.data')).toBe(1);
  });

  it('publishes with its note; the edition is public and refuses any later change', async () => {
    const published = await postForm(`${page}/publish`, { noteEn: 'First pilot run.', noteFr: 'Premier essai.' }, page);
    expect(published.statusCode).toBe(303);
    const public_ = await t.app.inject({ url: '/fr/index/draft-csv' });
    expect(public_.statusCode).toBe(200);
    const readOnly = await t.app.inject({ url: page, headers: { cookie: secretariat } });
    expect(readOnly.body).toContain(en('edition.readonly'));
    expect(readOnly.body).not.toContain(`action="${page}/config"`);
    // The read-only page has no form: the token comes from the list's.
    const change = await postForm(`${page}/config`, config(minmax, { seed: '12' }), '/en/secretariat/index');
    expect(change.statusCode).toBe(409);
    expect(change.body).toContain(en('error.published'));
    const discard = await postForm(`${page}/discard`, {}, '/en/secretariat/index');
    expect(discard.statusCode).toBe(409);
    const row = (await t.database.db.select().from(indexEditions).where(sql`slug = 'draft-csv'`))[0];
    expect(row?.status).toBe('published');
    expect(row?.changesNoteFr).toBe('Premier essai.');
    expect(row?.config.uncertainty.seed).toBe(11);
  });

  it('compares the next draft with the published edition in its preview', async () => {
    const next = '/en/secretariat/index/draft-xlsx';
    const preview = await t.app.inject({ url: `${next}/preview`, headers: { cookie: secretariat } });
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain(indexMessages('en')('changes.previous'));
    expect(preview.body).toContain('href="/en/index/draft-csv"');
    expect(preview.body).toContain(indexMessages('en')('changes.config'));
    expect(preview.body).toContain(indexMessages('en')('changes.draftNote'));
  });

  it('deletes a draft', async () => {
    const discarded = await postForm('/en/secretariat/index/draft-xlsx/discard', {}, '/en/secretariat/index/draft-xlsx');
    expect(discarded.statusCode).toBe(303);
    expect(discarded.headers.location).toBe('/en/secretariat/index?done=discarded&slug=draft-xlsx');
    expect((await t.app.inject({ url: '/en/secretariat/index/draft-xlsx', headers: { cookie: secretariat } })).statusCode).toBe(404);
    expect(await audits('index.edition.discard')).toBe(1);
  });

  it('downloads a draft’s tables as a COINr workbook', async () => {
    const response = await t.app.inject({ url: '/en/secretariat/index/draft-csv/inputs.xlsx', headers: { cookie: secretariat } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await t.app.inject({ url: '/en/secretariat/index/draft-csv/inputs.xlsx' })).statusCode).toBe(303);
  });
});

describe('the WG5 framework template', () => {
  it('holds the whole WG5 tree and, once filled in, makes a draft', async () => {
    const response = await t.app.inject({ url: '/fr/secretariat/index/wg5-template.xlsx', headers: { cookie: secretariat } });
    expect(response.statusCode).toBe(200);
    const { iData, iMeta } = await readXlsxTables(response.rawPayload, ['iData', 'iMeta']);
    const indicators = WG5_FRAMEWORK.flatMap((c) => c.subDimensions.flatMap((s) => s.indicators));
    expect(iMeta?.rows.filter((r) => r.Type === 'Indicator')).toHaveLength(indicators.length);
    expect(iMeta?.rows.filter((r) => r.Level === '3').map((r) => r.iCode)).toEqual(WG5_FRAMEWORK.map((c) => c.code));
    expect(iData?.rows).toHaveLength(0);
    // Filled in for three countries and every indicator, the template is accepted as it is.
    const columns = iData?.columns ?? [];
    const rows = ['FRA', 'KEN', 'BRA'].map((uCode, u) => Object.fromEntries(columns.map((c, i) => [c, c === 'uCode' ? uCode : c === 'uName' ? uCode : c === 'Time' ? '2025' : String(10 + u * 7 + i)])));
    const metaCsv = writeCsvTable({ columns: iMeta?.columns ?? [], rows: (iMeta?.rows ?? []).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v ?? '']))) });
    const created = await postMultipart('/en/secretariat/index', {
      slug: 'wg5-template',
      titleEn: 'From the template',
      titleFr: 'Depuis le modèle',
      iData: { name: 'iData.csv', bytes: Buffer.from(writeCsvTable({ columns, rows })) },
      iMeta: { name: 'iMeta.csv', bytes: Buffer.from(metaCsv) },
    });
    expect(created.statusCode).toBe(303);
  });

  it('is for the secretariat only', async () => {
    expect((await t.app.inject({ url: '/en/secretariat/index/wg5-template.xlsx' })).statusCode).toBe(303);
  });
});
