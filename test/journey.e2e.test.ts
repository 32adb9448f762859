/**
 * The whole journey of issue 14, as people would walk it, in a real browser, on a server started by the real command
 * on a free (non-default) port with no PUBLIC_URL: a visitor in English and French; the first moderator, created from
 * the command line (through the running server), who opens the printed link and sets up an authenticator app; an
 * organisation joining in each language, confirming from its e-mail; the moderator approving; the representative
 * signing in from an e-mailed link, proposing a change that the moderator approves, then withdrawing. Every link comes
 * from an e-mail or a page, never typed; axe-core finds nothing on any page visited.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { ParsedMail } from 'mailparser';
import { Secret, TOTP } from 'otpauth';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountMessages } from '../src/modules/accounts/accounts.messages.js';
import { minimumFillMs } from '../src/modules/applications/applications.antibot.js';
import { applicationMessages } from '../src/modules/applications/applications.messages.js';
import { repoRoot } from './helpers/app.js';
import { expectNoAxeViolations, hasChromium, launchBrowser } from './helpers/browser.js';
import { createTemporaryDatabase, type TemporaryDatabase } from './helpers/database.js';
import { freePort } from './helpers/net.js';
import { startSmtpServer, type TestSmtpServer } from './helpers/smtp.js';

const run = promisify(execFile);
const sentTo = (mail: ParsedMail, email: string) => JSON.stringify(mail.to ?? '').includes(email);

describe.skipIf(!hasChromium)('the journey of a first-time visitor, applicant and secretariat member', { timeout: 120_000 }, () => {
  let database: TemporaryDatabase;
  let smtp: TestSmtpServer;
  let server: ChildProcess;
  let browser: Browser;
  let env: Record<string, string> = {};
  let base = '';
  let moderator: Page;
  const contexts: BrowserContext[] = [];

  async function newPage(): Promise<Page> {
    const context = await browser.newContext();
    context.setDefaultTimeout(10_000);
    contexts.push(context);
    return context.newPage();
  }

  /** Opens a link found in an e-mail or a page, checks the status, and runs axe on what it shows. */
  async function visit(page: Page, url: string, status = 200): Promise<void> {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(status);
    await expectNoAxeViolations(page);
  }

  /** The first link in a mail's text to `pathPattern` on this server. */
  function linkIn(mail: ParsedMail, pathPattern: string): string {
    const match = new RegExp(`${base.replace(/[.]/g, '\\.')}${pathPattern}[^\\s]*`).exec(mail.text ?? '');
    expect(match, `no ${pathPattern} link on ${base} in:\n${mail.text}`).not.toBeNull();
    return match![0];
  }

  const mailTo = (email: string, subject: string) => smtp.waitForMessage((m) => sentTo(m, email) && m.subject === subject, 20_000);

  beforeAll(async () => {
    smtp = await startSmtpServer();
    database = await createTemporaryDatabase('journey');
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    env = { ...database.env, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: '', IMPORT_ON_EMPTY: '', SMTP_URL: smtp.url, SECRET_KEY: 'journey-secret-key-0123456789-abcdefghij' };
    server = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/cli.ts'), 'serve'], { cwd: repoRoot, env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: 'ignore' });
    browser = await launchBrowser();
    for (let i = 0; i < 600; i++) {
      try {
        if ((await fetch(`${base}/healthz`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the server did not start');
  }, 120_000);

  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await browser?.close();
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server.once('exit', r));
      server.kill('SIGTERM');
      await exited;
    }
    await smtp?.close();
    await database?.remove();
  });

  it.each(['en', 'fr'] as const)('a visitor in %s reads the Call, the registry, a supporter, the map and the index', async (locale) => {
    const page = await newPage();
    await visit(page, `${base}/${locale}`);
    for (const link of ['call', 'supporters', 'supporters/map', 'index', 'open-data']) {
      await visit(page, new URL(`/${locale}/${link}`, base).href);
    }
    // A supporter's page, reached from the list.
    await page.goto(`${base}/${locale}/supporters`);
    const first = page.locator('main table tbody a').first();
    await visit(page, new URL((await first.getAttribute('href'))!, base).href);
    await visit(page, `${base}/${locale}/join`);
  });

  it('the first moderator is created from the command line, opens the printed link and sets up an authenticator app', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/cli.ts'), 'user', 'create', '--moderator', 'first@secretariat.example'], {
      cwd: repoRoot,
      env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    });
    const link = new RegExp(`${base.replace(/[.]/g, '\\.')}/en/sign-in/verify\\?token=\\S+`).exec(stdout);
    expect(link, stdout).not.toBeNull();
    const t = accountMessages('en');
    moderator = await newPage();
    await visit(moderator, link![0]);
    await moderator.getByRole('button', { name: t('verify.submit') }).click();
    await moderator.waitForURL(/\/en\/account\/passkeys\?required=1/);
    await expectNoAxeViolations(moderator);
    await moderator.getByRole('link', { name: t('totp.link.setup') }).click();
    await moderator.waitForURL(/\/en\/account\/totp/);
    await expectNoAxeViolations(moderator);
    const key = (await moderator.locator('code.secret').textContent())!.replace(/\s/g, '');
    const code = new TOTP({ secret: Secret.fromBase32(key), digits: 6, period: 30 }).generate();
    await moderator.getByLabel(t('totp.code.label')).fill(code);
    await moderator.getByRole('button', { name: t('totp.confirm') }).click();
    await moderator.getByRole('heading', { level: 1, name: t('totp.recovery.title') }).waitFor();
    await expectNoAxeViolations(moderator);
    expect(await moderator.locator('ul.recovery-codes li').count()).toBe(10);
    await moderator.getByRole('link', { name: t('totp.recovery.continue') }).click();
    await moderator.waitForURL(`${base}/en/secretariat/applications`);
    await expectNoAxeViolations(moderator);
  });

  describe.each(['en', 'fr'] as const)('an organisation joining in %s', (locale) => {
    const tr = applicationMessages(locale);
    const ta = accountMessages(locale);
    const name = locale === 'en' ? 'Lighthouse Journey Institute' : 'Institut Parcours Phare';
    const renamed = `${name} (renamed)`;
    const email = `exec-${locale}@journey-${locale}.example`;
    let applicant: Page;

    it('applies through the form and confirms from the e-mail', async () => {
      applicant = await newPage();
      await visit(applicant, `${base}/${locale}/join`);
      const shownAt = Date.now();
      await applicant.getByLabel(tr('join.field.category'), { exact: true }).selectOption('civil-society');
      await applicant.getByLabel(tr('join.field.name'), { exact: true }).fill(name);
      await applicant.getByLabel(tr('join.field.countryCode'), { exact: true }).selectOption('SEN');
      await applicant.getByLabel(tr('join.field.website'), { exact: true }).fill(`https://journey-${locale}.example`);
      await applicant.getByLabel(tr('join.field.executiveName'), { exact: true }).fill('Awa Journey');
      await applicant.getByLabel(tr('join.field.executiveEmail'), { exact: true }).fill(email);
      await applicant.getByLabel(tr('join.field.acceptCall'), { exact: true }).check();
      await applicant.getByLabel(tr('join.field.acceptPrivacy'), { exact: true }).check();
      await applicant.waitForTimeout(Math.max(0, minimumFillMs + 200 - (Date.now() - shownAt)));
      await applicant.getByRole('button', { name: tr('join.submit') }).click();
      await applicant.waitForURL(`${base}/${locale}/join/sent`);
      await expectNoAxeViolations(applicant);
      const mail = await mailTo(email, tr('mail.confirm.subject', { name }));
      await visit(applicant, linkIn(mail, `/${locale}/join/confirm\\?token=`));
      await applicant.getByRole('button', { name: tr('link.confirm.button') }).click();
      await applicant.getByRole('heading', { level: 1, name: tr('link.confirmed.title') }).waitFor();
      await expectNoAxeViolations(applicant);
    });

    it('is approved by the moderator, and the approval e-mail leads to the account', async () => {
      await visit(moderator, `${base}/en/secretariat/applications`);
      await moderator.getByRole('table').getByRole('link', { name, exact: true }).click();
      await moderator.waitForURL(/\/en\/secretariat\/applications\/[^/?]+$/);
      await expectNoAxeViolations(moderator);
      await moderator.getByRole('button', { name: applicationMessages('en')('review.approve'), exact: true }).click();
      await moderator.waitForURL(/\?done=approve$/);
      await expectNoAxeViolations(moderator);
      const mail = await mailTo(email, tr('mail.approved.subject', { name }));
      await visit(applicant, linkIn(mail, `/${locale}/account`));
    });

    it('the representative signs in from an e-mailed link, proposes a change, and hears it is published', async () => {
      const representative = await newPage();
      await visit(representative, `${base}/${locale}/sign-in`);
      await representative.getByLabel(ta('signIn.email.label')).fill(email);
      await representative.getByRole('button', { name: ta('signIn.submit') }).click();
      await representative.waitForURL(`${base}/${locale}/sign-in/sent`);
      const signIn = await mailTo(email, ta('email.signIn.subject'));
      await visit(representative, linkIn(signIn, `/${locale}/sign-in/verify\\?token=`));
      await representative.getByRole('button', { name: ta('verify.submit') }).click();
      await representative.waitForURL(`${base}/${locale}/account`);
      await expectNoAxeViolations(representative);
      await representative.getByRole('link', { name: applicationMessages(locale)('account.organisation.manage') }).first().click();
      await representative.waitForURL(/\/account\/organisations\/[^/?]+$/);
      await expectNoAxeViolations(representative);
      await representative.getByLabel(tr('join.field.name'), { exact: true }).fill(renamed);
      await representative.getByRole('button', { name: tr('manage.edit.submit') }).click();
      await representative.getByText(tr('manage.edit.sent')).waitFor();
      await expectNoAxeViolations(representative);

      await visit(moderator, `${base}/en/secretariat/applications`);
      await moderator.getByRole('table').getByRole('link', { name: renamed, exact: true }).click();
      await moderator.waitForURL(/\/en\/secretariat\/applications\/[^/?]+$/);
      await expectNoAxeViolations(moderator);
      await moderator.getByRole('button', { name: applicationMessages('en')('review.approve'), exact: true }).click();
      await moderator.waitForURL(/\?done=approve$/);
      const published = await mailTo(email, tr('mail.edit.approved.subject', { name: renamed }));
      expect(smtp.messages.filter((m) => sentTo(m, email) && m.subject === tr('mail.approved.subject', { name: renamed }))).toHaveLength(0);
      await visit(representative, linkIn(published, `/${locale}/account`));

      // Then withdraws; the representative and the secretariat are told.
      await representative.getByRole('link', { name: applicationMessages(locale)('account.organisation.manage') }).first().click();
      await representative.waitForURL(/\/account\/organisations\/[^/?]+$/);
      await representative.getByLabel(tr('manage.withdraw.reason')).fill('Journey complete');
      await representative.getByLabel(tr('manage.withdraw.confirm', { name: renamed })).check();
      await representative.getByRole('button', { name: tr('manage.withdraw.submit') }).click();
      await representative.waitForLoadState();
      await expectNoAxeViolations(representative);
      await mailTo(email, tr('mail.withdrawn.subject', { name: renamed }));
      await smtp.waitForMessage((m) => sentTo(m, 'first@secretariat.example') && (m.subject ?? '').includes(renamed), 20_000);
      // The public history of withdrawals lists it.
      await visit(representative, `${base}/${locale}/supporters/withdrawn`);
      expect(await representative.locator('main').textContent()).toContain(renamed);
    });
  });
});
