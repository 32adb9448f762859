/**
 * The embeddable counters framed by another site: a second HTTP server, on another port (so another origin),
 * serves a page that iframes them. Every other page refuses to be framed (CSP frame-ancestors 'none').
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureSite, serveTestApp, type ServedTestApp } from '../../../../test/helpers/app.js';
import { browserTabs, expectNoAxeViolations, hasChromium, launchBrowser } from '../../../../test/helpers/browser.js';

describe.skipIf(!hasChromium)('the embeddable counters', () => {
  let t: ServedTestApp;
  let browser: Browser;
  let context: BrowserContext;
  let base: string;
  let host: http.Server;
  let hostBase: string;
  const tabs = browserTabs();

  beforeAll(async () => {
    [t, browser] = await Promise.all([serveTestApp({ site: fixtureSite }), launchBrowser()]);
    base = t.base;
    // Another site: `/?src=<path on the platform>` is a page that frames that path.
    host = http.createServer((request, response) => {
      const src = new URL(request.url ?? '/', 'http://host').searchParams.get('src') ?? '';
      response.setHeader('content-type', 'text/html; charset=utf-8');
      response.end(`<!doctype html><html lang="en"><head><title>Another site</title></head><body><h1>Another site</h1><iframe id="embed" title="Paris Call" src="${base}${src}" width="800" height="300"></iframe></body></html>`);
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    hostBase = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
    context = await tabs.context(browser);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await new Promise((resolve) => (host ? host.close(resolve) : resolve(undefined)));
    await t?.close();
  });

  const newPage = (): Promise<Page> => tabs.newPage(context);

  it.each([
    ['en', 'The Paris Call is supported by', ['2', '3', '5', '2'], 'See the supporters of the Paris Call'],
    ['fr', 'L’Appel de Paris est soutenu par', ['2', '3', '5', '2'], 'Voir les soutiens de l’Appel de Paris'],
  ])('/%s/embed/counters loads inside an iframe on another origin, styled, with the counters and a link out', async (locale, heading, counts, link) => {
    const page = await newPage();
    await page.goto(`${hostBase}/?src=/${locale}/embed/counters`);
    const frame = page.frameLocator('#embed');
    expect(await frame.locator('h1').textContent()).toBe(heading);
    expect(await frame.locator('html').getAttribute('lang')).toBe(locale);
    expect(await frame.locator('.counter-value').allTextContents()).toEqual(counts);
    // The stylesheet loaded under the embed's own CSP (style-src 'self').
    expect(await frame.locator('ul.counters').evaluate((ul) => getComputedStyle(ul).display)).toBe('grid');
    const out = frame.getByRole('link', { name: link });
    expect(await out.getAttribute('href')).toBe(`${t.config.publicUrl}/${locale}/supporters`);
    expect(await out.getAttribute('target')).toBe('_blank');
  });

  it('a regular page (/en/supporters) refuses to be framed by another site', async () => {
    const page = await newPage();
    const refused = page.waitForEvent('console', (message) => message.text().includes("frame-ancestors 'none'"));
    const response = await page.request.get(`${base}/en/supporters`);
    expect(response.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await page.goto(`${hostBase}/?src=/en/supporters`);
    await refused;
    const frame = await page.locator('#embed').contentFrame();
    expect(await frame.getByRole('heading', { name: 'The supporters' }).count()).toBe(0);
    expect(page.frames().map((f) => f.url())).not.toContain(`${base}/en/supporters`);
  });

  it.each(['en', 'fr'])('/%s/embed/counters has no axe violations', async (locale) => {
    const page = await newPage();
    await page.goto(`${base}/${locale}/embed/counters`);
    await expectNoAxeViolations(page);
  });
});
