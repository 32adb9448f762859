/** The downloads page in a real browser, both languages: no axe-core violation, and no sideways scroll at 390 pixels. */
import { describe, expect, it } from 'vitest';
import { servedToolkitInBrowser } from '../../toolkit.test-support.js';
import { browserTabs, expectNoAxeViolations, hasChromium } from '../../../../../test/helpers/browser.js';

describe.skipIf(!hasChromium)('the toolkit downloads page in a browser', () => {
  const served = servedToolkitInBrowser();
  const tabs = browserTabs();



  for (const locale of ['en', 'fr'] as const) {
    it(`${locale}: every download listed, without a violation, readable on a phone`, async () => {
      const page = await tabs.newPage(await tabs.context(served.browser(), { viewport: { width: 390, height: 844 } }));
      // The first rendering builds every file to measure it (seconds on a busy machine); later ones come from the cache.
      const response = await page.goto(`${served.app().base}/${locale}/toolkit/downloads`, { timeout: 60_000 });
      expect(response?.status()).toBe(200);
      expect(await page.locator('html').getAttribute('lang')).toBe(locale);
      expect(await page.locator('tbody tr').count()).toBe(7);
      await expectNoAxeViolations(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    });
  }
});
