/**
 * axe-core on every page of the joining workflow that the end-to-end journey does not pass through: representatives'
 * management page (with and without form errors), the question page and its outcome, an invitation, the link failure
 * pages, the withdrawal history, the secretariat's e-mail list, entry finder and a decided application, in both languages;
 * and the claim of an existing entry: the public entry's link, the request form (with and without errors), the join
 * form's "is this you?" page, and a claim on a represented entry under review.
 */
import { grantRole } from '../../../app/authz/grants.js';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { fixtureSite, serveTestApp, type ServedTestApp } from '../../../../test/helpers/app.js';
import { signInAs } from '../../../../test/helpers/auth.js';
import { expectNoAxeViolations, hasChromium, launchBrowser } from '../../../../test/helpers/browser.js';
import { issueToken } from '../../../app/auth/tokens.js';
import type { Actor } from '../../../app/authz/actor.js';
import { createApplicationsRepository } from '../applications.repository.js';
import { applications } from '../applications.tables.js';
import { supporters } from '../../supporters/supporters.tables.js';
import { testSecret } from '../applications.test-support.js';
import { formStamp } from '../applications.antibot.js';
import { submitClaim } from '../applications.claims.js';
import { approveApplication, requestMoreInformation } from '../applications.moderation.js';
import { confirmApplication, submitApplication, withdrawFromRegistry } from '../applications.usecases.js';

describe.skipIf(!hasChromium)('accessibility of the other joining pages', () => {
  let t: ServedTestApp;
  let browser: Browser;
  let base = '';
  let representative: BrowserContext;
  let moderatorContext: BrowserContext;
  let anonymous: BrowserContext;
  let supporterId = '';
  let decidedId = '';
  let publishedSlug = '';
  let claimId = '';
  const answerTokens: Record<string, string> = {};
  const invitationTokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await serveTestApp({ site: fixtureSite, config: { secretKey: testSecret } });
    base = t.base;
    const db = t.database.db;
    const deps = { db, events: t.app.context.events, config: t.config };
    const mod = await signInAs(t, { email: 'axe-mod@secretariat.example', role: 'moderator', method: 'passkey' });
    const moderator: Actor = { kind: 'user', userId: mod.userId, email: 'axe-mod@secretariat.example', name: null, role: 'moderator', locale: 'en', sessionId: mod.sessionId, method: 'passkey', grants: [] };
    const apply = async (name: string, email: string) => {
      const { applicationId } = await submitApplication(deps, {
        locale: 'en',
        form: {
          category: 'private-sector', name, countryCode: 'NLD', nature: null, website: 'https://axe.example', twitter: null, linkedin: null, statement: '', statementLocale: 'en',
          executiveName: 'Axe Tester', executiveEmail: email, contactEmail: null, acceptCall: 'on', acceptPrivacy: 'on',
        },
      });
      await confirmApplication(deps, await issueToken(db, { purpose: 'application.confirm', subjectId: applicationId, ttlMs: 60_000 }));
      const [row] = await db.select().from(applications).where(eq(applications.id, applicationId));
      return row!;
    };
    const published = await apply('Axe Published BV', 'boss@axe.example');
    const approved = await approveApplication(deps, moderator, { id: published.id, version: published.version });
    supporterId = approved.supporterId!;
    decidedId = published.id;
    const rep = await signInAs(t, { email: 'boss@axe.example' });
    for (const locale of ['en', 'fr']) {
      const asked = await apply(`Axe Question ${locale}`, `q-${locale}@axe.example`);
      await requestMoreInformation(deps, moderator, { id: asked.id, version: asked.version, message: 'Which unit signs?' });
      answerTokens[locale] = await issueToken(db, { purpose: 'application.answer', subjectId: asked.id, email: `q-${locale}@axe.example`, ttlMs: 60_000 });
      invitationTokens[locale] = await issueToken(db, { purpose: 'representative.invite', subjectId: supporterId, email: `colleague-${locale}@axe.example`, data: {}, ttlMs: 60_000 });
    }
    const gone = await apply('Axe Withdrawn BV', 'gone@axe.example');
    const goneApproved = await approveApplication(deps, moderator, { id: gone.id, version: gone.version });
    await withdrawFromRegistry(deps, moderator, { supporterId: goneApproved.supporterId!, reason: 'test' });
    await grantRole(db, "test:setup", { userId: rep.userId, role: "representative", scopeId: supporterId });
    // A second person claims the entry that now has a representative: the review page names both.
    const [entry] = await db.select().from(supporters).where(eq(supporters.id, supporterId));
    const claim = await submitClaim(deps, {
      slug: entry!.slug,
      locale: 'en',
      form: { executiveName: 'Second Claimant', executiveEmail: 'second@axe-rival.example', contactEmail: null, acceptPrivacy: 'on' },
    });
    claimId = claim.applicationId;
    publishedSlug = claim.entry.slug;
    await confirmApplication(deps, await issueToken(db, { purpose: 'application.confirm', subjectId: claimId, ttlMs: 60_000 }));

    browser = await launchBrowser();
    const withCookie = async (cookie: string) => {
      const context = await browser.newContext();
      const [name, value] = cookie.split('=') as [string, string];
      await context.addCookies([{ name, value, url: base }]);
      return context;
    };
    representative = await withCookie(rep.cookie);
    moderatorContext = await withCookie(mod.cookie);
    anonymous = await browser.newContext();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  for (const locale of ['en', 'fr'] as const) {
    it(`${locale}: the representative's management page, before and after a form error`, async () => {
      const page = await representative.newPage();
      await page.goto(`${base}/${locale}/account/organisations/${supporterId}`);
      await expectNoAxeViolations(page);
      await page.locator('#withdraw ~ form button[type="submit"]').click();
      await page.waitForLoadState('load');
      expect(await page.locator('.field-error').count()).toBeGreaterThan(0);
      await expectNoAxeViolations(page);
      await page.goto(`${base}/${locale}/account`);
      await expectNoAxeViolations(page);
      await page.close();
    });

    it(`${locale}: pages behind e-mailed links, and their failures`, async () => {
      const page = await anonymous.newPage();
      for (const url of [
        `/${locale}/join/answer?token=${answerTokens[locale]}`,
        `/${locale}/join/invitation?token=${invitationTokens[locale]}`,
        `/${locale}/join/confirm?token=${'x'.repeat(43)}`,
        `/${locale}/join/sent`,
        `/${locale}/supporters/withdrawn`,
      ]) {
        await page.goto(`${base}${url}`);
        await expectNoAxeViolations(page);
      }
      await page.goto(`${base}/${locale}/join/answer?token=${answerTokens[locale]}`);
      await page.locator('textarea[name="response"]').fill('The board signs.');
      await page.locator('form.form button[type="submit"]').click();
      await page.waitForLoadState('load');
      await expectNoAxeViolations(page);
      await page.close();
    });

    it(`${locale}: claiming an existing entry: the entry's link, the request form and its errors, the join form's matches`, async () => {
      const page = await anonymous.newPage();
      await page.goto(`${base}/${locale}/supporters/${publishedSlug}`);
      await expectNoAxeViolations(page);
      await page.locator(`a[href="/${locale}/supporters/${publishedSlug}/claim"]`).click();
      await page.waitForLoadState('load');
      expect(page.url()).toContain('/claim');
      await expectNoAxeViolations(page);
      await page.locator('form.form button[type="submit"]').click();
      await page.waitForLoadState('load');
      expect(await page.locator('.error-summary').count()).toBe(1);
      await expectNoAxeViolations(page);
      // The join form with the name of an entry already listed: "is this you?" before anything is stored.
      await page.goto(`${base}/${locale}/join`);
      await page.selectOption('#category', 'private-sector');
      await page.fill('#name', 'Axe Published BV');
      await page.selectOption('#countryCode', 'NLD');
      await page.fill('#executiveName', 'Axe Tester');
      await page.fill('#executiveEmail', `matches-${locale}@axe.example`);
      await page.check('#acceptCall');
      await page.check('#acceptPrivacy');
      await page.locator('input[name="started"]').evaluate((input, stamp) => ((input as HTMLInputElement).value = stamp), formStamp(testSecret, Date.now() - 30_000));
      await page.locator('form.form button[type="submit"]').click();
      await page.waitForLoadState('load');
      expect(await page.locator(`form[action="/${locale}/supporters/${publishedSlug}/claim"]`).count()).toBe(1);
      await expectNoAxeViolations(page);
      await page.close();
    });

    it(`${locale}: the secretariat's other pages`, async () => {
      const page = await moderatorContext.newPage();
      for (const url of [
        `/${locale}/secretariat/applications/${claimId}`,
        `/${locale}/secretariat/applications?kind=claim`,
        `/${locale}/secretariat/deliveries`,
        `/${locale}/secretariat/supporters?q=axe`,
        `/${locale}/secretariat/applications/${decidedId}`,
        `/${locale}/secretariat/applications?status=all`,
      ]) {
        await page.goto(`${base}${url}`);
        expect(page.url()).toContain('/secretariat/');
        await expectNoAxeViolations(page);
      }
      await page.close();
    });
  }
});
