import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixtureSite, type TestApp } from '../../../test/helpers/app.js';
import { csrfFor, mergeCookies } from '../../../test/helpers/auth.js';
import { startSmtpServer, type TestSmtpServer } from '../../../test/helpers/smtp.js';
import { auditLog } from '../../app/audit/audit.tables.js';
import { erasePersonalData, exportPersonalData } from '../../app/privacy/privacy.js';
import { tlpDefinitionsEn } from './requests.constants.js';
import { cooperationRequests } from './requests.tables.js';
import { loadRequest } from './requests.usecases.js';
import { seedPeople, type People, type Role } from './requests.people.test-support.js';

/** The requests over HTTP in both languages: the form, the e-mail link, the answers, forwarding, sharing, publishing, privacy. */
let t: TestApp;
let smtp: TestSmtpServer;
let people: People;

beforeAll(async () => {
  smtp = await startSmtpServer({ port: 4434 }); // this helper's assigned range (4430–4439)
  t = await createTestApp({ site: fixtureSite, config: { smtpUrl: smtp.url, publicUrl: 'https://pariscall.test' } });
  // The recipient reads French: its e-mails come in French.
  people = await seedPeople(t, 'http', { recipient: 'fr' });
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

async function post(role: Role, url: string, fields: Record<string, string>) {
  const form = await csrfFor(t, '/en/sign-in');
  return t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: mergeCookies(form.cookie, people.cookies[role]), 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: form.token, ...fields }).toString(),
  });
}
const get = (role: Role, url: string) => t.app.inject({ url, headers: { cookie: people.cookies[role] } });

const form = (over: Record<string, string> = {}) => ({
  kind: 'assistance', senderSupporterId: people.orgA, recipientSupporterId: people.orgB, recipientRole: '', urgency: 'high', sector: 'energy',
  requestedAction: 'Sinkhole the domain', subject: 'Botnet C2 in your network', body: 'Indicators: 198.51.100.7', language: 'en', tlp: 'AMBER', pap: 'AMBER', ...over,
});

describe('requests over HTTP', () => {
  it('shows the form in both languages with the TLP 2.0 definitions verbatim, the French translation marked as ours', async () => {
    const en = await get('sender', '/en/cooperation/requests/new');
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain(tlpDefinitionsEn.GREEN.replace(/'/g, '&#39;'));
    const fr = await get('sender', '/fr/cooperation/requests/new');
    expect(fr.statusCode).toBe(200);
    expect(fr.body).toContain('Traduction de la plateforme, non officielle');
    expect(fr.body).toContain('For the eyes and ears of individual recipients only');
    expect(fr.body).toContain('TLP:AMBER+STRICT');
    expect(fr.body).toContain('Qui pourra lire cette demande');
  });

  it('refuses a request without a marking (422, what was typed kept), in French', async () => {
    const response = await post('sender', '/fr/cooperation/requests/new', form({ tlp: '' }));
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('Choisissez l’une des options.');
    expect(response.body).toContain('Sinkhole the domain');
    expect(await t.database.db.select().from(cooperationRequests)).toHaveLength(0);
  });

  it('sends under TLP:AMBER; the recipient gets a French e-mail with the label and a link only, follows it, acknowledges and answers', async () => {
    const sent = await post('sender', '/en/cooperation/requests/new', form());
    expect(sent.statusCode).toBe(303);
    const id = /requests\/(req_[^?]+)/.exec(String(sent.headers.location))![1]!;
    await t.app.context.jobs.worker.drain();
    const mail = await smtp.waitForMessage((m) => JSON.stringify(m.to).includes(people.emails.recipient!));
    expect(mail.subject).toBe(`[TLP:AMBER] Demande d’assistance de ${(await orgName(people.orgA))}`);
    expect(mail.text).toContain('TLP:AMBER');
    expect(mail.text).not.toContain('198.51.100.7');
    expect(mail.text).not.toContain('Botnet');
    const link = /https:\/\/pariscall\.test(\/fr\/cooperation\/requests\/req_\S+)/.exec(mail.text ?? '')![1]!;
    const page = await get('recipient', link);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('198.51.100.7');
    expect(page.body).toContain('Accuser réception');
    expect((await post('recipient', `/fr/cooperation/requests/${id}/acknowledge`, {})).statusCode).toBe(303);
    expect((await post('recipient', `/fr/cooperation/requests/${id}/reply`, { body: 'Domaine neutralisé.', language: 'fr' })).statusCode).toBe(303);
    const after = await get('sender', `/en/cooperation/requests/${id}`);
    expect(after.body).toContain('Answered');
    expect(after.body).toContain('Domaine neutralisé.');
    expect(after.body).toMatch(/Acknowledged.*by Name of recipient/s);
    // The sender was told, in English, with no content (AMBER).
    await t.app.context.jobs.worker.drain();
    const told = await smtp.waitForMessage((m) => JSON.stringify(m.to).includes(people.emails.sender!) && (m.subject ?? '').includes('New reply'));
    expect(told.text).not.toContain('Domaine neutralisé');
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.subject, id));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['requests.send', 'requests.read', 'requests.acknowledge', 'requests.reply']));
  });

  it('forwards within the marking only: TLP:AMBER not to a third organisation; TLP:RED only with the source’s permission', async () => {
    const amber = await sendVia('AMBER');
    const refused = await post('recipient', `/en/cooperation/requests/${amber}/forward`, { contact: people.contactIds.thirdOrg });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('ask the source');
    expect((await post('recipient', `/en/cooperation/requests/${amber}/forward`, { contact: people.contactIds.otherOfRecipient })).statusCode).toBe(303);

    const red = await sendVia('RED');
    expect((await get('thirdOrg', `/en/cooperation/requests/${red}`)).statusCode).toBe(404);
    expect((await get('otherOfRecipient', `/en/cooperation/requests/${red}`)).statusCode).toBe(404);
    expect((await post('recipient', `/en/cooperation/requests/${red}/forward`, { contact: people.contactIds.otherOfRecipient })).statusCode).toBe(409);
    expect((await post('recipient', `/en/cooperation/requests/${red}/share-request`, { contact: people.contactIds.otherOfRecipient, reason: 'Our analyst must see it' })).statusCode).toBe(303);
    const asked = await get('sender', `/en/cooperation/requests/${red}`);
    const eventId = /name="event" value="(rqe_[^"]+)"/.exec(asked.body)![1]!;
    // Only the source decides.
    expect((await post('recipient', `/en/cooperation/requests/${red}/share-decision`, { event: eventId, decision: 'granted' })).statusCode).toBe(409);
    expect((await post('sender', `/en/cooperation/requests/${red}/share-decision`, { event: eventId, decision: 'granted' })).statusCode).toBe(303);
    expect((await get('otherOfRecipient', `/en/cooperation/requests/${red}`)).statusCode).toBe(200);
    expect((await get('otherOfSender', `/en/cooperation/requests/${red}`)).statusCode).toBe(404);
    const actions = (await t.database.db.select().from(auditLog).where(eq(auditLog.subject, red))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['requests.share-ask', 'requests.share-grant']));
  });

  it('puts a TLP:CLEAR request in the public list only once its source publishes it, without any name', async () => {
    const clear = await sendVia('CLEAR', 'Public advisory text');
    expect((await t.app.inject({ url: '/api/v1/published-requests' })).body).not.toContain('Public advisory text');
    expect((await post('sender', `/en/cooperation/requests/${clear}/publish`, {})).statusCode).toBe(303);
    const list = await t.app.inject({ url: '/api/v1/published-requests' });
    expect(list.body).toContain('Public advisory text');
    expect(list.body).not.toContain('Name of');
    const amber = await sendVia('AMBER');
    expect((await post('sender', `/en/cooperation/requests/${amber}/publish`, {})).statusCode).toBe(409);
  });

  it('filters the list by marking, state and urgency', async () => {
    const red = await get('sender', '/fr/cooperation/requests?tlp=RED&urgency=high&state=sent');
    expect(red.statusCode).toBe(200);
    expect(red.body).toContain('TLP:RED');
    expect(red.body).not.toContain('tlp tlp-amber" lang="en">TLP:AMBER</strong></td>');
    const none = await get('sender', '/en/cooperation/requests?urgency=critical');
    expect(none.body).toContain('No request to show.');
  });

  it('documents its API in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/requests', '/api/v1/requests/{request}', '/api/v1/published-requests']));
    expect(Object.keys(doc.paths['/api/v1/requests']!)).toEqual(expect.arrayContaining(['get', 'post']));
    expect(JSON.stringify(doc.paths['/api/v1/requests']!.post)).toContain('AMBER+STRICT');
  });

  it('answers the API with problem+json, the same decisions as the pages', async () => {
    const red = await sendVia('RED');
    const hidden = await get('otherOfSender', `/api/v1/requests/${red}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.headers['content-type']).toContain('application/problem+json');
    const mine = await get('sender', `/api/v1/requests/${red}`);
    expect(mine.json()).toMatchObject({ tlp: 'RED', sender: 'Name of sender' });
    const api = await csrfFor(t, '/en/cooperation/requests/new', people.cookies.sender);
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/requests', headers: { cookie: api.cookie, 'x-csrf-token': api.token, 'content-type': 'application/json', 'accept-language': 'fr' }, payload: JSON.stringify({ ...form(), tlp: 'PURPLE' }) });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toEqual([expect.objectContaining({ field: 'tlp', message: 'Choisissez l’une des options.' })]);
    const made = await t.app.inject({ method: 'POST', url: '/api/v1/requests', headers: { cookie: api.cookie, 'x-csrf-token': api.token, 'content-type': 'application/json' }, payload: JSON.stringify(form({ tlp: 'GREEN' })) });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({ tlp: 'GREEN', state: 'sent' });
  });

  it('exports a contact’s requests with their data, and on erasure keeps the requests with "erased person"', async () => {
    const exported = await exportPersonalData(t.database.db, people.userIds.sender!);
    const part = exported.parts.cooperationRequests as { sent: unknown[] };
    expect(part.sent.length).toBeGreaterThan(0);
    const id = await sendVia('AMBER', 'Kept after erasure');
    await erasePersonalData(t.database.db, { userId: people.userIds.sender!, actor: 'test' });
    const [row] = await t.database.db.select().from(cooperationRequests).where(eq(cooperationRequests.id, id));
    expect(row).toMatchObject({ senderName: null, senderUserId: null, body: 'Kept after erasure' });
    const page = await get('recipient', `/fr/cooperation/requests/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Envoyée par personne effacée');
    expect(page.body).toMatch(/Envoyée à Name of recipient<\/span> <span class="hint">par personne effacée/);
    await erasePersonalData(t.database.db, { userId: people.userIds.recipient!, actor: 'test' });
    const [kept] = await t.database.db.select().from(cooperationRequests).where(eq(cooperationRequests.id, id));
    expect(kept?.body).toBe('Kept after erasure');
    const events = (await loadRequest(t.database.db, id)).events;
    expect(events[0]).toMatchObject({ kind: 'sent', actorName: null, targetName: null });
    // (The contact record itself, and so the forward form's list of contacts, is erased by the contacts module's part.)
  });
});

async function sendVia(tlp: string, body = `Body under ${tlp}`): Promise<string> {
  const response = await post('sender', '/en/cooperation/requests/new', form({ tlp, body }));
  expect(response.statusCode).toBe(303);
  return /requests\/(req_[^?]+)/.exec(String(response.headers.location))![1]!;
}

async function orgName(id: string): Promise<string> {
  const { supporters } = await import('../supporters/supporters.tables.js');
  const [row] = await t.database.db.select().from(supporters).where(eq(supporters.id, id));
  return row!.name;
}
