/**
 * The self-assessment in a real browser (Debian chromium through playwright-core), in both languages: the context, a
 * refusal shown beside its field, the questions, the report, and the report as printed (no navigation, no forms);
 * axe-core finds no violation on any step. With JavaScript, what is typed is kept as a draft in this browser only,
 * restored on the next visit and forgotten on request.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceDir } from '../../../../app/reference/reference.js';
import { serveTestApp, type ServedTestApp } from '../../../../../test/helpers/app.js';
import { browserTabs, expectNoAxeViolations, hasChromium, launchBrowser } from '../../../../../test/helpers/browser.js';
import { toolkitReference } from '../../toolkit.reference.js';

const texts = {
  en: { next: 'Continue to the questions', report: 'See the gap report', kindError: 'Choose the kind of organisation.', gapTitle: 'Gap report', cover: 'The smallest set of frameworks that covers your gaps', forget: 'Forget the draft kept in this browser', restored: 'Your draft from this browser has been restored.' },
  fr: { next: 'Passer aux questions', report: 'Voir le rapport d’écarts', kindError: 'Choisissez le type d’organisation.', gapTitle: 'Rapport d’écarts', cover: 'Le plus petit ensemble de référentiels qui couvre vos écarts', forget: 'Oublier le brouillon gardé dans ce navigateur', restored: 'Votre brouillon gardé dans ce navigateur a été restauré.' },
} as const;

describe.skipIf(!hasChromium)('the self-assessment in a browser', () => {
  let t: ServedTestApp;
  let browser: Browser;
  const tabs = browserTabs();

  beforeAll(async () => {
    t = await serveTestApp();
    const parsed = await toolkitReference.read(referenceDir);
    await t.database.db.transaction((tx) => toolkitReference.load(tx, parsed, 'system:reference-bundle'));
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** Chooses a level for every question on the page (the first radio of each group at `level`). */
  async function answerAll(page: Page, level: string) {
    const groups = await page.locator('fieldset.levels').count();
    for (let i = 0; i < groups; i++) await page.locator('fieldset.levels').nth(i).locator(`input[value="${level}"]`).check();
  }

  for (const locale of ['en', 'fr'] as const) {
    it(`${locale}: from the context to the printed report, without a violation`, async () => {
      // French on a 390-pixel phone: nothing scrolls sideways.
      const page = await tabs.newPage(await tabs.context(browser, locale === 'fr' ? { viewport: { width: 390, height: 844 } } : {}));
      const fitsWidth = async () => {
        const widths = await page.evaluate(() => ({
          page: document.documentElement.scrollWidth,
          view: window.innerWidth,
          // What sticks out, to say where to look when it fails.
          wide: Array.from(document.querySelectorAll('body *')).filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 5).map((e) => `${e.tagName}.${e.className}`),
        }));
        expect(widths.page, widths.wide.join(', ')).toBeLessThanOrEqual(widths.view);
      };
      const start = await page.goto(`${t.base}/${locale}/toolkit/assessment`);
      expect(start?.status()).toBe(200);
      await expectNoAxeViolations(page);

      // Nothing chosen: refused, the message beside the field.
      await page.getByRole('button', { name: texts[locale].next }).click();
      await expect(page.locator('#organisationKind-error').textContent()).resolves.toBe(texts[locale].kindError);
      await expectNoAxeViolations(page);

      await page.locator('#organisationKind-private-organization').check();
      await page.locator('#customer').check();
      await page.locator('#developer').check();
      await page.locator('#size-small').check();
      await page.locator('#framework-pp-5').check();
      await page.getByRole('button', { name: texts[locale].next }).click();
      await expect(page.locator('fieldset.question').count()).resolves.toBe(23);
      await expectNoAxeViolations(page);
      await fitsWidth();

      await answerAll(page, '2');
      await page.locator('#level-A14-5').check();
      await page.getByRole('button', { name: texts[locale].report }).click();
      await expect(page.locator('h1').textContent()).resolves.toBe(texts[locale].gapTitle);
      await expect(page.getByRole('heading', { name: texts[locale].cover }).count()).resolves.toBe(1);
      await expect(page.locator('#gap-A14').count()).resolves.toBe(0);
      await expectNoAxeViolations(page);
      await fitsWidth();

      // As printed: the report alone, without the site's header, the forms or the steps.
      await page.emulateMedia({ media: 'print' });
      await expect(page.locator('.site-header').isVisible()).resolves.toBe(false);
      await expect(page.locator('section.keep').isVisible()).resolves.toBe(false);
      await expect(page.locator('.assessment-report').isVisible()).resolves.toBe(true);
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    }, 120_000);
  }

  it('with JavaScript, keeps a draft in this browser, restores it, and forgets it on request', async () => {
    const context = await tabs.context(browser);
    const page = await tabs.newPage(context);
    await page.goto(`${t.base}/fr/toolkit/assessment`);
    await page.locator('#label').fill('Brouillon local');
    await page.locator('#organisationKind-public-sector').check();
    await page.waitForFunction(() => (window.localStorage.getItem('pariscall.toolkit.assessment.draft') ?? '').includes('Brouillon local'));

    const again = await tabs.newPage(context);
    await again.goto(`${t.base}/fr/toolkit/assessment`);
    await expect(again.locator('#label').inputValue()).resolves.toBe('Brouillon local');
    await expect(again.locator('#organisationKind-public-sector').isChecked()).resolves.toBe(true);
    await expect(again.locator('[data-forget-status]').textContent()).resolves.toBe(texts.fr.restored);
    await expectNoAxeViolations(again);

    await again.getByRole('button', { name: texts.fr.forget }).click();
    await expect(again.evaluate(() => window.localStorage.getItem('pariscall.toolkit.assessment.draft'))).resolves.toBeNull();
    const third = await tabs.newPage(context);
    await third.goto(`${t.base}/fr/toolkit/assessment`);
    await expect(third.locator('#label').inputValue()).resolves.toBe('');
  }, 60_000);
});
