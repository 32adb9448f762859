import { xml2js, type Element } from 'xml-js';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixtureSite, type TestApp } from '../../../../test/helpers/app.js';
import { referenceDir } from '../../../app/reference/reference.js';
import { getSupporterBySlug } from '../../supporters/supporters.usecases.js';
import { normsReference } from '../norms.reference.js';
import { buildPractice, insertPractices } from './library.test-support.js';

/** The library over HTTP: pages in both languages, bad filters beside their fields, the API, the downloads, the feed. */
let t: TestApp;
const ids = { strategy: '', formula: '', draft: '', acme: '' };
const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

beforeAll(async () => {
  t = await createTestApp({ site: fixtureSite });
  const norms = await normsReference.read(referenceDir);
  await t.database.db.transaction((tx) => normsReference.load(tx, norms, 'test'));
  const acme = await getSupporterBySlug(t.database.db, 'acme_cyber_widgets-private-sector-USA');
  const strategy = buildPractice({
    title: { fr: 'Stratégie nationale de sécurité numérique' },
    description: { fr: 'Une stratégie <b>nationale</b> ]]> & plus.' },
    original: 'fr',
    norms: ['13a', '13c'],
    principles: [1, 6],
    countries: ['FRA'],
  });
  // A title a spreadsheet would run as a formula, from a registry entry.
  const formula = buildPractice({ title: { en: '=HYPERLINK("https://evil.example","x")' }, supporterId: acme!.id, category: 'private-sector', countries: ['USA'], norms: ['13j'], kind: 'programme' });
  const draft = buildPractice({ state: 'draft', title: { en: 'Unpublished draft' } });
  await insertPractices(t.database.db, [strategy, formula, draft]);
  Object.assign(ids, { strategy: strategy.id, formula: formula.id, draft: draft.id, acme: acme!.slug });
});
afterAll(async () => t?.close());

describe('the practice library pages', () => {
  it('lists published practices in English, a French-only title shown in French and marked not translated, with the feed linked', async () => {
    const page = await get('/en/practices');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<a href="/en/practices/${ids.strategy}" lang="fr">Stratégie nationale de sécurité numérique</a> <span class="badge">Not translated</span>`);
    expect(page.body).toContain('<link rel="alternate" type="application/atom+xml" title="Paris Call: newly published practices" href="/en/practices/feed.atom">');
    expect(page.body).toContain('<a href="/en/supporters/acme_cyber_widgets-private-sector-USA">Acme Cyber Widgets</a>');
    expect(page.body).not.toContain('Unpublished draft');
    expect(page.body).toContain('2 practices');
    // Norm options read the norm's text; counts are beside each value.
    expect(page.body).toMatch(/<option value="13a">13\(a\) Consistent with the purposes [^<]*… \(1\)<\/option>/);
  });

  it('searches without accents in French, and shows the French title as the original', async () => {
    const page = await get('/fr/practices?q=securite');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<a href="/fr/practices/${ids.strategy}">Stratégie nationale de sécurité numérique</a>`);
    expect(page.body).toContain('1 pratique');
    expect(page.body).toContain('<span>«\u00a0securite\u00a0»</span>');
  });

  it('answers a wrong filter with 400 and its message beside the field, in the page’s language, keeping the other filters', async () => {
    const en = await get('/en/practices?norm=13z&kind=strategy');
    expect(en.statusCode).toBe(400);
    expect(en.body).toContain('<p class="field-error" id="norm-error">UN norm: choose a norm from 13(a) to 13(k).</p>');
    expect(en.body).toMatch(/<select id="norm" name="norm" aria-describedby="norm-error" aria-invalid="true">/);
    expect(en.body).toContain('<option value="strategy" selected>Strategy</option>');
    const fr = await get('/fr/practices?year=19');
    expect(fr.statusCode).toBe(400);
    expect(fr.body).toContain('<p class="field-error" id="year-error">Année : choisissez une année entre 1990 et 2100.</p>');
    const supporter = await get('/en/practices?supporter=nobody-here');
    expect(supporter.statusCode).toBe(400);
    expect(supporter.body).toContain('<p class="field-error" id="supporter-error">Supporter: no entry of the registry has the identifier nobody-here.</p>');
  });

  it('compares two countries side by side, and puts a wrong choice’s message beside its select', async () => {
    const page = await get('/en/practices/compare?a=FRA&b=USA');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Practices of France and of United States, by UN norm and by principle of the Call');
    expect(page.body).toContain(`<a href="/en/practices/${ids.strategy}" lang="fr">`);
    const same = await get('/fr/practices/compare?a=FRA&b=fra');
    expect(same.statusCode).toBe(400);
    expect(same.body).toContain('<p class="field-error" id="b-error">C’est le même choix que le premier : choisissez un autre pays ou soutien.</p>');
    const unknown = await get('/en/practices/compare?a=nobody&b=FRA');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('<p class="field-error" id="a-error">No entry of the registry has the identifier “nobody”: choose a supporter from the list.</p>');
    expect((await get('/en/practices/compare')).statusCode).toBe(200);
  });

  it('shows coverage as heat maps with their numbers and data tables, and a world map of countries', async () => {
    const page = await get('/en/practices/coverage');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<svg xmlns="http://www.w3.org/2000/svg" class="heat-map"');
    expect(page.body).toContain('<caption id="table-norm-principle">Practices per UN norm and principle of the Call</caption>');
    expect(page.body).toContain('<title>France: 1 practice</title>');
    expect(page.body).toMatch(/<th scope="col" class="num">Principle 6: [^<]+<\/th>/);
    const fr = await get('/fr/practices/coverage?country=USA');
    expect(fr.statusCode).toBe(200);
    expect(fr.body).toContain('Seules les 1 pratique qui correspond aux filtres');
    expect((await get('/en/practices/coverage?norm=zz')).statusCode).toBe(400);
  });
});

describe('the practice library’s API and downloads', () => {
  it('lists published practices with total and pageSize, filters them, and documents both routes in OpenAPI', async () => {
    const list = await get('/api/v1/practices?pageSize=1&norm=13a');
    expect(list.statusCode).toBe(200);
    const body = list.json();
    expect(body).toMatchObject({ total: 1, page: 1, pageSize: 1 });
    expect(body.items[0]).toMatchObject({ id: ids.strategy, title: { fr: 'Stratégie nationale de sécurité numérique' }, original: 'fr', norms: ['13a', '13c'], url: `/en/practices/${ids.strategy}` });
    expect((await get('/api/v1/practices')).json().total).toBe(2);
    const spec = (await get('/api/openapi.json')).json();
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/v1/practices', '/api/v1/practices/{id}']));
  });

  it('answers bad filters and unknown or unpublished practices with problem+json', async () => {
    const bad = await get('/api/v1/practices?kind=bogus');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    const draft = await get(`/api/v1/practices/${ids.draft}`, { 'accept-language': 'fr' });
    expect(draft.statusCode).toBe(404);
    expect(draft.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(draft.json()).toMatchObject({ code: 'norms.practice.not-found', title: 'Aucune pratique publiée ne porte cet identifiant.' });
    expect((await get(`/api/v1/practices/${'x'.repeat(80)}`)).statusCode).toBe(404);
    const one = await get(`/api/v1/practices/${ids.formula}`);
    expect(one.json()).toMatchObject({ supporter: { slug: ids.acme, name: 'Acme Cyber Widgets' }, category: 'private-sector' });
  });

  it('downloads the filtered library as CSV with headers in the page’s language and formula-like cells neutralised', async () => {
    const csv = await get('/fr/practices.csv?country=USA');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="practices.csv"');
    const [header, ...rows] = parseCsv(csv.body) as string[][];
    expect(header?.slice(0, 4)).toEqual(['Identifiant', 'Adresse', 'Titre (anglais)', 'Titre (français)']);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.[2]).toBe(`'=HYPERLINK("https://evil.example","x")`);
    expect(rows[0]?.[1]).toBe(`${t.config.publicUrl}/fr/practices/${ids.formula}`);
    expect(rows[0]?.[16]).toBe(ids.acme);
    const bad = await get('/en/practices.csv?year=abc');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    const json = (await get('/en/practices.json?norm=13a')).json();
    expect(json.total).toBe(1);
    expect(json.items[0].id).toBe(ids.strategy);
  });

  it('publishes an Atom 1.0 feed of newly published practices, newest first, texts escaped', async () => {
    const response = await get('/en/practices/feed.atom');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    const feed = (xml2js(response.body) as Element).elements?.find((e) => e.name === 'feed');
    expect(feed?.attributes?.xmlns).toBe('http://www.w3.org/2005/Atom');
    const entries = feed?.elements?.filter((e) => e.name === 'entry') ?? [];
    expect(entries).toHaveLength(2);
    const text = (entry: Element, name: string) => entry.elements?.find((e) => e.name === name)?.elements?.[0];
    const link = (entry: Element) => entry.elements?.find((e) => e.name === 'link')?.attributes?.href;
    expect(link(entries[0]!)).toBe(`${t.config.publicUrl}/en/practices/${ids.formula}`);
    expect(link(entries[1]!)).toBe(`${t.config.publicUrl}/en/practices/${ids.strategy}`);
    expect(text(entries[1]!, 'title')?.cdata).toBe('Stratégie nationale de sécurité numérique (not translated; original in French)');
    // The summary is HTML (type="html"): our text arrives escaped, so it reads as written, markup and all.
    expect(text(entries[1]!, 'summary')?.cdata).toBe('Une stratégie &lt;b&gt;nationale&lt;/b&gt; ]]&gt; &amp; plus.');
    expect(text(entries[1]!, 'published')?.text).toMatch(/^2025-01-01T/);
    expect(response.body).not.toContain('Unpublished draft');
  });
});
