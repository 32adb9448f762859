/**
 * The secretariat's index screens in a real browser (Debian chromium through playwright-core), in both languages:
 * a moderator on a passkey session uploads COINr tables, sees a refused upload explained, saves a configuration,
 * previews the ranking and publishes with a note; the edition is then public. axe-core finds no violation on any of
 * these pages, including the error states.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveTestApp, type ServedTestApp } from '../../../../test/helpers/app.js';
import { signInAs } from '../../../../test/helpers/auth.js';
import { expectNoAxeViolations, hasChromium, launchBrowser } from '../../../../test/helpers/browser.js';
import { indexAdminMessages } from '../views/secretariat/secretariat.locales.js';

const fixtures = join(fileURLToPath(new URL('.', import.meta.url)), '../io/fixtures');

describe.skipIf(!hasChromium)('the secretariat publishes an index edition in the browser', () => {
  let t: ServedTestApp;
  let browser: Browser;
  let base = '';

  beforeAll(async () => {
    t = await serveTestApp();
    base = t.base;
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function moderatorContext(locale: 'en' | 'fr'): Promise<BrowserContext> {
    const moderator = await signInAs(t, { email: `index-${locale}@secretariat.example`, role: 'moderator', method: 'passkey', locale });
    const context = await browser.newContext();
    const at = moderator.cookie.indexOf('=');
    await context.addCookies([{ name: moderator.cookie.slice(0, at), value: moderator.cookie.slice(at + 1), url: base }]);
    return context;
  }

  for (const locale of ['en', 'fr'] as const) {
    it(`${locale}: upload, refusal, configuration, preview, publication`, async () => {
      const tr = indexAdminMessages(locale);
      const slug = `browser-${locale}`;
      const context = await moderatorContext(locale);
      const page = await context.newPage();

      await page.goto(`${base}/${locale}/secretariat/index`);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(tr('admin.title'));
      await expectNoAxeViolations(page);

      // A table with a non-numeric cell and a duplicate row: refused, explained, values kept.
      await page.getByLabel(tr('create.slug')).fill(slug);
      await page.getByLabel(tr('create.titleEn')).fill(`Browser edition ${locale}`);
      await page.getByLabel(tr('create.titleFr')).fill(`Édition navigateur ${locale}`);
      await page.getByLabel(tr('create.iData')).setInputFiles(join(fixtures, 'bad-iData.csv'));
      await page.getByLabel(tr('create.iMeta')).setInputFiles(join(fixtures, 'small-iMeta.csv'));
      await page.getByRole('button', { name: tr('create.submit') }).click();
      await expect.poll(() => page.locator('.error-summary').count()).toBe(1);
      expect(await page.locator('.error-summary').textContent()).toMatch(/column press/);
      expect(await page.getByLabel(tr('create.slug')).inputValue()).toBe(slug);
      await expectNoAxeViolations(page);

      // The good tables: a draft.
      await page.getByLabel(tr('create.iData')).setInputFiles(join(fixtures, 'small-iData.csv'));
      await page.getByLabel(tr('create.iMeta')).setInputFiles(join(fixtures, 'small-iMeta.csv'));
      await page.getByRole('button', { name: tr('create.submit') }).click();
      await expect.poll(() => page.locator('.notice').textContent()).toBe(tr('admin.done.created'));
      expect(page.url()).toBe(`${base}/${locale}/secretariat/index/${slug}?done=created`);
      await expectNoAxeViolations(page);

      // Configuration: a JSON mistake is shown beside the field; then a valid one is saved.
      const pipeline = page.getByLabel(tr('config.pipeline'));
      await pipeline.fill('{ "steps": [');
      await page.getByRole('button', { name: tr('config.submit') }).click();
      await expect.poll(() => page.locator('#pipeline-error').count()).toBe(1);
      await expectNoAxeViolations(page);
      await page.getByLabel(tr('config.pipeline')).fill(JSON.stringify({ steps: [{ step: 'denominate' }, { step: 'normalise', method: 'minmax', lower: 0, upper: 100 }] }));
      await page.getByLabel(tr('config.runs')).fill('256');
      await page.getByRole('button', { name: tr('config.submit') }).click();
      await expect.poll(() => page.locator('.notice').textContent()).toBe(tr('admin.done.config'));

      await page.getByRole('link', { name: tr('preview.link') }).click();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(tr('preview.title', { edition: locale === 'fr' ? `Édition navigateur ${locale}` : `Browser edition ${locale}` }));
      expect(await page.locator('table').first().locator('tbody tr').count()).toBe(4);
      await expectNoAxeViolations(page);
      await page.goBack();

      await page.getByLabel(tr('publish.noteEn')).fill('Pilot from the browser test.');
      await page.getByLabel(tr('publish.noteFr')).fill('Pilote du test navigateur.');
      await page.getByRole('button', { name: tr('publish.submit') }).click();
      await expect.poll(() => page.locator('.notice').textContent()).toBe(tr('admin.done.published'));
      await expectNoAxeViolations(page);

      const visitor = await browser.newContext();
      const publicPage = await visitor.newPage();
      const response = await publicPage.goto(`${base}/${locale}/index/${slug}`);
      expect(response?.status()).toBe(200);
      await visitor.close();
      await context.close();
    }, 120_000);
  }
});
