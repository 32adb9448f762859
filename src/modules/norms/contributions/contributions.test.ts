import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceDir } from '../../../app/reference/reference.js';
import { createTestApp, fixtureSite, type TestApp } from '../../../../test/helpers/app.js';
import { supporters } from '../../supporters/supporters.tables.js';
import { normsReference } from '../norms.reference.js';
import { practices } from '../practices/practices.tables.js';
import { contributionsShown, practicesContributions } from './contributions.source.js';

/**
 * The practice library's contributions to the principle, norm and supporter pages: published practices and case
 * studies only, the supporters behind them named from the registry (linked) or by attribution. Practices are written
 * straight into their table here: publishing them is the practices' own workflow, tested there.
 */
let t: TestApp;
let acme = { id: '', slug: '', name: '' };
const ids: Record<string, string> = {};

type NewPractice = Partial<typeof practices.$inferInsert> & { key: string };
async function addPractice({ key, ...values }: NewPractice) {
  const [row] = await t.database.db
    .insert(practices)
    .values({ origin: 'platform', state: 'published', createdBy: 'test', publishedAt: new Date('2025-01-01'), year: 2025, ...values })
    .returning({ id: practices.id });
  ids[key] = row!.id;
}

beforeAll(async () => {
  t = await createTestApp({ site: fixtureSite });
  const norms = await normsReference.read(referenceDir);
  await t.database.db.transaction((tx) => normsReference.load(tx, norms, 'test'));
  const [row] = await t.database.db.select().from(supporters).where(eq(supporters.slug, 'acme_cyber_widgets-private-sector-USA'));
  acme = { id: row!.id, slug: row!.slug, name: row!.name };
  await addPractice({ key: 'acme', supporterId: acme.id, title: { en: 'Acme’s coordinated vulnerability disclosure policy', fr: 'La politique de divulgation coordonnée d’Acme' }, principles: [6], norms: ['13j'] });
  await addPractice({ key: 'g7', origin: 'g7-synthesis', attribution: { en: 'G7 states', fr: 'États du G7' }, title: { fr: 'Un centre national de signalement des vulnérabilités' }, norms: ['13j'], year: 2019, publishedAt: new Date('2024-01-01') });
  await addPractice({ key: 'case', origin: 'case-study', supporterId: acme.id, title: { en: 'Acme secures its updates' }, principles: [6] });
  await addPractice({ key: 'draft', state: 'draft', supporterId: acme.id, title: { en: 'A draft nobody may see' }, principles: [6], norms: ['13j'] });
  await addPractice({ key: 'withdrawn', state: 'withdrawn', title: { en: 'A withdrawn practice' }, attribution: { en: 'Someone' }, principles: [6], norms: ['13j'] });
});
afterAll(async () => t?.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });

describe('what the practice library lists on other modules\' pages', () => {
  it('on a norm\'s page: its published practices with who is behind each, and the supporters behind them', async () => {
    const en = await get('/en/norms/13j');
    expect(en.body).toContain('<h2 id="contributions-practices">Practices reported</h2>');
    expect(en.body).toContain(`<a href="/en/practices/${ids.acme}">Acme’s coordinated vulnerability disclosure policy</a>`);
    expect(en.body).toContain(`<span class="by">by <a href="/en/supporters/${acme.slug}">${acme.name}</a></span>`);
    // Not translated: the French title, in its language, rather than nothing.
    expect(en.body).toContain(`<a href="/en/practices/${ids.g7}" lang="fr">Un centre national de signalement des vulnérabilités</a>`);
    expect(en.body).toContain('<span class="by">by <span>G7 states</span></span>');
    expect(en.body).toContain('<h2 id="contributions-supporters">The supporters behind them</h2>');
    expect(en.body).toContain(`<a href="/en/supporters/${acme.slug}">${acme.name}</a><span class="note"> — 1 practice or case study</span>`);
    expect(en.body).not.toContain('A draft nobody may see');
    expect(en.body).not.toContain('A withdrawn practice');
    const fr = await get('/fr/norms/13j');
    expect(fr.body).toContain('Pratiques signalées');
    expect(fr.body).toContain(`<a href="/fr/practices/${ids.acme}">La politique de divulgation coordonnée d’Acme</a>`);
    expect(fr.body).toContain('<span class="by">par <span>États du G7</span></span>');
    expect(fr.body).toContain('Les soutiens à l’origine de ces pratiques');
  });

  it('on a principle\'s page: practices and case studies apart, newest first', async () => {
    const page = await get('/en/principles/6');
    expect(page.body).toContain('<h2 id="contributions-case-studies">Case studies (practice library)</h2>');
    expect(page.body).toContain(`<a href="/en/practices/${ids.case}">Acme secures its updates</a>`);
    expect(page.body).toContain(`${acme.name}</a><span class="note"> — 2 practices and case studies</span>`);
    // Nothing reported for principle 2: its page says so, and lists no case study or supporter.
    const empty = (await get('/fr/principles/2')).body;
    expect(empty).toContain('<h2 id="contributions-practices">Pratiques signalées</h2><p>Aucune pratique qui s’y rattache n’a encore été publiée.</p>');
    expect(empty).not.toContain('contributions-case-studies');
    expect(empty).not.toContain('contributions-supporters');
  });

  it('on a supporter\'s registry page: its own practices and case studies, without repeating its name', async () => {
    const page = await get(`/fr/supporters/${acme.slug}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<a href="/fr/practices/${ids.acme}">La politique de divulgation coordonnée d’Acme</a>`);
    expect(page.body).toContain(`<a href="/fr/practices/${ids.case}" lang="en">Acme secures its updates</a>`);
    expect(page.body).not.toContain('contributions-supporters');
    expect(page.body).not.toContain('class="by"');
  });

  it('shows the first items of a long group with a link to the rest in the library', async () => {
    for (let i = 0; i < contributionsShown + 2; i++) await addPractice({ key: `bulk${i}`, title: { en: `Bulk practice ${i}` }, norms: ['13b'], attribution: { en: 'Bulk Org' } });
    const groups = await practicesContributions.list(t.database.db, { norm: '13b' }, 'en');
    const listed = groups.find((g) => g.key === 'practices')!;
    expect(listed).toMatchObject({ total: contributionsShown + 2, more: '/practices?norm=13b' });
    expect(listed.items).toHaveLength(contributionsShown);
    expect(groups.find((g) => g.key === 'supporters')?.items).toEqual([{ title: 'Bulk Org', note: '27 practices and case studies' }]);
  });
});
