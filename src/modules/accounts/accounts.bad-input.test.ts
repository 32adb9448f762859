import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { csrfFor, signInAs } from '../../../test/helpers/auth.js';
import { passkeys, users } from '../../app/auth/auth.tables.js';

/** The account's pages take only what they know: notices by code, names without control characters, your own ids. */
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

async function post(url: string, cookie: string, payload: Record<string, string>) {
  const form = await csrfFor(t, `${url.slice(0, 3)}/account`, cookie);
  return t.app.inject({ method: 'POST', url, headers: { cookie: form.cookie }, payload: { ...payload, _csrf: form.token } });
}

const notice = (body: string) => /<p class="notice" role="status">([^<]*)<\/p>/.exec(body)?.[1];

describe('notices on the account page', () => {
  it('shows a known notice, and nothing for any other ?done= text', async () => {
    const me = await signInAs(t, { email: 'notices@example.org' });
    const get = async (query: string) => (await t.app.inject({ url: `/en/account?${query}`, headers: { cookie: me.cookie } })).body;
    expect(notice(await get('done=withdrawn'))).toBe('Your organisation was withdrawn from the registry.');
    expect(notice(await get('done=profile'))).toBe('Your profile was saved.');
    for (const query of ['done=Your%20account%20is%20suspended%2C%20call%20%2B1%20555', 'done=__proto__', 'done=constructor', 'done=toString', 'done[]=profile']) {
      const body = await get(query);
      expect(notice(body), query).toBeUndefined();
      expect(body).not.toContain('suspended');
    }
  });
});

describe('the profile form', () => {
  it.each([
    ['en', 'A name cannot contain control characters'],
    ['fr', 'Un nom ne peut pas contenir de caractères de contrôle'],
  ] as const)('refuses a name with a NUL byte or a line break (422, %s) and keeps the stored one', async (locale, message) => {
    const me = await signInAs(t, { email: `profile-${locale}@example.org`, name: 'Kept Name' });
    for (const name of ['Evil\u0000Name', 'Two\nLines', 'Bell\u0007']) {
      const response = await post(`/${locale}/account/profile`, me.cookie, { name, locale });
      expect(response.statusCode, JSON.stringify(name)).toBe(422);
      expect(response.body).toContain(message);
    }
    const [row] = await t.database.db.select().from(users).where(eq(users.id, me.userId));
    expect(row?.name).toBe('Kept Name');
    expect((await post(`/${locale}/account/profile`, me.cookie, { name: '  New Name ', locale })).statusCode).toBe(303);
  });
});

describe('sessions and passkeys of someone else', () => {
  it('removing another person’s passkey is a 404 and removes nothing; your own is removed', async () => {
    const owner = await signInAs(t, { email: 'owner@example.org' });
    const stranger = await signInAs(t, { email: 'stranger@example.org' });
    await t.database.db.insert(passkeys).values({ id: 'cred-owner-1', userId: owner.userId, publicKey: 'x' });
    expect((await post('/en/account/passkeys/remove', stranger.cookie, { passkey: 'cred-owner-1' })).statusCode).toBe(404);
    expect((await post('/en/account/passkeys/remove', stranger.cookie, { passkey: 'cred\u0000' })).statusCode).toBe(404);
    expect(await t.database.db.select().from(passkeys).where(eq(passkeys.id, 'cred-owner-1'))).toHaveLength(1);
    const mine = await post('/en/account/passkeys/remove', owner.cookie, { passkey: 'cred-owner-1' });
    expect(mine.statusCode).toBe(303);
    expect(mine.headers.location).toBe('/en/account/passkeys?done=removed');
    expect(await t.database.db.select().from(passkeys).where(eq(passkeys.id, 'cred-owner-1'))).toHaveLength(0);
  });

  it('revoking a session id with a NUL byte is a 404, not a database error', async () => {
    const me = await signInAs(t, { email: 'nul-session@example.org' });
    expect((await post('/fr/account/sessions/revoke', me.cookie, { session: 'a\u0000b' })).statusCode).toBe(404);
  });
});
