/**
 * A practice's whole way in a real browser, in each language: a verified representative writes it and sends it for
 * moderation, the secretariat publishes it from its queue, and the public finds it in the library's search and in a
 * generated synthesis, under its norm's section. Every page on the way has no axe-core violation.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureSite, serveTestApp, type ServedTestApp } from '../../../../test/helpers/app.js';
import { browserTabs, expectNoAxeViolations, hasChromium, launchBrowser } from '../../../../test/helpers/browser.js';
import { setUpPractices, type PracticePeople } from './practices.test-support.js';

describe.skipIf(!hasChromium)('a practice from its draft to the library and a synthesis', () => {
  let t: ServedTestApp;
  let browser: Browser;
  let people: PracticePeople;
  const tabs = browserTabs();

  beforeAll(async () => {
    t = await serveTestApp({ site: fixtureSite });
    people = await setUpPractices(t);
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const signedIn = (cookie: string): Promise<BrowserContext> => tabs.signedIn(browser, t.base, cookie);

  async function submitForm(page: Page, button: string): Promise<void> {
    await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.waitForLoadState(), page.click(button)]);
    await page.waitForLoadState();
  }

  const cases = [
    { locale: 'en', word: 'Quillwort', title: 'Quillwort exercise for hospital operators', original: 'en', norm: '13c', year: '2025' },
    { locale: 'fr', word: 'Isoète', title: 'Exercice Isoète pour les opérateurs d’eau potable', original: 'fr', norm: '13g', year: '2024' },
  ] as const;

  for (const c of cases) {
    it(`${c.locale}: submitted, published from the queue, then found in the search and the synthesis`, async () => {
      const rep = await tabs.newPage(await signedIn(people.cookies.rep));
      await rep.goto(`${t.base}/${c.locale}/account/practices/new`);
      await expectNoAxeViolations(rep);
      await rep.check(`input[name="original"][value="${c.original}"]`);
      const upper = c.original === 'en' ? 'En' : 'Fr';
      await rep.fill(`#title${upper}`, c.title);
      await rep.fill(`#description${upper}`, `${c.word}: a yearly crisis exercise with the national CSIRT.`);
      await rep.selectOption('#kind', 'exercise');
      await rep.selectOption('#implementationStatus', 'in-force');
      await rep.check(`input[name="norms"][value="${c.norm}"]`);
      await rep.check('input[name="principles"][value="1"]');
      await rep.fill('#year', c.year);
      await submitForm(rep, 'button[value="submit"]');
      expect(new URL(rep.url()).pathname).toMatch(new RegExp(`^/${c.locale}/account/practices/prc_`));
      const id = new URL(rep.url()).pathname.split('/').at(-1)!;
      await expectNoAxeViolations(rep);

      // Not public before the secretariat publishes it.
      const visitor = await tabs.newPage(await tabs.context(browser));
      expect((await visitor.goto(`${t.base}/${c.locale}/practices/${id}`))?.status()).toBe(404);

      const moderator = await tabs.newPage(await signedIn(people.cookies.moderator));
      await moderator.goto(`${t.base}/${c.locale}/secretariat/practices`);
      await expect(moderator.locator(`a[href$="/secretariat/practices/${id}"]`).count()).resolves.toBeGreaterThan(0);
      await moderator.click(`a[href$="/secretariat/practices/${id}"]`);
      await moderator.waitForLoadState();
      await expectNoAxeViolations(moderator);
      await submitForm(moderator, `form[action$="/secretariat/practices/${id}/publish"] button[type="submit"]`);

      expect((await visitor.goto(`${t.base}/${c.locale}/practices/${id}`))?.status()).toBe(200);
      await expect(visitor.locator('h1').innerText()).resolves.toContain(c.title);

      await visitor.goto(`${t.base}/${c.locale}/practices?q=${encodeURIComponent(c.word.toLowerCase().normalize('NFD').replace(/\p{M}/gu, ''))}`);
      await expect(visitor.locator(`a[href="/${c.locale}/practices/${id}"]`).count()).resolves.toBeGreaterThan(0);
      await expectNoAxeViolations(visitor);

      await visitor.goto(`${t.base}/${c.locale}/practices/synthesis?origin=platform&year=${c.year}`);
      // Under its norm's section (and its principle's), each headed by what it is about.
      const sections = visitor.locator(`section.synthesis-section:has(a[href="/${c.locale}/practices/${id}"])`);
      const headings = await sections.locator('h3, h4').allInnerTexts();
      expect(headings.join(' | ')).toContain(c.norm.replace(/^13(.)$/, '13($1)'));
      await expectNoAxeViolations(visitor);
    }, 180_000);
  }
});
