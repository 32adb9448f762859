import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers/app.js';

/** Issue 14.8: an icon on every page and at /favicon.ico; the API docs' page is the platform's and under a strict policy. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('the icon', () => {
  it('is linked from every page and answers at /favicon.ico', async () => {
    const page = await t.app.inject({ url: '/fr' });
    const href = /<link rel="icon" href="([^"]+)" type="image\/svg\+xml"\/>/.exec(page.body)?.[1];
    expect(href).toMatch(/^\/assets\/favicon\.svg\?v=[0-9a-f]{12}$/);
    const asset = await t.app.inject({ url: href! });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toBe('image/svg+xml');
    const ico = await t.app.inject({ url: '/favicon.ico' });
    expect(ico.statusCode).toBe(200);
    expect(ico.headers['content-type']).toBe('image/svg+xml');
    expect(ico.body).toBe(asset.body);
    expect(ico.body).toContain('<svg');
  });
});

describe('the API docs', () => {
  it('carry the platform’s title and icon, no inline style or script, and a policy that admits only the site itself', async () => {
    const index = await t.app.inject({ url: '/api/docs/' });
    expect(index.statusCode).toBe(200);
    expect(index.body).toContain('<title>Paris Call Platform API</title>');
    expect(index.body).toContain('theme/favicon.svg');
    expect(index.body).not.toContain('favicon-32x32.png');
    expect(index.body).not.toMatch(/\sstyle=|<style|<script>(?!\s*<\/script>)/);
    const csp = String(index.headers['content-security-policy']);
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|https:|sha256-/);
    // Everything the page loads is on the site: same-origin stylesheets and scripts, which the policy's 'self' admits.
    for (const src of index.body.matchAll(/(?:href|src)="([^"]+)"/g)) expect(src[1]).toMatch(/^\.?\/?[a-z]/);
    const theme = await t.app.inject({ url: '/api/docs/static/theme/platform.js' });
    expect(theme.statusCode).toBe(200);
    expect(theme.body).toContain('Paris Call Platform API');
    const moved = await t.app.inject({ url: '/api/docs/static/index.html' });
    expect([200, 301, 302]).toContain(moved.statusCode);
  });
});
