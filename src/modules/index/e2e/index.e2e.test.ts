/**
 * The index's public pages in a real browser (Debian chromium through playwright-core), in both languages: the list of
 * editions, an edition's ranking, a unit page reached by clicking its link in the ranking, and the methodology; and
 * the pilot of the committed reference bundle, whose figures from unredistributable sources are withheld. axe-core
 * finds no WCAG 2.x A/AA (or best-practice) violation; every band bar has an accessible name; every data table has a
 * caption or column headers.
 */
import type { SystemActor } from '../../../app/authz/actor.js';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveTestApp, type ServedTestApp } from '../../../../test/helpers/app.js';
import { expectNoAxeViolations, hasChromium, launchBrowser } from '../../../../test/helpers/browser.js';
import { indexMessages } from '../index.messages.js';
import { indexReference } from '../index.reference.js';
import { createDraftEdition, publishEdition } from '../index.usecases.js';
import { fixtureTable } from '../index.usecases.test-support.js';

const operator: SystemActor = { kind: 'system', ref: 'cli:e2e' };
const slug = 'e2e-edition';
const secondSlug = 'e2e-second';

/** Every band bar is an image with a non-empty accessible name. */
async function expectNamedBandBars(page: Page, atLeast: number): Promise<void> {
  const bars = await page.locator('svg.band-bar').evaluateAll((nodes) =>
    nodes.map((n) => ({ role: n.getAttribute('role'), label: (n.getAttribute('aria-label') ?? '').trim() })),
  );
  expect(bars.length, `band bars on ${page.url()}`).toBeGreaterThanOrEqual(atLeast);
  for (const bar of bars) {
    expect(bar.role).toBe('img');
    expect(bar.label.length).toBeGreaterThan(0);
  }
}

/** Every table has a caption (non-empty) or at least one column header. */
async function expectDescribedTables(page: Page, atLeast: number): Promise<void> {
  const tables = await page.locator('table').evaluateAll((nodes) =>
    nodes.map((n) => ({ caption: (n.querySelector('caption')?.textContent ?? '').trim(), headers: n.querySelectorAll('th').length })),
  );
  expect(tables.length, `tables on ${page.url()}`).toBeGreaterThanOrEqual(atLeast);
  for (const table of tables) expect(table.caption.length > 0 || table.headers > 0).toBe(true);
}

describe.skipIf(!hasChromium)('accessibility of the index pages', () => {
  let t: ServedTestApp;
  let browser: Browser;
  let context: BrowserContext;
  let base = '';

  beforeAll(async () => {
    t = await serveTestApp();
    base = t.base;
    const deps = { db: t.database.db };
    await createDraftEdition(deps, operator, {
      slug,
      titles: { en: 'E2E edition', fr: 'Édition E2E' },
      iData: fixtureTable('small-iData.csv'),
      iMeta: fixtureTable('small-iMeta.csv'),
      config: { steps: [{ step: 'denominate' }, { step: 'normalise', method: 'minmax', lower: 0, upper: 100 }] },
      uncertainty: { seed: 7, runs: 256, weightPerturbation: 0.25 },
      withoutData: { categories: [{ code: 'C4', name: 'Management of change' }], indicators: [] },
    });
    await publishEdition(deps, operator, { slug, changesNote: { en: 'First', fr: 'Première' } });
    // A second edition with another weight, so the ranking and unit pages show what changed and why.
    const iMeta = fixtureTable('small-iMeta.csv');
    iMeta.rows = iMeta.rows.map((r) => (r.iCode === 'gci' ? { ...r, Weight: '1' } : r));
    await createDraftEdition(deps, operator, {
      slug: secondSlug,
      titles: { en: 'E2E second edition', fr: 'Deuxième édition E2E' },
      iData: fixtureTable('small-iData.csv'),
      iMeta,
      config: { steps: [{ step: 'denominate' }, { step: 'normalise', method: 'minmax', lower: 0, upper: 100 }] },
      uncertainty: { seed: 7, runs: 64, weightPerturbation: 0.25 },
    });
    await publishEdition(deps, operator, { slug: secondSlug, changesNote: { en: 'GCI weight equalised', fr: 'Poids du GCI égalisés' } });
    // The pilot as a fresh clone serves it: read from the committed bundle, loaded as first start does.
    const pilot = await indexReference.read(fileURLToPath(new URL('../../../../reference', import.meta.url)));
    await t.database.db.transaction((tx) => indexReference.load(tx, pilot, 'system:reference-bundle'));
    browser = await launchBrowser();
    context = await browser.newContext();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  for (const locale of ['en', 'fr'] as const) {
    it(`${locale}: editions, ranking, a unit reached by a click, and the methodology`, async () => {
      const page = await context.newPage();

      const editions = await page.goto(`${base}/${locale}/index`);
      expect(editions?.status()).toBe(200);
      expect(await page.locator('html').getAttribute('lang')).toBe(locale);
      await expect(page.locator(`a[href="/${locale}/index/${slug}"]`).count()).resolves.toBeGreaterThan(0);
      await expectNoAxeViolations(page);

      const ranking = await page.goto(`${base}/${locale}/index/${slug}`);
      expect(ranking?.status()).toBe(200);
      await expectNoAxeViolations(page);
      await expectNamedBandBars(page, 1);
      await expectDescribedTables(page, 1);

      const link = page.locator(`a[href^="/${locale}/index/${slug}/units/"]`).first();
      const href = (await link.getAttribute('href'))!;
      await Promise.all([page.waitForURL((url) => url.pathname.startsWith(`/${locale}/index/${slug}/units/`)), link.click()]);
      await page.waitForLoadState('load');
      expect(new URL(page.url()).pathname).toBe(new URL(href, base).pathname);
      await expectNoAxeViolations(page);
      await expectNamedBandBars(page, 1);
      await expectDescribedTables(page, 1);

      const methodology = await page.goto(`${base}/${locale}/index/${slug}/methodology`);
      expect(methodology?.status()).toBe(200);
      expect(await page.content()).toContain('Management of change');
      await expectNoAxeViolations(page);
      await expectDescribedTables(page, 0);
      await page.close();
    }, 60_000);

    it(`${locale}: what changed and why, on the second edition's ranking and on a unit page`, async () => {
      const page = await context.newPage();
      const ranking = await page.goto(`${base}/${locale}/index/${secondSlug}`);
      expect(ranking?.status()).toBe(200);
      const section = page.locator('section#changes');
      await expect(section.locator('blockquote').textContent()).resolves.toContain(locale === 'en' ? 'GCI weight equalised' : 'Poids du GCI égalisés');
      await expect(section.locator('table').count()).resolves.toBe(2);
      await expect(section.locator('code', { hasText: 'framework.gci.weight' }).count()).resolves.toBe(1);
      await expectNoAxeViolations(page);
      await expectDescribedTables(page, 3);

      const unit = await page.goto(`${base}/${locale}/index/${secondSlug}/units/BBB`);
      expect(unit?.status()).toBe(200);
      await expect(page.locator('section#changes table').count()).resolves.toBe(1);
      await expectNoAxeViolations(page);
      await expectDescribedTables(page, 2);
      await page.close();
    }, 60_000);

    it(`${locale}: the pilot's ranking, a unit and the GCI indicator, withheld figures said so`, async () => {
      const page = await context.newPage();
      const withheld = indexMessages(locale)('scores.withheld');
      for (const path of ['?time=2020', '/units/FRA?time=2020', '/indicators/GCI?time=2020']) {
        const response = await page.goto(`${base}/${locale}/index/pilot${path}`);
        expect(response?.status(), path).toBe(200);
        await expect(page.getByText(withheld, { exact: true }).count(), path).resolves.toBeGreaterThan(0);
        await expect(page.getByText('ITU Global Cybersecurity Index').count(), path).resolves.toBeGreaterThan(0);
        await expectNoAxeViolations(page);
        await expectDescribedTables(page, 1);
      }
      await page.close();
    }, 60_000);

    it.each([[1280, 800], [390, 844]])(`${locale}: at %i px the pilot's ranking stays within the page (at 1280 px within its box, no scrolling), its caption whole, the category scores a click away`, async (width, height) => {
      const page = await browser.newPage({ viewport: { width, height } });
      expect((await page.goto(`${base}/${locale}/index/pilot?time=2020`))?.status()).toBe(200);
      const measure = () =>
        page.evaluate(() => {
          const box = document.querySelector('[aria-labelledby="ranking-caption"].table-scroll') as HTMLElement;
          const caption = document.getElementById('ranking-caption') as HTMLElement;
          const rect = caption.getBoundingClientRect();
          return {
            table: (box.querySelector('table') as HTMLElement).getBoundingClientRect().width,
            box: box.clientWidth,
            captionInside: box.contains(caption),
            captionLeft: rect.left,
            captionRight: rect.right,
            captionClipped: caption.scrollWidth > caption.clientWidth,
            page: document.documentElement.scrollWidth,
            viewport: window.innerWidth,
          };
        });
      const m = await measure();
      // The page itself never scrolls sideways; at 1280 px the ranking needs no scrolling either.
      expect(m.page).toBeLessThanOrEqual(m.viewport);
      if (width >= 1280) expect(m.table).toBeLessThanOrEqual(m.box);
      expect(m.captionInside).toBe(false);
      expect(m.captionLeft).toBeGreaterThanOrEqual(0);
      expect(m.captionRight).toBeLessThanOrEqual(m.viewport);
      expect(m.captionClipped).toBe(false);
      await expectNoAxeViolations(page);

      // The category scores: headed by codes whose full names are their titles, also within the page.
      await page.locator('details.ranking-categories > summary').click();
      const categories = page.locator('details.ranking-categories table');
      await expect(categories.isVisible()).resolves.toBe(true);
      await expect(categories.locator('thead abbr[title="Confidence in using cyberspace safely and securely"]').count()).resolves.toBe(1);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await expectNoAxeViolations(page);
      await page.close();
    }, 60_000);
  }
});
