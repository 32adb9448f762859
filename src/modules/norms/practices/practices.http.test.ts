import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixtureSite, type TestApp } from '../../../../test/helpers/app.js';
import { csrfFor } from '../../../../test/helpers/auth.js';
import { files } from '../../../app/files/files.tables.js';
import { sampleHtml, samplePdf } from '../../../app/files/files.test-utils.js';
import { publishRevision } from './practices.moderation.js';
import { practices } from './practices.tables.js';
import { buildDraft, buildPracticeText, multipart, practiceFields, setUpPractices, type PracticePeople } from './practices.test-support.js';
import { createPractice } from './practices.usecases.js';

let t: TestApp;
let people: PracticePeople;
const publicUrl = 'https://pariscall.example';

beforeAll(async () => {
  t = await createTestApp({ site: fixtureSite });
  people = await setUpPractices(t);
});
afterAll(async () => t?.close());

/** Posts the multipart form as a signed-in person, with the CSRF token of the form's page. */
async function postForm(url: string, cookie: string, fields: Array<[string, string]>, uploads: Parameters<typeof multipart>[1] = []) {
  const page = await csrfFor(t, url, cookie);
  const body = multipart([['_csrf', page.token], ...fields], uploads);
  return t.app.inject({ method: 'POST', url, headers: { cookie: page.cookie, 'content-type': body.contentType }, payload: body.payload });
}

async function postUrlencoded(url: string, cookie: string, pageUrl: string, fields: Record<string, string>) {
  const page = await csrfFor(t, pageUrl, cookie);
  return t.app.inject({ method: 'POST', url, headers: { cookie: page.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: page.token, ...fields }).toString() });
}

const stored = async () => ({ practices: (await t.database.db.select({ n: count() }).from(practices))[0]!.n, files: (await t.database.db.select({ n: count() }).from(files))[0]!.n });

describe('reporting a practice through the forms', () => {
  it('refuses an HTML page renamed .pdf beside the file field, keeping what was typed and storing nothing', async () => {
    const before = await stored();
    const response = await postForm('/en/account/practices/new', people.cookies.rep, practiceFields(), [{ field: 'attachments', filename: 'evidence.pdf', type: 'application/pdf', content: sampleHtml() }]);
    expect(response.statusCode).toBe(422);
    expect(response.body).toMatch(/<p class="field-error" id="attachments-error">“evidence.pdf” is not a document the platform accepts/);
    expect(response.body).toContain('value="Agence nationale de la sécurité des systèmes d’information"');
    expect(await stored()).toEqual(before);
  });

  it('refuses a document over 10 MB beside the field, and more than 10 documents at once as too large a request', async () => {
    const before = await stored();
    const big = Buffer.concat([samplePdf('big'), Buffer.alloc(10 * 1024 * 1024)]);
    const tooBig = await postForm('/fr/account/practices/new', people.cookies.rep, practiceFields(), [{ field: 'attachments', filename: 'gros.pdf', type: 'application/pdf', content: big }]);
    expect(tooBig.statusCode).toBe(422);
    expect(tooBig.body).toContain('<p class="field-error" id="attachments-error">« gros.pdf » dépasse 10 Mo.</p>');
    const eleven = Array.from({ length: 11 }, (_, i) => ({ field: 'attachments', filename: `${i}.pdf`, type: 'application/pdf', content: samplePdf(String(i)) }));
    const tooMany = await postForm('/en/account/practices/new', people.cookies.rep, practiceFields(), eleven);
    expect(tooMany.statusCode).toBe(413);
    expect(await stored()).toEqual(before);
  });

  it('shows every problem of the content beside its field, in French on French pages', async () => {
    const response = await postForm('/fr/account/practices/new', people.cookies.rep, practiceFields({ titleFr: '', endedOn: '2001-01-01', year: '3000', linkUrl: ['', 'ftp://x'], linkLabel: ['', ''] }));
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('<p class="field-error" id="titleFr-error">Donnez le titre dans la langue de l’original.</p>');
    expect(response.body).toContain('<p class="field-error" id="endedOn-error">La fin ne peut pas précéder le début.</p>');
    expect(response.body).toContain('<p class="field-error" id="year-error">Une année entre 1990 et 2100.</p>');
    expect(response.body).toContain('<p class="field-error" id="link-1-error">');
  });

  it('saves a draft with its evidence, then submits it; a plain member is told who may report', async () => {
    const response = await postForm('/en/account/practices/new', people.cookies.rep, practiceFields(), [{ field: 'attachments', filename: 'décret.pdf', type: 'application/pdf', content: samplePdf('décret') }]);
    expect(response.statusCode).toBe(303);
    const location = String(response.headers.location);
    expect(location).toMatch(/^\/en\/account\/practices\/prc_[\w-]+\?done=saved$/);
    const id = location.split('/')[4]!.split('?')[0]!;
    const page = await t.app.inject({ url: location, headers: { cookie: people.cookies.rep } });
    expect(page.body).toContain('Draft saved.');
    expect(page.body).toContain('Version 1: Draft');
    const submitted = await postUrlencoded(`/en/account/practices/${id}/submit`, people.cookies.rep, `/en/account/practices/${id}`, {});
    expect(submitted.statusCode).toBe(303);
    const list = await t.app.inject({ url: '/en/account/practices', headers: { cookie: people.cookies.rep } });
    expect(list.body).toContain('Version 1: Awaiting moderation');
    const account = await t.app.inject({ url: '/fr/account', headers: { cookie: people.cookies.rep } });
    expect(account.body).toContain('<a href="/fr/account/practices">Les pratiques de mon organisation</a>');
    const moderator = await t.app.inject({ url: '/en/account', headers: { cookie: people.cookies.moderator } });
    expect(moderator.body).toMatch(/<a href="\/en\/secretariat\/practices">Practices awaiting moderation \(\d+\)<\/a>/);
    const member = await t.app.inject({ url: '/en/account/practices/new', headers: { cookie: people.cookies.member } });
    expect(member.body).toContain('You do not represent an organisation verified on the platform.');
    expect(member.body).not.toContain('Save and submit for moderation');
  });

  it('answers 404 on a practice’s account pages to another organisation’s representative and to a member', async () => {
    const { practice } = await createPractice({ db: t.database.db, actor: people.actors.rep, supporterId: people.verified.id, draft: buildDraft() });
    for (const cookie of [people.cookies.otherRep, people.cookies.member]) {
      expect((await t.app.inject({ url: `/en/account/practices/${practice.id}`, headers: { cookie } })).statusCode).toBe(404);
      expect((await t.app.inject({ url: `/en/account/practices/${practice.id}/edit`, headers: { cookie } })).statusCode).toBe(404);
    }
    const anonymous = await t.app.inject({ url: `/en/account/practices/${practice.id}` });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toMatch(/^\/en\/sign-in/);
  });
});

describe('moderation pages', () => {
  it('lists a submitted practice, shows its changes, asks for a reason to decline, and publishes it at once on the public page', async () => {
    const { practice } = await createPractice({ db: t.database.db, actor: people.actors.rep, supporterId: people.verified.id, draft: buildDraft({ content: buildPracticeText({ title: { fr: 'Centre <CERT> national' } }) }), submit: true });
    const queue = await t.app.inject({ url: '/fr/secretariat/practices', headers: { cookie: people.cookies.moderator } });
    expect(queue.body).toContain(`<a href="/fr/secretariat/practices/${practice.id}">Centre &lt;CERT> national</a>`);
    // Not public before its publication (a 404 is never cached), public at once after it.
    expect((await t.app.inject({ url: `/en/practices/${practice.id}` })).statusCode).toBe(404);
    // The library list is cached: asked twice before the publication, it must still show the practice after it.
    for (let i = 0; i < 2; i += 1) expect((await t.app.inject({ url: '/en/practices?pageSize=100' })).body).not.toContain('Centre &lt;CERT> national');
    const review = `/en/secretariat/practices/${practice.id}`;
    const page = await t.app.inject({ url: review, headers: { cookie: people.cookies.moderator } });
    expect(page.body).toContain('<ins><span>Centre &lt;CERT> national</span></ins>');
    const noReason = await postUrlencoded(`${review}/reject`, people.cookies.moderator, review, { revision: '1', reason: '' });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.body).toContain('<p class="field-error" id="reason-error">Give a reason (at most 2,000 characters).</p>');
    const published = await postUrlencoded(`${review}/publish`, people.cookies.moderator, review, { revision: '1' });
    expect(published.statusCode).toBe(303);
    expect(published.headers.location).toBe('/en/secretariat/practices?done=published');
    const shown = await t.app.inject({ url: `/en/practices/${practice.id}` });
    expect(shown.statusCode).toBe(200);
    expect(shown.body).toContain(`<a href="/en/supporters/${people.verified.slug}">`);
    expect((await t.app.inject({ url: '/en/practices?pageSize=100' })).body).toContain('Centre &lt;CERT> national');
    // Decided: the review page has no form left, so the token comes from the account page.
    const again = await postUrlencoded(`${review}/publish`, people.cookies.moderator, '/en/account', { revision: '1' });
    expect(again.statusCode).toBe(409);
    expect((await t.app.inject({ url: review, headers: { cookie: people.cookies.rep } })).statusCode).toBe(403);
  });
});

describe('the public page of a practice', () => {
  let id = '';
  let pdf = { sha256: '', name: '' };
  beforeAll(async () => {
    const db = t.database.db;
    const draft = buildDraft({ uploads: [{ name: 'Décret “2009”.pdf', bytes: samplePdf('public') }] });
    const { practice } = await createPractice({ db, actor: people.actors.rep, supporterId: people.verified.id, draft, submit: true });
    id = practice.id;
    await publishRevision({ db, actor: people.actors.moderator, practiceId: id, revision: 1, reason: null, events: t.app.context.events, publicUrl });
    const link = /href="\/en\/practices\/[^/]+\/files\/([0-9a-f]{64})\/([^"]+)"/.exec((await t.app.inject({ url: `/en/practices/${id}` })).body)!;
    pdf = { sha256: link[1]!, name: link[2]! };
  });

  it('shows the French original on French pages, a translated title and the untranslated description said so on English pages', async () => {
    const fr = await t.app.inject({ url: `/fr/practices/${id}` });
    expect(fr.body).toContain('<h1 lang="fr">Agence nationale de la sécurité des systèmes d’information</h1>');
    expect(fr.body).toContain('<div class="prose" lang="fr"><p>Une <strong>agence</strong> qui protège les opérateurs d’importance vitale.</p>');
    const en = await t.app.inject({ url: `/en/practices/${id}` });
    expect(en.body).toContain('<h1 lang="en">National cybersecurity agency</h1>');
    expect(en.body).toContain('Not translated into English: the original text in French is shown.');
    expect(en.body).toContain('<div class="prose" lang="fr">');
    expect(en.body).toContain('<a href="/en/principles/6">');
    expect(en.body).toContain('<a href="/en/norms/13c">Norm 13(c)</a>');
    expect(en.body).toContain('Energy, Health');
    expect(en.body).toContain('France');
  });

  it('links a translation to its original', async () => {
    const db = t.database.db;
    const content = buildPracticeText({ description: { fr: 'Texte original.', en: 'Translated text.' } });
    const { practice } = await createPractice({ db, actor: people.actors.rep, supporterId: people.verified.id, draft: buildDraft({ content }), submit: true });
    await publishRevision({ db, actor: people.actors.moderator, practiceId: practice.id, revision: 1, reason: null, events: t.app.context.events, publicUrl });
    const en = await t.app.inject({ url: `/en/practices/${practice.id}` });
    expect(en.body).toContain('This text is a translation of the original in French.');
    expect(en.body).toContain(`<a href="/en/practices/${practice.id}?text=original">Read the original (French)</a>`);
    const original = await t.app.inject({ url: `/en/practices/${practice.id}?text=original` });
    expect(original.body).toContain('<div class="prose" lang="fr"><p>Texte original.</p>');
    expect(original.body).toContain('This is the original text, in French.');
  });

  it('serves its evidence as a download only: attachment with the RFC 6266 name, nosniff, the checked type', async () => {
    const response = await t.app.inject({ url: `/en/practices/${id}/files/${pdf.sha256}/${pdf.name}` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="Decret 2009.pdf"; filename*=UTF-8''D%C3%A9cret%20%E2%80%9C2009%E2%80%9D.pdf`);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(response.rawPayload.equals(samplePdf('public'))).toBe(true);
    expect((await t.app.inject({ url: `/en/practices/${id}/files/${'0'.repeat(64)}/x.pdf` })).statusCode).toBe(404);
  });

  it('keeps a draft’s files to its organisation and the secretariat', async () => {
    const { practice } = await createPractice({ db: t.database.db, actor: people.actors.rep, supporterId: people.verified.id, draft: buildDraft({ uploads: [{ name: 'brouillon.pdf', bytes: samplePdf('draft only') }] }) });
    const page = await t.app.inject({ url: `/en/account/practices/${practice.id}`, headers: { cookie: people.cookies.rep } });
    const href = /href="(\/en\/practices\/[^"]+\/files\/[^"]+)"/.exec(page.body)![1]!;
    for (const cookie of ['', people.cookies.member, people.cookies.otherRep]) expect((await t.app.inject({ url: href, headers: { cookie } })).statusCode).toBe(404);
    const own = await t.app.inject({ url: href, headers: { cookie: people.cookies.rep } });
    expect(own.statusCode).toBe(200);
    expect(own.headers['cache-control']).toBe('private, no-store');
    expect((await t.app.inject({ url: href, headers: { cookie: people.cookies.moderator } })).statusCode).toBe(200);
    expect((await t.app.inject({ url: `/en/practices/${practice.id}` })).statusCode).toBe(404);
  });

  it('shows its history with the changes between versions, escaped, word by word', async () => {
    const db = t.database.db;
    const { savePractice } = await import('./practices.usecases.js');
    await savePractice({ db, actor: people.actors.rep, practiceId: id, draft: buildDraft({ content: buildPracticeText({ title: { fr: 'Agence <b>nationale</b> de cybersécurité', en: 'National cybersecurity agency' } }), keep: [pdf.sha256] }), submit: true });
    await publishRevision({ db, actor: people.actors.moderator, practiceId: id, revision: 2, reason: null, events: t.app.context.events, publicUrl });
    const history = await t.app.inject({ url: `/fr/practices/${id}/history` });
    expect(history.statusCode).toBe(200);
    expect(history.body).toContain('Version 2, publiée le');
    expect(history.body).toContain('<del><span>la sécurité des systèmes d’information</span></del><ins><span>cybersécurité</span></ins>');
    expect(history.body).toContain('<ins><span>&lt;b></span></ins><span><span>nationale</span></span>');
    expect(history.body).not.toContain('<b>nationale</b>');
    const page = await t.app.inject({ url: `/fr/practices/${id}` });
    expect(page.body).toContain('<h1 lang="fr">Agence &lt;b>nationale&lt;/b> de cybersécurité</h1>');
  });
});
