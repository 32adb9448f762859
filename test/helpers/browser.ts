import fs from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterEach, expect } from 'vitest';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Browser suites need Debian's chromium (`apt-get install -y chromium`); .ci/run installs it. */
export const hasChromium = fs.existsSync(chromiumPath);

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Runs axe-core (WCAG 2.x A and AA rules) on the page and fails with the list of violations, if any. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  // Evaluated through the DevTools protocol, so the page's strict CSP (no inline scripts) stays in force.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
  });
  expect(violations, `axe violations on ${page.url()}`).toEqual([]);
}

/**
 * Tabs of a browser suite, call it inside the `describe`: `context` opens a context that fails in seconds (with the
 * selector or URL that never came) rather than at the test timeout, `newPage` a tab in it; every tab is closed after
 * each test, so a failing test leaves none behind. The suite closes its contexts and browser in its `afterAll`.
 */
export function browserTabs() {
  const pages: Page[] = [];
  afterEach(async () => {
    await Promise.all(pages.splice(0).map((page) => page.close()));
  });
  return {
    async context(browser: Browser, options?: BrowserContextOptions): Promise<BrowserContext> {
      const context = await browser.newContext(options);
      context.setDefaultTimeout(5_000);
      return context;
    },
    /** A context carrying a session cookie (`name=value`, as the test app's sign-in gives it) for the site at `base`. */
    async signedIn(browser: Browser, base: string, cookie: string, options?: BrowserContextOptions): Promise<BrowserContext> {
      const context = await this.context(browser, options);
      const [name, value] = cookie.split('=') as [string, string];
      await context.addCookies([{ name, value, url: base }]);
      return context;
    },
    async newPage(context: BrowserContext): Promise<Page> {
      const page = await context.newPage();
      pages.push(page);
      return page;
    },
  };
}
