/**
 * The practice library in a real browser (Debian chromium through playwright-core), in both languages: axe-core finds
 * no WCAG 2.x A/AA (or best-practice) violation on the search, a wrong filter's answer, the comparison and the coverage;
 * on a 390-pixel phone none scrolls sideways; the filters work through the GET form, without JavaScript of ours.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { serveTestApp, fixtureSite, type ServedTestApp } from '../../../../../test/helpers/app.js';
import { browserTabs, expectNoAxeViolations, hasChromium, launchBrowser } from '../../../../../test/helpers/browser.js';
import { referenceDir } from '../../../../app/reference/reference.js';
import { g7Countries } from '../../practices/practices.constants.js';
import { normsReference } from '../../norms.reference.js';
import { buildPractice, insertPractices } from '../library.test-support.js';

const pages = [
  ['/practices', 200],
  ['/practices?q=securite&norm=13a', 200],
  ['/practices?norm=13z', 400],
  ['/practices/compare?a=FRA&b=USA', 200],
  ['/practices/compare?a=FRA', 400],
  ['/practices/coverage', 200],
] as const;

describe.skipIf(!hasChromium)('the practice library in a browser', () => {
  let app: ServedTestApp;
  let browser: Browser;
  const tabs = browserTabs();
  beforeAll(async () => {
    app = await serveTestApp({ site: fixtureSite });
    const norms = await normsReference.read(referenceDir);
    await app.database.db.transaction((tx) => normsReference.load(tx, norms, 'test'));
    await insertPractices(app.database.db, [
      buildPractice({ title: { fr: 'Stratégie nationale de sécurité numérique' }, original: 'fr', norms: ['13a', '13c'], principles: [1, 6], countries: ['FRA'] }),
      buildPractice({ title: { en: 'Coordinated vulnerability disclosure programme' }, kind: 'programme', norms: ['13j'], principles: [6], countries: ['USA'], category: 'private-sector' }),
      buildPractice({ title: { en: 'Information exchanges between CERTs', fr: 'Échanges d’informations entre CERT' }, attribution: { en: 'G7 states', fr: 'États du G7' }, norms: ['13b'], countries: [...g7Countries] }),
    ]);
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  for (const locale of ['en', 'fr'] as const) {
    it(`${locale}: every library page, without a violation`, async () => {
      const page = await tabs.newPage(await tabs.context(browser));
      for (const [path, status] of pages) {
        const response = await page.goto(`${app.base}/${locale}${path}`);
        expect(response?.status(), path).toBe(status);
        await expectNoAxeViolations(page);
      }
    }, 120_000);

    it(`${locale}: filtered through the form, without scripts`, async () => {
      const page = await tabs.newPage(await tabs.context(browser, { viewport: { width: 1280, height: 900 } }));
      await page.goto(`${app.base}/${locale}/practices`);
      await page.selectOption('#norm', '13j');
      await Promise.all([page.waitForURL((url) => url.searchParams.get('norm') === '13j'), page.locator('.filters button[type="submit"]').click()]);
      await expect(page.locator('.practice-list > li').count()).resolves.toBe(1);
      await page.fill('#q', 'SECURITE');
      await page.selectOption('#norm', '');
      await Promise.all([page.waitForURL((url) => url.searchParams.get('q') === 'SECURITE'), page.locator('.search-box button').click()]);
      await expect(page.locator('.practice-list > li h3').textContent()).resolves.toContain('Stratégie nationale de sécurité numérique');
    }, 60_000);

    it(`${locale}: on a 390-pixel phone no library page scrolls sideways`, async () => {
      const page = await tabs.newPage(await tabs.context(browser, { viewport: { width: 390, height: 844 } }));
      for (const [path] of pages) {
        await page.goto(`${app.base}/${locale}${path}`);
        const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, view: window.innerWidth }));
        expect(widths.page, path).toBeLessThanOrEqual(widths.view);
      }
    }, 120_000);
  }
});
