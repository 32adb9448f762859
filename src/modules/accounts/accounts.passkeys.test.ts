import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { csrfFor, mergeCookies, signInAs } from '../../../test/helpers/auth.js';
import { authTokens, passkeys, sessions } from '../../app/auth/auth.tables.js';
import { SoftPasskey } from '../../app/auth/webauthn.test-utils.js';

/**
 * Passkeys over HTTP with a software authenticator: the server's real @simplewebauthn verification accepts a good
 * response once and refuses replays, foreign origins and unknown credentials.
 */
let t: TestApp;
const origin = 'http://localhost:3000';

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

async function postJson(url: string, cookie: string, csrf: string, body: unknown) {
  return t.app.inject({ method: 'POST', url, headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' }, payload: JSON.stringify(body) });
}

describe('passkeys', () => {
  const key = new SoftPasskey(origin);
  let moderator: { cookie: string; sessionId: string; userId: string };

  it('a moderator on an e-mail-link session cannot reach the back office and is sent to enrol', async () => {
    moderator = await signInAs(t, { email: 'mod@secretariat.example', role: 'moderator', method: 'email-link' });
    const page = await t.app.inject({ url: '/en/account/passkeys?required=1', headers: { cookie: moderator.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('needs a second factor');
    expect(page.body).toContain('data-passkey="register"');
  });

  it('enrols a passkey: options store a server-side challenge, the verified response upgrades the session', async () => {
    const form = await csrfFor(t, '/en/account/passkeys', moderator.cookie);
    const options = await postJson('/en/account/passkeys/options', form.cookie, form.token, {});
    expect(options.statusCode, options.body).toBe(200);
    const json = options.json();
    expect(json.rp.id).toBe('localhost');
    const challenges = await t.database.db.select().from(authTokens).where(eq(authTokens.purpose, 'webauthn-challenge'));
    expect(challenges.some((c) => c.subjectId === moderator.userId && !c.usedAt)).toBe(true);

    const response = key.register(json);
    const done = await postJson('/en/account/passkeys', form.cookie, form.token, { response, label: 'Laptop <b>', next: '/en/account' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().redirect).toBe('/en/account');
    const [stored] = await t.database.db.select().from(passkeys).where(eq(passkeys.userId, moderator.userId));
    expect(stored?.id).toBe(key.id);
    const [session] = await t.database.db.select().from(sessions).where(eq(sessions.id, moderator.sessionId));
    expect(session?.method).toBe('passkey');

    // The same response again: its challenge is used up.
    const replay = await postJson('/en/account/passkeys', form.cookie, form.token, { response, label: 'again' });
    expect(replay.statusCode).toBe(400);

    const list = await t.app.inject({ url: '/en/account/passkeys', headers: { cookie: moderator.cookie } });
    expect(list.body).toContain('Laptop &lt;b>');
    expect(list.body).not.toContain('Laptop <b>');
  });

  it('refuses a registration for another origin or without a valid challenge', async () => {
    const other = await signInAs(t, { email: 'member@example.org', role: 'member' });
    const form = await csrfFor(t, '/en/account/passkeys', other.cookie);
    const options = (await postJson('/en/account/passkeys/options', form.cookie, form.token, {})).json();
    const foreign = await postJson('/en/account/passkeys', form.cookie, form.token, { response: new SoftPasskey(origin).register(options, { origin: 'https://evil.example' }) });
    expect(foreign.statusCode).toBe(400);
    const forged = await postJson('/en/account/passkeys', form.cookie, form.token, { response: new SoftPasskey(origin).register({ ...options, challenge: Buffer.from('made-up-challenge-value-000000000').toString('base64url') }) });
    expect(forged.statusCode).toBe(400);
    const garbage = await postJson('/en/account/passkeys', form.cookie, form.token, { response: { id: 'x', response: {} } });
    expect(garbage.statusCode).toBe(400);
    expect(await t.database.db.select().from(passkeys).where(eq(passkeys.userId, other.userId))).toHaveLength(0);
  });

  it('the JSON endpoints need the CSRF token', async () => {
    const response = await postJson('/en/account/passkeys/options', moderator.cookie, '', {});
    expect(response.statusCode).toBe(403);
  });

  it('signs in with the passkey, opening a passkey session', async () => {
    const form = await csrfFor(t, '/en/sign-in');
    expect(form.body).toContain('data-passkey="sign-in"');
    const options = await postJson('/en/sign-in/passkey/options', form.cookie, form.token, {});
    expect(options.statusCode).toBe(200);
    const response = key.authenticate(options.json());
    const signedIn = await postJson('/en/sign-in/passkey', form.cookie, form.token, { response, next: '/en/account' });
    expect(signedIn.statusCode, signedIn.body).toBe(200);
    expect(signedIn.json().redirect).toBe('/en/account');
    const cookie = mergeCookies(form.cookie, signedIn.headers['set-cookie'] as string[]);
    const account = await t.app.inject({ url: '/en/account', headers: { cookie } });
    expect(account.body).toContain('mod@secretariat.example');
    expect(account.body).toContain('passkey');
    const [stored] = await t.database.db.select().from(passkeys).where(eq(passkeys.id, key.id));
    expect(stored?.counter).toBeGreaterThan(0);
    expect(stored?.lastUsedAt).not.toBeNull();

    // Replaying the signed assertion fails: the challenge was single use.
    const replay = await postJson('/en/sign-in/passkey', form.cookie, form.token, { response, next: '/en/account' });
    expect(replay.statusCode).toBe(400);
  });

  it('an unknown credential cannot sign in', async () => {
    const form = await csrfFor(t, '/en/sign-in');
    const options = (await postJson('/en/sign-in/passkey/options', form.cookie, form.token, {})).json();
    const stranger = new SoftPasskey(origin);
    const response = await postJson('/en/sign-in/passkey', form.cookie, form.token, { response: stranger.authenticate(options) });
    expect(response.statusCode).toBe(400);
    expect(response.headers['set-cookie'] ?? '').not.toMatch(/pariscall-session=[A-Za-z0-9]/);
  });

  it('an e-mail-link session cannot add a second passkey to an account that has one', async () => {
    const again = await signInAs(t, { email: 'mod@secretariat.example', role: 'moderator', method: 'email-link' });
    const page = await t.app.inject({ url: '/en/account/passkeys?required=1', headers: { cookie: again.cookie } });
    expect(page.body).not.toContain('data-passkey="register"');
    expect(page.body).toContain('sign in with it');
    const form = await csrfFor(t, '/en/account/passkeys', again.cookie);
    const options = await postJson('/en/account/passkeys/options', form.cookie, form.token, {});
    expect(options.statusCode).toBe(403);
  });
});
