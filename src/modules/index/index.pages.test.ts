import { systemActor } from '../../app/authz/actor.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { createDraftEdition } from './index.usecases.js';
import { fixtureTable, publishFixtureEdition } from './index.usecases.test-support.js';
import { methodologyStepMessages } from './views/methodology-steps.locales.js';

/** The public pages of a published edition, in both languages, say what the API says, with bands beside every score. */
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await publishFixtureEdition(t.database.db, {
    slug: 'test-edition',
    titles: { en: 'Test edition', fr: 'Édition d’essai' },
    config: { steps: [{ step: 'denominate' }, { step: 'normalise', method: 'minmax', lower: 0, upper: 100 }] },
    uncertainty: { seed: 7, runs: 256, weightPerturbation: 0.25 },
    withoutData: { categories: [{ code: 'C4', name: 'Management of change' }], indicators: [] },
  });
  await createDraftEdition({ db: t.database.db }, systemActor('cli:test'), {
    slug: 'not-published',
    titles: { en: 'Draft', fr: 'Brouillon' },
    iData: fixtureTable('small-iData.csv'),
    iMeta: fixtureTable('small-iMeta.csv'),
    config: { steps: [{ step: 'normalise', method: 'minmax', lower: 0, upper: 100 }] },
  });
});
afterAll(async () => t?.close());

describe.each(['en', 'fr'] as const)('index pages in %s', (locale) => {
  it('lists published editions, never drafts', async () => {
    const res = await t.app.inject({ url: `/${locale}/index` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`/${locale}/index/test-edition`);
    expect(res.body).not.toContain('not-published');
  });

  it('ranks every unit with its score band and rank band, as the API does', async () => {
    const api = (await t.app.inject({ url: '/api/v1/index/editions/test-edition' })).json();
    const snapshot = api.snapshot;
    const latest = snapshot.times[snapshot.times.length - 1];
    const res = await t.app.inject({ url: `/${locale}/index/test-edition` });
    expect(res.statusCode).toBe(200);
    type Row = { time: number; ranks: Record<string, number>; scores: Record<string, number> };
    const rank = (r: Row) => r.ranks[snapshot.top] ?? Infinity;
    const best = (snapshot.rows as Row[]).filter((r) => r.time === latest).sort((a, b) => rank(a) - rank(b))[0]!;
    const score = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(best.scores[snapshot.top] ?? NaN);
    expect(res.body).toContain(score);
    expect(res.body).toContain('class="band-bar"');
    expect((res.body.match(/role="img"/g) ?? []).length).toBeGreaterThan(0);
  });

  it('shows a unit with its categories, bands and history', async () => {
    const api = (await t.app.inject({ url: '/api/v1/index/editions/test-edition' })).json();
    const unit = api.snapshot.units[0].code;
    const res = await t.app.inject({ url: `/${locale}/index/test-edition/units/${unit}` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(locale === 'en' ? 'Scores by category' : 'catégorie');
    expect(res.body).toContain('class="band-bar"');
    expect(res.body).toContain(locale === 'en' ? 'Across editions' : 'édition');
  });

  it('offers the results as CSV, XLSX and JSON from the ranking and from a unit', async () => {
    for (const url of [`/${locale}/index/test-edition`, `/${locale}/index/test-edition/units/AAA`]) {
      const res = await t.app.inject({ url });
      const downloads = res.body.match(/<p class="downloads">[\s\S]*?<\/p>/)?.[0] ?? '';
      expect(downloads, url).toContain(locale === 'en' ? 'Download the results:' : 'Télécharger les résultats :');
      for (const ext of ['csv', 'xlsx', 'json']) expect(downloads, url).toContain(`href="/api/v1/index/editions/test-edition/results.${ext}"`);
    }
    const xlsx = await t.app.inject({ url: '/api/v1/index/editions/test-edition/results.xlsx' });
    expect(xlsx.statusCode).toBe(200);
  });

  it('generates the methodology from the configuration, listing what has no data', async () => {
    const res = await t.app.inject({ url: `/${locale}/index/test-edition/methodology` });
    expect(res.statusCode).toBe(200);
    // Each step in words (issue 14.5), not the configuration's JSON.
    const steps = methodologyStepMessages(locale);
    expect(res.body).toContain(steps('setting', { label: steps('opt.method'), value: steps('opt.method.minmax') }));
    expect(res.body).toContain(steps('step.aggregate'));
    expect(res.body).not.toContain('&quot;step&quot;');
    expect(res.body).toContain('Management of change');
  });

  it('answers 404 for a draft or an unknown edition', async () => {
    expect((await t.app.inject({ url: `/${locale}/index/not-published` })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/${locale}/index/nothing-here` })).statusCode).toBe(404);
  });
});
