import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixtureSite, type TestApp } from '../../../test/helpers/app.js';
import { csrfFor, mergeCookies } from '../../../test/helpers/auth.js';
import { startSmtpServer, type TestSmtpServer } from '../../../test/helpers/smtp.js';
import { auditLog } from '../../app/audit/audit.tables.js';
import { tlpLabels, type TlpLabel } from '../../app/authz/tlp.js';
import { requestEvents } from './requests.tables.js';
import { roles, seedPeople, type People, type Role } from './requests.people.test-support.js';
import { sendRequest } from './requests.usecases.js';

/**
 * Nothing leaks: every route of the module (pages in both languages, CSV, API, the public list, a form post, the
 * e-mails) × every role × every TLP marking, with a sentinel in each request's subject and body that must appear only
 * where the marking lets that reader see it.
 */
let t: TestApp;
let smtp: TestSmtpServer;
let people: People;
let csrf = { token: '', cookie: '' };
const ids = {} as Record<TlpLabel, string>;
const subjectSentinel = (i: number) => `subj-sentinel-${i}x`;
const bodySentinel = (i: number) => `body-sentinel-${i}x`;

/** What TLP 2.0 lets each role read, on the platform (no request here is published). */
function reads(role: Role, label: TlpLabel): boolean {
  if (role === 'sender' || role === 'recipient') return true;
  if (role === 'otherOfSender' || role === 'otherOfRecipient') return label !== 'RED';
  if (role === 'thirdOrg') return label === 'GREEN' || label === 'CLEAR';
  return false;
}
const parties = (role: Role, label: TlpLabel) => reads(role, label) && role !== 'thirdOrg';

beforeAll(async () => {
  smtp = await startSmtpServer({ port: 4433 }); // this helper's assigned range (4430–4439)
  t = await createTestApp({ site: fixtureSite, config: { smtpUrl: smtp.url } });
  people = await seedPeople(t, 'leaks');
  const sender = await people.actor('sender');
  for (const [i, label] of tlpLabels.entries()) {
    const sent = await sendRequest({ db: t.database.db, publicUrl: 'https://pariscall.test' }, sender, {
      kind: 'assistance', senderSupporterId: people.orgA, recipientSupporterId: people.orgB, urgency: 'high', sector: 'health', requestedAction: 'Please look',
      subject: `Request ${subjectSentinel(i)}`, body: `Details ${bodySentinel(i)}`, language: 'en', tlp: label,
    });
    ids[label] = sent.id;
  }
  const page = await csrfFor(t, '/en/sign-in');
  csrf = { token: page.token, cookie: page.cookie };
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

const get = (role: Role, url: string) => t.app.inject({ url, headers: people.cookies[role] ? { cookie: people.cookies[role] } : {} });

describe('requests under TLP 2.0: no route shows a request to anyone its marking excludes', () => {
  it.each(roles)('one request, as %s: pages (EN, FR) and API', async (role) => {
    const failures: string[] = [];
    for (const [i, label] of tlpLabels.entries()) {
      for (const url of [`/en/cooperation/requests/${ids[label]}`, `/fr/cooperation/requests/${ids[label]}`, `/api/v1/requests/${ids[label]}`]) {
        const response = await get(role, url);
        const shown = response.body.includes(bodySentinel(i)) || response.body.includes(subjectSentinel(i));
        const expected = reads(role, label) ? 200 : role === 'anonymous' ? (url.startsWith('/api') ? 401 : 303) : 404;
        if (response.statusCode !== expected) failures.push(`${label} ${url}: ${response.statusCode}, expected ${expected}`);
        if (shown !== reads(role, label)) failures.push(`${label} ${url}: content ${shown ? 'shown' : 'missing'}`);
        if (reads(role, label) && !url.startsWith('/api') && !response.body.includes(`TLP:${label}`)) failures.push(`${label} ${url}: no label`);
      }
    }
    expect(failures).toEqual([]);
  });

  it.each(roles)('lists, CSV and JSON, as %s, hold only what the reader may read', async (role) => {
    const failures: string[] = [];
    const urls = ['/en/cooperation/requests', '/fr/cooperation/requests.csv', '/en/cooperation/requests.csv', '/api/v1/requests'].flatMap((u) => [u, `${u}?box=community`]);
    const bodies = await Promise.all(urls.map(async (url) => ({ url, response: await get(role, url) })));
    for (const { url, response } of bodies) {
      const expected = role === 'anonymous' ? (url.startsWith('/api') ? [401] : [303]) : ['representative'].includes(role) ? [403] : [200];
      if (!expected.includes(response.statusCode)) failures.push(`${url}: ${response.statusCode}`);
    }
    for (const [i, label] of tlpLabels.entries()) {
      const anywhere = bodies.some(({ response }) => response.body.includes(subjectSentinel(i)));
      if (anywhere !== reads(role, label)) failures.push(`${label}: ${anywhere ? 'listed' : 'not listed'}`);
      const inCsv = bodies.some(({ url, response }) => url.includes('.csv') && response.body.includes(bodySentinel(i)));
      if (inCsv !== reads(role, label)) failures.push(`${label}: CSV ${inCsv ? 'has' : 'lacks'} the body`);
      // Apart from the CSV (the reader's own marked copy), a list never shows the body.
      if (bodies.some(({ url, response }) => !url.includes('.csv') && response.body.includes(bodySentinel(i)))) failures.push(`${label}: body in a list`);
    }
    expect(failures).toEqual([]);
  });

  it('the public list shows nothing until a TLP:CLEAR request is published by its source, and never anything else', async () => {
    const before = await get('anonymous', '/api/v1/published-requests');
    expect(before.statusCode).toBe(200);
    for (const i of tlpLabels.keys()) expect(before.body).not.toContain(subjectSentinel(i));
  });

  it.each(roles)('a reply posted as %s is taken only from a party, and a refusal shows nothing', async (role) => {
    const failures: string[] = [];
    for (const [i, label] of tlpLabels.entries()) {
      const text = `reply-of-${role}-${label}`;
      const response = await t.app.inject({
        method: 'POST',
        url: `/en/cooperation/requests/${ids[label]}/reply`,
        headers: { cookie: mergeCookies(csrf.cookie, people.cookies[role]), 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: csrf.token, body: text, language: 'en' }).toString(),
      });
      const stored = await t.database.db.select().from(requestEvents).where(and(eq(requestEvents.requestId, ids[label]), eq(requestEvents.body, text)));
      if ((stored.length === 1) !== parties(role, label)) failures.push(`${label}: reply ${stored.length ? 'stored' : 'refused'} (${response.statusCode})`);
      if (!parties(role, label) && (response.body.includes(bodySentinel(i)) || response.body.includes(subjectSentinel(i)))) failures.push(`${label}: refusal shows the request`);
    }
    expect(failures).toEqual([]);
  });

  it.each(roles)('forwarding as %s goes only within the marking, from a party; TLP:RED never', async (role) => {
    const failures: string[] = [];
    for (const [i, label] of tlpLabels.entries()) {
      const before = await t.database.db.select().from(requestEvents).where(and(eq(requestEvents.requestId, ids[label]), eq(requestEvents.kind, 'forwarded')));
      const response = await t.app.inject({
        method: 'POST',
        url: `/fr/cooperation/requests/${ids[label]}/forward`,
        headers: { cookie: mergeCookies(csrf.cookie, people.cookies[role]), 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: csrf.token, contact: people.contactIds.otherOfRecipient }).toString(),
      });
      const after = await t.database.db.select().from(requestEvents).where(and(eq(requestEvents.requestId, ids[label]), eq(requestEvents.kind, 'forwarded')));
      const expected = parties(role, label) && label !== 'RED';
      if ((after.length > before.length) !== expected) failures.push(`${label}: ${response.statusCode}`);
      if (parties(role, label) && label === 'RED' && response.statusCode !== 409) failures.push(`${label}: RED forward answered ${response.statusCode}`);
      if (!parties(role, label) && (response.body.includes(bodySentinel(i)) || response.body.includes(subjectSentinel(i)))) failures.push(`${label}: refusal shows the request`);
    }
    expect(failures).toEqual([]);
  });

  it('every read is audited with who read it', async () => {
    const reads = await t.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'requests.read'), eq(auditLog.subject, ids.RED)));
    const readers = new Set(reads.map((r) => r.actor));
    expect(readers).toEqual(new Set([`user:${people.userIds.sender}`, `user:${people.userIds.recipient}`]));
  });

  it('e-mails (through SMTP) carry the label in the subject and before the information, and the content only for CLEAR and GREEN', async () => {
    await t.app.context.jobs.worker.drain();
    for (const [i, label] of tlpLabels.entries()) {
      const mail = await smtp.waitForMessage((m) => (m.subject ?? '').startsWith(`[TLP:${label}]`) && (m.text ?? '').includes(ids[label]));
      expect(JSON.stringify(mail.to)).toContain(people.emails.recipient);
      const text = mail.text ?? '';
      const withBody = label === 'CLEAR' || label === 'GREEN';
      for (const part of [text, mail.html || '', mail.subject ?? '']) {
        expect(part.includes(bodySentinel(i)) || part.includes(subjectSentinel(i)), `${label}`).toBe(withBody && part !== mail.subject ? true : withBody && part.includes(subjectSentinel(i)));
      }
      expect(text.indexOf(`TLP:${label}\n`)).toBeGreaterThan(-1);
      if (withBody) expect(text.indexOf(`TLP:${label}\n`)).toBeLessThan(text.indexOf(bodySentinel(i)));
    }
    // No one but the routed recipient (and the senders of replies' other side) got any mail of a marked request.
    const outsiders = ['thirdOrg', 'representative', 'secretariat'].map((r) => people.emails[r as Role]!);
    expect(smtp.messages.filter((m) => outsiders.some((e) => JSON.stringify(m.to).includes(e)))).toEqual([]);
  });
});
