/**
 * A consultation from start to end in a real browser, in each language, without JavaScript of our own: a co-chair
 * creates and opens it, someone comments anonymously on a paragraph, the deadline passes (moved into the past by the
 * test), the co-chair gives the disposition and publishes the synthesis, whose revised paragraph links back to the
 * input and its disposition. axe-core finds no WCAG 2.x A/AA (or best-practice) violation on any page on the way.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureSite, serveTestApp, type ServedTestApp } from '../../../../test/helpers/app.js';
import { browserTabs, expectNoAxeViolations, hasChromium, launchBrowser } from '../../../../test/helpers/browser.js';
import { moveDeadlineIntoPast, setUpConsultations, type ConsultationPeople } from '../consultations.test-support.js';

describe.skipIf(!hasChromium)('a consultation in a browser', () => {
  let t: ServedTestApp;
  let browser: Browser;
  let people: ConsultationPeople;
  const tabs = browserTabs();

  beforeAll(async () => {
    t = await serveTestApp({ site: fixtureSite });
    people = await setUpConsultations(t);
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const submit = async (page: Page, selector: string) => {
    await Promise.all([page.waitForNavigation(), page.click(selector)]);
  };

  for (const locale of ['en', 'fr'] as const) {
    it(`${locale}: open consultation → comment → deadline → disposition → synthesis`, async () => {
      const chair = await tabs.newPage(await tabs.signedIn(browser, t.base, people.cookies.coChair));
      await chair.setViewportSize({ width: 390, height: 844 });
      expect((await chair.goto(`${t.base}/${locale}/groups/${people.group.slug}/consultations/new`))?.status()).toBe(200);
      await expectNoAxeViolations(chair);
      await chair.fill('#titleEn', `Agendas online (${locale})`);
      await chair.fill('#titleFr', `Ordres du jour en ligne (${locale})`);
      await chair.check('#audience-public');
      await chair.fill('#text', 'Agendas are shared two weeks ahead.\n\nDocuments are shared one week ahead.');
      await chair.fill('#closesAt', '2098-06-30T12:00');
      await chair.fill('#timeZone', 'Asia/Tokyo');
      await submit(chair, 'form.form button[type="submit"]');
      const consultationUrl = chair.url().replace(/\?.*$/, '');
      expect(consultationUrl).toMatch(new RegExp(`/${locale}/consultations/cns_`));
      await expectNoAxeViolations(chair);
      await submit(chair, `form[action$="/open"] button`);
      await expect(chair.locator('.notice').count()).resolves.toBe(1);
      await expect(chair.locator('.deadline').textContent()).resolves.toContain('Asia/Tokyo, UTC+09:00');

      const person = await tabs.newPage(await tabs.signedIn(browser, t.base, people.cookies.person));
      await person.goto(consultationUrl);
      await expectNoAxeViolations(person);
      await person.click('#p-1 summary');
      await person.fill('#body-p1', 'Three weeks would let delegations prepare.');
      await person.check('#publication-p1-anonymous');
      await submit(person, '#comment-p1 button[type="submit"]');
      await expect(person.locator('#input-1').textContent()).resolves.toContain('Three weeks would let delegations prepare.');
      await expectNoAxeViolations(person);

      const id = /consultations\/(cns_[^/?#]+)/.exec(consultationUrl)![1]!;
      await moveDeadlineIntoPast(t.database.db, id);

      await chair.goto(`${consultationUrl}/dispositions`);
      await expectNoAxeViolations(chair);
      const inputForm = chair.locator('form[action*="/disposition"]').first();
      await inputForm.locator('input[value="partly"]').check();
      await Promise.all([chair.waitForNavigation(), inputForm.locator('button').click()]);
      // Without a reason: shown again beside the field.
      await expect(chair.locator('.field-error').count()).resolves.toBe(1);
      await expectNoAxeViolations(chair);
      const again = chair.locator('form[action*="/disposition"]').first();
      await again.locator('textarea').fill('Three weeks for the agenda, one for documents.');
      await Promise.all([chair.waitForNavigation(), again.locator('button').click()]);
      await chair.fill('#synthesisEn', 'Participants asked for more time to prepare.');
      await chair.fill('#synthesisFr', 'Les participants ont demandé plus de temps pour se préparer.');
      await chair.fill('#revised', 'Agendas are shared three weeks ahead.\n\nDocuments are shared one week ahead.');
      await chair.fill('#changes', '1: 1');
      await submit(chair, 'form[action$="/synthesis"] button');
      expect(chair.url()).toContain(`/${locale}/consultations/${id}/synthesis`);
      await expectNoAxeViolations(chair);
      await chair.click('#r-1 a[href="#disposition-1"]');
      await expect(chair.locator('#disposition-1').textContent()).resolves.toContain('Three weeks for the agenda');
      await expect(chair.locator('#disposition-1 a').first().getAttribute('href')).resolves.toBe(`/${locale}/consultations/${id}#input-1`);

      const visitor = await tabs.newPage(await tabs.context(browser));
      await visitor.goto(`${t.base}/${locale}/consultations?phase=concluded`);
      await expectNoAxeViolations(visitor);
      await expect(visitor.locator(`a[href="/${locale}/consultations/${id}"]`).count()).resolves.toBe(1);
    }, 180_000);
  }
});
