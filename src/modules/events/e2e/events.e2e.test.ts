/**
 * An event in a real browser, in both languages: the calendar, the event page (its place and time, the "add to
 * calendar" link to its ICS), registering with the form, the page saying so; and the organiser's form sent back with
 * its errors. axe-core finds no WCAG 2.x A/AA (or best-practice) violation.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveTestApp, type ServedTestApp } from '../../../../test/helpers/app.js';
import { browserTabs, expectNoAxeViolations, hasChromium, launchBrowser } from '../../../../test/helpers/browser.js';
import { buildEventInput, setUpEventPeople, type EventPeople } from '../events.test-support.js';
import { createEvent } from '../events.usecases.js';

describe.skipIf(!hasChromium)('an event in a browser', () => {
  let t: ServedTestApp;
  let browser: Browser;
  let people: EventPeople;
  const ids: Record<'en' | 'fr', string> = { en: '', fr: '' };
  const tabs = browserTabs();

  beforeAll(async () => {
    t = await serveTestApp();
    people = await setUpEventPeople(t);
    for (const locale of ['en', 'fr'] as const) {
      ids[locale] = (await createEvent({ db: t.database.db, actor: people.actors.coChair, groupId: people.group.id, event: buildEventInput({ capacity: '5' }) })).event.id;
    }
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  for (const locale of ['en', 'fr'] as const) {
    it(`${locale}: a person finds the event on the calendar, sees the place, registers and has the calendar link`, async () => {
      const page = await tabs.newPage(await tabs.signedIn(browser, t.base, people.cookies.alice));
      expect((await page.goto(`${t.base}/${locale}/calendar`))?.status()).toBe(200);
      await expectNoAxeViolations(page);
      await Promise.all([page.waitForURL(`${t.base}/${locale}/events/${ids[locale]}`), page.click(`a[href="/${locale}/events/${ids[locale]}"]`)]);
      await expect(page.locator('dl.facts').textContent()).resolves.toContain('1 quai d’Orsay, Paris, France');
      await expect(page.locator('dl.facts').textContent()).resolves.toContain('(Europe/Paris, UTC+01:00)');
      await expectNoAxeViolations(page);
      await Promise.all([page.waitForURL(`${t.base}/${locale}/events/${ids[locale]}?done=registered`), page.click('#registration ~ form button, section[aria-labelledby="registration"] button')]);
      await expect(page.locator('p.notice').first().textContent()).resolves.toBe(locale === 'en' ? 'You are registered.' : 'Vous êtes inscrit ou inscrite.');
      await expectNoAxeViolations(page);
      const link = page.locator(`a[href="/${locale}/events/${ids[locale]}/calendar.ics"]`);
      await expect(link.textContent()).resolves.toBe(locale === 'en' ? 'Add to calendar' : 'Ajouter à mon agenda');
      const ics = await page.request.get(`${t.base}/${locale}/events/${ids[locale]}/calendar.ics`);
      expect(ics.headers()['content-type']).toBe('text/calendar; charset=utf-8');
      expect(await ics.text()).toContain(`UID:${ids[locale]}@pariscall.international`);
    }, 120_000);

    it(`${locale}: the organiser's form, and the form sent back with its errors, have no violation`, async () => {
      const page = await tabs.newPage(await tabs.signedIn(browser, t.base, people.cookies.coChair));
      const form = `${t.base}/${locale}/groups/${people.group.slug}/events/new`;
      expect((await page.goto(form))?.status()).toBe(200);
      await expectNoAxeViolations(page);
      await page.fill('#titleEn', 'Browser meeting');
      await page.fill('#startDate', '2031-02-03');
      await page.fill('#startTime', '10:00');
      await page.fill('#timeZone', 'Nowhere/City');
      await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.click('form.form button[type="submit"]')]);
      await expect(page.locator('#timeZone-error').count()).resolves.toBe(1);
      await expectNoAxeViolations(page);
      expect((await page.goto(`${t.base}/${locale}/groups/${people.group.slug}/events/${ids[locale]}/edit`))?.status()).toBe(200);
      await expectNoAxeViolations(page);
    }, 120_000);
  }
});
