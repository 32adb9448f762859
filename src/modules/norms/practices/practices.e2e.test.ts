/**
 * The practice pages in a real browser, in both languages: the public page and its history, the account's list, form
 * (and the form sent back with its errors), a practice's page, the secretariat's queue and review. axe-core finds no
 * WCAG 2.x A/AA (or best-practice) violation.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureSite, serveTestApp, type ServedTestApp } from '../../../../test/helpers/app.js';
import { browserTabs, expectNoAxeViolations, hasChromium, launchBrowser } from '../../../../test/helpers/browser.js';
import { samplePdf } from '../../../app/files/files.test-utils.js';
import { publishRevision } from './practices.moderation.js';
import { buildDraft, buildPracticeText, setUpPractices, type PracticePeople } from './practices.test-support.js';
import { createPractice, savePractice } from './practices.usecases.js';

describe.skipIf(!hasChromium)('the practice pages in a browser', () => {
  let t: ServedTestApp;
  let browser: Browser;
  let people: PracticePeople;
  let published = '';
  let waiting = '';
  const tabs = browserTabs();

  beforeAll(async () => {
    t = await serveTestApp({ site: fixtureSite });
    people = await setUpPractices(t);
    const db = t.database.db;
    const { rep, moderator } = people.actors;
    const first = await createPractice({ db, actor: rep, supporterId: people.verified.id, draft: buildDraft({ uploads: [{ name: 'décret.pdf', bytes: samplePdf('e2e') }] }), submit: true });
    published = first.practice.id;
    await publishRevision({ db, actor: moderator, practiceId: published, revision: 1, reason: null, publicUrl: t.base });
    await savePractice({ db, actor: rep, practiceId: published, draft: buildDraft({ content: buildPracticeText({ title: { fr: 'ANSSI', en: 'ANSSI' } }), keep: [first.revision.content.attachments[0]!.sha256] }), submit: true });
    await publishRevision({ db, actor: moderator, practiceId: published, revision: 2, reason: null, publicUrl: t.base });
    waiting = (await createPractice({ db, actor: rep, supporterId: people.verified.id, draft: buildDraft(), submit: true })).practice.id;
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const signedIn = (cookie: string): Promise<BrowserContext> => tabs.signedIn(browser, t.base, cookie);

  for (const locale of ['en', 'fr'] as const) {
    it(`${locale}: the public page and the history have no violation`, async () => {
      const page = await tabs.newPage(await tabs.context(browser));
      for (const path of [`/practices/${published}`, `/practices/${published}?text=original`, `/practices/${published}/history`]) {
        expect((await page.goto(`${t.base}/${locale}${path}`))?.status(), path).toBe(200);
        await expectNoAxeViolations(page);
      }
    }, 90_000);

    it(`${locale}: the account's pages, a refused form, the queue and a review have no violation`, async () => {
      const rep = await tabs.newPage(await signedIn(people.cookies.rep));
      for (const path of ['/account/practices', '/account/practices/new', `/account/practices/${published}`, `/account/practices/${published}/edit`]) {
        expect((await rep.goto(`${t.base}/${locale}${path}`))?.status(), path).toBe(200);
        await expectNoAxeViolations(rep);
      }
      await rep.goto(`${t.base}/${locale}/account/practices/new`);
      await rep.fill('#startedOn', '2020-01-01');
      await rep.fill('#endedOn', '2001-01-01');
      await Promise.all([rep.waitForURL(`${t.base}/${locale}/account/practices/new`), rep.waitForResponse((r) => r.request().method() === 'POST'), rep.click('button[value="save"]')]);
      await expect(rep.locator('#endedOn-error').count()).resolves.toBe(1);
      await expectNoAxeViolations(rep);

      const moderator = await tabs.newPage(await signedIn(people.cookies.moderator));
      for (const path of ['/secretariat/practices', `/secretariat/practices/${waiting}`]) {
        expect((await moderator.goto(`${t.base}/${locale}${path}`))?.status(), path).toBe(200);
        await expectNoAxeViolations(moderator);
      }
    }, 120_000);
  }
});
