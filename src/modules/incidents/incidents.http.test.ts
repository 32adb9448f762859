import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureSite, createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { csrfFor, signInAs } from '../../../test/helpers/auth.js';
import { auditLog } from '../../app/audit/audit.tables.js';
import { systemActor } from '../../app/authz/actor.js';
import { grantRole } from '../../app/authz/grants.js';
import { tlpLabels, tlpMayRead, type TlpRelation } from '../../app/authz/tlp.js';
import { jobs } from '../../app/jobs/jobs.tables.js';
import { supporters } from '../supporters/supporters.tables.js';
import { importCrosswalk } from './incidents.crosswalk-usecases.js';
import { crosswalkEntrySchema } from './incidents.crosswalk.js';
import { sendReportReminder } from './incidents.reminders.js';
import { createIncidentsRepository } from './incidents.repository.js';
import { incidents } from './incidents.tables.js';
import { seedIncident, shippedCrosswalk } from './incidents.test-support.js';
import { formValues, incidentFromForm } from './incidents.input.js';
import { markReportSent, recordIncident } from './incidents.usecases.js';

let t: TestApp;
const org = { a: '', b: '' };
const cookie = {} as Record<'alice' | 'carol' | 'bob' | 'moderator' | 'dave', string>;
const id = {} as Record<keyof typeof cookie, string>;
const shipped = () => { const x = shippedCrosswalk(); return [...x.levels, ...x.rootCauses].map((e) => crosswalkEntrySchema.parse(e)); };

beforeAll(async () => {
  t = await createTestApp({ site: fixtureSite });
  const db = t.database.db;
  const [a, b] = await db.select().from(supporters).where(eq(supporters.status, 'published')).limit(2);
  Object.assign(org, { a: a!.id, b: b!.id });
  await db.transaction((tx) => importCrosswalk({ db: tx, entries: shipped(), actor: systemActor('test:setup') }));
  for (const [who, role] of [['alice', 'member'], ['carol', 'member'], ['bob', 'member'], ['moderator', 'moderator'], ['dave', 'member']] as const) {
    const signed = await signInAs(t, { email: `${who}@incidents.example`, role, ...(who === 'alice' ? { name: 'Alice Duty' } : {}), locale: who === 'bob' ? 'fr' : 'en' });
    cookie[who] = signed.cookie;
    id[who] = signed.userId;
  }
  await grantRole(db, 'test:setup', { userId: id.alice, role: 'contact', scopeId: org.a });
  await grantRole(db, 'test:setup', { userId: id.carol, role: 'contact', scopeId: org.a });
  await grantRole(db, 'test:setup', { userId: id.bob, role: 'contact', scopeId: org.b });
});
afterAll(async () => t?.close());

async function post(url: string, who: keyof typeof cookie, pageUrl: string, fields: Record<string, string | string[]>) {
  const page = await csrfFor(t, pageUrl, cookie[who]);
  const body = new URLSearchParams({ _csrf: page.token });
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
  return t.app.inject({ method: 'POST', url, headers: { cookie: page.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: body.toString() });
}

const fields = (overrides: Record<string, string | string[]> = {}) => ({
  supporterId: org.a, title: 'Ransomware at the regional hospital', description: 'Encrypted file servers.', language: 'en', tlp: 'AMBER',
  detectedDate: '2026-03-28', detectedTime: '10:30', awareDate: '2026-03-28', awareTime: '12:00', timeZone: 'Europe/Paris',
  victim: 'medium', effect: 'serious-impact', sectors: ['health'], countries: 'FR, BE', usersAffected: '1200', crossBorder: 'yes',
  functionalImpact: 'significant-non-critical', observedActivity: 'presence', location: 'l2', actor: 'criminal', informationImpact: ['proprietary-information-loss'],
  recoverability: 'supplemented', crossSectorDependency: ['healthcare'], potentialImpact: 'moderate',
  rsitType: 'information-content-security:unauthorised-information-modification', rootCause: 'malicious-actions', outlook: 'worsening', ...overrides,
});

describe('recording and classifying an incident', () => {
  it('a designated contact records one in English and reads every frame, the crosswalk verdict and the NIS2 clocks; the page reads in French', async () => {
    const form = '/en/cooperation/incidents/new';
    const response = await post(form, 'alice', form, fields());
    expect(response.statusCode).toBe(303);
    const location = response.headers.location as string;
    expect(location).toMatch(/^\/en\/cooperation\/incidents\/inc_[\w-]+\?done=recorded$/);
    const page = await t.app.inject({ url: location, headers: { cookie: cookie.alice } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('This incident is marked TLP:AMBER.');
    expect(page.body).toContain('49.12 / 100: level 1, Low');
    expect(page.body).toContain('C4: Substantial incident');
    expect(page.body).toContain('Red: very large'); // serious impact across borders
    expect(page.body).toMatch(/rsit:information-content-security=(&quot;|&#34;|")unauthorised-information-modification/);
    expect(page.body).toContain('Disagrees');
    expect(page.body).toContain('2026-03-29 13:00 (Europe/Paris, UTC+02:00) · 2026-03-29 11:00 UTC'); // 24 h across the change to summer time
    expect(page.body).toContain('Alice Duty');
    const fr = await t.app.inject({ url: location.replace('/en/', '/fr/').replace('?done=recorded', ''), headers: { cookie: cookie.carol } });
    expect(fr.body).toContain('Cet incident est marqué TLP:AMBER.');
    expect(fr.body).toContain('C4 : Incident substantiel');
    expect(fr.body).toContain('Alerte précoce (24 h)');
    const [row] = await t.database.db.select().from(incidents).where(eq(incidents.id, location.split('/').at(-1)!.split('?')[0]!));
    expect(row).toMatchObject({ countries: ['FRA', 'BEL'], configVersion: 1, awareAt: new Date('2026-03-28T11:00:00Z') });
    const reminders = await t.database.db.select().from(jobs).where(eq(jobs.subjectRef, row!.id));
    expect(reminders.map((j) => j.type)).toEqual(['incidents.report-reminder', 'incidents.report-reminder']);
    const [audit] = await t.database.db.select().from(auditLog).where(eq(auditLog.subject, row!.id));
    expect(audit).toMatchObject({ action: 'incidents.record', actor: `user:${id.alice}` });
  });

  it('bad input re-renders the French form with each message beside its field and what was typed; nothing is stored', async () => {
    const before = (await t.database.db.select().from(incidents)).length;
    const form = '/fr/cooperation/incidents/new';
    const response = await post(form, 'alice', form, fields({ tlp: '', timeZone: 'Paris', awareDate: '2026-03-27', title: 'Gardé', countries: 'XX' }));
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('<p class="field-error" id="tlp-error">Obligatoire.</p>');
    expect(response.body).toContain('<p class="field-error" id="timeZone-error">Ce n’est pas un fuseau horaire : utilisez un nom IANA comme Europe/Paris.</p>');
    expect(response.body).toContain('id="countries-error"');
    expect(response.body).toContain('value="Gardé"');
    expect((await t.database.db.select().from(incidents)).length).toBe(before);
  });

  it('nobody records for an organisation they are not a contact of: the secretariat and a contact of another organisation get 422', async () => {
    const form = '/en/cooperation/incidents/new';
    expect((await post(form, 'bob', form, fields())).statusCode).toBe(422);
    expect((await post(form, 'moderator', form, fields())).statusCode).toBe(422);
    expect((await post(form, 'dave', form, fields())).statusCode).toBe(403);
  });
});

describe('TLP decides who reads an incident, on every route', () => {
  const relationOf: Record<keyof typeof cookie, TlpRelation> = { alice: 'individual', carol: 'organisation', bob: 'community', moderator: 'community', dave: 'world' };
  it.each(tlpLabels)('TLP:%s', async (label) => {
    const incident = await seedIncident(t.database.db, { supporterId: org.a, authorUserId: id.alice, tlp: label, title: `Marked ${label} ${Math.random().toString(36).slice(2)}` });
    for (const who of Object.keys(relationOf) as Array<keyof typeof cookie>) {
      const may = tlpMayRead(label, relationOf[who]);
      const page = await t.app.inject({ url: `/en/cooperation/incidents/${incident.id}`, headers: { cookie: cookie[who] } });
      expect([who, page.statusCode]).toEqual([who, may ? 200 : 404]);
      const api = await t.app.inject({ url: `/api/v1/incidents/${incident.id}`, headers: { cookie: cookie[who] } });
      expect([who, api.statusCode]).toEqual([who, may ? 200 : 404]);
      if (who === 'dave') continue; // outside the cooperation space: the lists refuse them (403)
      const list = await t.app.inject({ url: '/en/cooperation/incidents', headers: { cookie: cookie[who] } });
      const csv = await t.app.inject({ url: '/fr/cooperation/incidents.csv', headers: { cookie: cookie[who] } });
      const json = await t.app.inject({ url: '/api/v1/incidents?pageSize=100', headers: { cookie: cookie[who] } });
      for (const body of [list.body, csv.body, json.body]) expect([who, body.includes(incident.title)]).toEqual([who, may]);
    }
    expect((await t.app.inject({ url: '/api/v1/incidents', headers: { cookie: cookie.dave } })).statusCode).toBe(403);
    expect((await t.app.inject({ url: `/api/v1/incidents/${incident.id}` })).statusCode).toBe(401);
  });
});

describe('the NIS2 reports', () => {
  it('a contact marks the early warning sent (audited), cannot send the final report before the notification, and a reminder of a sent report sends nothing', async () => {
    const incident = await seedIncident(t.database.db, { supporterId: org.a, authorUserId: id.alice, tlp: 'AMBER', awareAt: new Date(Date.now() - 3_600_000) });
    const url = `/en/cooperation/incidents/${incident.id}`;
    expect((await post(`${url}/sent`, 'carol', url, { report: 'final-report' })).statusCode).toBe(409);
    const sent = await post(`${url}/sent`, 'carol', url, { report: 'early-warning' });
    expect(sent.statusCode).toBe(303);
    expect((await post(`${url}/sent`, 'carol', url, { report: 'early-warning' })).statusCode).toBe(409);
    expect((await post(`${url}/sent`, 'moderator', '/en/cooperation/incidents/new', { report: 'notification' })).statusCode).toBe(404);
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.subject, incident.id));
    expect(audits.map((a) => a.action)).toEqual(['incidents.report-sent']);
    const mails = async () => (await t.database.db.select().from(jobs).where(eq(jobs.subjectRef, incident.id))).filter((j) => j.type === 'email.send');
    await sendReportReminder(t.database.db, { incidentId: incident.id, report: 'early-warning' }, t.config.publicUrl);
    expect(await mails()).toHaveLength(0);
    await sendReportReminder(t.database.db, { incidentId: incident.id, report: 'notification' }, t.config.publicUrl);
    const [mail] = await mails();
    expect(mail!.payload).toMatchObject({ to: 'alice@incidents.example', subject: expect.stringContaining('TLP:AMBER Reminder: Incident notification (72 h) due') });
    expect(JSON.stringify(mail!.payload)).not.toContain(incident.title); // AMBER content stays off e-mail
  });
});

describe('reminders at a time (controlled clock)', () => {
  it('recording enqueues the early warning’s reminder 6 h and the notification’s 12 h before their deadlines; the notification sent, the final report’s', async () => {
    const actor = { kind: 'user' as const, userId: id.alice, email: 'alice@incidents.example', name: null, role: 'member' as const, locale: 'en' as const, sessionId: 's', method: 'email-link' as const, grants: [{ role: 'contact' as const, scopeId: org.a }] };
    const parsed = incidentFromForm(formValues(fields({ title: 'Clocked' })));
    if (!parsed.ok) throw new Error('fixture');
    const now = new Date('2026-03-28T11:30:00Z');
    const { incident } = await recordIncident({ db: t.database.db, actor, incident: parsed.input, now });
    const runAts = async () => (await t.database.db.select().from(jobs).where(eq(jobs.subjectRef, incident.id))).filter((j) => j.type === 'incidents.report-reminder').map((j) => `${(j.payload as { report: string }).report} ${j.runAt.toISOString()}`).sort();
    expect(await runAts()).toEqual(['early-warning 2026-03-29T05:00:00.000Z', 'notification 2026-03-30T23:00:00.000Z']);
    await markReportSent({ db: t.database.db, actor, incidentId: incident.id, report: 'early-warning', now: new Date('2026-03-29T09:00:00Z') });
    await markReportSent({ db: t.database.db, actor, incidentId: incident.id, report: 'notification', now: new Date('2026-03-31T08:00:00Z') });
    // One month after 10:00 in Paris (UTC+02:00) is 30 April 10:00, three days earlier for the reminder.
    expect(await runAts()).toContain('final-report 2026-04-27T08:00:00.000Z');
  });
});

describe('the secretariat’s settings', () => {
  it('a crosswalk edit is audited, shown as edited, and kept when the reference data is imported again', async () => {
    const admin = '/en/secretariat/incidents';
    const response = await post(`${admin}/crosswalk`, 'moderator', admin, { key: 'level:1', ncissLevel: '1', ncscCategory: '4', euImpact: ['green', 'yellow'], urgencyEn: '≤ 72 h', urgencyFr: '≤ 72 h', reason: 'Our practice' });
    expect(response.statusCode).toBe(303);
    const report = await t.database.db.transaction((tx) => importCrosswalk({ db: tx, entries: shipped(), actor: systemActor('test:reimport') }));
    expect(report).toMatchObject({ kept: 1, added: 0 });
    const row = (await createIncidentsRepository(t.database.db).crosswalkRows()).find((r) => r.key === 'level:1');
    expect(row!.entry).toMatchObject({ ncscCategory: 4, euImpact: ['green', 'yellow'] });
    expect((await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'incidents.crosswalk.edit')))[0]).toMatchObject({ subject: 'level:1', reason: 'Our practice' });
    const frames = await t.app.inject({ url: '/fr/incident-frames' });
    expect(frames.body).toContain('modifié par le secrétariat');
    const api = await t.app.inject({ url: '/api/v1/incident-frames' });
    expect(api.json().crosswalk.levels.find((l: { level: number }) => l.level === 1).ncscCategory).toBe(4);
  });

  it('new weights are a new version: later incidents are scored with it, earlier ones keep theirs; bad bands change nothing', async () => {
    const admin = '/en/secretariat/incidents';
    const values = { 'weight.functionalImpact': '6', 'weight.observedActivity': '5', 'weight.location': '4', 'weight.actor': '4', 'weight.informationImpact': '2', 'weight.recoverability': '4', 'weight.crossSectorDependency': '3', 'weight.potentialImpact': '12' };
    expect((await post(`${admin}/scoring`, 'moderator', admin, { ...values, 'band.5': '50', 'band.4': '60', 'band.3': '45', 'band.2': '30', 'band.1': '15' })).statusCode).toBe(422);
    expect((await post(`${admin}/scoring`, 'moderator', admin, { ...values, 'band.5': '80', 'band.4': '60', 'band.3': '45', 'band.2': '30', 'band.1': '15' })).statusCode).toBe(303);
    const form = '/en/cooperation/incidents/new';
    const created = await post(form, 'alice', form, fields({ title: 'Scored with version 2' }));
    const page = await t.app.inject({ url: (created.headers.location as string).split('?')[0]!, headers: { cookie: cookie.alice } });
    expect(page.body).toContain('Scored with configuration version 2');
    expect(page.body).toContain('49.25 / 100: level 3, High');
    expect((await t.database.db.select().from(incidents).where(eq(incidents.title, 'Ransomware at the regional hospital')))[0]!.configVersion).toBe(1);
  });
});
