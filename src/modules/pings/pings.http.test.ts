import { eq } from 'drizzle-orm';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixtureSite, type TestApp } from '../../../test/helpers/app.js';
import { csrfFor, signInAs } from '../../../test/helpers/auth.js';
import { startSmtpServer, type TestSmtpServer } from '../../../test/helpers/smtp.js';
import { contacts } from '../contacts/contacts.tables.js';
import { seedContact } from '../contacts/contacts.test-support.js';
import { erasePersonalData, exportPersonalData } from '../../app/privacy/privacy.js';
import { createPingsRepository } from './pings.repository.js';
import { contactActor } from './pings.test-support.js';
import { createExercise, startExercise } from './pings.usecases.js';
import { someSupporters } from './pings.test-support.js';

const publicUrl = 'https://pariscall.test';
let t: TestApp;
let smtp: TestSmtpServer;
let orgs: Array<{ id: string; name: string }>;

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ site: fixtureSite, config: { smtpUrl: smtp.url, publicUrl, mailFrom: 'Paris Call <no-reply@pariscall.test>' } });
  orgs = await someSupporters(t.database.db, 4);
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

const form = (fields: Record<string, string | string[]>) => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) params.append(k, one);
  return params.toString();
};
const post = (url: string, cookie: string, fields: Record<string, string | string[]>) =>
  t.app.inject({ method: 'POST', url, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: form(fields) });
const linkIn = (mail: ParsedMail) => /https:\/\/pariscall\.test(\/(en|fr)\/ping\/[A-Za-z0-9_-]+)/.exec(mail.text ?? '')?.[1];

describe.each([
  ['en', 0, 'Proof of life: ping exercises', 'I acknowledge this ping', 'Thank you: your acknowledgement is recorded'],
  ['fr', 1, 'Preuve de vie : exercices de ping', 'J’accuse réception de ce ping', 'Merci : votre accusé de réception est enregistré'],
] as const)('a ping exercise in %s', (locale, index, title, button, thanks) => {
  it('secretariat starts it, the contact follows the e-mailed link and acknowledges, the statistics show it', async () => {
    const org = orgs[index]!;
    const address = `duty-${locale}@org.example`;
    const contact = await seedContact(t.database.db, { supporterId: org.id, state: 'active', email: address, channels: [{ kind: 'email', value: address }] });
    await t.database.db.update(contacts).set({ languages: [locale] }).where(eq(contacts.id, contact.id));
    const secretariat = await signInAs(t, { email: 'secretariat@pariscall.test', role: 'moderator' });
    const page = await csrfFor(t, `/${locale}/cooperation/pings/new`, secretariat.cookie);
    expect(page.status).toBe(200);
    expect(page.body).toContain(org.name);

    const bad = await post(`/${locale}/cooperation/pings/new`, page.cookie, { _csrf: page.token, organisations: org.id, window: '60', when: 'now', timeZone: 'Europe/Paris' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('id="channels-error"');

    const created = await post(`/${locale}/cooperation/pings/new`, page.cookie, { _csrf: page.token, organisations: org.id, channels: ['email', 'phone'], window: '60', when: 'now', timeZone: 'Europe/Paris' });
    expect(created.statusCode).toBe(303);
    const exerciseUrl = String(created.headers.location).replace(/\?.*$/, '');
    await t.app.context.jobs.worker.drain();
    const mail = await smtp.waitForMessage((m) => (m.to as { text: string } | undefined)?.text === address);
    expect(mail.subject).toMatch(locale === 'en' ? /^Proof-of-life check/ : /^Vérification de joignabilité/);
    const link = linkIn(mail)!;
    expect(link.startsWith(`/${locale}/ping/`)).toBe(true);

    // Opening the link (a mail scanner, or the contact, not signed in) changes nothing.
    const opened = await csrfFor(t, link);
    expect(opened.status).toBe(200);
    expect(opened.body).toContain(button);
    const before = await t.app.inject({ url: exerciseUrl, headers: { cookie: secretariat.cookie } });
    expect(before.body).toContain(title);
    expect(before.body).not.toContain(address);

    const noCsrf = await post(link, opened.cookie, {});
    expect(noCsrf.statusCode).toBe(403);
    const acknowledged = await post(link, opened.cookie, { _csrf: opened.token });
    expect(acknowledged.statusCode).toBe(200);
    expect(acknowledged.body).toContain(thanks);
    const twice = await post(link, opened.cookie, { _csrf: opened.token });
    expect(twice.body).not.toContain(thanks);

    const after = await t.app.inject({ url: exerciseUrl, headers: { cookie: secretariat.cookie } });
    expect(after.body).toMatch(/<dd>100(\s| )?%<\/dd>/);
    expect(after.body).toContain('<svg');
    expect(after.body).toContain('(Europe/Paris, UTC');
    const history = await t.app.inject({ url: `/${locale}/cooperation/pings/contacts/${contact.id}`, headers: { cookie: secretariat.cookie } });
    expect(history.statusCode).toBe(200);
    expect(history.body).toContain(contact.name);
    const csv = await t.app.inject({ url: `${exerciseUrl}/pings.csv`, headers: { cookie: secretariat.cookie } });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain(contact.name);
    expect(csv.body).not.toContain(address);
  });
});

describe('a scheduled exercise', () => {
  it('takes a local date-time in a zone, stores it in UTC, shows it with its zone, and starts only when due', async () => {
    const secretariat = await signInAs(t, { email: 'secretariat@pariscall.test', role: 'moderator' });
    const page = await csrfFor(t, '/en/cooperation/pings/new', secretariat.cookie);
    const fields = { _csrf: page.token, organisations: orgs[0]!.id, channels: 'email', window: '1440', when: 'later', timeZone: 'Europe/Paris' };
    const past = await post('/en/cooperation/pings/new', page.cookie, { ...fields, startsAt: '2020-01-01T09:00' });
    expect(past.statusCode).toBe(422);
    expect(past.body).toContain('Give a date and time to come');
    const created = await post('/en/cooperation/pings/new', page.cookie, { ...fields, startsAt: '2099-03-02T09:00' });
    expect(created.statusCode).toBe(303);
    const exerciseId = /exercises\/(pex_[^?]+)/.exec(String(created.headers.location))![1]!;
    await t.app.context.jobs.worker.drain();
    const api = await t.app.inject({ url: `/api/v1/pings/exercises/${exerciseId}`, headers: { cookie: secretariat.cookie } });
    expect(api.json()).toMatchObject({ scheduledAt: '2099-03-02T08:00:00.000Z', timeZone: 'Europe/Paris', state: 'scheduled', pings: [] });
    const shown = await t.app.inject({ url: `/fr/cooperation/pings/exercises/${exerciseId}`, headers: { cookie: secretariat.cookie } });
    expect(shown.body).toContain('2 mars 2099');
    expect(shown.body).toContain('09:00 (Europe/Paris, UTC+01:00)');
  });
});

describe('the cooperation space and the API', () => {
  it('refuses people outside the space (403) and visitors (sign in); a contact sees the statistics', async () => {
    const member = await signInAs(t, { email: 'member@pings.example' });
    expect((await t.app.inject({ url: '/en/cooperation/pings', headers: { cookie: member.cookie } })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/v1/pings/statistics', headers: { cookie: member.cookie } })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/v1/pings/statistics' })).statusCode).toBe(401);
    const contactUser = await signInAs(t, { email: 'desk@pings.example' });
    await seedContact(t.database.db, { supporterId: orgs[2]!.id, userId: contactUser.userId, channels: [{ kind: 'phone', value: '+33 1 02 03 04 05' }] });
    const signedAgain = await signInAs(t, { email: 'desk@pings.example' });
    const overview = await t.app.inject({ url: '/fr/cooperation/pings', headers: { cookie: signedAgain.cookie } });
    expect(overview.statusCode).toBe(200);
    const stats = await t.app.inject({ url: '/api/v1/pings/statistics', headers: { cookie: signedAgain.cookie } });
    expect(stats.statusCode).toBe(200);
    expect(stats.json().figures.targets).toBeGreaterThanOrEqual(2);
  });

  it('acknowledges by API once (twice changes nothing); an unknown token is a problem', async () => {
    const org = orgs[3]!;
    const address = 'api@org.example';
    await seedContact(t.database.db, { supporterId: org.id, state: 'active', email: address, channels: [{ kind: 'email', value: address }] });
    const secretariat = await signInAs(t, { email: 'secretariat@pariscall.test', role: 'moderator' });
    const page = await csrfFor(t, '/en/cooperation/pings/new', secretariat.cookie);
    await post('/en/cooperation/pings/new', page.cookie, { _csrf: page.token, organisations: org.id, channels: 'email', window: '1440', when: 'now', timeZone: 'UTC' });
    await t.app.context.jobs.worker.drain();
    const mail = await smtp.waitForMessage((m) => (m.to as { text: string } | undefined)?.text === address);
    const token = linkIn(mail)!.split('/').pop()!;
    const ack = (body: unknown) => t.app.inject({ method: 'POST', url: '/api/v1/pings/acknowledge', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(body) });
    const first = await ack({ token });
    expect(first.statusCode).toBe(200);
    expect(first.json().recorded).toBe(true);
    const second = await ack({ token });
    expect(second.json()).toMatchObject({ recorded: false, acknowledgedAt: first.json().acknowledgedAt });
    const unknown = await ack({ token: 'y'.repeat(43) });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    const list = await t.app.inject({ url: '/api/v1/pings/exercises', headers: { cookie: secretariat.cookie } });
    expect(list.json().total).toBeGreaterThanOrEqual(1);
    const mine = list.json().items.find((e: { scope: string[] }) => e.scope.includes(org.id));
    const detail = await t.app.inject({ url: `/api/v1/pings/exercises/${mine.id}`, headers: { cookie: secretariat.cookie } });
    expect(detail.json().pings[0]).toMatchObject({ via: 'api', channel: 'email' });
    expect(detail.body).not.toContain(address);
  });
});

describe('personal data', () => {
  it('exports the pings a person received as a contact and the exercises they ran; erasure forgets who ran them', async () => {
    const db = t.database.db;
    const me = await signInAs(t, { email: 'privacy-desk@pings.example' });
    const contact = await seedContact(db, { supporterId: orgs[1]!.id, userId: me.userId, channels: [{ kind: 'phone', value: '+33 1 09 09 09 09' }] });
    const exercise = await createExercise({ db, actor: contactActor(me.userId, orgs[1]!.id), exercise: { supporterId: orgs[1]!.id, scopeSupporterIds: [], roles: [], channels: ['phone'], windowMinutes: 60, startsAt: null, timeZone: 'UTC' } });
    await startExercise({ db, publicUrl, exerciseId: exercise.id });
    const exported = (await exportPersonalData(db, me.userId)).parts.pings as { pings: Array<{ contact: string }>; exercisesRun: Array<{ id: string }> };
    expect(exported.pings.some((p) => p.contact === contact.id)).toBe(true);
    expect(exported.exercisesRun.map((e) => e.id)).toContain(exercise.id);
    expect(JSON.stringify(exported)).not.toContain('+33 1 09 09 09 09');
    await erasePersonalData(db, { userId: me.userId, actor: `user:${me.userId}` });
    expect((await createPingsRepository(db).exercise(exercise.id))?.createdBy).toBe('erased');
  });
});
