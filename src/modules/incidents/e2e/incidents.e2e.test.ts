/**
 * An incident in a real browser, in both languages: a designated contact fills the form (no JavaScript needed), lands
 * on the incident's page with every frame's result and the NIS2 clocks, and marks the early warning sent; the public
 * frames page. axe-core finds no violation on any of them.
 */
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureSite, serveTestApp, type ServedTestApp } from '../../../../test/helpers/app.js';
import { signInAs } from '../../../../test/helpers/auth.js';
import { browserTabs, expectNoAxeViolations, hasChromium, launchBrowser } from '../../../../test/helpers/browser.js';
import { systemActor } from '../../../app/authz/actor.js';
import { grantRole } from '../../../app/authz/grants.js';
import { supporters } from '../../supporters/supporters.tables.js';
import { crosswalkEntrySchema } from '../incidents.crosswalk.js';
import { importCrosswalk } from '../incidents.crosswalk-usecases.js';
import { shippedCrosswalk } from '../incidents.test-support.js';

describe.skipIf(!hasChromium)('an incident in a browser', () => {
  let t: ServedTestApp;
  let browser: Browser;
  let cookie = '';
  const tabs = browserTabs();

  beforeAll(async () => {
    t = await serveTestApp({ site: fixtureSite });
    const db = t.database.db;
    const [org] = await db.select().from(supporters).where(eq(supporters.status, 'published')).limit(1);
    const x = shippedCrosswalk();
    await db.transaction((tx) => importCrosswalk({ db: tx, entries: [...x.levels, ...x.rootCauses].map((e) => crosswalkEntrySchema.parse(e)), actor: systemActor('test:setup') }));
    const signed = await signInAs(t, { email: 'duty@incidents-e2e.example', name: 'Duty Officer' });
    await grantRole(db, 'test:setup', { userId: signed.userId, role: 'contact', scopeId: org!.id });
    cookie = signed.cookie;
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  for (const locale of ['en', 'fr'] as const) {
    it(`${locale}: a contact records and classifies an incident, then marks the early warning sent`, async () => {
      const page = await tabs.newPage(await tabs.signedIn(browser, t.base, cookie));
      expect((await page.goto(`${t.base}/${locale}/cooperation/incidents/new`))?.status()).toBe(200);
      await expectNoAxeViolations(page);
      await page.selectOption('#supporterId', { index: 1 });
      await page.fill('#title', `Browser incident ${locale}`);
      await page.fill('#description', 'Servers encrypted.');
      await page.selectOption('#tlp', 'GREEN');
      for (const [id, date] of [['#detectedDate', '2026-03-28'], ['#awareDate', '2026-03-28']]) await page.fill(id!, date!);
      await page.fill('#detectedTime', '10:30');
      await page.fill('#awareTime', '12:00');
      for (const [id, value] of [['#victim', 'medium'], ['#effect', 'serious-impact'], ['#functionalImpact', 'denial-critical'], ['#observedActivity', 'effect'], ['#location', 'l6'], ['#actor', 'apt'], ['#recoverability', 'extended'], ['#potentialImpact', 'severe'], ['#rsitType', 'availability:ddos'], ['#rootCause', 'malicious-actions']] as const) await page.selectOption(id, value);
      await page.check('#informationImpact-7');
      await page.check('#crossSectorDependency-9');
      await Promise.all([page.waitForURL(/\/cooperation\/incidents\/inc_[\w-]+\?done=recorded$/), page.click('form button[type=submit]')]);
      const body = (await page.locator('main').textContent()) ?? '';
      expect(body).toContain(locale === 'en' ? 'This incident is marked TLP:GREEN.' : 'Cet incident est marqué TLP:GREEN.');
      expect(body).toContain('91.76 / 100');
      expect(body).toContain('rsit:availability="ddos"');
      expect(body).toContain('(Europe/Paris, UTC+02:00) · 2026-03-29 11:00 UTC');
      await expectNoAxeViolations(page);
      await Promise.all([page.waitForURL(/\?done=marked$/), page.locator('form[action$="/sent"] button').first().click()]);
      expect(await page.locator('p.notice').first().textContent()).toBe(locale === 'en' ? 'The report is marked as sent.' : 'La notification est marquée comme envoyée.');
      await expectNoAxeViolations(page);
      expect((await page.goto(`${t.base}/${locale}/incident-frames`))?.status()).toBe(200);
      await expectNoAxeViolations(page);
    }, 120_000);
  }
});
