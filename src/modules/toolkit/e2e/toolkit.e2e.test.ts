/**
 * The toolkit's pages in a real browser (Debian chromium through playwright-core), in both languages, from the data a
 * fresh clone serves (the reference bundle): the matrix and a cell page reached by clicking its square. axe-core
 * finds no WCAG 2.x A/AA (or best-practice) violation; on a 390-pixel phone the page does not scroll sideways (the
 * table scrolls inside its region) and the caption stays in view while the table scrolls.
 */
import { describe, expect, it } from 'vitest';
import { servedToolkitInBrowser } from '../toolkit.test-support.js';
import { browserTabs, expectNoAxeViolations, hasChromium } from '../../../../test/helpers/browser.js';

describe.skipIf(!hasChromium)('the toolkit pages in a browser', () => {
  const served = servedToolkitInBrowser();
  const tabs = browserTabs();



  for (const locale of ['en', 'fr'] as const) {
    it(`${locale}: the matrix and a cell opened from it, without a violation`, async () => {
      const page = await tabs.newPage(await tabs.context(served.browser()));
      const matrix = await page.goto(`${served.app().base}/${locale}/toolkit`);
      expect(matrix?.status()).toBe(200);
      expect(await page.locator('html').getAttribute('lang')).toBe(locale);
      await expectNoAxeViolations(page);

      const square = page.locator(`a[href="/${locale}/toolkit/cells/pp-9/a4"]`);
      await Promise.all([page.waitForURL((url) => url.pathname === `/${locale}/toolkit/cells/pp-9/a4`), square.click()]);
      await expect(page.locator('code').first().textContent()).resolves.toBe('Public policy!I9');
      await expect(page.locator('blockquote[lang="en"]').count()).resolves.toBe(1);
      await expectNoAxeViolations(page);

      const absent = await page.goto(`${served.app().base}/${locale}/toolkit/cells/pp-11/a1`);
      expect(absent?.status()).toBe(200);
      await expectNoAxeViolations(page);
    }, 60_000);

    it(`${locale}: on a 390-pixel phone the table scrolls in its region and its caption stays visible`, async () => {
      const page = await tabs.newPage(await tabs.context(served.browser(), { viewport: { width: 390, height: 844 } }));
      await page.goto(`${served.app().base}/${locale}/toolkit`);
      const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, view: window.innerWidth }));
      expect(widths.page).toBeLessThanOrEqual(widths.view);
      const region = page.locator('div.table-scroll[role="region"]');
      const scrollable = await region.evaluate((node) => node.scrollWidth > node.clientWidth);
      expect(scrollable).toBe(true);
      await region.evaluate((node) => node.scrollBy(600, 0));
      const caption = page.locator('#toolkit-matrix-caption');
      await expect(caption.isVisible()).resolves.toBe(true);
      const box = await caption.boundingBox();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(390);
      await expectNoAxeViolations(page);
    }, 60_000);
  }
});
