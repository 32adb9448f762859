import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceParts } from '../../../app/modules.js';
import { loadReferenceBundle } from '../../../app/reference/load.js';
import { referenceDir } from '../../../app/reference/reference.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { signInAs } from '../../../../test/helpers/auth.js';
import { needsShared, sharedDir } from '../../../../test/helpers/shared-data.js';
import { readG7Synthesis } from '../io/g7-synthesis.source.js';
import { practices } from '../practices/practices.tables.js';

/** Text content of an HTML fragment: tags dropped, the entities kitajs writes decoded, spaces collapsed. */
const textOf = (fragment: string) =>
  fragment
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();

/** The page's norm sections, in page order: their code, and the HTML of each. */
const normSections = (body: string) => [...body.matchAll(/<section class="synthesis-section" id="norm-(13[a-k])"[\s\S]*?<\/section>/g)].map((m) => ({ code: m[1]!, html: m[0] }));
/** The measures' texts of a section, in order. */
const measures = (html: string, lang: string) => [...html.matchAll(new RegExp(`<div class="measure-text" lang="${lang}">([\\s\\S]*?)</div>`, 'g'))].map((m) => textOf(m[1]!));

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  // What a fresh clone's first start loads: the registry, the principles, the norms and the existing practices.
  const parts = referenceParts().filter((part) => ['registry', 'call', 'norms', 'practices'].includes(part.name));
  await loadReferenceBundle({ db: t.database.db, parts, bundleDir: referenceDir });
}, 120_000);
afterAll(async () => t?.close());

const seeds = needsShared('the G7 synthesis', path.join(sharedDir, 'seeds'));
describe.skipIf(!seeds.available)(seeds.title('the synthesis regenerated for "G7 states, 2019"'), () => {
  const name = seeds.available ? fs.readdirSync(seeds.path).find((n) => n.startsWith('004_'))! : '';
  const raw = seeds.available ? fs.readFileSync(path.join(seeds.path, name), 'utf8') : '';

  it('reproduces the G7 document in French: its preamble, 11 sections in order with the G7 wording and lead-in, every measure verbatim and in order', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/fr/practices/synthesis?origin=g7-synthesis&year=2019' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('28 pratiques.');
    const doc = readG7Synthesis(raw, name);
    expect(textOf(response.body)).toContain(doc.preamble);
    const sections = normSections(response.body);
    expect(sections.map((s) => s.code)).toEqual(['13a', '13b', '13c', '13d', '13e', '13f', '13g', '13h', '13i', '13j', '13k']);
    for (const [index, section] of sections.entries()) {
      const source = doc.sections[index]!;
      const text = textOf(section.html);
      expect(text).toContain(source.heading);
      if (source.intro) expect(text).toContain(source.intro);
      expect(measures(section.html, 'fr')).toEqual(source.measures.map((m) => m.text));
    }
  });

  it('holds every bullet line of the seed in its norm\'s section, in the seed\'s order (read here without the importer\'s reader)', async () => {
    const body = (await t.app.inject({ method: 'GET', url: '/fr/practices/synthesis?origin=g7-synthesis&year=2019' })).body;
    const sections = normSections(body);
    const chunks = raw.split(/^\*\*Norme \d+ - /m).slice(1);
    expect(chunks).toHaveLength(11);
    chunks.forEach((chunk, index) => {
      const found = measures(sections[index]!.html, 'fr');
      const bullets = chunk.split('\n').filter((line) => line.startsWith('- ')).map((line) => line.slice(2).replace(/\*\*/g, '').trim());
      let from = 0;
      for (const bullet of bullets) {
        const at = found.findIndex((measure, i) => i >= from && measure.startsWith(bullet));
        expect(at, `Norme ${index + 1}: "${bullet.slice(0, 50)}…"`).toBeGreaterThanOrEqual(from);
        from = at + 1;
      }
    });
  });
});

describe('the synthesis of practices', () => {
  it('shows the English translation of the G7 measures marked as the platform\'s, under the UN\'s English text of each norm', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/en/practices/synthesis?origin=g7-synthesis&year=2019' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('28 practices.');
    const norm3 = normSections(response.body)[2]!;
    expect(norm3.html).toContain('States should not knowingly allow their territory to be used for internationally wrongful acts using ICTs.');
    expect(measures(norm3.html, 'en')[1]).toMatch(/^have strengthened cooperation with the private sector/);
    // The lead-in and the four measures: each a translation, each marked.
    expect(norm3.html.match(/English translation by the Paris Call Platform; the original is in French\./g)).toHaveLength(5);
    expect(textOf(norm3.html)).toContain('How the G7 Cyber Norm Initiative’s synthesis of lessons learned and good practices (26 August 2019) introduces this section: To this end, the G7 countries:');
    expect(textOf(norm3.html)).toContain('Source: the G7 Cyber Norm Initiative’s synthesis of lessons learned and good practices (26 August 2019), Norm 3, bullet 2');
    expect(norm3.html).toMatch(/<a href="\/en\/practices\/prc_[\w-]+">Practice page<\/a>/);
    expect(textOf(norm3.html)).toContain('G7 states · Institution or procedure, 2019 · countries: Canada, Germany, France, United Kingdom, Italy, Japan, United States · status: as reported by the source');
  });

  it('puts the case studies, linked to principles and to no norm, under their principles, with the site\'s French marked as a translation', async () => {
    const en = await t.app.inject({ method: 'GET', url: '/en/practices/synthesis?origin=case-study' });
    expect(en.body).toContain('15 practices.');
    expect(en.body.match(/No practice of this set is reported for this norm\./g)).toHaveLength(11);
    expect(en.body).toContain('<h4 id="principle-6-title">Principle 6: ');
    expect(en.body).toMatch(/<a href="\/en\/supporters\/the_hague_center_of_strategic_studies-civil-society-NLD">The Hague Center of Strategic Studies<\/a>/);
    const fr = await t.app.inject({ method: 'GET', url: '/fr/practices/synthesis?origin=case-study&principle=6' });
    expect(fr.body).toContain('3 pratiques.');
    expect(fr.body.match(/Traduction française publiée sur le site officiel de l’Appel de Paris ; l’original est en anglais\./g)).toHaveLength(3);
    expect(textOf(fr.body)).toContain('Source : les études de cas du site officiel de l’Appel de Paris, principe 6, étude de cas 2 sur 3 (« Charter of Trust »)');
  });

  it('keeps the practices of a category, of countries (covered, or the supporter\'s), of a norm; and never a practice not published', async () => {
    const count = async (query: string) => /(\d+) practices?\./.exec((await t.app.inject({ method: 'GET', url: `/en/practices/synthesis?${query}` })).body)?.[1];
    expect(await count('category=private-sector')).toBe('6');
    // The G7's 28 (France is a G7 country), France's case study, and Nameshield and YesWeHack, based in France.
    expect(await count('country=FRA')).toBe('31');
    expect(await count('country=ECU&country=IND')).toBe('2');
    expect(await count('norm=13c&origin=g7-synthesis')).toBe('4');
    const norm = (await t.app.inject({ method: 'GET', url: '/en/practices/synthesis?norm=13c' })).body;
    expect(normSections(norm).map((s) => s.code)).toEqual(['13c']);
    await t.database.db.update(practices).set({ state: 'withdrawn' }).where(eq(practices.sourceKey, 'g7-2019/13c/1'));
    try {
      expect(await count('origin=g7-synthesis&year=2019')).toBe('27');
    } finally {
      await t.database.db.update(practices).set({ state: 'published' }).where(eq(practices.sourceKey, 'g7-2019/13c/1'));
    }
  });

  it('downloads the same synthesis as Markdown, and prints it without the form', async () => {
    const md = await t.app.inject({ method: 'GET', url: '/en/practices/synthesis.md?origin=g7-synthesis&year=2019' });
    expect(md.statusCode).toBe(200);
    expect(md.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(md.headers['content-disposition']).toBe('attachment; filename="practices-synthesis-en.md"');
    expect(md.body).toMatch(/^# Synthesis of practices\n\nSet: source: the G7 synthesis \(2019\) · year 2019\.\n/);
    expect(md.body).toContain('### Norm 3: A/70/174, paragraph 13(c)\n\n> States should not knowingly allow their territory');
    expect(md.body).toMatch(/\n2\. \*\*Cooperation with the private sector on standards, threat information and awareness\*\*\n\n {3}have strengthened cooperation/);
    expect(md.body).toMatch(new RegExp(`<${t.config.publicUrl.replace(/[.]/g, '\\.')}/en/practices/prc_[\\w-]+>`));
    expect(md.body.match(/^\d+\. \*\*/gm)).toHaveLength(28);
    const frMd = await t.app.inject({ method: 'GET', url: '/fr/practices/synthesis.md?origin=g7-synthesis&year=2019' });
    expect(frMd.body).toContain("la promotion au niveau international d'un cadre de stabilité");
    const print = await t.app.inject({ method: 'GET', url: '/fr/practices/synthesis/print?origin=g7-synthesis&year=2019' });
    expect(print.statusCode).toBe(200);
    expect(print.body).toContain('class="synthesis synthesis-print"');
    expect(print.body).not.toContain('<form');
    expect(normSections(print.body)).toHaveLength(11);
  });

  it('answers a set that does not read with 400, the message beside each wrong field and what was typed, and no synthesis', async () => {
    for (const url of ['/en/practices/synthesis?year=19x&country=XXX&norm=13z', '/en/practices/synthesis.md?year=19x&country=XXX&norm=13z']) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain('<p class="field-error" id="year-error">Enter a year between 1990 and 2100.</p>');
      expect(response.body).toContain('<p class="field-error" id="country-error">Choose the countries from the list.</p>');
      expect(response.body).toContain('<p class="field-error" id="norm-error">Choose a value from the list.</p>');
      expect(response.body).toContain('value="19x"');
      expect(response.body).not.toContain('class="synthesis-section"');
    }
    const form = await t.app.inject({ method: 'GET', url: '/fr/practices/synthesis' });
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('href="/fr/practices/synthesis?origin=g7-synthesis&year=2019"');
    expect(form.body).not.toContain('class="synthesis-section"');
  });

  it('is offered among the secretariat\'s tools on its account page', async () => {
    const moderator = await signInAs(t, { email: 'mod@secretariat.example', role: 'moderator' });
    const account = await t.app.inject({ method: 'GET', url: '/en/account', headers: { cookie: moderator.cookie } });
    expect(account.body).toContain('<a class="button secondary" href="/en/practices/synthesis">Generate a synthesis (web page, Markdown, print)</a>');
    const member = await signInAs(t, { email: 'someone@example.org' });
    expect((await t.app.inject({ method: 'GET', url: '/en/account', headers: { cookie: member.cookie } })).body).not.toContain('/en/practices/synthesis');
  });
});
