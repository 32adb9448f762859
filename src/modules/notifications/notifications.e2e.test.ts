/**
 * The subscriptions page and the unsubscribe link's pages in a real browser, in both languages, at 390 px: following a
 * group with the page's plain form (the pages load no script), and the unsubscribe page's button; axe-core finds no WCAG 2.x A/AA violation.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveTestApp, type ServedTestApp } from '../../../test/helpers/app.js';
import { signInAs } from '../../../test/helpers/auth.js';
import { browserTabs, expectNoAxeViolations, hasChromium, launchBrowser } from '../../../test/helpers/browser.js';
import { resolveSecretKey } from '../../app/auth/secret.js';
import { seedGroup } from '../groups/groups.test-support.js';
import { signUnsubscribeToken } from './notifications.tokens.js';

describe.skipIf(!hasChromium)('notification pages in a browser', () => {
  let t: ServedTestApp;
  let browser: Browser;
  const tabs = browserTabs();

  beforeAll(async () => {
    t = await serveTestApp();
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  for (const locale of ['en', 'fr'] as const) {
    it(`${locale}: follow a group from its link, then stop its e-mails with the link's button, with no violation`, { timeout: 60_000 }, async () => {
      const me = await signInAs(t, { email: `browser-${locale}@notify.example`, locale });
      const group = await seedGroup(t.database.db, { name: { en: `Followed ${locale}`, fr: `Suivi ${locale}` } });
      const page = await tabs.newPage(await tabs.signedIn(browser, t.base, me.cookie, { viewport: { width: 390, height: 800 } }));
      expect((await page.goto(`${t.base}/${locale}/account/subscriptions?group=${group.slug}`))?.status()).toBe(200);
      await expectNoAxeViolations(page);
      await page.locator(`#frequency-${group.slug}`).selectOption('daily');
      await page.locator(`form:has(#frequency-${group.slug}) button`).click();
      await page.waitForURL(/done=saved/);
      expect(await page.locator('p.notice[role="status"]').textContent()).toContain(locale === 'en' ? 'Daily digest' : 'Résumé quotidien');
      await expectNoAxeViolations(page);

      const token = signUnsubscribeToken(resolveSecretKey(t.config), { userId: me.userId, groupId: group.id });
      const anonymous = await tabs.newPage(await tabs.context(browser, { viewport: { width: 390, height: 800 } }));
      expect((await anonymous.goto(`${t.base}/${locale}/unsubscribe/${token}`))?.status()).toBe(200);
      await expectNoAxeViolations(anonymous);
      await anonymous.locator('form button').click();
      await anonymous.waitForSelector('p.notice[role="status"]');
      await expectNoAxeViolations(anonymous);
      expect((await anonymous.goto(`${t.base}/${locale}/unsubscribe/${token}x`))?.status()).toBe(404);
      await expectNoAxeViolations(anonymous);
    });
  }
});
