/**
 * The layers' pages in a real browser, in both languages: the list, a curated layer, its diff, the forms (correction,
 * framework, new layer), the secretariat's queue and one's own proposals. axe-core finds no WCAG 2.x A/AA (or
 * best-practice) violation, including on a form sent back with its errors.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureSite, serveTestApp, type ServedTestApp } from '../../../../test/helpers/app.js';
import { browserTabs, expectNoAxeViolations, hasChromium, launchBrowser } from '../../../../test/helpers/browser.js';
import { proposeChange } from './layers.proposals.js';
import { buildCorrection, buildFramework, setUpLayers, type LayerPeople } from './layers.test-support.js';
import { addFramework, correctCell, createLayer } from './layers.usecases.js';

describe.skipIf(!hasChromium)('the layers’ pages in a browser', () => {
  let t: ServedTestApp;
  let browser: Browser;
  let people: LayerPeople;
  const tabs = browserTabs();

  beforeAll(async () => {
    t = await serveTestApp({ site: fixtureSite });
    people = await setUpLayers(t);
    const db = t.database.db;
    await createLayer({ db, actor: people.moderator, layer: { key: 'review-2025', name: 'Review 2025', description: 'What the 2025 review found.' } });
    await correctCell({ db, actor: people.moderator, layerKey: 'review-2025', correction: buildCorrection() });
    await addFramework({ db, actor: people.moderator, layerKey: 'review-2025', framework: buildFramework() });
    await proposeChange({ db, actor: people.verifiedRep, layerKey: 'review-2025', supporterId: people.verified.id, kind: 'cell', correction: buildCorrection({ action: 'A6', reason: 'Found in the annex.' }) });
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** A browser context signed in with the given session cookie (`name=value`). */
  const signedIn = (cookie: string): Promise<BrowserContext> => tabs.signedIn(browser, t.base, cookie);

  for (const locale of ['en', 'fr'] as const) {
    it(`${locale}: the public layer pages have no violation`, async () => {
      const page = await tabs.newPage(await tabs.context(browser));
      for (const path of ['/toolkit/layers', '/toolkit/layers/review-2025', '/toolkit/layers/review-2025/diff', '/toolkit/layers/wg6-2021', '/toolkit/cells/pp-9/a4']) {
        const response = await page.goto(`${t.base}/${locale}${path}`);
        expect(response?.status(), path).toBe(200);
        await expectNoAxeViolations(page);
      }
    }, 90_000);

    it(`${locale}: the forms, a refused form, the queue and one's proposals have no violation`, async () => {
      const moderator = await tabs.newPage(await signedIn(people.cookies.moderator));
      for (const path of ['/toolkit/corrections/new?framework=pp-9&action=a4', '/toolkit/layers/review-2025/frameworks/new', '/secretariat/toolkit/layers', '/secretariat/toolkit/proposals', '/secretariat/toolkit/layers/review-2025/frameworks/nf-1']) {
        const response = await moderator.goto(`${t.base}/${locale}${path}`);
        expect(response?.status(), path).toBe(200);
        await expectNoAxeViolations(moderator);
      }
      await moderator.goto(`${t.base}/${locale}/secretariat/toolkit/layers`);
      await moderator.fill('#key', 'Not A Key');
      await Promise.all([moderator.waitForLoadState('load'), moderator.click('button[type="submit"]')]);
      await expect(moderator.locator('#key-error').count()).resolves.toBe(1);
      await expectNoAxeViolations(moderator);

      const rep = await tabs.newPage(await signedIn(people.cookies.verifiedRep));
      for (const path of ['/toolkit/proposals', '/toolkit/corrections/new']) {
        expect((await rep.goto(`${t.base}/${locale}${path}`))?.status(), path).toBe(200);
        await expectNoAxeViolations(rep);
      }
    }, 90_000);
  }
});
