/**
 * Proof of life in a real browser, in both languages: the secretariat runs a ping exercise from the form, the contact
 * opens the e-mailed link (received by the in-process SMTP server), is asked before anything changes and acknowledges,
 * and the exercise's statistics show it. axe-core finds no WCAG 2.x A/AA (or best-practice) violation on any page.
 * The server and the SMTP server listen on ports of this module's range (4420–4429).
 */
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixtureSite, type TestApp } from '../../../../test/helpers/app.js';
import { signInAs } from '../../../../test/helpers/auth.js';
import { browserTabs, expectNoAxeViolations, hasChromium, launchBrowser } from '../../../../test/helpers/browser.js';
import { startSmtpServer, type TestSmtpServer } from '../../../../test/helpers/smtp.js';
import { contacts } from '../../contacts/contacts.tables.js';
import { seedContact } from '../../contacts/contacts.test-support.js';
import { someSupporters } from '../pings.test-support.js';

const port = 4420;
const base = `http://127.0.0.1:${port}`;

describe.skipIf(!hasChromium)('a ping exercise in a browser', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let browser: Browser;
  let secretariatCookie: string;
  let orgs: Array<{ id: string; name: string }>;
  const tabs = browserTabs();

  beforeAll(async () => {
    smtp = await startSmtpServer({ port: 4421 });
    t = await createTestApp({ site: fixtureSite, config: { publicUrl: base, smtpUrl: smtp.url, mailFrom: 'Paris Call <no-reply@pariscall.test>' } });
    await t.app.listen({ port, host: '127.0.0.1' });
    orgs = await someSupporters(t.database.db, 2);
    secretariatCookie = (await signInAs(t, { email: 'secretariat-e2e@pariscall.test', role: 'moderator' })).cookie;
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await smtp?.close();
  });

  for (const [index, locale] of (['en', 'fr'] as const).entries()) {
    it(`${locale}: secretariat starts an exercise, the contact acknowledges from the e-mail, the statistics show it`, async () => {
      const org = orgs[index]!;
      const address = `duty-e2e-${locale}@org.example`;
      const contact = await seedContact(t.database.db, { supporterId: org.id, state: 'active', email: address, channels: [{ kind: 'email', value: address }] });
      await t.database.db.update(contacts).set({ languages: [locale] }).where(eq(contacts.id, contact.id));

      const operator = await tabs.newPage(await tabs.signedIn(browser, base, secretariatCookie));
      expect((await operator.goto(`${base}/${locale}/cooperation/pings/new`))?.status()).toBe(200);
      await expectNoAxeViolations(operator);
      await operator.check(`input[name="organisations"][value="${org.id}"]`);
      await operator.selectOption('#window', '60');
      await operator.fill('#timeZone', 'Europe/Paris');
      await Promise.all([operator.waitForURL(/\/cooperation\/pings\/exercises\/pex_[^?]+\?done=created$/), operator.click('main form button[type="submit"]')]);
      await expectNoAxeViolations(operator);
      const exerciseUrl = operator.url().replace(/\?.*$/, '');

      await t.app.context.jobs.worker.drain();
      const mail = await smtp.waitForMessage((m) => (m.to as { text: string } | undefined)?.text === address);
      const link = new RegExp(`${base}/${locale}/ping/[A-Za-z0-9_-]+`).exec(mail.text ?? '')?.[0];
      expect(link).toBeTruthy();

      // The contact, not signed in: the link asks first, the button acknowledges.
      const desk = await tabs.newPage(await tabs.context(browser));
      expect((await desk.goto(link!))?.status()).toBe(200);
      await expectNoAxeViolations(desk);
      await Promise.all([desk.waitForResponse((r) => r.request().method() === 'POST'), desk.click('main form button[type="submit"]')]);
      await expect(desk.locator('p.notice').textContent()).resolves.toContain(locale === 'en' ? 'your acknowledgement is recorded' : 'votre accusé de réception est enregistré');
      await expectNoAxeViolations(desk);

      expect((await operator.goto(exerciseUrl))?.status()).toBe(200);
      await expect(operator.locator('dl.figures').textContent()).resolves.toMatch(/100\s?%/);
      await expect(operator.locator('main').textContent()).resolves.toContain(contact.name);
      await expectNoAxeViolations(operator);
      await operator.setViewportSize({ width: 390, height: 844 });
      expect((await operator.goto(`${base}/${locale}/cooperation/pings/contacts/${contact.id}`))?.status()).toBe(200);
      await expectNoAxeViolations(operator);
      expect((await operator.goto(`${base}/${locale}/cooperation/pings`))?.status()).toBe(200);
      await expectNoAxeViolations(operator);
    }, 120_000);
  }
});
