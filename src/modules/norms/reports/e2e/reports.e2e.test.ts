/**
 * Implementation reports in a real browser, without JavaScript of their own: two representatives edit one section in
 * two windows, the second gets the conflict screen and keeps their text; then the report is published and read. Every
 * page, at a phone's width (390 px) and in both languages, has no axe-core violation (WCAG 2.x A/AA, best practice).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureSite, serveTestApp, type ServedTestApp } from '../../../../../test/helpers/app.js';
import { browserTabs, expectNoAxeViolations, hasChromium, launchBrowser } from '../../../../../test/helpers/browser.js';
import { insertPractice, seedReport, buildContent, setUpReports, type ReportPeople } from '../reports.test-support.js';

describe.skipIf(!hasChromium)('implementation reports in a browser', () => {
  let t: ServedTestApp;
  let browser: Browser;
  let people: ReportPeople;
  const tabs = browserTabs();

  beforeAll(async () => {
    t = await serveTestApp({ site: fixtureSite });
    people = await setUpReports(t);
    const practice = await insertPractice(t.database.db, { supporterId: people.orgA.id, title: { en: 'National CERT', fr: 'CERT national' }, norms: ['13a'], principles: [6] });
    await seedReport(t.database.db, {
      supporterId: people.orgA.id,
      year: 2023,
      published: true,
      sections: [{ subject: 'norm:13a', visibility: 'public', content: buildContent({ inPlace: { en: 'A CERT answers **every** incident.' }, practiceIds: [practice] }) }],
    });
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const signedIn = (cookie: string): Promise<BrowserContext> => tabs.signedIn(browser, t.base, cookie, { viewport: { width: 390, height: 844 } });

  const submit = (page: Page, selector = 'form.form button[type="submit"]') => Promise.all([page.waitForLoadState('load'), page.locator(selector).last().click()]);

  it('en: start, a conflict between two representatives kept without loss, publish, read and compare', async () => {
    const ana = await tabs.newPage(await signedIn(people.cookies.repA1));
    const bo = await tabs.newPage(await signedIn(people.cookies.repA2));
    const base = `${t.base}/en/account/organisations/${people.orgA.id}/reports`;

    await ana.goto(`${t.base}/en/account/reports`);
    await expectNoAxeViolations(ana);
    await ana.goto(`${base}/new`);
    await expectNoAxeViolations(ana);
    await ana.fill('#year', '1990');
    await submit(ana);
    await expect(ana.locator('#year-error').textContent()).resolves.toContain('Give a year from 2015');
    await expectNoAxeViolations(ana);
    await ana.fill('#year', '2024');
    await submit(ana);
    expect(ana.url()).toBe(`${base}/2024?done=started`);
    await expectNoAxeViolations(ana);

    const section = `${base}/2024/sections/norm-13a`;
    await ana.goto(section);
    await bo.goto(section);
    await expectNoAxeViolations(ana);
    await ana.fill('#inPlace-en', 'A CERT answers every incident, with 40 analysts.');
    await submit(ana);
    await expect(ana.locator('.notice').first().textContent()).resolves.toContain('The section is saved.');
    await bo.fill('#inPlace-en', 'A CERT answers every incident, with 45 analysts.');
    await bo.fill('#lessons-en', 'Exercises every quarter.');
    await submit(bo);
    await expect(bo.locator('h1').textContent()).resolves.toBe('Someone saved this section while you were editing it');
    await expect(bo.locator('#lessons-en').inputValue()).resolves.toBe('Exercises every quarter.');
    await expectNoAxeViolations(bo);
    await submit(bo);
    await expect(bo.locator('.notice').first().textContent()).resolves.toContain('The section is saved.');
    await expect(bo.locator('#inPlace-en').inputValue()).resolves.toBe('A CERT answers every incident, with 45 analysts.');

    await ana.goto(`${base}/2024`);
    await ana.check('#confirm');
    await submit(ana, 'form[action$="/publish"] button[type="submit"]');
    await expect(ana.locator('.notice').first().textContent()).resolves.toContain('The report is published.');

    const visitor = await tabs.newPage(await tabs.context(browser, { viewport: { width: 390, height: 844 } }));
    for (const path of [`/reports/${people.orgA.slug}/2024`, `/reports/${people.orgA.slug}/2024/compare`, '/reports']) {
      expect((await visitor.goto(`${t.base}/en${path}`))?.status(), path).toBe(200);
      await expectNoAxeViolations(visitor);
      // Nothing wider than the phone's screen: no sideways scrolling.
      expect(await visitor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    }
    await expect(visitor.locator('ins').count()).resolves.toBe(0);
    await visitor.goto(`${t.base}/en/reports/${people.orgA.slug}/2024/compare`);
    await expect(visitor.locator('ins').first().textContent()).resolves.toContain('45 analysts');
  }, 120_000);

  it('fr: the account’s pages and the public report have no violation', async () => {
    const ana = await tabs.newPage(await signedIn(people.cookies.repA1));
    const base = `/fr/account/organisations/${people.orgA.id}/reports`;
    for (const path of ['/fr/account/reports', `${base}/new`, `${base}/2024`, `${base}/2024/sections/norm-13a`, `/fr/reports/${people.orgA.slug}/2024`, `/fr/reports/${people.orgA.slug}/2024/compare`]) {
      expect((await ana.goto(`${t.base}${path}`))?.status(), path).toBe(200);
      await expectNoAxeViolations(ana);
    }
  }, 120_000);
});
