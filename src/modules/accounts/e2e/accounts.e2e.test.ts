/**
 * Accounts in a real browser: sign in by e-mail link (mail read from a real SMTP server), enrol a passkey with
 * Chromium's virtual authenticator through the bundled script, sign in with it; axe-core on every page, both languages.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveTestApp, type ServedTestApp } from '../../../../test/helpers/app.js';
import { browserTabs, expectNoAxeViolations, hasChromium, launchBrowser } from '../../../../test/helpers/browser.js';
import { startSmtpServer, type TestSmtpServer } from '../../../../test/helpers/smtp.js';
import { findOrCreateUserByEmail } from '../../../app/auth/users.js';

describe.skipIf(!hasChromium)('accounts in a browser', () => {
  let t: ServedTestApp;
  let smtp: TestSmtpServer;
  let browser: Browser;
  let context: BrowserContext;
  let base = '';
  const tabs = browserTabs();

  beforeAll(async () => {
    smtp = await startSmtpServer();
    // The passkey's relying party is the public URL's host: the browser must use the same one.
    [t, browser] = await Promise.all([serveTestApp({ hostname: 'localhost', config: { smtpUrl: smtp.url } }), launchBrowser()]);
    base = t.base;
    await findOrCreateUserByEmail(t.database.db, 'admin@secretariat.example', 'en', { role: 'admin', actor: 'test' });
    context = await tabs.context(browser);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await t?.close();
    await smtp?.close();
  });

  async function open(path: string, status = 200): Promise<Page> {
    const page = await tabs.newPage(context);
    const response = await page.goto(base + path);
    expect(response?.status(), path).toBe(status);
    return page;
  }

  it.each(['en', 'fr'] as const)('the sign-in pages pass axe in %s', async (locale) => {
    for (const [path, status] of [[`/${locale}/sign-in`, 200], [`/${locale}/sign-in/sent`, 200], [`/${locale}/sign-in/verify?token=nope`, 410]] as const) {
      const page = await open(path, status);
      await expectNoAxeViolations(page);
    }
  });

  it('an administrator signs in by e-mail, enrols a passkey, then signs in with it', async () => {
    const page = await open('/en/sign-in');
    // Chromium's virtual authenticator stands in for the platform's passkey provider.
    const cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
    });
    await page.getByLabel('E-mail address').fill('admin@secretariat.example');
    await page.getByRole('button', { name: 'Send me a sign-in link' }).click();
    await page.waitForURL(`${base}/en/sign-in/sent`);
    await t.app.context.jobs.worker.drain();
    const mail = await smtp.waitForMessage((m) => JSON.stringify(m.to).includes('admin@secretariat.example'), 5000);
    const link = /http:\/\/\S+\/sign-in\/verify\?token=[A-Za-z0-9_-]+/.exec(mail.text ?? '')![0];
    await page.goto(link);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Sign in' }).click();

    // The secretariat on an e-mail link is sent to enrol a passkey.
    await page.waitForURL(/\/en\/account\/passkeys\?required=1/);
    expect(await page.locator('.notice').first().textContent()).toContain('needs a second factor');
    await expectNoAxeViolations(page);
    await page.getByLabel('Name for this passkey (optional)').fill('Virtual key');
    await page.getByRole('button', { name: 'Add a passkey' }).click();
    await page.waitForURL(`${base}/en/account`);
    await expectNoAxeViolations(page);
    expect(await page.locator('main').textContent()).toContain('One passkey.');

    const users = await open('/en/secretariat/users');
    await expectNoAxeViolations(users);
    const passkeys = await open('/en/account/passkeys');
    expect(await passkeys.locator('tbody').textContent()).toContain('Virtual key');
    await expectNoAxeViolations(passkeys);

    // Sign out, then in again with the passkey: straight to the back office.
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.waitForURL(`${base}/en`);
    await page.goto(`${base}/en/sign-in?next=${encodeURIComponent('/en/secretariat/users')}`);
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await page.waitForURL(`${base}/en/secretariat/users`);
    expect(await page.locator('h1').textContent()).toBe('Secretariat accounts');
  });

  it('the French account page passes axe', async () => {
    const page = await open('/fr/account');
    expect(page.url()).toBe(`${base}/fr/account`);
    await expectNoAxeViolations(page);
  });
});
