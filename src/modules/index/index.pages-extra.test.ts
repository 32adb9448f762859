import type { SystemActor } from '../../app/authz/actor.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { createDraftEdition, publishEdition } from './index.usecases.js';
import { fixtureTable } from './index.usecases.test-support.js';

/** The world map and the indicator pages of a published edition, in both languages, say what the API says. */
const operator: SystemActor = { kind: 'system', ref: 'cli:test' };
/** The fixture's made-up unit codes as countries, so the map has shapes to colour. */
const countries: Record<string, string> = { AAA: 'FRA', BBB: 'KEN', CCC: 'BRA', DDD: 'DEU' };
let t: TestApp;

type Row = { unit: string; time: number | null; raw: Record<string, number | null>; scores: Record<string, number | null>; ranks: Record<string, number | null> };
type Snapshot = { top: string; times: (number | null)[]; rows: Row[]; nodes: { code: string; name: string; kind: string }[] };

async function snapshot(): Promise<Snapshot> {
  return (await t.app.inject({ url: '/api/v1/index/editions/map-edition' })).json().snapshot as Snapshot;
}

const score = (locale: string, v: number) => new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v);
const raw = (locale: string, v: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(v);

beforeAll(async () => {
  t = await createTestApp();
  const deps = { db: t.database.db };
  const iData = fixtureTable('small-iData.csv');
  iData.rows = iData.rows.map((r) => ({ ...r, uCode: countries[r.uCode ?? ''] ?? r.uCode ?? '' }));
  await createDraftEdition(deps, operator, {
    slug: 'map-edition',
    titles: { en: 'Map edition', fr: 'Édition cartographiée' },
    iData,
    iMeta: fixtureTable('small-iMeta.csv'),
    config: { steps: [{ step: 'denominate' }, { step: 'normalise', method: 'minmax', lower: 0, upper: 100 }] },
    uncertainty: { seed: 7, runs: 128, weightPerturbation: 0.25 },
  });
  await publishEdition(deps, operator, { slug: 'map-edition', changesNote: { en: 'First', fr: 'Première' } });
  await createDraftEdition(deps, operator, {
    slug: 'map-draft',
    titles: { en: 'Draft', fr: 'Brouillon' },
    iData: fixtureTable('small-iData.csv'),
    iMeta: fixtureTable('small-iMeta.csv'),
    config: { steps: [{ step: 'normalise', method: 'minmax', lower: 0, upper: 100 }] },
  });
});
afterAll(async () => t?.close());

describe.each(['en', 'fr'] as const)('index map and indicator pages in %s', (locale) => {
  it('draws the index score per country on an accessible map, with the same figures in a table', async () => {
    const s = await snapshot();
    const latest = s.times[s.times.length - 1];
    const res = await t.app.inject({ url: `/${locale}/index/map-edition/map` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toMatch(/<svg[^>]*role="img"[^>]*aria-label="[^"]+"[^>]*aria-describedby="index-map-desc"/);
    expect(res.body).toContain('id="index-map-desc"');
    expect(res.body).toContain('<caption>');
    expect(res.body).toContain(locale === 'en' ? 'No score (hatched grey)' : 'Pas de score (hachures grises)');
    const france = locale === 'en' ? 'France' : 'France';
    expect(res.body).toMatch(new RegExp(`<title>${france}`));
    // Every scored country: its score in the table and in its map title.
    for (const row of s.rows.filter((r) => r.time === latest)) {
      const v = row.scores[s.top];
      if (typeof v === 'number') expect(res.body).toContain(score(locale, v));
      expect(res.body).toContain(`/${locale}/index/map-edition/units/${row.unit}`);
    }
    // Countries without data are drawn too, hatched.
    expect(res.body).toContain('url(#index-map-none)');
    // The indicators are listed and linked.
    for (const n of s.nodes.filter((n) => n.kind === 'indicator')) expect(res.body).toContain(`/${locale}/index/map-edition/indicators/${n.code}`);
  });

  it('shows an indicator: source, coverage, distribution and every unit by rank, as the API does', async () => {
    const s = await snapshot();
    const latest = s.times[s.times.length - 1];
    const res = await t.app.inject({ url: `/${locale}/index/map-edition/indicators/press?time=${latest ?? ''}` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Press freedom score');
    expect(res.body).toContain(locale === 'en' ? 'Higher is better' : 'Plus c’est élevé, mieux c’est');
    expect(res.body).toMatch(/<svg[^>]*class="strip-plot"[^>]*role="img"/);
    const rows = s.rows.filter((r) => r.time === latest && typeof r.raw.press === 'number');
    const values = rows.map((r) => r.raw.press as number).sort((a, b) => a - b);
    expect(res.body).toContain(raw(locale, values[0]!));
    expect(res.body).toContain(raw(locale, values[values.length - 1]!));
    // Table rows are in rank order, each with its raw and normalised value.
    const ranked = [...rows].sort((a, b) => (a.ranks.press ?? Infinity) - (b.ranks.press ?? Infinity));
    const positions = ranked.map((r) => res.body.indexOf(`/units/${r.unit}?`, res.body.indexOf(locale === 'en' ? 'Every unit, by rank' : 'Toutes les unités, par rang')));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    for (const r of ranked) expect(res.body).toContain(score(locale, r.scores.press as number));
    // Coverage: units with data out of all units.
    expect(res.body).toContain(locale === 'en' ? 'Units with data' : 'Unités avec données');
  });

  it('says when an indicator has missing values', async () => {
    // The fixture's second unit (Kenya here) has no `inc` value in 2020: 3 of 4 units have data, its row shows a dash.
    const res = await t.app.inject({ url: `/${locale}/index/map-edition/indicators/inc?time=2020` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/<th scope="row">2020<\/th><td class="num">3<\/td><td class="num">4<\/td>/);
    expect(res.body).toMatch(/units\/KEN\?time=2020">[^<]+<\/a><\/th><td class="num">—<\/td>/);
  });

  it('links the map from the ranking and indicators from a unit', async () => {
    const ranking = await t.app.inject({ url: `/${locale}/index/map-edition` });
    expect(ranking.body).toContain(`/${locale}/index/map-edition/map`);
    const unit = await t.app.inject({ url: `/${locale}/index/map-edition/units/FRA` });
    expect(unit.body).toContain(`/${locale}/index/map-edition/indicators/`);
  });

  it('answers 404 for an unknown indicator, an aggregate, a draft or an unknown edition', async () => {
    expect((await t.app.inject({ url: `/${locale}/index/map-edition/indicators/nothing` })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/${locale}/index/map-edition/indicators/Index` })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/${locale}/index/map-draft/map` })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/${locale}/index/nothing-here/map` })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/${locale}/index/nothing-here/indicators/press` })).statusCode).toBe(404);
  });
});
