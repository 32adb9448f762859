/** The downloads page in a real browser, both languages: no axe-core violation, and no sideways scroll at 390 pixels. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceDir } from '../../../../app/reference/reference.js';
import { serveTestApp, type ServedTestApp } from '../../../../../test/helpers/app.js';
import { browserTabs, expectNoAxeViolations, hasChromium, launchBrowser } from '../../../../../test/helpers/browser.js';
import { toolkitReference } from '../../toolkit.reference.js';

describe.skipIf(!hasChromium)('the toolkit downloads page in a browser', () => {
  let t: ServedTestApp;
  let browser: Browser;
  const tabs = browserTabs();

  beforeAll(async () => {
    t = await serveTestApp();
    const parsed = await toolkitReference.read(referenceDir);
    await t.database.db.transaction((tx) => toolkitReference.load(tx, parsed, 'system:reference-bundle'));
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  for (const locale of ['en', 'fr'] as const) {
    it(`${locale}: every download listed, without a violation, readable on a phone`, async () => {
      const page = await tabs.newPage(await tabs.context(browser, { viewport: { width: 390, height: 844 } }));
      // The first rendering builds every file to measure it (seconds on a busy machine); later ones come from the cache.
      const response = await page.goto(`${t.base}/${locale}/toolkit/downloads`, { timeout: 60_000 });
      expect(response?.status()).toBe(200);
      expect(await page.locator('html').getAttribute('lang')).toBe(locale);
      expect(await page.locator('tbody tr').count()).toBe(7);
      await expectNoAxeViolations(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    });
  }
});
