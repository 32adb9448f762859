/**
 * For the toolkit's browser tests: a served application holding the toolkit as a fresh clone serves it (the reference
 * bundle), and one browser, both set up before the suite's tests and closed after them.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { serveTestApp, type ServedTestApp } from '../../../test/helpers/app.js';
import { launchBrowser } from '../../../test/helpers/browser.js';
import { referenceDir } from '../../app/reference/reference.js';
import { toolkitReference } from './toolkit.reference.js';

export function servedToolkitInBrowser(): { app: () => ServedTestApp; browser: () => Browser } {
  let app: ServedTestApp | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    app = await serveTestApp();
    const parsed = await toolkitReference.read(referenceDir);
    await app.database.db.transaction((tx) => toolkitReference.load(tx, parsed, 'system:reference-bundle'));
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });
  return {
    app: () => app ?? fail('the served application'),
    browser: () => browser ?? fail('the browser'),
  };
}

function fail(what: string): never {
  throw new Error(`${what} is not set up: call servedToolkitInBrowser() inside a describe block`);
}
