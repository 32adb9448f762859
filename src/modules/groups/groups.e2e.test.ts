/**
 * Taking part in a working group in a real browser, in each language: a supporter's representative asks to join for
 * their organisation, the co-chair accepts on their page, and the new member sees the members-only part the public
 * does not. axe-core finds no violation on the pages passed through.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureSite, serveTestApp, type ServedTestApp } from '../../../test/helpers/app.js';
import { browserTabs, expectNoAxeViolations, hasChromium, launchBrowser } from '../../../test/helpers/browser.js';
import { createGroupsRepository } from './groups.repository.js';
import { setUpGroupPeople } from './groups.test-support.js';

describe.skipIf(!hasChromium)('a working group in a browser', () => {
  let t: ServedTestApp;
  let browser: Browser;
  const tabs = browserTabs();
  const setUps: Record<'en' | 'fr', Awaited<ReturnType<typeof setUpGroupPeople>>> = {} as never;

  beforeAll(async () => {
    t = await serveTestApp({ site: fixtureSite });
    for (const locale of ['en', 'fr'] as const) {
      setUps[locale] = await setUpGroupPeople(t, { slug: `journey-${locale}` });
      await createGroupsRepository(t.database.db).insertNews({ groupId: setUps[locale].group.id, title: { en: 'Members’ agenda', fr: 'Ordre du jour des membres' }, body: { en: 'Tuesday.', fr: 'Mardi.' }, visibility: 'members', createdBy: 'test' });
    }
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  for (const locale of ['en', 'fr'] as const) {
    it(`${locale}: a representative asks to join, the co-chair accepts, the member sees the members-only part`, async () => {
      const { group, people } = setUps[locale];
      const base = `${t.base}/${locale}/groups/${group.slug}`;
      const visitor = await tabs.newPage(await tabs.context(browser));
      expect((await visitor.goto(base))?.status()).toBe(200);
      await expectNoAxeViolations(visitor);
      expect(await visitor.locator('#members-only').count()).toBe(0);

      const rep = await tabs.newPage(await tabs.signedIn(browser, t.base, people.rep.cookie));
      await rep.goto(`${base}/join`);
      await expectNoAxeViolations(rep);
      await rep.check('#role-member');
      await rep.fill('#message', locale === 'en' ? 'We would like to help.' : 'Nous voudrions aider.');
      await rep.click('form[action$="/join"] button[type="submit"]');
      expect(rep.url()).toContain('done=requested');

      const chair = await tabs.newPage(await tabs.signedIn(browser, t.base, people.coChair.cookie));
      await chair.goto(`${base}/manage`);
      await expectNoAxeViolations(chair);
      await chair.click('form[action*="/accept"] button');
      expect(chair.url()).toContain('done=accepted');

      await rep.goto(base);
      expect(await rep.locator('#members-only').count()).toBe(1);
      expect(await rep.textContent('.members-only')).toContain(locale === 'en' ? 'Members’ agenda' : 'Ordre du jour des membres');
      await expectNoAxeViolations(rep);
    }, 120_000);
  }
});
