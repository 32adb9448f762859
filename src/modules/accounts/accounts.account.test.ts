import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { csrfFor, signInAs } from '../../../test/helpers/auth.js';
import { auditLog } from '../../app/audit/audit.tables.js';
import { cookieSettings } from '../../app/auth/auth.plugin.js';
import { sessions, users } from '../../app/auth/auth.tables.js';
import { resolveSecretKey } from '../../app/auth/secret.js';
import { resolveSession, touchEveryMs } from '../../app/auth/sessions.js';
import { registerAccountSection } from './accounts.sections.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  registerAccountSection({ name: 'test-section', render: ({ actor, locale }) => `<section><h2>Test section ${locale}</h2><p>${actor.userId}</p></section>` });
});
afterAll(async () => t?.close());

async function post(url: string, cookie: string, payload: Record<string, string>) {
  // A CSRF token is bound to the browser's secret cookie, not to one form: any page with a form gives one.
  const form = await csrfFor(t, `${url.slice(0, 3)}/account`, cookie);
  return t.app.inject({ method: 'POST', url, headers: { cookie: form.cookie }, payload: { ...payload, _csrf: form.token } });
}

describe('the account page', () => {
  it('sends anonymous visitors to sign in, then back', async () => {
    const response = await t.app.inject({ url: '/fr/account' });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/fr/sign-in?next=%2Ffr%2Faccount');
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('shows who you are, your sessions and other modules’ sections; never cached', async () => {
    const me = await signInAs(t, { email: 'ada@example.org', name: 'Ada' });
    const page = await t.app.inject({ url: '/en/account', headers: { cookie: me.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).toContain('ada@example.org');
    expect(page.body).toContain('Test section en');
    expect(page.body).toContain(me.userId);
    expect(page.body).toContain('this device');
    // Public pages stay the same for everyone: the account link does not vary.
    const home = await t.app.inject({ url: '/en', headers: { cookie: me.cookie } });
    const anonymousHome = await t.app.inject({ url: '/en' });
    expect(home.body).toBe(anonymousHome.body);
  });

  it('a form posted without its CSRF token changes nothing and says the page expired', async () => {
    const me = await signInAs(t, { email: 'csrf@example.org', name: 'Before' });
    for (const [locale, text] of [['en', 'The page expired'], ['fr', 'La page a expiré']] as const) {
      const response = await t.app.inject({ method: 'POST', url: `/${locale}/account/profile`, headers: { cookie: me.cookie }, payload: { name: 'After', locale: 'fr' } });
      expect(response.statusCode).toBe(403);
      expect(response.body).toContain(text);
    }
    const wrong = await t.app.inject({ method: 'POST', url: '/en/account/profile', headers: { cookie: me.cookie }, payload: { name: 'After', _csrf: 'forged' } });
    expect(wrong.statusCode).toBe(403);
    const [row] = await t.database.db.select().from(users).where(eq(users.id, me.userId));
    expect(row?.name).toBe('Before');
    const ok = await post('/en/account/profile', me.cookie, { name: 'After', locale: 'fr' });
    expect(ok.statusCode).toBe(303);
    const [updated] = await t.database.db.select().from(users).where(eq(users.id, me.userId));
    expect(updated).toMatchObject({ name: 'After', locale: 'fr' });
  });

  it('revokes one of your sessions, and nobody else’s', async () => {
    const phone = await signInAs(t, { email: 'multi@example.org' });
    const laptop = await signInAs(t, { email: 'multi@example.org' });
    const stranger = await signInAs(t, { email: 'stranger@example.org' });
    const theirs = await post('/en/account/sessions/revoke', stranger.cookie, { session: phone.sessionId });
    // Nothing changed, and the answer says so instead of "done".
    expect(theirs.statusCode).toBe(404);
    expect((await t.app.inject({ url: '/en/account', headers: { cookie: phone.cookie } })).statusCode).toBe(200);
    await post('/en/account/sessions/revoke', laptop.cookie, { session: phone.sessionId });
    expect((await t.app.inject({ url: '/en/account', headers: { cookie: phone.cookie } })).statusCode).toBe(303);
    expect((await t.app.inject({ url: '/en/account', headers: { cookie: laptop.cookie } })).statusCode).toBe(200);
  });

  it('a session expires when idle, and slides while used', async () => {
    const me = await signInAs(t, { email: 'slide@example.org' });
    const token = me.cookie.split('=')[1]!;
    const [created] = await t.database.db.select().from(sessions).where(eq(sessions.id, me.sessionId));
    const later = new Date(created!.createdAt.getTime() + touchEveryMs + 1000);
    const resolved = await resolveSession(t.database.db, token, later);
    expect(resolved?.touched).toBe(true);
    expect(resolved!.expiresAt.getTime()).toBeGreaterThan(created!.expiresAt.getTime());
    expect(await resolveSession(t.database.db, token, new Date(resolved!.expiresAt.getTime() + 1))).toBeNull();
    const secretariat = await signInAs(t, { email: 'short@secretariat.example', role: 'moderator' });
    const [row] = await t.database.db.select().from(sessions).where(eq(sessions.id, secretariat.sessionId));
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBe(12 * 3600_000);
  });
});

describe('personal data (GDPR)', () => {
  it('downloads everything about you as JSON', async () => {
    const me = await signInAs(t, { email: 'export@example.org', name: 'Grace' });
    const response = await t.app.inject({ url: '/en/account/data.json', headers: { cookie: me.cookie } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="pariscall-personal-data-/);
    const data = response.json();
    expect(data.userId).toBe(me.userId);
    expect(data.parts.account.profile).toMatchObject({ email: 'export@example.org', name: 'Grace' });
    expect(data.parts.account.sessions.length).toBeGreaterThan(0);
    expect(JSON.stringify(data)).not.toContain(me.sessionId);
    expect((await t.app.inject({ url: '/en/account/data.json' })).statusCode).toBe(303);
  });

  it('erases your account after confirmation, keeping the id and the audit trail', async () => {
    const me = await signInAs(t, { email: 'erase@example.org', name: 'Erin' });
    const mismatch = await post('/en/account/erase', me.cookie, { confirm: 'someone@example.org' });
    expect(mismatch.statusCode).toBe(422);
    expect((await t.database.db.select().from(users).where(eq(users.id, me.userId)))[0]?.email).toBe('erase@example.org');

    const erased = await post('/en/account/erase', me.cookie, { confirm: ' Erase@Example.org ' });
    expect(erased.statusCode).toBe(303);
    expect(erased.headers.location).toBe('/en/account/erased');
    const [row] = await t.database.db.select().from(users).where(eq(users.id, me.userId));
    expect(row).toMatchObject({ email: null, name: null, status: 'disabled' });
    expect(row?.erasedAt).not.toBeNull();
    expect(await t.database.db.select().from(sessions).where(eq(sessions.userId, me.userId))).toHaveLength(0);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.subject, me.userId));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['users.create', 'privacy.erase']));
    expect(JSON.stringify(audit)).not.toContain('erase@example.org');
    expect((await t.app.inject({ url: '/en/account', headers: { cookie: me.cookie } })).statusCode).toBe(303);
  });
});

describe('secretariat accounts', () => {
  it.each([
    ['anonymous', undefined, 303],
    ['member', { role: 'member' as const }, 403],
    ['moderator', { role: 'moderator' as const }, 403],
    ['administrator on an e-mail link', { role: 'admin' as const, method: 'email-link' as const }, 303],
    ['administrator with a passkey', { role: 'admin' as const }, 200],
  ])('%s gets %s on /secretariat/users', async (name, as, status) => {
    const cookie = as ? (await signInAs(t, { email: `${name.replaceAll(' ', '-')}@example.org`, ...as })).cookie : '';
    const response = await t.app.inject({ url: '/en/secretariat/users', headers: cookie ? { cookie } : {} });
    expect(response.statusCode).toBe(status);
    if (name.includes('e-mail link')) expect(response.headers.location).toBe('/en/account/passkeys?required=1');
  });

  it('an administrator adds a moderator, changes a role and cannot remove the last administrator', async () => {
    await t.database.db.update(users).set({ role: 'member' }).where(eq(users.role, 'admin'));
    const admin = await signInAs(t, { email: 'boss@secretariat.example', role: 'admin' });
    const added = await post('/fr/secretariat/users', admin.cookie, { email: 'New.Mod@Secretariat.example', name: 'Nouveau', role: 'moderator' });
    expect(added.statusCode).toBe(303);
    const [mod] = await t.database.db.select().from(users).where(eq(users.email, 'new.mod@secretariat.example'));
    expect(mod?.role).toBe('moderator');
    const list = await t.app.inject({ url: '/fr/secretariat/users', headers: { cookie: admin.cookie } });
    expect(list.body).toContain('new.mod@secretariat.example');

    const demoteSelf = await post(`/fr/secretariat/users/${admin.userId}/role`, admin.cookie, { role: 'moderator' });
    expect(demoteSelf.statusCode).toBe(409);
    expect(demoteSelf.body).toContain('au moins un administrateur');
    const disable = await post(`/fr/secretariat/users/${mod!.id}/status`, admin.cookie, { status: 'disabled' });
    expect(disable.statusCode).toBe(303);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.subject, mod!.id));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['users.create', 'users.disable']));
    expect(audit.every((a) => a.actor === `user:${admin.userId}`)).toBe(true);
  });
});

describe('cookies and the secret key', () => {
  it('uses __Host- cookies on https and Secure cookies on localhost', () => {
    expect(cookieSettings('https://pariscall.example.org')).toEqual({ secure: true, sessionCookie: '__Host-pariscall-session', csrfCookie: '__Host-pariscall-csrf' });
    expect(cookieSettings('http://localhost:3000').secure).toBe(true);
    expect(cookieSettings('http://intranet.example').secure).toBe(false);
  });

  it('creates the secret key once, readable by its owner only', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pariscall-secret-'));
    const key = resolveSecretKey({ dataDir, secretKey: undefined });
    expect(key.length).toBeGreaterThanOrEqual(32);
    expect(resolveSecretKey({ dataDir, secretKey: undefined })).toBe(key);
    expect(fs.statSync(path.join(dataDir, 'secret.key')).mode & 0o777).toBe(0o600);
    expect(resolveSecretKey({ dataDir, secretKey: 'x'.repeat(40) })).toBe('x'.repeat(40));
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
