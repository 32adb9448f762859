/**
 * Issue 14.8, in a browser: the French navigation fits on one line at 1280 px; on a 390 px phone the registry shows
 * its results before the filters, which wait behind a disclosure; the withdrawn supporters' history is linked; the
 * API docs are the platform's and break no rule of their Content-Security-Policy; axe-core finds nothing on the
 * pages changed.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureSite, serveTestApp, type ServedTestApp } from './helpers/app.js';
import { browserTabs, expectNoAxeViolations, hasChromium, launchBrowser } from './helpers/browser.js';

describe.skipIf(!hasChromium)('what a first-time visitor sees', () => {
  let t: ServedTestApp;
  let browser: Browser;
  let desktop: BrowserContext;
  let phone: BrowserContext;
  const tabs = browserTabs();

  async function open(context: BrowserContext, path: string): Promise<Page> {
    const page = await tabs.newPage(context);
    const response = await page.goto(t.base + path);
    expect(response?.status(), path).toBe(200);
    return page;
  }

  /** The main navigation on one line: every item at the same height, the list no taller than one item. */
  async function navLines(page: Page): Promise<number> {
    return page.evaluate(() => {
      const items = [...document.querySelectorAll('.site-header nav li')].map((li) => li.getBoundingClientRect());
      return new Set(items.map((r) => Math.round(r.top))).size;
    });
  }

  beforeAll(async () => {
    [t, browser] = await Promise.all([serveTestApp({ site: fixtureSite }), launchBrowser()]);
    desktop = await tabs.context(browser, { viewport: { width: 1280, height: 800 } });
    phone = await tabs.context(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  });
  afterAll(async () => {
    await desktop?.close();
    await phone?.close();
    await browser?.close();
    await t?.close();
  });

  describe.each(['fr', 'en'] as const)('at 1280 px, in %s', (locale) => {
    it.each(['', '/supporters', '/open-data', '/supporters/withdrawn', '/index', '/join'])('the navigation of %s is one line', async (path) => {
      const page = await open(desktop, `/${locale}${path}`);
      expect(await navLines(page)).toBe(1);
      const nav = await page.locator('.site-header nav ul').boundingBox();
      const item = await page.locator('.site-header nav li').first().boundingBox();
      expect(nav!.height).toBe(item!.height);
    });

    it('the registry links the withdrawals, shows its filters open, and has no axe violation', async () => {
      const page = await open(desktop, `/${locale}/supporters`);
      expect(await page.locator(`main a[href="/${locale}/supporters/withdrawn"]`).count()).toBe(1);
      expect(await page.locator('details.filters-disclosure').getAttribute('open')).not.toBeNull();
      expect(await page.locator('#category-state').isVisible()).toBe(true);
      // Filters on the left, results on the right.
      const filters = await page.locator('section.filters').boundingBox();
      const results = await page.locator('#results').boundingBox();
      expect(filters!.x).toBeLessThan(results!.x);
      expect(await page.locator('link[rel="icon"]').getAttribute('type')).toBe('image/svg+xml');
      await expectNoAxeViolations(page);
    });

    it('the open-data page links the withdrawals, and has no axe violation', async () => {
      const page = await open(desktop, `/${locale}/open-data`);
      await page.locator(`main a[href="/${locale}/supporters/withdrawn"]`).click();
      await page.waitForURL(`${t.base}/${locale}/supporters/withdrawn`);
      await expectNoAxeViolations(page);
    });
  });

  it.each(['en', 'fr'] as const)('on a 390 px phone in %s, the first result comes before the filters, which open on demand', async (locale) => {
    const page = await open(phone, `/${locale}/supporters`);
    const firstResult = await page.locator('#results tbody tr').first().boundingBox();
    const filters = await page.locator('section.filters').boundingBox();
    expect(firstResult!.y + firstResult!.height).toBeLessThanOrEqual(filters!.y);
    expect(await page.locator('#category-state').isVisible()).toBe(false);
    await expectNoAxeViolations(page);
    await page.locator('details.filters-disclosure > summary').click();
    expect(await page.locator('#category-state').isVisible()).toBe(true);
    // Choosing a filter reloads the results in place; the filters stay open for the next choice.
    await page.locator('#category-state').check();
    await page.waitForURL(/category=state/);
    await expect.poll(() => page.locator('details.filters-disclosure').getAttribute('open')).not.toBeNull();
    await expectNoAxeViolations(page);
  });

  // The vendor's UI itself is not audited with axe: its markup is not the platform's to fix.
  it('the API docs are the platform’s, with no Content-Security-Policy violation', async () => {
    const page = await tabs.newPage(desktop);
    await page.addInitScript(() => {
      (window as unknown as { violations: string[] }).violations = [];
      document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { violations: string[] }).violations.push(`${e.violatedDirective}: ${e.sourceFile}`));
    });
    // The UI's bundle is a megabyte and a half: more time than the contexts' default for its first load.
    const response = await page.goto(`${t.base}/api/docs/`, { waitUntil: 'domcontentloaded', timeout: 30_000 });
    expect(response?.status()).toBe(200);
    await page.locator('.opblock').first().waitFor({ timeout: 30_000 });
    expect(await page.title()).toBe('Paris Call Platform API');
    expect(await page.locator('.platform-bar a').textContent()).toBe('Paris Call Platform API');
    // No vendor top bar or logo.
    expect(await page.locator('.topbar').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
  });
});
