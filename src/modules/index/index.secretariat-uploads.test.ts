/**
 * Hostile uploads to the secretariat's index forms (issue 12, item 2): a zip bomb, a workbook declaring or holding
 * millions of cells and a CSV of too many cells are each refused before parsing with a message in the page's language,
 * nothing is stored, and the server goes on serving; a real index's workbook is still accepted.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { signInAs } from '../../../test/helpers/auth.js';
import { uploadRefusalMessages } from './index.secretariat-uploads.locales.js';
import { postMultipart } from './index.secretariat.test-support.js';
import { indexEditions } from './index.tables.js';
import { uploadLimits } from './io/index.upload-limits.js';
import { hostileCsv, hostileWorkbook, normalWorkbook } from './io/index.upload-limits.test-support.js';

const fixtures = join(fileURLToPath(new URL('.', import.meta.url)), 'io/fixtures');
const file = (name: string) => ({ name, bytes: readFileSync(join(fixtures, name)) });
let t: TestApp;
let cookie: string;
const editionCount = async () => (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(indexEditions))[0]?.n ?? 0;
const draft = (slug: string) => ({ slug, titleEn: `Test ${slug}`, titleFr: `Essai ${slug}` });
const cap = { cells: uploadLimits.cells, mb: uploadLimits.xlsxInflatedBytes / (1024 * 1024) };

beforeAll(async () => {
  t = await createTestApp();
  cookie = (await signInAs(t, { email: 'analyst@pariscall.example', role: 'moderator' })).cookie;
});
afterAll(async () => t?.close());

describe('a hostile file uploaded to create an edition', () => {
  it.each([
    ['a zip bomb', 'en', 'bomb.xlsx', () => hostileWorkbook('inflated'), 'xlsx.inflated.exceeded', { max: cap.mb }],
    ['a workbook declaring 26 million cells', 'fr', 'dimension.xlsx', () => hostileWorkbook('dimension'), 'file.cells.exceeded', { found: 26_000_000, max: cap.cells }],
    ['a workbook holding more cells than the cap', 'en', 'cells.xlsx', () => hostileWorkbook('cells'), 'file.cells.exceeded', { max: cap.cells }],
  ] as const)('%s (%s) is refused unread with its cap named, and nothing is stored', async (_what, locale, name, bytes, code, figures) => {
    const before = await editionCount();
    const page = `/${locale}/secretariat/index`;
    const response = await postMultipart(t, page, { ...draft(`hostile-${code}`), iData: { name, bytes: await bytes() }, iMeta: '' }, cookie, page);
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('class="error-summary"');
    const message = /<td>([^<]*)<\/td>\s*<\/tr>\s*<\/tbody>/.exec(response.body)?.[1] ?? '';
    // The message of the catalog, with the cap; what was found varies with the generated file unless given.
    const marker = 123456789;
    const expected = uploadRefusalMessages(locale)(code, { file: name, found: marker, ...figures });
    const escaped = expected.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(new Intl.NumberFormat(locale).format(marker), '[\\d.,\\s]+');
    expect(message).toMatch(new RegExp(`^${escaped}$`));
    expect(await editionCount()).toBe(before);
  });

  it('a CSV of more cells than the cap is refused in French with the figures, and nothing is stored', async () => {
    const before = await editionCount();
    const csv = hostileCsv();
    const response = await postMultipart(t, '/fr/secretariat/index', { ...draft('hostile-csv'), iData: { name: 'rows.csv', bytes: csv }, iMeta: file('small-iMeta.csv') }, cookie, '/fr/secretariat/index');
    expect(response.statusCode).toBe(422);
    const lines = csv.toString('latin1').split('\n').filter(Boolean).length;
    expect(response.body).toContain(uploadRefusalMessages('fr')('file.cells.exceeded', { file: 'rows.csv', found: lines * 10, max: cap.cells }));
    expect(await editionCount()).toBe(before);
  });

  it('after the refusals the server still serves, and a real index in one workbook (2,000 rows × 65 columns) creates a draft', async () => {
    expect((await t.app.inject({ url: '/healthz' })).statusCode).toBe(200);
    const created = await postMultipart(t, '/en/secretariat/index', { ...draft('real-size'), iData: { name: 'index.xlsx', bytes: await normalWorkbook() }, iMeta: '' }, cookie);
    expect(created.statusCode).toBe(303);
    const shown = await t.app.inject({ url: created.headers.location as string, headers: { cookie } });
    expect(shown.body).toMatch(/<dt>Units<\/dt>\s*<dd>200<\/dd>/);
    expect(shown.body).toMatch(/<dt>Indicators<\/dt>\s*<dd>62<\/dd>/);
  });
});

describe('a hostile file uploaded to replace a draft’s data', () => {
  it('is refused on the data form and the draft keeps its tables', async () => {
    const page = '/en/secretariat/index/keeps-data';
    expect((await postMultipart(t, '/en/secretariat/index', { ...draft('keeps-data'), iData: file('small-iData.csv'), iMeta: file('small-iMeta.csv') }, cookie)).statusCode).toBe(303);
    const response = await postMultipart(t, `${page}/data`, { iData: { name: 'bomb.xlsx', bytes: await hostileWorkbook('inflated') }, iMeta: '' }, cookie, page);
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('id="data-problems"');
    expect(response.body).toContain('bomb.xlsx is a workbook that unpacks to more than');
    const shown = await t.app.inject({ url: page, headers: { cookie } });
    expect(shown.body).toMatch(/<dt>Units<\/dt>\s*<dd>4<\/dd>/);
    expect(shown.body).toContain('small-iData.csv, small-iMeta.csv');
  });
});
