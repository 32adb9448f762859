/**
 * Joining the Paris Call in a real browser, in English and in French, against a listening server on the fixture site
 * and a real in-process SMTP server: the form (first with errors, then correctly), the confirmation e-mail and its
 * link, a moderator's approval in the back office, then the new supporter in the registry, its JSON API and CSV, and
 * the approval e-mail in the applicant's language. axe-core runs on every page of the workflow.
 */
import type { ParsedMail } from 'mailparser';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureSite, serveTestApp, type ServedTestApp } from '../../../../test/helpers/app.js';
import { signInAs } from '../../../../test/helpers/auth.js';
import { expectNoAxeViolations, hasChromium, launchBrowser } from '../../../../test/helpers/browser.js';
import { startSmtpServer, type TestSmtpServer } from '../../../../test/helpers/smtp.js';
import type { SupporterCategory } from '../../supporters/supporters.constants.js';
import { supporterMessages } from '../../supporters/supporters.messages.js';
import { minimumFillMs } from '../applications.antibot.js';
import { applicationMessages } from '../applications.messages.js';

/** True when the mail is addressed to `email`. */
const sentTo = (mail: ParsedMail, email: string) => JSON.stringify(mail.to ?? '').includes(email);

/** The anti-bot check refuses forms sent sooner than `minimumFillMs` after they were rendered: leave a margin. */
const fillDelayMs = minimumFillMs + 200;

interface Applicant {
  name: string;
  category: SupporterCategory;
  countryCode: string;
  website: string;
  executiveName: string;
  executiveEmail: string;
  statement: string;
}

const applicants: Record<'en' | 'fr', Applicant> = {
  en: {
    name: 'Harbour Light Cyber Institute',
    category: 'private-sector',
    countryCode: 'GBR',
    website: 'https://harbourlight.example',
    executiveName: 'Grace Hopper',
    executiveEmail: 'grace@harbourlight.example',
    statement: 'We join because trust in cyberspace matters.',
  },
  fr: {
    name: 'Institut Phare Numérique de Brest',
    category: 'civil-society',
    countryCode: 'FRA',
    website: 'https://pharenumerique.example',
    executiveName: 'Éloïse Martin',
    executiveEmail: 'eloise@pharenumerique.example',
    statement: 'Nous rejoignons l’Appel pour un cyberespace sûr.',
  },
};

describe.skipIf(!hasChromium)('joining the Paris Call in a browser', () => {
  let smtp: TestSmtpServer;
  let t: ServedTestApp;
  let browser: Browser;
  let base: string;
  const contexts: BrowserContext[] = [];

  /** A fresh browser profile (its own cookies), closed after the suite. */
  async function newContext(): Promise<BrowserContext> {
    const context = await browser.newContext();
    // Fail in seconds with the selector or URL that never came, not at the test timeout.
    context.setDefaultTimeout(5_000);
    contexts.push(context);
    return context;
  }

  beforeAll(async () => {
    smtp = await startSmtpServer();
    [t, browser] = await Promise.all([serveTestApp({ site: fixtureSite, config: { smtpUrl: smtp.url } }), launchBrowser()]);
    base = t.base;
  });
  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    await browser?.close();
    await t?.close();
    await smtp?.close();
  });

  describe.each(['en', 'fr'] as const)('in %s', (locale) => {
    const tr = applicationMessages(locale);
    const applicant = applicants[locale];
    let applicantPage: Page;
    let confirmationLink = '';

    beforeAll(async () => {
      applicantPage = await (await newContext()).newPage();
    });

    it('the form shows a localized error summary and keeps what was typed', async () => {
      const page = applicantPage;
      await page.goto(`${base}/${locale}/join`);
      expect(await page.locator('html').getAttribute('lang')).toBe(locale);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(tr('join.title'));
      await expectNoAxeViolations(page);

      await page.getByLabel(tr('join.field.category'), { exact: true }).selectOption(applicant.category);
      await page.getByLabel(tr('join.field.name'), { exact: true }).fill(applicant.name);
      await page.getByLabel(tr('join.field.countryCode'), { exact: true }).selectOption(applicant.countryCode);
      await page.getByLabel(tr('join.field.website'), { exact: true }).fill(applicant.website);
      await page.getByLabel(tr('join.field.executiveName'), { exact: true }).fill(applicant.executiveName);
      await page.getByLabel(tr('join.field.executiveEmail'), { exact: true }).fill('not-an-email');
      await page.getByLabel(tr('join.field.statement'), { exact: true }).fill(applicant.statement);
      // The Call is not accepted; the privacy notice is.
      await page.getByLabel(tr('join.field.acceptPrivacy'), { exact: true }).check();
      await page.getByRole('button', { name: tr('join.submit') }).click();

      const summary = page.getByRole('alert');
      await summary.waitFor();
      expect(await summary.getByRole('heading').textContent()).toBe(tr('join.errors.title'));
      expect(await summary.getByRole('link').allTextContents()).toEqual(
        expect.arrayContaining([
          `${tr('join.field.executiveEmail')}: ${tr('error.executiveEmail.invalid')}`,
          `${tr('join.field.acceptCall')}: ${tr('error.acceptCall.required')}`,
        ]),
      );
      expect(await summary.getByRole('link').count()).toBe(2);

      const email = page.getByLabel(tr('join.field.executiveEmail'), { exact: true });
      expect(await email.getAttribute('aria-invalid')).toBe('true');
      expect(await email.inputValue()).toBe('not-an-email');
      expect(await page.getByLabel(tr('join.field.name'), { exact: true }).inputValue()).toBe(applicant.name);
      expect(await page.getByLabel(tr('join.field.category'), { exact: true }).inputValue()).toBe(applicant.category);
      expect(await page.getByLabel(tr('join.field.countryCode'), { exact: true }).inputValue()).toBe(applicant.countryCode);
      expect(await page.getByLabel(tr('join.field.website'), { exact: true }).inputValue()).toBe(applicant.website);
      expect(await page.getByLabel(tr('join.field.executiveName'), { exact: true }).inputValue()).toBe(applicant.executiveName);
      expect(await page.getByLabel(tr('join.field.statement'), { exact: true }).inputValue()).toBe(applicant.statement);
      expect(await page.getByLabel(tr('join.field.acceptPrivacy'), { exact: true }).isChecked()).toBe(true);
      expect(await page.getByLabel(tr('join.field.acceptCall'), { exact: true }).isChecked()).toBe(false);
      await expectNoAxeViolations(page);
    });

    it('the corrected form is sent and the confirmation e-mail arrives in its language with a link to this server', async () => {
      const page = applicantPage;
      // The page with errors carries a new form stamp: time how long this "person" takes to fix the form from now.
      const shownAt = Date.now();
      await page.getByLabel(tr('join.field.executiveEmail'), { exact: true }).fill(applicant.executiveEmail);
      await page.getByLabel(tr('join.field.acceptCall'), { exact: true }).check();
      const wait = fillDelayMs - (Date.now() - shownAt);
      if (wait > 0) await page.waitForTimeout(wait);
      await page.getByRole('button', { name: tr('join.submit') }).click();

      await page.waitForURL(`${base}/${locale}/join/sent`);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(tr('join.sent.title'));
      await expectNoAxeViolations(page);

      await t.app.context.jobs.worker.drain();
      const subject = tr('mail.confirm.subject', { name: applicant.name });
      const mail = await smtp.waitForMessage((m) => sentTo(m, applicant.executiveEmail) && m.subject === subject);
      const link = new RegExp(`${base.replace(/[.]/g, '\\.')}/${locale}/join/confirm\\?token=[A-Za-z0-9_%-]+`).exec(mail.text ?? '');
      expect(link, mail.text).not.toBeNull();
      confirmationLink = link![0];
    });

    it('the link from the e-mail shows a confirm button, and confirming signs the executive in', async () => {
      const page = applicantPage;
      await page.goto(confirmationLink);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(tr('link.confirm.title'));
      expect(await page.locator('p.lead').textContent()).toContain(applicant.name);
      await expectNoAxeViolations(page);

      await page.getByRole('button', { name: tr('link.confirm.button') }).click();
      await page.getByRole('heading', { level: 1, name: tr('link.confirmed.title') }).waitFor();
      await page.waitForURL(`${base}/${locale}/join/confirm`);
      expect(await page.locator('p.lead').textContent()).toBe(tr('link.confirmed.body', { name: applicant.name }));
      await expectNoAxeViolations(page);
      // The confirmation opened a session: the link is spent and the applicant has an HttpOnly session cookie.
      const cookies = await page.context().cookies(base);
      expect(cookies.find((c) => c.name === t.app.authRuntime.sessionCookie)?.httpOnly).toBe(true);
    });

    it('a moderator finds the application in the queue and approves it', async () => {
      const moderator = await signInAs(t, { email: `moderator-${locale}@secretariat.example`, role: 'moderator', method: 'passkey', locale });
      const context = await newContext();
      const at = moderator.cookie.indexOf('=');
      await context.addCookies([{ name: moderator.cookie.slice(0, at), value: moderator.cookie.slice(at + 1), url: base }]);
      const page = await context.newPage();

      await page.goto(`${base}/${locale}/secretariat/applications`);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(tr('queue.title'));
      await expectNoAxeViolations(page);

      await page.getByRole('table').getByRole('link', { name: applicant.name, exact: true }).click();
      await page.waitForURL(new RegExp(`/${locale}/secretariat/applications/[^/?]+$`));
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(tr('review.title', { name: applicant.name }));
      await expectNoAxeViolations(page);

      await page.getByRole('button', { name: tr('review.approve'), exact: true }).click();
      await page.waitForURL(/\?done=approve$/);
      await expect.poll(() => page.getByRole('status').filter({ hasText: tr('review.done.approve', { name: applicant.name }) }).count()).toBe(1);
      // Once decided, the decision buttons are gone.
      expect(await page.getByRole('button', { name: tr('review.approve'), exact: true }).count()).toBe(0);
      await expectNoAxeViolations(page);
    });

    it('the new supporter is in the registry page, the JSON API and the CSV, and the approval e-mail is in its language', async () => {
      const page = applicantPage;
      const q = encodeURIComponent(applicant.name);
      await page.goto(`${base}/${locale}/supporters?q=${q}`);
      const row = page.getByRole('table').getByRole('link', { name: applicant.name, exact: true });
      await row.waitFor();
      expect(await row.count()).toBe(1);
      expect(await page.getByRole('table').textContent()).toContain(supporterMessages(locale)(`category.${applicant.category}`));

      const api = await fetch(`${base}/api/v1/supporters?q=${q}`);
      expect(api.status).toBe(200);
      expect(api.headers.get('content-type')).toMatch(/^application\/json/);
      const body = (await api.json()) as { total: number; items: Array<{ name: string; countryCode?: string | null; category?: string }> };
      const item = body.items.find((i) => i.name === applicant.name);
      expect(item, JSON.stringify(body)).toBeDefined();
      expect(JSON.stringify(body)).not.toContain(applicant.executiveEmail);

      const csv = await (await fetch(`${base}/supporters.csv`)).text();
      expect(csv).toContain(applicant.name);
      expect(csv).not.toContain(applicant.executiveEmail);

      await t.app.context.jobs.worker.drain();
      const subject = tr('mail.approved.subject', { name: applicant.name });
      const mail = await smtp.waitForMessage((m) => sentTo(m, applicant.executiveEmail) && m.subject === subject);
      expect(mail.text).toContain(tr('mail.approved.body', { name: applicant.name }));
      expect(mail.text).toContain(`${base}/${locale}/account`);
    });
  });
});
