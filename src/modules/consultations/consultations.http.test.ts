import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixtureSite, type TestApp } from '../../../test/helpers/app.js';
import { csrfFor, mergeCookies } from '../../../test/helpers/auth.js';
import { consultationInputs, consultations } from './consultations.tables.js';
import { moveDeadlineIntoPast, openedConsultation, setUpConsultations, type ConsultationPeople } from './consultations.test-support.js';
import { disposeInput, publishSynthesis, sendInput } from './consultations.usecases.js';

let t: TestApp;
let people: ConsultationPeople;

beforeAll(async () => {
  t = await createTestApp({ site: fixtureSite });
  people = await setUpConsultations(t);
}, 60_000);
afterAll(async () => t?.close());

/** Posts a form as `cookie` with a valid CSRF token taken from `page`. */
async function post(url: string, cookie: string, fields: Record<string, string>, page = '/en/sign-in') {
  const csrf = await csrfFor(t, page, cookie);
  return t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: mergeCookies(csrf.cookie, cookie), 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ ...fields, _csrf: csrf.token }).toString(),
  });
}

describe('creating and opening a consultation through the pages', () => {
  it('a co-chair creates a draft from pasted paragraphs with a deadline in a time zone, then opens it', async () => {
    const form = await t.app.inject({ url: `/fr/groups/${people.group.slug}/consultations/new`, headers: { cookie: people.cookies.coChair } });
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Fuseau horaire');
    const bad = await post(`/fr/groups/${people.group.slug}/consultations`, people.cookies.coChair, { titleEn: 'Agendas', kind: 'draft', audience: 'public', language: 'en', text: 'One.\n\nTwo.', closesAt: '2099-03-30T02:30', timeZone: 'Mars/Olympus' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('id="timeZone-error"');
    expect(bad.body).toContain('Ce n’est pas un nom de fuseau horaire');
    expect(bad.body).toContain('value="Agendas"');
    const gap = await post(`/en/groups/${people.group.slug}/consultations`, people.cookies.coChair, { titleEn: 'Agendas', kind: 'draft', audience: 'public', language: 'en', text: 'One.', closesAt: '2099-03-29T02:30', timeZone: 'Europe/Paris' });
    expect(gap.statusCode).toBe(422);
    expect(gap.body).toContain('does not exist in that time zone');
    const before = await t.database.db.select().from(consultations);
    const created = await post(`/en/groups/${people.group.slug}/consultations`, people.cookies.coChair, {
      titleEn: 'Agendas online',
      titleFr: 'Ordres du jour en ligne',
      kind: 'draft',
      audience: 'public',
      language: 'en',
      text: 'Agendas are shared two weeks ahead.\r\n\r\nDocuments are shared one week ahead.\n\n\nMinutes follow.',
      closesAt: '2099-01-15T18:00',
      timeZone: 'America/New_York',
    });
    expect(created.statusCode).toBe(303);
    expect((await t.database.db.select().from(consultations)).length).toBe(before.length + 1);
    const id = /consultations\/(cns_[^?]+)\?/.exec(String(created.headers.location))![1]!;
    const [row] = await t.database.db.select().from(consultations).where(eq(consultations.id, id));
    expect(row?.closesAt.toISOString()).toBe('2099-01-15T23:00:00.000Z');
    expect(row?.state).toBe('draft');
    expect((await t.app.inject({ url: `/en/consultations/${id}` })).statusCode).toBe(404);
    const opened = await post(`/en/consultations/${id}/open`, people.cookies.coChair, {});
    expect(opened.statusCode).toBe(303);
    const page = await t.app.inject({ url: `/en/consultations/${id}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('id="p-3"');
    expect(page.body).toContain('January 15, 2099 at 6:00');
    expect(page.body).toContain('(America/New_York, UTC−05:00)');
    expect(page.body).toContain('Sign in to comment');
    const fr = await t.app.inject({ url: `/fr/consultations/${id}` });
    expect(fr.body).toContain('Ordres du jour en ligne');
    expect(fr.body).toContain('Temps restant');
  });

  it('someone who is not a co-chair is refused the forms', async () => {
    expect((await t.app.inject({ url: `/en/groups/${people.group.slug}/consultations/new`, headers: { cookie: people.cookies.rep } })).statusCode).toBe(403);
  });
});

describe('commenting and reading', () => {
  it('an input is sent with its publication choice; a bad one is shown again beside its field and writes nothing', async () => {
    const c = await openedConsultation(t.database.db, people);
    const bad = await post(`/en/consultations/${c.id}/inputs`, people.cookies.person, { paragraph: '2', body: '   ', publication: 'named', language: 'en' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('id="body-p2-error"');
    expect(await t.database.db.select().from(consultationInputs).where(eq(consultationInputs.consultationId, c.id))).toEqual([]);
    const sent = await post(`/fr/consultations/${c.id}/inputs`, people.cookies.person, { paragraph: '2', body: 'Three weeks, please.', publication: 'anonymous', language: 'en' });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe(`/fr/consultations/${c.id}?done=sent#input-1`);
    await post(`/en/consultations/${c.id}/inputs`, people.cookies.rep, { paragraph: '', body: 'PRIVATE NOTE', publication: 'private', language: 'en', organisation: people.org.id });
    const anonymousView = await t.app.inject({ url: `/en/consultations/${c.id}` });
    expect(anonymousView.body).toContain('Three weeks, please.');
    expect(anonymousView.body).not.toContain('Pat Public');
    expect(anonymousView.body).not.toContain('PRIVATE NOTE');
    const chairView = await t.app.inject({ url: `/en/consultations/${c.id}`, headers: { cookie: people.cookies.coChair } });
    expect(chairView.body).toContain('PRIVATE NOTE');
    expect(chairView.body).not.toContain('Pat Public');
    const json = await t.app.inject({ url: `/api/v1/consultations/${c.id}/inputs` });
    expect(json.json().items).toEqual([expect.objectContaining({ number: 1, author: null, organisation: null, publication: 'anonymous' })]);
    const csv = await t.app.inject({ url: `/api/v1/consultations/${c.id}/inputs.csv`, headers: { cookie: people.cookies.coChair } });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('Three weeks, please.');
    expect(csv.body).not.toMatch(/PRIVATE NOTE|Pat Public|Rita|@/);
  });

  it('after the deadline the form is gone and a late input is refused with the reason', async () => {
    const c = await openedConsultation(t.database.db, people);
    await moveDeadlineIntoPast(t.database.db, c.id);
    const page = await t.app.inject({ url: `/en/consultations/${c.id}`, headers: { cookie: people.cookies.person } });
    expect(page.body).not.toContain('name="publication"');
    const late = await post(`/en/consultations/${c.id}/inputs`, people.cookies.person, { paragraph: '1', body: 'Late', publication: 'named', language: 'en' });
    expect(late.statusCode).toBe(409);
    expect(late.body).toContain('The deadline of this consultation has passed');
  });
});

describe('dispositions, synthesis and exports', () => {
  it('the co-chairs dispose each input, publish the synthesis; the synthesis links revised paragraphs to inputs and dispositions; CSV and JSON hold the public ones', async () => {
    const db = t.database.db;
    const c = await openedConsultation(db, people);
    const named = await sendInput({ db, actor: people.actors.rep, consultationId: c.id, draft: { paragraph: 1, body: 'Name civil society.', publication: 'named', language: 'en', supporterId: people.org.id }, supporterName: people.org.name });
    const hidden = await sendInput({ db, actor: people.actors.person, consultationId: c.id, draft: { paragraph: 2, body: 'SECRET INPUT', publication: 'private', language: 'en', supporterId: null } });
    const early = await post(`/en/consultations/${c.id}/inputs/${named.id}/disposition`, people.cookies.coChair, { outcome: 'accepted', reason: 'Yes' });
    expect(early.statusCode).toBe(409);
    await moveDeadlineIntoPast(db, c.id);
    const table = await t.app.inject({ url: `/fr/consultations/${c.id}/dispositions`, headers: { cookie: people.cookies.coChair } });
    expect(table.statusCode).toBe(200);
    expect(table.body).toContain('SECRET INPUT');
    const noReason = await post(`/en/consultations/${c.id}/inputs/${named.id}/disposition`, people.cookies.coChair, { outcome: 'accepted', reason: '' });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.body).toContain(`id="reason-${named.id}-error"`);
    expect((await post(`/en/consultations/${c.id}/inputs/${named.id}/disposition`, people.cookies.coChair, { outcome: 'accepted', reason: 'Clearer.' })).statusCode).toBe(303);
    const undisposed = await post(`/en/consultations/${c.id}/synthesis`, people.cookies.coChair, { synthesisEn: 'We listened.', revised: 'Open to civil society.\n\nAgendas online.', changes: '1: 1' });
    expect(undisposed.statusCode).toBe(409);
    await disposeInput({ db, actor: people.actors.coChair, consultationId: c.id, inputId: hidden.id, outcome: 'not-retained', reason: 'PRIVATE REASON', publicUrl: 'http://x' });
    const badChanges = await post(`/en/consultations/${c.id}/synthesis`, people.cookies.coChair, { synthesisEn: 'We listened.', revised: 'Open to civil society.', changes: 'paragraph one: first' });
    expect(badChanges.statusCode).toBe(422);
    expect(badChanges.body).toContain('id="changes-error"');
    expect(badChanges.body).toContain('Line 1 cannot be read');
    const published = await post(`/en/consultations/${c.id}/synthesis`, people.cookies.coChair, { synthesisEn: 'We listened.', synthesisFr: 'Nous avons écouté.', revised: 'Open to civil society.\n\nAgendas online.', changes: '1: 1, 2' });
    expect(published.statusCode).toBe(303);
    for (const locale of ['en', 'fr']) {
      const synthesis = await t.app.inject({ url: `/${locale}/consultations/${c.id}/synthesis` });
      expect(synthesis.statusCode).toBe(200);
      expect(synthesis.body).toContain('href="#disposition-1"');
      expect(synthesis.body).toContain(`href="/${locale}/consultations/${c.id}#input-1"`);
      expect(synthesis.body).toContain('id="disposition-1"');
      expect(synthesis.body).not.toMatch(/SECRET INPUT|PRIVATE REASON|Pat Public/);
    }
    const json = (await t.app.inject({ url: `/api/v1/consultations/${c.id}/dispositions` })).json();
    expect(json.items).toEqual([expect.objectContaining({ input: 1, author: 'Rita Rep', organisation: people.org.name, outcome: 'accepted', version: 1 })]);
    const csv = await t.app.inject({ url: `/api/v1/consultations/${c.id}/dispositions.csv` });
    expect(csv.body.split('\n')[0]).toBe('input,paragraph,author,organisation,outcome,reason,version,decided_at,earlier_versions');
    expect(csv.body).not.toMatch(/PRIVATE REASON|SECRET|@/);
    const detail = (await t.app.inject({ url: `/api/v1/consultations/${c.id}` })).json();
    expect(detail.revised[0]).toEqual({ number: 1, body: 'Open to civil society.', changedBy: [1, 2] });
    expect(detail.state).toBe('concluded');
    const revised = await post(`/en/consultations/${c.id}/inputs/${named.id}/disposition`, people.cookies.coChair, { outcome: 'partly', reason: 'Only in part.' });
    expect(revised.statusCode).toBe(303);
    const again = (await t.app.inject({ url: `/api/v1/consultations/${c.id}/dispositions` })).json();
    expect(again.items[0]).toMatchObject({ version: 2, outcome: 'partly', history: [expect.objectContaining({ version: 1, outcome: 'accepted' }), expect.objectContaining({ version: 2 })] });
  });

  it('the list and the API filter by phase and group, paged with a total', async () => {
    const list = (await t.app.inject({ url: `/api/v1/consultations?state=concluded&group=${people.group.slug}&pageSize=1` })).json();
    expect(list).toMatchObject({ page: 1, pageSize: 1, total: 1 });
    expect(list.items[0].state).toBe('concluded');
    expect((await t.app.inject({ url: '/api/v1/consultations?state=nonsense' })).statusCode).toBe(400);
    const page = await t.app.inject({ url: `/fr/consultations?phase=open&group=${people.group.slug}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Ouverte aux contributions');
  });
});
