import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { signInAs } from '../../../test/helpers/auth.js';
import { postMultipart } from './index.secretariat.test-support.js';
import { indexEditions } from './index.tables.js';

/** Text the secretariat types beside its uploads is refused with a message when it holds control characters. */
const fixtures = join(fileURLToPath(new URL('.', import.meta.url)), 'io/fixtures');
const file = (name: string, as = name) => ({ name: as, bytes: readFileSync(join(fixtures, name)) });
let t: TestApp;
let cookie: string;

beforeAll(async () => {
  t = await createTestApp();
  cookie = (await signInAs(t, { email: 'analyst@pariscall.example', role: 'moderator' })).cookie;
});
afterAll(async () => t?.close());

describe('a new edition with control characters in its text', () => {
  it.each([
    ['the source', { source: 'open\u0000data' }, 'must not contain control characters'],
    ['a title', { titleEn: 'Pilot\u0000' }, 'Enter a title'],
  ])('%s: 422 with a message, nothing created', async (_what, fields, message) => {
    const response = await postMultipart(t, '/en/secretariat/index', {
      slug: 'nul-probe', titleEn: 'Probe', titleFr: 'Sonde', ...fields,
      iData: file('small-iData.csv'), iMeta: file('small-iMeta.csv'),
    }, cookie);
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain(message);
    expect((await t.app.inject({ url: '/en/secretariat/index/nul-probe', headers: { cookie } })).statusCode).toBe(404);
  });

  it('file names with control characters are recorded without them', async () => {
    const response = await postMultipart(t, '/en/secretariat/index', {
      slug: 'named-probe', titleEn: 'Probe', titleFr: 'Sonde',
      iData: file('small-iData.csv', 'i\u0001Data.csv'), iMeta: file('small-iMeta.csv'),
    }, cookie);
    expect(response.statusCode).toBe(303);
  });
});

// Issue 12, item 11: a multipart body without a boundary, or cut short, is the client's mistake: 400 with a localized
// message, nothing stored (it was a 500 that logged an error).
const malformed = [
  ['without a boundary', 'multipart/form-data', 'slug=pilot'],
  ['cut short', 'multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="slug"\r\n\r\npil'],
] as const;

describe('a malformed upload to the index secretariat', () => {
  it.each(malformed)('%s gets a 400 saying the form could not be read, in the page language, and stores nothing', async (_name, type, payload) => {
    const editions = async () => (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(indexEditions))[0]?.n;
    const before = await editions();
    for (const [locale, text] of [
      ['en', 'The form could not be read'],
      ['fr', 'Le formulaire n’a pas pu être lu'],
    ] as const) {
      const response = await t.app.inject({ method: 'POST', url: `/${locale}/secretariat/index`, headers: { 'content-type': type, cookie }, payload });
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain(text);
    }
    expect(await editions()).toBe(before);
  });
});
