import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import { createTestApp, fixtureSite, type TestApp } from '../../../test/helpers/app.js';
import { csrfFor, mergeCookies, signInAs } from '../../../test/helpers/auth.js';
import { issueToken } from '../../app/auth/tokens.js';
import { totpFactors } from './accounts.totp.tables.js';

/**
 * A secretariat member without a passkey device: an authenticator app as second factor, with recovery codes. The
 * key comes from the page (as a person would type it into the app), codes are computed as the app would.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ site: fixtureSite, config: { secretKey: 'totp-suite-secret-key-0123456789-abcdef' } });
});
afterAll(async () => t?.close());

const codeAt = (key: string, offsetSeconds = 0) =>
  new TOTP({ secret: Secret.fromBase32(key.replace(/\s/g, '')), digits: 6, period: 30 }).generate({ timestamp: Date.now() + offsetSeconds * 1000 });

async function post(url: string, cookie: string, fields: Record<string, string>) {
  const form = await csrfFor(t, url.startsWith('/en/sign-in/code') || url.startsWith('/fr/sign-in/code') ? url : url.replace(/\/(recovery-codes|remove)$/, ''), cookie);
  return t.app.inject({ method: 'POST', url, headers: { cookie: form.cookie }, payload: { ...fields, _csrf: form.token } });
}

const backOffice = (cookie: string) => t.app.inject({ url: '/en/secretariat/applications', headers: { cookie } });
const sessionCookieOf = (response: { headers: Record<string, unknown> }, before: string) => mergeCookies(before, response.headers['set-cookie'] as string[] | string | undefined);

describe('an authenticator app as second factor', () => {
  let key = '';
  let recovery: string[] = [];
  let moderator: { userId: string; cookie: string };

  it('an e-mail-link session of a moderator is sent to set up a second factor, and the back office stays closed', async () => {
    moderator = await signInAs(t, { email: 'no-passkey@secretariat.example', role: 'moderator', method: 'email-link' });
    expect((await backOffice(moderator.cookie)).statusCode).not.toBe(200);
    const passkeys = await t.app.inject({ url: '/en/account/passkeys?required=1', headers: { cookie: moderator.cookie } });
    expect(passkeys.body).toContain('No passkey-capable device? Use an authenticator app instead.');
    expect(passkeys.body).toContain('href="/en/account/totp?next=');
  });

  it('shows a QR code and the key, refuses a wrong code (localized, nothing stored), confirms the right one', async () => {
    const page = await t.app.inject({ url: '/en/account/totp', headers: { cookie: moderator.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<img class="qr" src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+" alt="QR code holding the key/);
    key = /<code class="secret">([A-Z2-7 ]+)<\/code>/.exec(page.body)![1]!;
    expect(key.replace(/\s/g, '')).toHaveLength(32);
    const [stored] = await t.database.db.select().from(totpFactors).where(eq(totpFactors.userId, moderator.userId));
    expect(stored!.secretSealed).not.toContain(key.replace(/\s/g, ''));
    expect(stored!.confirmedAt).toBeNull();

    const wrong = await post('/en/account/totp', moderator.cookie, { code: codeAt(key) === '000000' ? '111111' : '000000' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('This code is not valid.');
    expect((await t.database.db.select().from(totpFactors).where(eq(totpFactors.userId, moderator.userId)))[0]!.confirmedAt).toBeNull();

    const right = await post('/en/account/totp', moderator.cookie, { code: codeAt(key) });
    expect(right.statusCode, right.body).toBe(200);
    expect(right.body).toContain('Your recovery codes');
    recovery = [...right.body.matchAll(/<code>([a-z2-7]{5}-[a-z2-7]{5})<\/code>/g)].map((m) => m[1]!);
    expect(recovery).toHaveLength(10);
    // The session that proved the code became a two-factor session: the back office opens.
    const upgraded = sessionCookieOf(right, moderator.cookie);
    expect((await backOffice(upgraded)).statusCode).toBe(200);
    // The e-mail-link session it replaced is closed.
    expect((await t.app.inject({ url: '/en/account', headers: { cookie: moderator.cookie } })).statusCode).not.toBe(200);
  });

  it('after the next e-mail link, asks for a code; a reused code is refused; a fresh one or a recovery code opens the back office', async () => {
    const token = await issueToken(t.database.db, { purpose: 'sign-in', subjectId: moderator.userId, email: 'no-passkey@secretariat.example', data: { next: '/en/secretariat/applications' }, ttlMs: 60_000 });
    const verify = await csrfFor(t, `/en/sign-in/verify?token=${token}`);
    const signedIn = await t.app.inject({ method: 'POST', url: '/en/sign-in/verify', headers: { cookie: verify.cookie }, payload: { token, _csrf: verify.token } });
    expect(signedIn.statusCode).toBe(303);
    expect(signedIn.headers.location).toBe(`/en/sign-in/code?next=${encodeURIComponent('/en/secretariat/applications')}`);
    const linkSession = sessionCookieOf(signedIn, verify.cookie);
    expect((await backOffice(linkSession)).statusCode).not.toBe(200);

    const page = await t.app.inject({ url: signedIn.headers.location!, headers: { cookie: linkSession } });
    expect(page.body).toContain('Enter your code');
    // The code that confirmed the app was used already: the same time step is refused.
    const replay = await post('/en/sign-in/code', linkSession, { code: codeAt(key), next: '/en/secretariat/applications' });
    expect(replay.statusCode).toBe(422);
    const next = await post('/en/sign-in/code', linkSession, { code: codeAt(key, 30), next: '/en/secretariat/applications' });
    expect(next.statusCode).toBe(303);
    expect(next.headers.location).toBe('/en/secretariat/applications');
    expect((await backOffice(sessionCookieOf(next, linkSession))).statusCode).toBe(200);
  });

  it('a recovery code works once, and the page then says how many are left', async () => {
    const other = await signInAs(t, { email: 'no-passkey@secretariat.example', role: 'moderator', method: 'email-link' });
    const used = await post('/fr/sign-in/code', other.cookie, { code: recovery[0]!.toUpperCase(), next: '/fr/account' });
    expect(used.statusCode).toBe(303);
    expect(used.headers.location).toBe('/fr/account/totp?done=recovery');
    const status = await t.app.inject({ url: used.headers.location!, headers: { cookie: sessionCookieOf(used, other.cookie) } });
    expect(status.body).toContain('Vous avez utilisé un code de secours. Il en reste 9.');
    const again = await signInAs(t, { email: 'no-passkey@secretariat.example', role: 'moderator', method: 'email-link' });
    const reused = await post('/fr/sign-in/code', again.cookie, { code: recovery[0]!, next: '/fr/account' });
    expect(reused.statusCode).toBe(422);
    expect(reused.body).toContain('Ce code n’est pas valide.');
  });

  it('an e-mail-link session cannot add a second factor to an account that has one', async () => {
    const link = await signInAs(t, { email: 'no-passkey@secretariat.example', role: 'moderator', method: 'email-link' });
    const remove = await post('/en/account/totp/remove', link.cookie, {});
    expect(remove.statusCode).toBe(403);
    const passkeyOptions = await csrfFor(t, '/en/account/passkeys', link.cookie);
    const options = await t.app.inject({ method: 'POST', url: '/en/account/passkeys/options', headers: { cookie: passkeyOptions.cookie, 'x-csrf-token': passkeyOptions.token } });
    expect(options.statusCode).toBe(403);
  });

  it('five attempts per quarter hour and person, then 429 even for the right code', async () => {
    const person = await signInAs(t, { email: 'guess@secretariat.example', role: 'moderator', method: 'email-link' });
    const page = await t.app.inject({ url: '/en/account/totp', headers: { cookie: person.cookie } });
    const secret = /<code class="secret">([A-Z2-7 ]+)<\/code>/.exec(page.body)![1]!;
    const wrong = codeAt(secret) === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) expect((await post('/en/account/totp', person.cookie, { code: wrong })).statusCode).toBe(422);
    const blocked = await post('/en/account/totp', person.cookie, { code: codeAt(secret) });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.body).toContain('Too many attempts.');
  });
});
