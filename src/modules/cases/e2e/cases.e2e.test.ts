/**
 * A coordination case in a real browser, in both languages, from opening to the published advisory: the coordinator
 * opens it and invites a second organisation, whose contact gets the invitation through the real SMTP server and
 * follows its link; the embargo is set in a time zone and acknowledged by both; the second organisation answers and
 * submits its statement, the coordinator approves it and publishes; a visitor reads the advisory and its CSAF. axe-core
 * finds no violation on any page; the case page stays within a 390-pixel phone screen (the matrix scrolls in its region).
 */
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixtureSite, type TestApp } from '../../../../test/helpers/app.js';
import { browserTabs, expectNoAxeViolations, hasChromium, launchBrowser } from '../../../../test/helpers/browser.js';
import { startSmtpServer, type TestSmtpServer } from '../../../../test/helpers/smtp.js';
import { supporters } from '../../supporters/supporters.tables.js';
import { validateCsaf } from '../cases.csaf.js';
import { contactPerson, csafValidatorReady, csafWorkerStartMs, type CasePerson } from '../cases.test-support.js';

// Ports of this helper's range (4460–4469): the application and its SMTP server.
const appPort = 4461;
const smtpPort = 4462;

describe.skipIf(!hasChromium)('a coordination case in a browser', () => {
  let t: TestApp;
  let base: string;
  let smtp: TestSmtpServer;
  let browser: Browser;
  let a: CasePerson;
  let b: CasePerson;
  let slugB = '';
  const tabs = browserTabs();

  beforeAll(async () => {
    smtp = await startSmtpServer({ port: smtpPort });
    base = `http://127.0.0.1:${appPort}`;
    t = await createTestApp({ site: fixtureSite, config: { publicUrl: base, smtpUrl: smtp.url } });
    await t.app.listen({ port: appPort, host: '127.0.0.1' });
    a = await contactPerson(t, 'psirt@browser-a.example', 0);
    b = await contactPerson(t, 'cert@browser-b.example', 1, 'Asia/Tokyo');
    slugB = (await t.database.db.select({ slug: supporters.slug }).from(supporters).where(eq(supporters.id, b.supporterId)))[0]!.slug;
    browser = await launchBrowser();
  }, 120_000);
  // Publication validates its advisory.
  beforeAll(csafValidatorReady, csafWorkerStartMs);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await smtp?.close();
  });

  const submit = async (page: Page, selector: string) => {
    await Promise.all([page.waitForNavigation(), page.click(selector)]);
  };

  for (const locale of ['en', 'fr'] as const) {
    it(`${locale}: opening → invitation by e-mail → embargo → answers and statement → approval → published advisory`, async () => {
      const title = `Heap overflow in Widget (${locale})`;
      const coordinator = await tabs.newPage(await tabs.signedIn(browser, base, a.cookie));
      expect((await coordinator.goto(`${base}/${locale}/cooperation/cases/new`))?.status()).toBe(200);
      await expectNoAxeViolations(coordinator);
      await coordinator.fill('#title', title);
      await coordinator.fill('#summary', 'A crafted packet overflows a heap buffer.');
      await coordinator.selectOption('#language', locale);
      await coordinator.fill('#vulnTitle', 'Heap-based buffer overflow');
      await coordinator.fill('#cwe', 'CWE-122');
      await coordinator.fill('#cvss31', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H');
      await coordinator.fill('#products', 'Widget 4.2');
      await submit(coordinator, 'form button[type="submit"]');
      expect(coordinator.url()).toContain('?done=opened');
      await expectNoAxeViolations(coordinator);
      const casePath = new URL(coordinator.url()).pathname;

      await coordinator.fill('#organisation', slugB);
      await coordinator.fill('#products', 'Gadget 2');
      await submit(coordinator, `form[action="${casePath}/participants"] button`);
      await coordinator.fill('#embargoAt', '2099-06-15T12:00');
      await coordinator.fill('#timeZone', 'Europe/Paris');
      await submit(coordinator, `form[action="${casePath}/embargo"] button`);
      await t.app.context.jobs.worker.drain();
      const invitation = await smtp.waitForMessage((m) => JSON.stringify(m.to).includes(b.email) && (m.text ?? '').includes(casePath.split('/').at(-1)!));
      expect(invitation.text).not.toContain(title);
      const link = /https?:\/\/\S+\/cooperation\/cases\/cas_[\w-]+/.exec(invitation.text ?? '')![0];

      const participant = await tabs.newPage(await tabs.signedIn(browser, base, b.cookie));
      await participant.setViewportSize({ width: 390, height: 844 });
      expect((await participant.goto(`${base}/${locale}/cooperation/cases/${link.split('/').at(-1)}`))?.status()).toBe(200);
      await expect(participant.locator('p.embargo').textContent()).resolves.toContain('Asia/Tokyo');
      const wide = await participant.evaluate(() =>
        [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > 391 && !e.closest('.table-scroll')).map((e) => `${e.tagName}.${e.className}: ${(e.textContent ?? '').slice(0, 40)}`),
      );
      expect(wide).toEqual([]);
      await expectNoAxeViolations(participant);
      await participant.selectOption('select[name^="state-"]', 'affected');
      await submit(participant, `form[action="${casePath}/answers"] button`);
      await submit(participant, `form[action="${casePath}/acknowledge"] button`);
      await participant.fill('#statement', 'Gadget 2 is affected; fixed in 2.1.');
      await submit(participant, `form[action="${casePath}/statement"] button[value="yes"]`);
      await expectNoAxeViolations(participant);

      await coordinator.goto(`${base}${casePath}`);
      await submit(coordinator, `form[action="${casePath}/acknowledge"] button`);
      await submit(coordinator, `form[action*="/statements/"] button[value="approve"]`);
      await submit(coordinator, `form[action="${casePath}/publish"] button`);
      expect(coordinator.url()).toContain('?done=published');
      await expectNoAxeViolations(coordinator);

      const visitor = await tabs.newPage(await tabs.context(browser));
      expect((await visitor.goto(`${base}/${locale}/advisories`))?.status()).toBe(200);
      await expectNoAxeViolations(visitor);
      await submit(visitor, `a:text("${title}")`);
      await expect(visitor.locator('main').textContent()).resolves.toContain('fixed in 2.1');
      await expectNoAxeViolations(visitor);
      const csaf = await visitor.request.get(`${base}${await visitor.locator('a[href$="/csaf.json"]').getAttribute('href')}`);
      expect(await validateCsaf(await csaf.json())).toEqual([]);
    }, 180_000);
  }
});
