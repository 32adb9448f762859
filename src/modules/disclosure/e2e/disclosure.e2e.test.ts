/**
 * The disclosure registry in a real browser, in both languages: a representative registers the organisation's
 * security.txt, it is fetched through the outbox (from a local server), and shown publicly with its contacts and
 * freshness; an upload with an error is sent back with its line. axe-core finds no WCAG 2.x A/AA violation, also on a
 * 390 px wide phone.
 */
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureSite, serveTestApp, type ServedTestApp } from '../../../../test/helpers/app.js';
import { browserTabs, expectNoAxeViolations, hasChromium, launchBrowser } from '../../../../test/helpers/browser.js';
import { disclosurePolicies } from '../disclosure.tables.js';
import { goodFile, localRefreshWorker, setUpDisclosure, startFileServer, type DisclosurePeople } from '../disclosure.test-support.js';

describe.skipIf(!hasChromium)('the disclosure registry in a browser', () => {
  let t: ServedTestApp;
  let browser: Browser;
  let people: DisclosurePeople;
  let files: Awaited<ReturnType<typeof startFileServer>>;
  const tabs = browserTabs();
  const expires = new Date(Date.now() + 120 * 86_400_000).toISOString();

  beforeAll(async () => {
    t = await serveTestApp({ site: fixtureSite });
    people = await setUpDisclosure(t);
    files = await startFileServer();
    files.files.set('/.well-known/security.txt', (_q, r) => r.end(goodFile(expires)));
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await files?.close();
    await t?.close();
  });

  for (const locale of ['en', 'fr'] as const) {
    it(`${locale}: a representative registers the security.txt; it is fetched and shown publicly`, async () => {
      const page = await tabs.newPage(await tabs.signedIn(browser, t.base, people.cookies.repA));
      const account = `${t.base}/${locale}/account/organisations/${people.orgA.id}/disclosure`;
      expect((await page.goto(account))?.status()).toBe(200);
      await expectNoAxeViolations(page);
      // An upload with an error: sent back with its line, nothing saved.
      await page.fill('#upload', 'Contact: mailto:security@org-a.example\nExpires: 2020-01-01T00:00:00Z\n');
      await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.click('form[action$="/upload"] button[type="submit"]')]);
      await expect(page.locator('#upload-error').textContent()).resolves.toContain(locale === 'en' ? 'Line 2: the file has expired' : 'Ligne 2 : le fichier a expiré');
      await expectNoAxeViolations(page);
      await page.fill('#securityTxtUrl', 'https://org-a.example/.well-known/security.txt');
      await page.fill('#policyUrls', 'https://org-a.example/cvd-policy');
      await Promise.all([page.waitForURL(`${account}?done=saved`), page.click('form:not([action$="/upload"]) button[type="submit"]')]);
      await expectNoAxeViolations(page);

      // The local server is on 127.0.0.1 (the form takes https only): the entry is pointed at it, and refreshed.
      await t.database.db.update(disclosurePolicies).set({ securityTxtUrl: `${files.base}/.well-known/security.txt` }).where(eq(disclosurePolicies.supporterId, people.orgA.id));
      expect(await localRefreshWorker(t).drain()).toBeGreaterThanOrEqual(1);

      const phone = await tabs.newPage(await tabs.context(browser, { viewport: { width: 390, height: 844 } }));
      expect((await phone.goto(`${t.base}/${locale}/disclosure`))?.status()).toBe(200);
      await expectNoAxeViolations(phone);
      await Promise.all([phone.waitForURL(`${t.base}/${locale}/disclosure/${people.orgA.slug}`), phone.click(`a[href="/${locale}/disclosure/${people.orgA.slug}"]`)]);
      await expect(phone.locator('main').textContent()).resolves.toContain('mailto:security@org-a.example');
      await expect(phone.locator('main').textContent()).resolves.toContain(locale === 'en' ? 'Fresh' : 'À jour');
      await expectNoAxeViolations(phone);
      const width = await phone.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(390);
    }, 120_000);
  }
});
