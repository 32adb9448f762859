/**
 * Points of contact in a real browser, in each language: a representative nominates a contact with the form, the
 * nominee opens the e-mailed link (through the in-process SMTP server) and accepts, and the cooperation directory
 * shows them with their hours in their time zone. axe-core finds no violation on the pages passed through. The app
 * and the SMTP server listen on this helper's ports (4410–4419).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixtureSite, type TestApp } from '../../../../test/helpers/app.js';
import { browserTabs, expectNoAxeViolations, hasChromium, launchBrowser } from '../../../../test/helpers/browser.js';
import { startSmtpServer, type TestSmtpServer } from '../../../../test/helpers/smtp.js';
import { linkFrom } from '../../applications/applications.test-support.js';
import { organisationWithRepresentative } from '../contacts.test-support.js';

const port = 4411;
const base = `http://127.0.0.1:${port}`;

describe.skipIf(!hasChromium)('points of contact in a browser', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let browser: Browser;
  const tabs = browserTabs();

  beforeAll(async () => {
    smtp = await startSmtpServer({ port: 4412 });
    t = await createTestApp({ site: fixtureSite, config: { publicUrl: base, smtpUrl: smtp.url } });
    await t.app.listen({ port, host: '127.0.0.1' });
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await smtp?.close();
  });

  for (const locale of ['en', 'fr'] as const) {
    it(`${locale}: nominate → accept by the e-mailed link → the directory shows the contact`, async () => {
      const { organisation, rep } = await organisationWithRepresentative(t, locale === 'en' ? 10 : 11);
      const name = locale === 'en' ? 'Ines Browserly' : 'Jules Navigateur';
      const email = `${locale}-browser-nominee@cert.example`;

      const repPage = await tabs.newPage(await tabs.signedIn(browser, base, rep.cookie));
      expect((await repPage.goto(`${base}/${locale}/account/organisations/${organisation.id}/contacts/new`))?.status()).toBe(200);
      await expectNoAxeViolations(repPage);
      await repPage.selectOption('#role', 'diplomatic');
      await repPage.fill('#name', name);
      await repPage.fill('#email', email);
      await repPage.selectOption('#mailLocale', locale);
      await repPage.selectOption('#channel-0-kind', 'phone');
      await repPage.fill('#channel-0-value', '+33 1 23 45 67 89');
      await repPage.check('#channel-0-24x7');
      await repPage.fill('#timeZone', 'America/New_York');
      await repPage.fill('#languages', `${locale}, es`);
      await Promise.all([repPage.waitForURL(/done=nominated/), repPage.click('form.form button[type="submit"]')]);
      await expectNoAxeViolations(repPage);
      expect(await repPage.textContent('main')).toContain(name);

      await t.app.context.jobs.worker.drain();
      const mail = await smtp.waitForMessage((m) => JSON.stringify(m.to ?? '').includes(email));
      const link = linkFrom(mail, '/cooperation/accept');
      expect(link.startsWith(`/${locale}/`)).toBe(true);

      const nominee = await tabs.newPage(await tabs.context(browser));
      expect((await nominee.goto(`${base}${link}`))?.status()).toBe(200);
      await expectNoAxeViolations(nominee);
      await nominee.click('form button[type="submit"]');
      await nominee.waitForSelector('a[href*="/cooperation/contacts/poc_"]');
      await expectNoAxeViolations(nominee);

      await nominee.goto(`${base}/${locale}/cooperation/contacts?q=${encodeURIComponent(name.split(' ')[1]!)}`);
      await expectNoAxeViolations(nominee);
      const listed = await nominee.textContent('ul.directory');
      expect(listed).toContain(name);
      expect(listed).toMatch(/America\/New_York \(UTC-0[45]:00\)/);
      await nominee.click(`ul.directory a`);
      await expectNoAxeViolations(nominee);
      expect(await nominee.textContent('main')).toContain('+33 1 23 45 67 89');
    }, 120_000);
  }
});
