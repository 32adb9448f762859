/**
 * A request for assistance in a real browser, in both languages: organisation A's contact fills the form under
 * TLP:AMBER (the definitions and "who will be able to read this" on it), organisation B's contact follows the link in
 * the e-mail (through the real SMTP server), acknowledges and answers; the sender sees the answer in the outcome log.
 * axe-core finds no violation on any page, also at 390 px.
 */
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixtureSite, type TestApp } from '../../../../test/helpers/app.js';
import { browserTabs, expectNoAxeViolations, hasChromium, launchBrowser } from '../../../../test/helpers/browser.js';
import { startSmtpServer, type TestSmtpServer } from '../../../../test/helpers/smtp.js';
import { users } from '../../../app/auth/auth.tables.js';
import { seedPeople, type People } from '../requests.people.test-support.js';

// This helper's assigned ports (4430–4439).
const port = 4430;
const base = `http://127.0.0.1:${port}`;

describe.skipIf(!hasChromium)('a request for assistance in a browser', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let browser: Browser;
  let people: People;
  const tabs = browserTabs();

  beforeAll(async () => {
    smtp = await startSmtpServer({ port: 4432 });
    t = await createTestApp({ site: fixtureSite, config: { smtpUrl: smtp.url, publicUrl: base } });
    await t.app.listen({ port, host: '127.0.0.1' });
    people = await seedPeople(t, 'e2e');
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await smtp?.close();
  });

  for (const locale of ['en', 'fr'] as const) {
    it(`${locale}: sent under TLP:AMBER by A's contact, answered by B's contact from the e-mail`, async () => {
      await t.database.db.update(users).set({ locale }).where(eq(users.id, people.userIds.recipient!));
      const subject = `Browser request ${locale}`;
      const sender = await tabs.newPage(await tabs.signedIn(browser, base, people.cookies.sender, { viewport: { width: 390, height: 844 } }));
      expect((await sender.goto(`${base}/${locale}/cooperation/requests/new`))?.status()).toBe(200);
      await expect(sender.locator('.tlp-definitions').textContent()).resolves.toContain('For the eyes and ears of individual recipients only');
      await expectNoAxeViolations(sender);
      await sender.selectOption('#kind', 'assistance');
      await sender.selectOption('#recipientSupporterId', people.orgB);
      await sender.selectOption('#urgency', 'critical');
      await sender.selectOption('#sector', 'health');
      await sender.fill('#requestedAction', 'Take the phishing site down');
      await sender.fill('#subject', subject);
      await sender.fill('#body', 'The site at 203.0.113.9 imitates a hospital portal.');
      await sender.check('#tlp-AMBER');
      await Promise.all([sender.waitForURL(/\/cooperation\/requests\/req_[^?]+\?done=sent$/), sender.click('form button[type="submit"]')]);
      await expect(sender.locator('p.tlp-header').textContent()).resolves.toBe('TLP:AMBER');
      await expectNoAxeViolations(sender);

      await t.app.context.jobs.worker.drain();
      const mail = await smtp.waitForMessage((m) => JSON.stringify(m.to).includes(people.emails.recipient!) && (m.text ?? '').includes(`/${locale}/cooperation/requests/`));
      expect(mail.subject).toMatch(/^\[TLP:AMBER\] /);
      expect(mail.text).not.toContain('203.0.113.9');
      const link = new RegExp(`${base.replace(/[.:/]/g, '\\$&')}(/${locale}/cooperation/requests/req_[A-Za-z0-9_-]+)`).exec(mail.text ?? '')![1]!;

      const recipient = await tabs.newPage(await tabs.signedIn(browser, base, people.cookies.recipient));
      expect((await recipient.goto(`${base}${link}`))?.status()).toBe(200);
      await expect(recipient.locator('.request-body').textContent()).resolves.toContain('203.0.113.9');
      await expectNoAxeViolations(recipient);
      await Promise.all([recipient.waitForURL(/done=acknowledged$/), recipient.click(`form[action$="/acknowledge"] button`)]);
      await recipient.fill('#body', locale === 'en' ? 'Taken down at 10:05.' : 'Retiré à 10 h 05.');
      await Promise.all([recipient.waitForURL(/done=replied$/), recipient.click(`form[action$="/reply"] button`)]);
      await expectNoAxeViolations(recipient);

      await sender.goto(`${base}${link}`);
      await expect(sender.locator('ol.outcome-log').textContent()).resolves.toContain(locale === 'en' ? 'Taken down at 10:05.' : 'Retiré à 10 h 05.');
      await expect(sender.locator('dl.facts').textContent()).resolves.toContain(locale === 'en' ? 'Answered' : 'Répondue');
      await expectNoAxeViolations(sender);
    }, 120_000);
  }
});
