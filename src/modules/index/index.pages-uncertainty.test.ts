import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import type { EditionSnapshot } from './index.models.js';
import { indexMessages } from './index.messages.js';
import { publishFixtureEdition } from './index.usecases.test-support.js';
import { readXlsxTables } from './io/index.xlsx.js';
import { sobolText } from './views/methodology-page.js';
import { PreviewPage } from './views/secretariat/preview-page.js';

/**
 * The Monte Carlo analysis as the pages and the API report it: the runs made and, when the Saltelli design made fewer
 * than asked, how many were asked for and why; every Sobol index with its confidence interval, and never a negative
 * share. The small fixture has two weight factors, so the design runs in blocks of 4: 514 asked, 512 made.
 */
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await publishFixtureEdition(t.database.db, {
    slug: 'runs-edition',
    titles: { en: 'Runs edition', fr: 'Édition des tirages' },
    config: { steps: [{ step: 'denominate' }, { step: 'normalise', method: 'minmax', lower: 0, upper: 100 }] },
    uncertainty: { seed: 7, runs: 514, weightPerturbation: 0.25 },
  });
});
afterAll(async () => t?.close());

const fewer = (locale: 'en' | 'fr') => indexMessages(locale)('runs.fewer', { runs: 512, requested: 514, blocks: 4, n: 128 });
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

describe('runs asked for and runs made', () => {
  it('the API gives both, with the reason', async () => {
    const { snapshot } = (await t.app.inject({ url: '/api/v1/index/editions/runs-edition' })).json();
    expect(snapshot.uncertainty.runs).toBe(512);
    expect(snapshot.uncertainty.design).toEqual({
      requested: 514, baseSample: 128, blocks: 4,
      reason: '512 of the 514 runs asked for were made: the Saltelli design behind the Sobol indices runs the model in 4 blocks of N = 128 (the samples A and B, and one block per uncertain choice), so the budget is rounded down to a multiple of 4.',
    });
  });

  it('the workbook says it too', async () => {
    const res = await t.app.inject({ url: '/api/v1/index/editions/runs-edition/results.xlsx' });
    const { Edition: About } = await readXlsxTables(res.rawPayload, ['Edition']);
    const field = (name: string) => About?.rows.find((r) => r.Field === name)?.Value;
    expect(field('Monte Carlo runs')).toBe('512');
    expect(field('Monte Carlo runs asked for')).toBe('514');
    expect(field('Why fewer runs')).toMatch(/^512 of the 514 runs asked for were made: the Saltelli design/);
  });

  it.each(['en', 'fr'] as const)('%s: the ranking and the methodology say why fewer runs were made', async (locale) => {
    for (const page of ['', '/methodology']) {
      const res = await t.app.inject({ url: `/${locale}/index/runs-edition${page}` });
      expect(res.statusCode).toBe(200);
      expect(res.body, page).toContain(escapeHtml(fewer(locale)));
    }
  });

  it.each(['en', 'fr'] as const)('%s: the secretariat preview says it as well', async (locale) => {
    const { snapshot } = (await t.app.inject({ url: '/api/v1/index/editions/runs-edition' })).json();
    const html = String(PreviewPage({ locale, slug: 'runs-edition', title: 'Runs', snapshot: snapshot as EditionSnapshot, changes: { changes: { previous: null, config: [], units: [] }, note: null, previous: null }, time: 2021 }));
    expect(html).toContain(escapeHtml(fewer(locale)));
  });
});

describe('Sobol indices with their confidence intervals', () => {
  it('the API gives each estimate with the low and high ends of its 95 % interval', async () => {
    const { snapshot } = (await t.app.inject({ url: '/api/v1/index/editions/runs-edition' })).json();
    expect(snapshot.uncertainty.interval).toMatchObject({ level: 0.95, resamples: 1000 });
    const entries = snapshot.uncertainty.sensitivity[snapshot.top];
    expect(entries.length).toBe(2);
    for (const s of entries) {
      expect(s.firstInterval.estimate).toBe(s.first);
      expect(s.totalInterval.estimate).toBe(s.total);
      expect(s.firstInterval.low).toBeLessThanOrEqual(s.firstInterval.high);
    }
  });

  it.each(['en', 'fr'] as const)('%s: a negative estimate is shown as indistinguishable from 0, never as a negative share', (locale) => {
    const text = sobolText(locale, { estimate: -0.11, low: -0.31, high: 0.08 }, true);
    expect(text).toBe(indexMessages(locale)('method.sensitivity.noise', { low: locale === 'en' ? '0.00' : '0,00', high: locale === 'en' ? '0.08' : '0,08' }));
    expect(text).not.toMatch(/[-−]0[.,]11/);
    expect(sobolText(locale, { estimate: 0.42, low: 0.3, high: 1.08 }, true)).toBe(
      indexMessages(locale)('method.sensitivity.value', locale === 'en' ? { estimate: '0.42', low: '0.30', high: '1.00' } : { estimate: '0,42', low: '0,30', high: '1,00' }),
    );
    // An edition published before intervals were computed: the sign alone says it.
    expect(sobolText(locale, { estimate: -0.11, low: null, high: null }, true)).toBe(indexMessages(locale)('method.sensitivity.noiseOnly'));
  });

  it.each(['en', 'fr'] as const)('%s: the methodology explains the intervals and shows no negative share', async (locale) => {
    const res = await t.app.inject({ url: `/${locale}/index/runs-edition/methodology` });
    expect(res.body).toContain(escapeHtml(indexMessages(locale)('method.sensitivity.intro', { level: 95, n: 128, resamples: 1000 })));
    const table = res.body.slice(res.body.indexOf('<caption>'));
    expect(table.slice(0, table.indexOf('</table>'))).not.toMatch(/>[-−]\d/);
  });
});

describe('the ranking table', () => {
  it('keeps its caption out of the scroll region, and the category scores behind a disclosure with abbreviated headings', async () => {
    const res = await t.app.inject({ url: '/en/index/runs-edition' });
    const body = res.body;
    expect(body).toMatch(/<p id="ranking-caption" class="table-caption">[^<]*Units by Fixture index score in 2021/);
    expect(body).toContain('<div class="table-scroll sticky-first" role="region" aria-labelledby="ranking-caption" tabindex="0"><table aria-labelledby="ranking-caption">');
    const details = body.slice(body.indexOf('<details class="ranking-categories">'));
    expect(details).toContain('<abbr title="Availability of information">Info</abbr>');
    expect(details).toContain('<abbr title="Availability of services">Serv</abbr>');
    const main = body.slice(body.indexOf('aria-labelledby="ranking-caption"'), body.indexOf('<details'));
    expect(main).not.toContain('Availability of information');
  });
});
