/**
 * The Call's pages in a real browser, in both languages, on the fixture site: home, the Call, the principles,
 * a principle, open data; axe-core on each, the keyboard path through the skip link, the language switch.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureSite, serveTestApp, type ServedTestApp } from '../../../../test/helpers/app.js';
import { browserTabs, expectNoAxeViolations, hasChromium, launchBrowser } from '../../../../test/helpers/browser.js';

const text = {
  en: {
    home: 'The Paris Call for Trust and Security in Cyberspace',
    states: 'States',
    supportersTitle: '2 supporters',
    call: 'fictitious test text',
    principles: 'The 9 principles',
    principle1: 'Protect people and infrastructure',
    eyebrow: 'Principle 1',
    caseStudy: 'Case study 1 (fixture): a fictitious organisation applies principle 1',
    openData: 'Open data and API',
  },
  fr: {
    home: 'L’Appel de Paris pour la confiance et la sécurité dans le cyberespace',
    states: 'États',
    supportersTitle: '2 soutiens',
    call: 'texte d’essai fictif',
    principles: 'Les 9 principes',
    principle1: 'Protéger les personnes et les infrastructures',
    eyebrow: 'Principe 1',
    caseStudy: 'Étude de cas 1 (jeu d’essai) : une organisation fictive applique le principe 1',
    openData: 'Données ouvertes et API',
  },
} as const;

describe.skipIf(!hasChromium)('the Call’s pages in a browser', () => {
  let t: ServedTestApp;
  let browser: Browser;
  let context: BrowserContext;
  let base: string;
  const tabs = browserTabs();

  async function open(path: string): Promise<Page> {
    const page = await tabs.newPage(context);
    const response = await page.goto(base + path);
    expect(response?.status(), path).toBe(200);
    return page;
  }

  beforeAll(async () => {
    [t, browser] = await Promise.all([serveTestApp({ site: fixtureSite }), launchBrowser()]);
    base = t.base;
    context = await tabs.context(browser);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await t?.close();
  });

  describe.each(['en', 'fr'] as const)('in %s', (locale) => {
    const l = text[locale];

    it('the home page counts supporters by category, and a counter opens the registry filtered on it', async () => {
      const page = await open(`/${locale}`);
      expect(await page.locator('html').getAttribute('lang')).toBe(locale);
      expect(await page.locator('h1').textContent()).toBe(l.home);
      expect(await page.locator('.counters .counter-value').allTextContents()).toEqual(['2', '3', '5', '2']);
      expect(await page.locator('nav a[aria-current="page"]').getAttribute('href')).toBe(`/${locale}`);
      await page.getByRole('link', { name: `2 ${l.states}` }).click();
      await page.waitForURL(`${base}/${locale}/supporters?category=state`);
      expect(await page.locator('#results-title').textContent()).toBe(l.supportersTitle);
    });

    it('the Call page shows the Call’s text in the page language', async () => {
      const page = await open(`/${locale}/call`);
      expect(await page.locator('h1').textContent()).toBe(l.home);
      expect(await page.locator(`.prose[lang="${locale}"] strong`).first().textContent()).toBe(l.call);
      // Jekyll comments and Liquid tags of the source never reach the page.
      expect(await page.locator('main').textContent()).not.toMatch(/\{%|\{\{|Fixture: this comment/);
    });

    it('the principles page lists the nine principles, each opening its own page with its case studies', async () => {
      const page = await open(`/${locale}/principles`);
      expect(await page.locator('h1').textContent()).toBe(l.principles);
      expect(await page.locator('.principle-list > li').count()).toBe(9);
      await page.getByRole('link', { name: l.principle1 }).click();
      await page.waitForURL(`${base}/${locale}/principles/1`);
      expect(await page.locator('.eyebrow').textContent()).toBe(l.eyebrow);
      expect(await page.locator('h1').textContent()).toBe(l.principle1);
      expect(await page.locator('.case-studies h3').first().textContent()).toBe(l.caseStudy);
    });

    it('the open data page shows the CSV and API addresses, whose links work, and the embed code', async () => {
      const page = await open(`/${locale}/open-data`);
      expect(await page.locator('h1').textContent()).toBe(l.openData);
      // Placeholders in angle brackets are shown as text, not parsed as tags.
      expect(await page.locator('main code').allTextContents()).toContain('/api/v1/supporters/<slug>');
      expect(await page.locator('pre code').textContent()).toContain(`<iframe src="${t.config.publicUrl}/${locale}/embed/counters"`);
      const csv = await page.request.get(base + ((await page.getByRole('link', { name: '/supporters.csv?category=state' }).getAttribute('href')) ?? ''));
      expect(csv.status()).toBe(200);
      expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
      const api = await page.request.get(base + ((await page.getByRole('link', { name: '/api/v1/stats' }).getAttribute('href')) ?? ''));
      expect((await api.json()).total).toBe(13);
      // Where the data comes from: each file of the reference bundle with its source, version and licence.
      const sources = page.locator('.sources-table tbody tr');
      expect(await sources.count()).toBeGreaterThanOrEqual(4);
      expect(await page.locator('.sources-table').textContent()).toContain('reference/registry/supporters.jsonl');
      expect(await page.locator('.sources-table').textContent()).toContain('EUPL-1.2');
    });

    it.each([
      ['the home page', ''],
      ['the Call page', '/call'],
      ['the principles page', '/principles'],
      ['a principle page', '/principles/1'],
      ['the open data page', '/open-data'],
    ])('%s has no axe violations', async (_name, path) => {
      await expectNoAxeViolations(await open(`/${locale}${path}`));
    });
  });

  it('an unknown principle gives the 404 page in the page language, without axe violations', async () => {
    const page = await tabs.newPage(context);
    const response = await page.goto(`${base}/en/principles/42`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('There is no such principle');
    await expectNoAxeViolations(page);
  });

  it('the language switch on a principle opens the same principle in French', async () => {
    const page = await open('/en/principles/3');
    await page.getByRole('link', { name: 'Français' }).click();
    await page.waitForURL(`${base}/fr/principles/3`);
    expect(await page.locator('h1').textContent()).toBe('Défendre les élections');
    expect(await page.getByRole('link', { name: 'English' }).getAttribute('href')).toBe('/en/principles/3');
  });

  it('on the home page, the skip link is the first Tab stop and moves focus to the main content', async () => {
    const page = await open('/fr');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Aller au contenu');
    const box = await page.locator('.skip-link').boundingBox();
    expect(box && box.x >= 0 && box.y >= 0).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    // The next Tab stop is the first link of the content, not the header's navigation again.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
  });
});
