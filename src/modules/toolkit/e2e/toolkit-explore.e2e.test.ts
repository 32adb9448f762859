/**
 * The toolkit explorer's pages in a real browser (Debian chromium through playwright-core), in both languages, from
 * the reference bundle: axe-core finds no WCAG 2.x A/AA (or best-practice) violation on any of them, and on a
 * 390-pixel phone none scrolls sideways (wide tables scroll inside their regions). The matrix filters and the
 * comparison are used through their forms, without JavaScript of ours.
 */
import { describe, expect, it } from 'vitest';
import { servedToolkitInBrowser } from '../toolkit.test-support.js';
import { browserTabs, expectNoAxeViolations, hasChromium } from '../../../../test/helpers/browser.js';

const pages = [
  '/toolkit/actions/a4',
  '/toolkit/frameworks/pp-5',
  '/toolkit/search?q=bill+of+materials',
  '/toolkit/compare?f=pp-5&f=sl-6&f=ig-7',
  '/toolkit/compare?f=pp-5',
  '/toolkit/stakeholders',
  '/toolkit/stakeholders/mine?kind=public-sector&buys=yes',
  '/toolkit/coverage',
];

describe.skipIf(!hasChromium)('the toolkit explorer in a browser', () => {
  const served = servedToolkitInBrowser();
  const tabs = browserTabs();



  for (const locale of ['en', 'fr'] as const) {
    it(`${locale}: every explorer page, without a violation`, async () => {
      const page = await tabs.newPage(await tabs.context(served.browser()));
      for (const path of pages) {
        const response = await page.goto(`${served.app().base}/${locale}${path}`);
        expect(response?.status(), path).toBe(path.endsWith('f=pp-5') ? 400 : 200);
        await expectNoAxeViolations(page);
      }
    }, 120_000);

    it(`${locale}: the matrix filtered through its form, then a framework opened from its row head`, async () => {
      const page = await tabs.newPage(await tabs.context(served.browser()));
      await page.goto(`${served.app().base}/${locale}/toolkit`);
      await page.selectOption('#filter-category', 'intergovernmental');
      await page.selectOption('#filter-principle', 'cooperation');
      await Promise.all([page.waitForURL((url) => url.searchParams.get('category') === 'intergovernmental'), page.locator('.toolkit-filters button[type="submit"]').click()]);
      await expect(page.locator('tbody th[scope="row"]').count()).resolves.toBe(7);
      await expectNoAxeViolations(page);
      await Promise.all([page.waitForURL((url) => url.pathname === `/${locale}/toolkit/frameworks/ig-7`), page.locator(`a[href="/${locale}/toolkit/frameworks/ig-7"]`).click()]);
      await expect(page.locator('h1').textContent()).resolves.toBe('OSCE Decision n°1202, 10 March 2016');
    }, 60_000);

    it(`${locale}: on a 390-pixel phone no explorer page scrolls sideways`, async () => {
      const page = await tabs.newPage(await tabs.context(served.browser(), { viewport: { width: 390, height: 844 } }));
      for (const path of ['/toolkit', ...pages]) {
        await page.goto(`${served.app().base}/${locale}${path}`);
        const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, view: window.innerWidth }));
        expect(widths.page, path).toBeLessThanOrEqual(widths.view);
      }
      await page.goto(`${served.app().base}/${locale}/toolkit/coverage`);
      await expectNoAxeViolations(page);
    }, 120_000);
  }
});
