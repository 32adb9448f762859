import { and, count, eq } from 'drizzle-orm';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixtureSite, type TestApp } from '../../../../test/helpers/app.js';
import { csrfFor } from '../../../../test/helpers/auth.js';
import { reportsContributions } from './reports.contributions.js';
import { implementationReportSections, implementationReports } from './reports.tables.js';
import { insertPractice, setUpReports, type ReportPeople } from './reports.test-support.js';

let t: TestApp;
let people: ReportPeople;
let practiceId = '';

beforeAll(async () => {
  t = await createTestApp({ site: fixtureSite });
  people = await setUpReports(t);
  practiceId = await insertPractice(t.database.db, { supporterId: people.orgA.id, title: { en: 'National CERT', fr: 'CERT national' }, norms: ['13a'] });
});
afterAll(async () => t?.close());

type Fields = Record<string, string | string[]>;
const encode = (fields: Fields, token: string) => {
  const body = new URLSearchParams({ _csrf: token });
  for (const [name, value] of Object.entries(fields)) for (const item of Array.isArray(value) ? value : [value]) body.append(name, item);
  return body.toString();
};

/** Posts a form as someone, with the CSRF token of the form's page (`page`, by default the page posted to). */
async function post(url: string, cookie: string, fields: Fields, page = url) {
  const form = await csrfFor(t, page, cookie);
  return t.app.inject({ method: 'POST', url, headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: encode(fields, form.token) });
}

const get = (url: string, cookie = '') => t.app.inject({ url, headers: cookie ? { cookie } : {} });
const workspace = (year: number, locale = 'en') => `/${locale}/account/organisations/${people.orgA.id}/reports/${year}`;
const sectionUrl = (year: number, segment: string, locale = 'en') => `${workspace(year, locale)}/sections/${segment}`;

/** A section's form fields as its page shows them (the version it was loaded from among them). */
async function loadForm(url: string, cookie: string) {
  const page = await csrfFor(t, url, cookie);
  const version = /name="version" value="(\d+)"/.exec(page.body)?.[1];
  return { ...page, version: version ?? '' };
}

async function sectionRow(year: number, subject: string) {
  const [report] = await t.database.db.select().from(implementationReports).where(and(eq(implementationReports.supporterId, people.orgA.id), eq(implementationReports.year, year)));
  const [row] = await t.database.db.select().from(implementationReportSections).where(and(eq(implementationReportSections.reportId, report!.id), eq(implementationReportSections.subject, subject)));
  return row!;
}

const answers = (text: Partial<Record<string, string>>) => ({
  'inPlace-en': '', 'inPlace-fr': '', 'lessons-en': '', 'lessons-fr': '', 'challenges-en': '', 'challenges-fr': '', 'assistanceNeeded-en': '', 'assistanceNeeded-fr': '', 'assistanceOffered-en': '', 'assistanceOffered-fr': '',
  ...text,
}) as Record<string, string>;

describe('writing a report through the account’s pages', () => {
  it('starts a report: bad input is refused beside its field in each language and nothing is made; then the sections say what they were pre-filled from', async () => {
    const list = await get('/en/account/reports', people.cookies.repA1);
    expect(list.statusCode).toBe(200);
    expect(list.headers['cache-control']).toBe('no-store');
    expect(list.body).toContain(`href="/en/account/organisations/${people.orgA.id}/reports/new"`);

    const start = `/en/account/organisations/${people.orgA.id}/reports`;
    const form = await get(`${start}/new`, people.cookies.repA1);
    expect(form.body).toMatch(/<input type="checkbox" id="subject-norm-13a" name="subject" value="norm:13a" checked\/?>/);
    expect(form.body).toContain('1 practice');
    for (const [locale, year, subjects] of [
      ['en', 'Give a year from 2015 to the current year.', 'Choose at least one norm or principle.'],
      ['fr', 'Indiquez une année de 2015 à l’année en cours.', 'Choisissez au moins une norme ou un principe.'],
    ] as const) {
      const bad = await post(`/${locale}/account/organisations/${people.orgA.id}/reports`, people.cookies.repA1, { year: '1999', original: 'en' }, `/${locale}/account/organisations/${people.orgA.id}/reports/new`);
      expect(bad.statusCode).toBe(422);
      expect(bad.body).toContain(`<p class="field-error" id="year-error">${year}</p>`);
      expect(bad.body).toContain(`<p class="field-error" id="subject-error">${subjects}</p>`);
      expect(bad.body).toContain('value="1999"');
    }
    expect((await t.database.db.select({ n: count() }).from(implementationReports))[0]!.n).toBe(0);

    const made = await post(start, people.cookies.repA1, { year: '2023', original: 'en', subject: ['norm:13a', 'principle:6'] }, `${start}/new`);
    expect(made.statusCode).toBe(303);
    expect(made.headers.location).toBe(`${workspace(2023)}?done=started`);
    const page = await get(made.headers.location!, people.cookies.repA1);
    expect(page.body).toContain('The report is started.');
    expect(page.body).toContain('Pre-filled, not edited yet: 1 practice linked.');
    expect(page.body).toContain('Empty, not edited yet.');
    const section = await get(sectionUrl(2023, 'norm-13a'), people.cookies.repA1);
    expect(section.body).toContain('Pre-filled, not edited yet: 1 practice linked. Check it, then save.');
    expect(section.body).toContain('Practice reported in the Paris Call’s library: “National CERT”.');
    expect(section.body).toMatch(new RegExp(`value="${practiceId}" checked`));

    const again = await post(start, people.cookies.repA2, { year: '2023', original: 'en', subject: 'norm:13b' }, `${start}/new`);
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('<p class="field-error" id="year-error">Your organisation already has a report for this year');
  });

  it('when two representatives edit one section, the second gets the conflict screen with both texts and a word diff, loses nothing, and may keep theirs', async () => {
    const url = sectionUrl(2023, 'norm-13a');
    const ana = await loadForm(url, people.cookies.repA1);
    const bo = await loadForm(url, people.cookies.repA2);
    expect([ana.version, bo.version]).toEqual(['1', '1']);
    const anaFields = { version: ana.version, visibility: 'public', practice: practiceId, ...answers({ 'inPlace-en': 'We run a national CERT with 40 analysts.' }) };
    const saved = await t.app.inject({ method: 'POST', url, headers: { cookie: ana.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: encode(anaFields, ana.token) });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${url}?done=saved`);

    const boFields = { version: bo.version, visibility: 'members', ...answers({ 'inPlace-en': 'We run a national CERT with 45 analysts.', 'lessons-en': 'Drills every quarter.' }) };
    const conflict = await t.app.inject({ method: 'POST', url, headers: { cookie: bo.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: encode(boFields, bo.token) });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.body).toContain('Someone saved this section while you were editing it');
    expect(conflict.body).toMatch(/Ana Alpha saved version 2 on .*, after you opened the form at version 1\./);
    expect(conflict.body).toContain('Saved by Ana Alpha');
    expect(conflict.body).toContain('<del><span class="visually-hidden">removed: </span><span>40</span>');
    expect(conflict.body).toContain('<ins><span class="visually-hidden">added: </span><span>45</span>');
    // Bo's text is in the form again, bound to the version now saved, and the saved text is unchanged.
    expect(conflict.body).toContain('>We run a national CERT with 45 analysts.</textarea>');
    expect(conflict.body).toContain('>Drills every quarter.</textarea>');
    expect(conflict.body).toContain('<input type="hidden" name="version" value="2"');
    expect(conflict.body).toContain('Visibility: saved “Public”, yours “Call members”.');
    expect(conflict.body).toContain(`href="${url}">Take the saved version (discard mine)</a>`);
    expect((await sectionRow(2023, 'norm:13a')).content.inPlace).toEqual({ en: 'We run a national CERT with 40 analysts.' });

    const kept = await t.app.inject({ method: 'POST', url, headers: { cookie: bo.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: encode({ ...boFields, version: '2' }, bo.token) });
    expect(kept.statusCode).toBe(303);
    expect(await sectionRow(2023, 'norm:13a')).toMatchObject({ version: 3, visibility: 'members', content: { inPlace: { en: 'We run a national CERT with 45 analysts.' }, lessons: { en: 'Drills every quarter.' } } });
  });

  it('two representatives editing different sections both save', async () => {
    const a = await loadForm(sectionUrl(2023, 'norm-13a'), people.cookies.repA1);
    const b = await loadForm(sectionUrl(2023, 'principle-6'), people.cookies.repA2);
    const [first, second] = await Promise.all([
      t.app.inject({ method: 'POST', url: sectionUrl(2023, 'norm-13a'), headers: { cookie: a.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: encode({ version: a.version, visibility: 'public', ...answers({ 'inPlace-en': 'A CERT; **exercises** yearly.\n\n<script>alert(1)</script>', 'inPlace-fr': 'Un CERT ; des **exercices** chaque année.' }) }, a.token) }),
      t.app.inject({ method: 'POST', url: sectionUrl(2023, 'principle-6'), headers: { cookie: b.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: encode({ version: b.version, visibility: 'secretariat', ...answers({ 'challenges-en': 'Secret: our supply chain is not mapped.' }) }, b.token) }),
    ]);
    expect([first.statusCode, second.statusCode]).toEqual([303, 303]);
  });

  it('bad section input is shown beside its field in the page’s language, with what was typed, and changes nothing', async () => {
    const url = sectionUrl(2023, 'principle-6', 'fr');
    const before = await sectionRow(2023, 'principle:6');
    const form = await loadForm(url, people.cookies.repA2);
    const bad = await t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: encode({ version: form.version, visibility: 'everyone', practice: 'prc_not_ours', ...answers({ 'lessons-fr': 'Une traduction sans original', 'challenges-en': `Bad\u0000byte`, 'inPlace-en': 'x'.repeat(20_001) }) }, form.token),
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('<p class="field-error" id="lessons-fr-error">Écrivez d’abord la réponse dans la langue du rapport : ce champ en contient la traduction.</p>');
    expect(bad.body).toContain('<p class="field-error" id="visibility-error">Choisissez qui lit cette section.</p>');
    expect(bad.body).toContain('<p class="field-error" id="practice-error">Choisissez parmi les pratiques publiées de votre organisation.</p>');
    expect(bad.body).toContain('<p class="field-error" id="challenges-en-error">Retirez de ce texte les caractères de contrôle invisibles.</p>');
    expect(bad.body).toContain('<p class="field-error" id="inPlace-en-error">20 000 caractères au plus.</p>');
    expect(bad.body).toContain('>Une traduction sans original</textarea>');
    expect(await sectionRow(2023, 'principle:6')).toEqual(before);
  });

  it('another organisation’s representative finds nothing there; an unverified organisation’s representative and the secretariat read but may not write', async () => {
    for (const url of [workspace(2023), sectionUrl(2023, 'norm-13a'), `/en/account/organisations/${people.orgA.id}/reports/new`]) {
      expect((await get(url, people.cookies.repB)).statusCode).toBe(404);
      expect((await get(url, people.cookies.member)).statusCode).toBe(404);
    }
    // Posted with a valid CSRF token taken from a form of their own organisation.
    const ownForm = `/en/account/organisations/${people.orgB.id}/reports/new`;
    const intruder = await post(sectionUrl(2023, 'norm-13a'), people.cookies.repB, { version: '4', visibility: 'public', ...answers({ 'inPlace-en': 'Intruder' }) }, ownForm);
    expect(intruder.statusCode).toBe(404);
    const publish = await post(`${workspace(2023)}/publish`, people.cookies.repB, { confirm: 'on' }, ownForm);
    expect(publish.statusCode).toBe(404);

    const secretariat = await get(sectionUrl(2023, 'norm-13a'), people.cookies.moderator);
    expect(secretariat.statusCode).toBe(200);
    expect(secretariat.body).not.toContain('<textarea');
    expect(secretariat.body).toContain('Only the organisation’s representatives write its reports; the secretariat reads them.');
    const refused = await post(sectionUrl(2023, 'norm-13a'), people.cookies.moderator, { version: '4', visibility: 'public', ...answers({ 'inPlace-en': 'By the secretariat' }) });
    expect(refused.statusCode).toBe(403);
    expect((await sectionRow(2023, 'norm:13a')).content.inPlace.en).toContain('A CERT;');

    const own = await get('/en/account/reports', people.cookies.repUnverified);
    expect(own.body).toContain('has not been verified on the platform yet');
    expect(own.body).not.toContain('/reports/new"');
  });

  it('publishes after confirmation, and the report then shows each reader what their role allows', async () => {
    const unconfirmed = await post(`${workspace(2023)}/publish`, people.cookies.repA1, {}, workspace(2023));
    expect(unconfirmed.statusCode).toBe(422);
    expect(unconfirmed.body).toContain('<p class="field-error" id="confirm-error">Tick the box to confirm.</p>');
    const page = `/en/reports/${people.orgA.slug}/2023`;
    expect((await get(page)).statusCode).toBe(404);
    expect((await get(page, people.cookies.repB)).statusCode).toBe(404);
    expect((await get(page, people.cookies.repA2)).body).toContain('Draft: only the organisation’s representatives');

    const done = await post(`${workspace(2023)}/publish`, people.cookies.repA1, { confirm: 'on' }, workspace(2023));
    expect(done.headers.location).toBe(`${workspace(2023)}?done=published`);

    const publicText = 'exercises</strong> yearly.';
    const secret = 'our supply chain is not mapped';
    const anonymous = await get(page);
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.body).toContain(publicText);
    expect(anonymous.body).not.toContain('<script>alert(1)</script>');
    expect(anonymous.body).not.toContain(secret);
    expect(anonymous.body).toContain('One section is shared only with the Call’s members or the secretariat.');
    expect((await get(page, people.cookies.member)).body).not.toContain(secret);
    expect((await get(page, people.cookies.repB)).body).not.toContain(secret);
    for (const who of ['repA1', 'moderator'] as const) {
      const body = (await get(page, people.cookies[who])).body;
      expect(body).toContain(secret);
      expect(body).toContain('Shared with: Secretariat');
    }
    const french = await get(`/fr/reports/${people.orgA.slug}/2023`);
    expect(french.body).toContain('Traduction ; original en anglais.');
    expect(french.body).toContain('<div class="prose" lang="fr"><p>Un CERT ; des <strong>exercices</strong> chaque année.</p>');
  });

  it('gives only public sections of published reports in the API, the JSON and the CSV, whoever asks', async () => {
    for (const who of ['', people.cookies.member, people.cookies.repB, people.cookies.repA1, people.cookies.moderator]) {
      const api = await get('/api/v1/reports?pageSize=10', who);
      expect(api.statusCode).toBe(200);
      const body = api.json();
      expect(body).toMatchObject({ total: 1, page: 1, pageSize: 10 });
      expect(body.items[0]).toMatchObject({ supporter: { slug: people.orgA.slug }, year: 2023, original: 'en', path: `/reports/${people.orgA.slug}/2023` });
      expect(body.items[0].sections.map((s: { subject: string }) => s.subject)).toEqual(['norm:13a']);
      expect(JSON.stringify(body)).not.toContain('supply chain');
      const json = (await get('/api/v1/reports/sections.json?subject=norm:13a', who)).json();
      expect(json.items).toHaveLength(1);
      expect(json.items[0]).toMatchObject({ subject: 'norm:13a', inPlace: { fr: 'Un CERT ; des **exercices** chaque année.' } });
      const csv = await get('/api/v1/reports/sections.csv', who);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      const rows = parseCsv(csv.body, { columns: true }) as Array<Record<string, string>>;
      expect(rows.map((r) => r.subject)).toEqual(['norm:13a']);
      expect(csv.body).not.toContain('supply chain');
    }
    expect((await get('/api/v1/reports?subject=principle:6')).json().total).toBe(0);
    expect((await get(`/api/v1/reports?supporter=${people.orgB.slug}`)).json().total).toBe(0);
    const bad = await get('/api/v1/reports?pageSize=1000');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    const openapi = (await get('/api/openapi.json')).json();
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/api/v1/reports', '/api/v1/reports/sections.json', '/api/v1/reports/sections.csv']));
  });

  it('compares a report with the previous one section by section, as a word diff', async () => {
    const start = `/en/account/organisations/${people.orgA.id}/reports`;
    await post(start, people.cookies.repA1, { year: '2024', original: 'en', subject: ['norm:13a', 'norm:13b'] }, `${start}/new`);
    const form = await loadForm(sectionUrl(2024, 'norm-13a'), people.cookies.repA1);
    expect(form.body).toContain('Pre-filled, not edited yet: from your 2023 report, 1 practice linked.');
    const fields = { version: form.version, visibility: 'public', practice: practiceId, ...answers({ 'inPlace-en': 'A CERT; **exercises** twice a year.' }) };
    await t.app.inject({ method: 'POST', url: sectionUrl(2024, 'norm-13a'), headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: encode(fields, form.token) });
    await post(`${workspace(2024)}/publish`, people.cookies.repA1, { confirm: 'on' }, workspace(2024));

    const compare = await get(`/en/reports/${people.orgA.slug}/2024/compare`);
    expect(compare.statusCode).toBe(200);
    expect(compare.body).toContain('2024 report compared with 2023');
    expect(compare.body).toContain('<del><span class="visually-hidden">removed: </span><span>yearly</span>');
    expect(compare.body).toContain('<ins><span class="visually-hidden">added: </span><span>twice a year</span>');
    // Principle 6 was for the secretariat in 2023: a visitor is not shown it, the organisation is.
    expect(compare.body).not.toContain('supply chain');
    expect((await get(`/en/reports/${people.orgA.slug}/2024/compare`, people.cookies.repA2)).body).toContain('Not in the 2024 report.');
  });

  it('lists the published reports on the reports page and on the norm’s and the supporter’s pages', async () => {
    const list = await get('/en/reports?subject=norm:13a');
    expect(list.body).toContain(`href="/en/reports/${people.orgA.slug}/2024"`);
    expect(list.body).toContain('Only reports with a public section on Norm 13(a).');
    const norm = await reportsContributions.list(t.database.db, { norm: '13a' }, 'fr');
    expect(norm).toEqual([
      {
        key: 'implementation-reports',
        heading: 'Rapports de mise en œuvre',
        total: 2,
        items: [
          { path: `/reports/${people.orgA.slug}/2024#norm-13a`, title: 'Rapport de mise en œuvre 2024', by: { name: people.orgA.name, supporterSlug: people.orgA.slug } },
          { path: `/reports/${people.orgA.slug}/2023#norm-13a`, title: 'Rapport de mise en œuvre 2023', by: { name: people.orgA.name, supporterSlug: people.orgA.slug } },
        ],
      },
    ]);
    expect(await reportsContributions.list(t.database.db, { principle: 6 }, 'en')).toEqual([]);
    const supporter = await reportsContributions.list(t.database.db, { supporter: people.orgA.id }, 'en');
    expect(supporter[0]?.items.map((i) => [i.title, i.note])).toEqual([
      ['Implementation report 2024', '1 public section'],
      ['Implementation report 2023', '1 public section'],
    ]);
    expect(await reportsContributions.list(t.database.db, { supporter: people.orgB.slug }, 'en')).toEqual([]);
  });
});
