/**
 * The registry pages in a real browser, against a listening server on the fixture site (13 fictitious supporters):
 * live search and filters with a shareable URL and a working back button, the same form without JavaScript,
 * pagination, the language switch, supporter pages, error pages, the map, and axe-core on each of them.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureSite, serveTestApp, type ServedTestApp } from '../../../../test/helpers/app.js';
import { browserTabs, expectNoAxeViolations, hasChromium, launchBrowser } from '../../../../test/helpers/browser.js';

const acme = 'acme_cyber_widgets-private-sector-USA';

/** The names in the results table, in their order. */
const resultNames = (page: Page) => page.locator('table.supporters tbody th a').allTextContents();

/** Waits until the results heading reads `text`: after a live update, or a back/forward that reloads results. */
async function resultsSay(page: Page, text: string): Promise<void> {
  await page.waitForFunction((expected) => document.getElementById('results-title')?.textContent === expected, text);
}

/** Waits for the address bar's query string, which the client script updates with history.pushState. */
const queryIs = (page: Page, search: string) => page.waitForURL((url) => url.search === search);

/** Marks the current document; still marked later means the page was updated in place, not reloaded. */
async function markDocument(page: Page): Promise<() => Promise<boolean>> {
  await page.evaluate(() => Object.assign(window, { sameDocumentMark: true }));
  return () => page.evaluate(() => (window as unknown as { sameDocumentMark?: boolean }).sameDocumentMark === true);
}

describe.skipIf(!hasChromium)('the registry in a browser', () => {
  let t: ServedTestApp;
  let browser: Browser;
  let context: BrowserContext;
  let noScript: BrowserContext;
  let base: string;
  const tabs = browserTabs();

  /** A new tab (JavaScript on, unless `context` says otherwise) on `path`. */
  async function open(path: string, on: BrowserContext = context): Promise<Page> {
    const page = await tabs.newPage(on);
    await page.goto(base + path);
    return page;
  }

  beforeAll(async () => {
    [t, browser] = await Promise.all([serveTestApp({ site: fixtureSite }), launchBrowser()]);
    base = t.base;
    context = await tabs.context(browser);
    noScript = await tabs.context(browser, { javaScriptEnabled: false });
  });
  afterAll(async () => {
    await context?.close();
    await noScript?.close();
    await browser?.close();
    await t?.close();
  });

  describe('search and filters', () => {
    it('typing "societe" shows Société Générale de Fiction in place and puts ?q=societe in the URL', async () => {
      const page = await open('/en/supporters');
      const stillSameDocument = await markDocument(page);
      await page.locator('#q').fill('societe');
      await queryIs(page, '?q=societe');
      await resultsSay(page, '1 supporter');
      expect(await resultNames(page)).toEqual(['Société Générale de Fiction']);
      expect(await stillSameDocument()).toBe(true);
      // The results were replaced: a status region that stayed in place announces the new count.
      await expect.poll(() => page.locator('#results-status').textContent()).toBe('1 supporter');
      expect(await page.locator('#q').inputValue()).toBe('societe');
    });

    it('a category and a country narrow the results and their counts, the URL carries both, and loading it gives the same page', async () => {
      const page = await open('/en/supporters');
      // With JavaScript, filters apply as they change: the Apply button is only for browsers without it.
      await expect.poll(() => page.getByRole('button', { name: 'Apply filters' }).isVisible()).toBe(false);

      await page.locator('#category-private-sector').check();
      await queryIs(page, '?category=private-sector');
      await resultsSay(page, '5 supporters');
      expect(await page.locator('#country option[value="FRA"]').textContent()).toBe('France (2)');

      await page.locator('#country').focus();
      await page.locator('#country').selectOption('FRA');
      await queryIs(page, '?category=private-sector&country=FRA');
      await resultsSay(page, '2 supporters');
      expect(await resultNames(page)).toEqual(['Eutelfiction', 'Société Générale de Fiction']);
      // Each facet counts with the other filters applied: France has one civil society supporter.
      expect(await page.locator('label[for="category-civil-society"]').textContent()).toBe('Civil society (1)');
      // Focus stays on the control the user just changed, although the filters were re-rendered.
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('country');
      await expectNoAxeViolations(page);

      const shared = await open(`/en/supporters?category=private-sector&country=FRA`);
      expect(await shared.locator('#results-title').textContent()).toBe('2 supporters');
      expect(await resultNames(shared)).toEqual(['Eutelfiction', 'Société Générale de Fiction']);
      expect(await shared.locator('#category-private-sector').isChecked()).toBe(true);
      expect(await shared.locator('#country').inputValue()).toBe('FRA');
    });

    it('choosing the name order while searching keeps that order instead of falling back to relevance', async () => {
      const page = await open('/en/supporters?q=fiction');
      expect(await page.locator('#sort').inputValue()).toBe('relevance');
      await page.locator('#sort').selectOption('name');
      await queryIs(page, '?q=fiction&sort=name');
      await resultsSay(page, '3 supporters');
      expect(await page.locator('#sort').inputValue()).toBe('name');
      expect(await resultNames(page)).toEqual(['Eutelfiction', 'INTERFICTION', 'Société Générale de Fiction']);
    });

    it('the back button restores the previous results, filters and search box, and forward brings them back', async () => {
      const page = await open('/en/supporters');
      await page.locator('#q').fill('r');
      await queryIs(page, '?q=r');
      const searched = await page.locator('#results-title').textContent();
      await page.locator('#category-state').check();
      await queryIs(page, '?q=r&category=state');
      await resultsSay(page, '2 supporters');
      await page.locator('#country').selectOption('ROU');
      await queryIs(page, '?q=r&category=state&country=ROU');
      await resultsSay(page, '1 supporter');

      await page.goBack();
      await resultsSay(page, '2 supporters');
      expect(new URL(page.url()).search).toBe('?q=r&category=state');
      expect(await resultNames(page)).toEqual(['Roumanie', 'Serbie']);
      expect(await page.locator('#country').inputValue()).toBe('');
      expect(await page.locator('#category-state').isChecked()).toBe(true);

      await page.goBack();
      await resultsSay(page, searched ?? '');
      expect(await page.locator('#category-state').isChecked()).toBe(false);
      expect(await page.locator('#q').inputValue()).toBe('r');

      await page.goBack();
      await resultsSay(page, '13 supporters');
      expect(new URL(page.url()).search).toBe('');
      expect(await page.locator('#q').inputValue()).toBe('');

      await page.goForward();
      await resultsSay(page, searched ?? '');
      expect(await page.locator('#q').inputValue()).toBe('r');
      await page.goForward();
      await resultsSay(page, '2 supporters');
      expect(new URL(page.url()).search).toBe('?q=r&category=state');
      expect(await page.locator('#category-state').isChecked()).toBe(true);
    });

    it('without JavaScript, the Apply button submits the form and the server returns the filtered results', async () => {
      const page = await open('/en/supporters', noScript);
      await page.locator('#category-state').check();
      await page.locator('#country').selectOption('ROU');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.waitForURL((url) => url.searchParams.get('country') === 'ROU');
      expect(await page.locator('h1').textContent()).toBe('The supporters');
      const url = new URL(page.url());
      expect(url.searchParams.getAll('category')).toEqual(['state']);
      expect(await page.locator('#results-title').textContent()).toBe('1 supporter');
      expect(await resultNames(page)).toEqual(['Roumanie']);

      await page.locator('#q').fill('societe');
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await page.waitForURL((next) => next.searchParams.get('q') === 'societe');
      // The filters chosen before travel with the search: no supporter is both a State in Romania and "societe".
      expect(await page.locator('#results-title').textContent()).toBe('No supporter matches');
    });
  });

  describe('pagination', () => {
    it('with fewer supporters than a page holds, no page links are shown', async () => {
      const page = await open('/en/supporters?pageSize=20');
      expect(await page.locator('.range').textContent()).toMatch(/^Showing 1–13 of 13/);
      expect(await resultNames(page)).toHaveLength(13);
      expect(await page.locator('nav.pagination').count()).toBe(0);
    });

    it('a page past the last one says so and links back to the last page', async () => {
      const page = await open('/en/supporters?pageSize=20&page=3');
      expect(await page.locator('.empty').textContent()).toContain('There is no page 3: these results end on page 1.');
      expect(await page.locator('table.supporters').count()).toBe(0);
      await page.getByRole('link', { name: 'Go to the last page' }).click();
      await page.waitForURL((url) => url.search === '?pageSize=20');
      expect(await resultNames(page)).toHaveLength(13);
    });

    describe('on a registry larger than a page', () => {
      let large: ServedTestApp;
      let largeBase: string;
      let csvDir: string;

      beforeAll(async () => {
        // 45 supporters in the official CSV format: three pages of 20.
        csvDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pariscall-e2e-'));
        const rows = Array.from({ length: 45 }, (_, i) => `Generated Supporter ${String(i + 1).padStart(2, '0')},private-sector,FRA,Entreprise,,,2021-01-01`);
        const csv = path.join(csvDir, 'supporters.csv');
        await fs.writeFile(csv, ['name,category,nationality,nature,website,twitter,date_signed', ...rows].join('\n'));
        large = await serveTestApp({ site: csv });
        largeBase = large.base;
      });
      afterAll(async () => {
        await large?.close();
        if (csvDir) await fs.rm(csvDir, { recursive: true, force: true });
      });

      it('page links move through the results, and changing a filter goes back to the first page', async () => {
        const page = await tabs.newPage(context);
        await page.goto(`${largeBase}/en/supporters?pageSize=20`);
        expect(await page.locator('.range').textContent()).toMatch(/^Showing 1–20 of 45/);
        const nav = page.getByRole('navigation', { name: 'Pages' });
        expect(await nav.locator('[aria-current="page"]').textContent()).toBe('Page 1');
        await expectNoAxeViolations(page);

        await nav.getByRole('link', { name: 'Next page' }).click();
        await page.waitForURL((url) => url.search === '?pageSize=20&page=2');
        expect(await page.locator('.range').textContent()).toMatch(/^Showing 21–40 of 45/);
        expect((await resultNames(page))[0]).toBe('Generated Supporter 21');

        await nav.getByRole('link', { name: 'Page 3 of 3' }).click();
        await page.waitForURL((url) => url.search === '?pageSize=20&page=3');
        expect(await resultNames(page)).toEqual(['Generated Supporter 41', 'Generated Supporter 42', 'Generated Supporter 43', 'Generated Supporter 44', 'Generated Supporter 45']);
        expect(await nav.getByRole('link', { name: 'Next page' }).count()).toBe(0);
        expect(await nav.getByRole('link', { name: 'Previous page' }).getAttribute('href')).toBe('/en/supporters?pageSize=20&page=2');

        await page.locator('#sort').selectOption('-name');
        await queryIs(page, '?sort=-name&pageSize=20');
        await page.waitForFunction(() => document.querySelector('.range')?.textContent?.startsWith('Showing 1–20 of 45'));
        expect((await resultNames(page))[0]).toBe('Generated Supporter 45');
      });
    });
  });

  describe('language switch', () => {
    it('"Français" on /en/supporters?category=state opens /fr/supporters?category=state in French with the same results', async () => {
      const page = await open('/en/supporters?category=state');
      const english = await resultNames(page);
      await page.getByRole('link', { name: 'Français' }).click();
      await page.waitForURL(`${base}/fr/supporters?category=state`);
      expect(await page.locator('html').getAttribute('lang')).toBe('fr');
      expect(await page.locator('h1').textContent()).toBe('Les soutiens');
      expect(await page.locator('label[for="category-state"]').textContent()).toBe('État (2)');
      expect(await page.locator('#category-state').isChecked()).toBe(true);
      expect(await page.locator('#results-title').textContent()).toBe('2 soutiens');
      expect(await resultNames(page)).toEqual(english);
    });

    it('after filters change in place, the language switch carries the new filters', async () => {
      const page = await open('/en/supporters');
      await page.locator('#category-state').check();
      await queryIs(page, '?category=state');
      expect(await page.locator('link[rel="alternate"][hreflang="fr"]').getAttribute('href')).toBe('/fr/supporters?category=state');
      await page.getByRole('link', { name: 'Français' }).click();
      await page.waitForURL(`${base}/fr/supporters?category=state`);
      expect(await page.locator('#results-title').textContent()).toBe('2 soutiens');
    });
  });

  describe('supporter pages', () => {
    it('a result opens its supporter page, with the statement rendered, JSON-LD for an Organization, and the statement’s script never run', async () => {
      const page = await open('/en/supporters');
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await page.getByRole('link', { name: 'Acme Cyber Widgets' }).click();
      await page.waitForURL(`${base}/en/supporters/${acme}`);
      expect(await page.locator('h1').textContent()).toBe('Acme Cyber Widgets');

      const statement = page.locator('.statement');
      expect((await statement.textContent())?.trim()).toBe('We join because shared norms make everyone safer.');
      expect(await statement.getByRole('link', { name: 'shared norms' }).getAttribute('href')).toBe('https://norms.example/');
      expect(await statement.locator('strong').textContent()).toBe('everyone');

      const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '');
      expect(jsonLd).toMatchObject({
        '@context': 'https://schema.org',
        '@type': 'Organization',
        name: 'Acme Cyber Widgets',
        url: 'https://acme-widgets.example/',
        address: { '@type': 'PostalAddress', addressCountry: 'USA' },
      });

      // The statement's <script> is dropped by the sanitizer: only the JSON-LD data block is left, and nothing ran.
      const scripts = await page.locator('script').evaluateAll((all) => all.map((s) => (s as HTMLScriptElement).type || 'classic'));
      expect(scripts).toEqual(['application/ld+json']);
      expect(dialogs).toEqual([]);
    });

    it('an unknown supporter gives the 404 page in French', async () => {
      const page = await tabs.newPage(context);
      const response = await page.goto(`${base}/fr/supporters/nope`);
      expect(response?.status()).toBe(404);
      expect(await page.locator('html').getAttribute('lang')).toBe('fr');
      expect(await page.locator('h1').textContent()).toBe('Aucun soutien publié ne porte l’identifiant « nope »');
      expect(await page.locator('main').textContent()).toContain('Aucune page ne se trouve à cette adresse.');
      expect(await page.getByRole('link', { name: 'Retour à l’accueil' }).getAttribute('href')).toBe('/fr');
    });

    it('an invalid filter value gives a 400 page in the page’s language, naming the field', async () => {
      const page = await tabs.newPage(context);
      const response = await page.goto(`${base}/fr/supporters?year=abc`);
      expect(response?.status()).toBe(400);
      expect(await page.locator('html').getAttribute('lang')).toBe('fr');
      expect(await page.locator('h1').textContent()).toBe('La requête contient des valeurs invalides');
      expect(await page.locator('.error-list li').allTextContents()).toEqual([expect.stringMatching(/^year : /)]);

      await page.goto(`${base}/en/supporters?year=abc`);
      expect(await page.locator('h1').textContent()).toBe('The request has invalid values');
    });
  });

  it('the map page draws the world map and gives the same figures in a data table', async () => {
    const page = await open('/en/supporters/map');
    const map = page.locator('.world-map svg').first();
    expect(await map.isVisible()).toBe(true);
    expect(await map.locator('a').count()).toBeGreaterThan(0);
    await page.locator('details.data-table summary').click();
    const table = page.locator('details.data-table table');
    expect(await table.isVisible()).toBe(true);
    const france = table.locator('tbody tr', { has: page.getByRole('link', { name: 'France', exact: true }) });
    expect(await france.locator('td').first().textContent()).toBe('4');
  });

  it('the skip link is the first Tab stop and moves focus to the main content, before the search box', async () => {
    const page = await open('/en/supporters');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({ text: document.activeElement?.textContent, className: document.activeElement?.className }));
    expect(focused).toEqual({ text: 'Skip to content', className: 'skip-link' });
    // Visible while focused (it sits off-screen otherwise).
    const box = await page.locator('.skip-link').boundingBox();
    expect(box && box.x >= 0 && box.y >= 0).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
  });

  describe.each(['en', 'fr'] as const)('accessibility in %s', (locale) => {
    it.each([
      ['the supporters list', '/supporters'],
      ['the supporters list with filters', '/supporters?category=private-sector&country=FRA&year=2019'],
      ['the supporters list with no result', '/supporters?q=zzzz'],
      ['a page past the last one', '/supporters?page=2'],
      ['a supporter page', `/supporters/${acme}`],
      ['a supporter page without statement', '/supporters/european_union-public-authority-EU'],
      ['the map page, its data table open', '/supporters/map'],
      ['the 404 page', '/supporters/nope'],
      ['the 400 page', '/supporters?year=abc'],
    ])('%s has no axe violations', async (_name, path) => {
      const page = await open(`/${locale}${path}`);
      if (path === '/supporters/map') await page.locator('details.data-table summary').click();
      await expectNoAxeViolations(page);
    });
  });
});
