import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { csrfFor, signInAs } from '../../../test/helpers/auth.js';
import { resolveSecretKey } from '../../app/auth/secret.js';
import { seedGroup } from '../groups/groups.test-support.js';
import { createNotificationsRepository } from './notifications.repository.js';
import { signUnsubscribeToken } from './notifications.tokens.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const choices = async (userId: string) => Object.fromEntries((await createNotificationsRepository(t.database.db).choicesOf(userId)).map((row) => [row.groupId, row.frequency]));
const auditCount = async (action: string) => Number(((await t.database.db.execute(`select count(*)::int as n from audit_log where action = '${action}'`)) as unknown as { rows: Array<{ n: number }> }).rows[0]!.n);

describe('the subscriptions page', () => {
  it('sends an anonymous visitor to sign in', async () => {
    const response = await t.app.inject({ url: '/en/account/subscriptions' });
    expect([302, 303]).toContain(response.statusCode);
    expect(response.headers.location).toMatch(/^\/en\/sign-in/);
  });

  it('lists every group with what the person receives, in both languages; ?group= opens it to follow that group', async () => {
    const me = await signInAs(t, { email: 'page@notify.example' });
    const mine = await seedGroup(t.database.db, { members: [me.userId], name: { en: 'My group', fr: 'Mon groupe' } });
    const other = await seedGroup(t.database.db, { name: { en: 'Other group', fr: 'Autre groupe' } });
    const en = await t.app.inject({ url: `/en/account/subscriptions?group=${other.slug}`, headers: { cookie: me.cookie } });
    expect(en.statusCode).toBe(200);
    expect(en.headers['cache-control']).toBe('no-store');
    expect(en.body).toContain('Follow Other group: choose how often, then save.');
    // The group asked for comes first, its choice preset to the weekly digest.
    expect(en.body.indexOf('Other group')).toBeLessThan(en.body.indexOf('My group'));
    expect(en.body).toMatch(new RegExp(`id="frequency-${other.slug}"[^>]*>\\s*<option value="daily"[^>]*>[^<]*</option>\\s*<option value="weekly" selected`));
    expect(en.body).toContain('Not chosen: Weekly digest by default.');
    expect(en.body).toContain(`action="/en/account/subscriptions"`);
    const fr = await t.app.inject({ url: '/fr/account/subscriptions', headers: { cookie: me.cookie } });
    expect(fr.body).toContain('Courriels des groupes de travail');
    expect(fr.body).toContain('Mon groupe');
    expect(mine.id).toBeTruthy();
    const account = await t.app.inject({ url: '/en/account', headers: { cookie: me.cookie } });
    expect(account.body).toContain('<a href="/en/account/subscriptions">Choose what you receive from each working group</a>');
  });

  it('saving a choice redirects with a notice; a bad frequency is shown beside the field (422) and changes nothing; no CSRF token, 403', async () => {
    const me = await signInAs(t, { email: 'save@notify.example', locale: 'fr' });
    const group = await seedGroup(t.database.db, { name: { en: 'Saved group', fr: 'Groupe enregistré' } });
    const page = await csrfFor(t, '/fr/account/subscriptions', me.cookie);
    const post = (fields: Record<string, string>, withToken = true) =>
      t.app.inject({ method: 'POST', url: '/fr/account/subscriptions', headers: { cookie: page.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: form(withToken ? { _csrf: page.token, ...fields } : fields) });

    const saved = await post({ group: group.slug, frequency: 'daily' });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/fr/account/subscriptions?group=${group.slug}&done=saved`);
    const after = await t.app.inject({ url: saved.headers.location as string, headers: { cookie: me.cookie } });
    expect(after.body).toContain('Enregistré : Groupe enregistré, Résumé quotidien.');
    expect(await choices(me.userId)).toEqual({ [group.id]: 'daily' });

    const bad = await post({ group: group.slug, frequency: 'hourly' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain(`id="frequency-${group.slug}-error"`);
    expect(bad.body).toContain('Choisissez quotidien, hebdomadaire ou rien.');
    expect(await choices(me.userId)).toEqual({ [group.id]: 'daily' });

    const forged = await post({ group: group.slug, frequency: 'off' }, false);
    expect(forged.statusCode).toBe(403);
    expect(await choices(me.userId)).toEqual({ [group.id]: 'daily' });
  });
});

describe('the unsubscribe link', () => {
  const secret = () => resolveSecretKey(t.config);

  it('GET asks before changing anything, in both languages', async () => {
    const me = await signInAs(t, { email: 'ask@notify.example' });
    const group = await seedGroup(t.database.db, { members: [me.userId], name: { en: 'Asked group', fr: 'Groupe demandé' } });
    const token = signUnsubscribeToken(secret(), { userId: me.userId, groupId: group.id });
    const en = await t.app.inject({ url: `/en/unsubscribe/${token}` });
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('Stop the e-mails of Asked group to this address?');
    expect(en.body).toContain(`<form method="post" action="/en/unsubscribe/${token}">`);
    const fr = await t.app.inject({ url: `/fr/unsubscribe/${signUnsubscribeToken(secret(), { userId: me.userId, groupId: null })}` });
    expect(fr.body).toContain('Ne plus envoyer à cette adresse aucun courriel des groupes de travail ?');
    expect(await choices(me.userId)).toEqual({});
  });

  it('the one-click POST works without a session or CSRF token, sets the group to off once, and is audited without personal data', async () => {
    const me = await signInAs(t, { email: 'oneclick@notify.example' });
    const group = await seedGroup(t.database.db, { members: [me.userId], name: { en: 'Clicked group', fr: 'Groupe cliqué' } });
    const token = signUnsubscribeToken(secret(), { userId: me.userId, groupId: group.id });
    const before = await auditCount('notifications.unsubscribe');
    const click = () =>
      t.app.inject({ method: 'POST', url: `/en/unsubscribe/${token}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
    const first = await click();
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('Done: you will no longer receive e-mails of Clicked group.');
    expect(await choices(me.userId)).toEqual({ [group.id]: 'off' });
    const second = await click();
    expect(second.statusCode).toBe(200);
    expect(await auditCount('notifications.unsubscribe')).toBe(before + 1);
    const entry = ((await t.database.db.execute(`select actor, subject, details::text as details from audit_log where action = 'notifications.unsubscribe' and subject = '${group.id}'`)) as unknown as { rows: Array<Record<string, string>> }).rows[0]!;
    expect(entry).toEqual({ actor: 'link:unsubscribe', subject: group.id, details: '{"groups": 1}' });
    expect(JSON.stringify(entry)).not.toContain(me.userId);
  });

  it('the one-click POST as RFC 8058 recommends it, multipart/form-data, works too', async () => {
    const me = await signInAs(t, { email: 'multipart@notify.example' });
    const group = await seedGroup(t.database.db, { members: [me.userId] });
    const boundary = 'one-click-boundary';
    const response = await t.app.inject({
      method: 'POST',
      url: `/en/unsubscribe/${signUnsubscribeToken(secret(), { userId: me.userId, groupId: group.id })}`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--${boundary}--\r\n`,
    });
    expect(response.statusCode).toBe(200);
    expect(await choices(me.userId)).toEqual({ [group.id]: 'off' });
  });

  it('a link for every group turns every group off', async () => {
    const me = await signInAs(t, { email: 'all@notify.example' });
    const a = await seedGroup(t.database.db, { members: [me.userId] });
    const response = await t.app.inject({ method: 'POST', url: `/fr/unsubscribe/${signUnsubscribeToken(secret(), { userId: me.userId, groupId: null })}`, payload: {} });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('vous ne recevrez plus de courriels des groupes de travail');
    const mine = await choices(me.userId);
    expect(mine[a.id]).toBe('off');
    expect(new Set(Object.values(mine))).toEqual(new Set(['off']));
  });

  it('an altered or forged token is refused with a localized page and changes nothing', async () => {
    const me = await signInAs(t, { email: 'forged@notify.example' });
    const group = await seedGroup(t.database.db, { members: [me.userId] });
    const token = signUnsubscribeToken(secret(), { userId: me.userId, groupId: group.id });
    const forgedBySomeoneElse = signUnsubscribeToken('another-secret-key-of-at-least-32-chars!', { userId: me.userId, groupId: group.id });
    for (const bad of [`${token.slice(0, -2)}xx`, forgedBySomeoneElse, 'nonsense']) {
      const post = await t.app.inject({ method: 'POST', url: `/fr/unsubscribe/${bad}`, payload: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      expect(post.statusCode).toBe(404);
      expect(post.body).toContain('Ce lien n’est pas valide');
      const get = await t.app.inject({ url: `/en/unsubscribe/${bad}` });
      expect(get.statusCode).toBe(404);
      expect(get.body).toContain('This link is not valid');
    }
    expect(await choices(me.userId)).toEqual({});
  });
});
