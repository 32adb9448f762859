/**
 * Issue 12, item 11: a multipart body without a boundary, or cut short, is the client's mistake: 400 with a localized
 * message, nothing stored (it was a 500 that logged an error).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { signInAs } from '../../../test/helpers/auth.js';
import { indexEditions } from './index.tables.js';

let t: TestApp;
let cookie: string;
beforeAll(async () => {
  t = await createTestApp();
  cookie = (await signInAs(t, { email: 'analyst@pariscall.example', role: 'moderator' })).cookie;
});
afterAll(async () => t?.close());

const cases = [
  ['without a boundary', 'multipart/form-data', 'slug=pilot'],
  ['cut short', 'multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="slug"\r\n\r\npil'],
] as const;

describe('a malformed upload to the index secretariat', () => {
  it.each(cases)('%s gets a 400 saying the form could not be read, in the page language, and stores nothing', async (_name, type, payload) => {
    for (const [locale, text] of [
      ['en', 'The form could not be read'],
      ['fr', 'Le formulaire n’a pas pu être lu'],
    ] as const) {
      const response = await t.app.inject({ method: 'POST', url: `/${locale}/secretariat/index`, headers: { 'content-type': type, cookie }, payload });
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain(text);
    }
    const [row] = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(indexEditions);
    expect(row?.n).toBe(0);
  });
});
