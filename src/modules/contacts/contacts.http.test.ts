/**
 * The directory over real HTTP, in both languages, with e-mails through the in-process SMTP server: a representative
 * nominates by the form, the nominee accepts by the e-mailed link, the members' directory and the contact's page show
 * them, the contact uploads keys and publishes; the public directory, its CSV and API show only what was published.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { generateKey } from 'openpgp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixtureSite, type TestApp } from '../../../test/helpers/app.js';
import { csrfFor, mergeCookies } from '../../../test/helpers/auth.js';
import { startSmtpServer, type TestSmtpServer } from '../../../test/helpers/smtp.js';
import { linkFrom } from '../applications/applications.test-support.js';
import { createContactsRepository } from './contacts.repository.js';
import { organisationWithRepresentative, person } from './contacts.test-support.js';

let smtp: TestSmtpServer;
let t: TestApp;
beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ site: fixtureSite, config: { smtpUrl: smtp.url } });
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

const form = (values: Record<string, string>) => new URLSearchParams(values).toString();
async function post(url: string, cookie: string, values: Record<string, string>, from = url) {
  const page = await csrfFor(t, from, cookie);
  return t.app.inject({ method: 'POST', url, headers: { cookie: page.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: form({ _csrf: page.token, ...values }) });
}

const nomination = (email: string, name: string) => ({
  role: 'technical', name, title: 'Duty officer', email, mailLocale: 'fr', timeZone: 'Europe/Paris', 'hours-1': '09:00-18:00', languages: 'fr, en',
  'channel-0-kind': 'email', 'channel-0-value': 'soc@cert-fr.example', 'channel-0-24x7': 'yes', 'channel-1-kind': 'phone', 'channel-1-value': '+33 1 23 45 67 89', attestationDays: '60',
});

describe.each(['en', 'fr'] as const)('the directory in %s', (locale) => {
  it('nominate → accept by the e-mailed link → the directory and the contact page show the contact; the public sees nothing unpublished', async () => {
    const { organisation, rep } = await organisationWithRepresentative(t, locale === 'en' ? 5 : 6);
    const base = `/${locale}/account/organisations/${organisation.id}/contacts`;
    const email = `nominee-${locale}@cert.example`;
    const name = `Nadia ${locale === 'en' ? 'Enquist' : 'Fresnel'}`;

    const invalid = await post(base, rep.cookie, { ...nomination(email, name), timeZone: 'CET' }, `${base}/new`);
    expect(invalid.statusCode).toBe(422);
    expect(invalid.body).toContain(locale === 'en' ? 'Give an IANA time zone name' : 'Indiquez un nom de fuseau IANA');
    expect(invalid.body).toContain(`value="${name}"`);

    const sent = await post(base, rep.cookie, nomination(email, name), `${base}/new`);
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe(`${base}?done=nominated`);
    await t.app.context.jobs.worker.drain();
    const mail = await smtp.waitForMessage((m) => m.to !== undefined && JSON.stringify(m.to).includes(email));
    expect(mail.subject).toContain('vous désigne');
    const link = linkFrom(mail, '/cooperation/accept');

    const page = await t.app.inject({ url: link.replace(/^\/fr\//, `/${locale}/`) });
    expect(page.statusCode).toBe(200);
    const token = new URL(`http://x${link}`).searchParams.get('token')!;
    const csrf = await csrfFor(t, link);
    const accepted = await t.app.inject({ method: 'POST', url: `/${locale}/cooperation/accept`, headers: { cookie: csrf.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: form({ _csrf: csrf.token, token }) });
    expect(accepted.statusCode).toBe(200);
    const contactCookie = mergeCookies(csrf.cookie, accepted.headers['set-cookie'] as string[]);
    const contactPath = /href="(\/[a-z]{2}\/cooperation\/contacts\/poc_[^"]+)"/.exec(accepted.body)![1]!;

    const directory = await t.app.inject({ url: `/${locale}/cooperation/contacts?q=${encodeURIComponent(name.split(' ')[1]!)}`, headers: { cookie: contactCookie } });
    expect(directory.statusCode).toBe(200);
    expect(directory.body).toContain(name);
    expect(directory.body).toContain('Europe/Paris (UTC+0');
    const contact = await t.app.inject({ url: contactPath, headers: { cookie: contactCookie } });
    expect(contact.body).toContain('soc@cert-fr.example');
    expect(contact.body).toContain(`/${locale}/cooperation/pings/contacts/`);

    // Nothing is published yet: not in the public directory, its CSV or API.
    const publicPage = await t.app.inject({ url: `/${locale}/points-of-contact?q=${encodeURIComponent(name.split(' ')[1]!)}` });
    expect(publicPage.body).not.toContain(name);

    // The contact publishes themself with their e-mail channel only.
    const current = (await createContactsRepository(t.database.db).ofUser((await person(t, email)).actor.userId))[0]!;
    const published = await post(`${contactPath}/edit`, contactCookie, { ...nomination(email, name), version: String(current.version), published: 'yes', 'channel-0-published': 'yes' }, contactPath);
    expect(published.statusCode).toBe(303);
    const publicAfter = await t.app.inject({ url: `/${locale}/points-of-contact?q=${encodeURIComponent(name.split(' ')[1]!)}` });
    expect(publicAfter.body).toContain(name);
    expect(publicAfter.body).toContain('soc@cert-fr.example');
    expect(publicAfter.body).not.toContain('+33 1 23 45 67 89');
    expect(publicAfter.body).not.toContain(email);
    const csv = parseCsv((await t.app.inject({ url: `/${locale}/points-of-contact.csv` })).body, { columns: true }) as Record<string, string>[];
    const row = csv.find((r) => Object.values(r).includes(name))!;
    expect(JSON.stringify(row)).toContain('email:soc@cert-fr.example');
    expect(JSON.stringify(csv)).not.toContain(email);
    const api = (await t.app.inject({ url: `/api/v1/points-of-contact?q=${encodeURIComponent(name.split(' ')[1]!)}` })).json();
    expect(api).toMatchObject({ total: 1, items: [{ name, channels: [{ kind: 'email', value: 'soc@cert-fr.example' }] }] });
    expect(JSON.stringify(api)).not.toContain(email);

    // A second save from the same (now stale) form is refused with the conflict, nothing written.
    const stale = await post(`${contactPath}/edit`, contactCookie, { ...nomination(email, 'Overwritten'), version: String(current.version) }, contactPath);
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain(locale === 'en' ? 'was changed since you opened the form' : 'a été modifié depuis');
  });
});

describe('keys, exports and imports over HTTP', () => {
  it('a key is uploaded, shown with its fingerprint and served as a text download; a malformed one is refused with its line', async () => {
    const { organisation } = await organisationWithRepresentative(t, 7);
    const owner = await person(t, 'key-owner@cert.example', { locale: 'fr', grants: [{ role: 'contact', scopeId: organisation.id }] });
    const { seedContact } = await import('./contacts.test-support.js');
    const contact = await seedContact(t.database.db, { supporterId: organisation.id, userId: owner.actor.userId, email: 'key-owner@cert.example' });
    const path = `/fr/cooperation/contacts/${contact.id}`;
    const bad = await post(`${path}/keys`, owner.cookie, { version: String(contact.version), armored: '-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmQINB%%%\n-----END PGP PUBLIC KEY BLOCK-----' }, path);
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Ligne 3 : cette ligne de la clé n’est pas du texte base64');
    expect(await createContactsRepository(t.database.db).keysOf([contact.id])).toEqual([]);

    const { publicKey } = await generateKey({ type: 'ecc', curve: 'curve25519Legacy', userIDs: [{ email: 'key-owner@cert.example' }], format: 'armored' });
    const added = await post(`${path}/keys`, owner.cookie, { version: String(contact.version), armored: publicKey }, path);
    expect(added.statusCode).toBe(303);
    const [key] = await createContactsRepository(t.database.db).keysOf([contact.id]);
    const page = await t.app.inject({ url: path, headers: { cookie: owner.cookie } });
    expect(page.body).toContain(key!.fingerprint.slice(0, 4));
    const download = await t.app.inject({ url: `${path}/keys/${key!.id}`, headers: { cookie: owner.cookie } });
    expect(download.headers['content-type']).toContain('text/plain');
    expect(download.headers['content-disposition']).toContain('attachment');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.body).toContain('BEGIN PGP PUBLIC KEY BLOCK');
    // Outside the space: refused.
    const stranger = await person(t, 'nobody@example.org');
    expect((await t.app.inject({ url: `${path}/keys/${key!.id}`, headers: { cookie: stranger.cookie } })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/v1/contacts', headers: { cookie: stranger.cookie } })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/v1/contacts', headers: { cookie: owner.cookie } })).statusCode).toBe(200);
  });

  it('exports download as attachments, and a broken import is shown with its line (422), nothing imported', async () => {
    const { organisation, rep } = await organisationWithRepresentative(t, 8);
    const base = `/en/account/organisations/${organisation.id}/contacts`;
    const json = await t.app.inject({ url: `${base}.json`, headers: { cookie: rep.cookie } });
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-disposition']).toContain('attachment');
    expect(json.json()).toMatchObject({ 'official-team-name': organisation.name, 'team-members': [] });
    const text = await t.app.inject({ url: `${base}.txt`, headers: { cookie: rep.cookie } });
    expect(text.body).toContain('2.1 Name of the Team');
    const broken = await post(`${base}/import`, rep.cookie, { format: 'json', text: '{\n"team-members": [\n{,}\n]}' }, base);
    expect(broken.statusCode).toBe(422);
    expect(broken.body).toContain('Line 3: this is not valid JSON.');
    expect(await createContactsRepository(t.database.db).ofSupporter(organisation.id)).toEqual([]);
    // Someone else is told nothing exists.
    const stranger = await person(t, 'stranger-export@example.org');
    expect((await t.app.inject({ url: `${base}.json`, headers: { cookie: stranger.cookie } })).statusCode).toBe(404);
  });

  it('the hub is public, shows the space’s links to members only, and the navigation links it', async () => {
    const anonymousPage = await t.app.inject({ url: '/fr/cooperation' });
    expect(anonymousPage.statusCode).toBe(200);
    expect(anonymousPage.body).toContain('href="/fr/cooperation" aria-current="page"');
    expect(anonymousPage.body).not.toContain('/fr/cooperation/requests');
    const { organisation } = await organisationWithRepresentative(t, 9);
    const member = await person(t, 'hub-member@cert.example', { grants: [{ role: 'contact', scopeId: organisation.id }] });
    const memberPage = await t.app.inject({ url: '/en/cooperation', headers: { cookie: member.cookie } });
    for (const path of ['/en/cooperation/contacts', '/en/cooperation/pings', '/en/cooperation/requests', '/en/cooperation/incidents', '/en/disclosure']) expect(memberPage.body).toContain(`href="${path}"`);
  });
});
