/**
 * Issue 12, item 4: the registry's cached routes key their responses on the parameters they validate, so a client
 * varying a parameter no route reads (`?cb=N`) neither fills the response cache nor makes the server render again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixtureSite, type TestApp } from '../../../test/helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ site: fixtureSite });
});
afterAll(async () => t?.close());

const entries = () => t.app.context.cache.size.entries;
const get = (url: string) => t.app.inject({ url, headers: { 'accept-encoding': 'gzip' } });

describe('the cached registry routes', () => {
  it.each(['/api/v1/supporters?pageSize=500&cb=', '/supporters.csv?cb=', '/en/supporters?cb=', '/en/supporters/map?cb=', '/api/v1/stats?cb='])(
    'keep one entry for 60 distinct junk values: %s',
    async (prefix) => {
      t.app.context.cache.invalidate();
      const first = await get(`${prefix}0`);
      expect(first.statusCode).toBe(200);
      for (let n = 1; n < 60; n++) {
        const response = await get(`${prefix}${n}`);
        expect(response.statusCode).toBe(200);
        expect(response.headers.etag).toBe(first.headers.etag);
        // Answered from the cache with the first answer's headers, security headers included.
        expect(response.headers['content-security-policy']).toBe(first.headers['content-security-policy']);
        expect(response.headers['x-content-type-options']).toBe('nosniff');
      }
      expect(entries()).toBe(1);
    },
  );

  it('share one entry between the defaults written out and no query', async () => {
    t.app.context.cache.invalidate();
    for (const url of ['/api/v1/supporters', '/api/v1/supporters?page=1&pageSize=50', '/api/v1/supporters?pageSize=50&page=1&q=&country=']) {
      expect((await get(url)).statusCode).toBe(200);
    }
    for (const url of ['/en/supporters', '/en/supporters?page=1&pageSize=50', '/en/supporters/?pageSize=50&cb=9']) expect((await get(url)).statusCode).toBe(200);
    expect(entries()).toBe(2);
  });

  it('keep distinct entries for distinct filters, pages and page sizes', async () => {
    t.app.context.cache.invalidate();
    const urls = [
      '/api/v1/supporters?country=FRA', '/api/v1/supporters?country=BEL', '/api/v1/supporters?country=FRA&country=BEL', '/api/v1/supporters?pageSize=2',
      '/api/v1/supporters?pageSize=2&page=2', '/supporters.csv?country=FRA', '/supporters.csv?category=private-sector', '/en/supporters?q=cyber', '/fr/supporters?q=cyber',
    ];
    const bodies = new Set<string>();
    for (const url of urls) {
      const response = await t.app.inject({ url });
      expect(response.statusCode, url).toBe(200);
      bodies.add(response.body);
    }
    expect(bodies.size).toBe(urls.length);
    expect(entries()).toBe(urls.length);
    // The same filter written another way (lower case, another order, junk beside it) is the same entry.
    await get('/api/v1/supporters?country=fra&cb=1');
    await get('/api/v1/supporters?country=BEL&cb=2&country=FRA');
    expect(entries()).toBe(urls.length + 1);
  });

  it('link a cached page to its other language with the validated parameters, never the junk it was first asked with', async () => {
    t.app.context.cache.invalidate();
    const first = await t.app.inject({ url: '/en/supporters?q=cyber&cb=%3Cjunk%3E' });
    expect(first.body).toContain('href="/fr/supporters?q=cyber"');
    expect(first.body).not.toContain('junk');
    const map = await t.app.inject({ url: '/en/supporters/map?cb=1' });
    expect(map.body).toContain('href="/fr/supporters/map"');
    expect(map.body).not.toContain('cb=1');
  });

  it('still refuse a bad value, and cache nothing for it', async () => {
    t.app.context.cache.invalidate();
    for (const url of ['/api/v1/supporters?pageSize=501', '/api/v1/supporters?country=zz', '/supporters.csv?country=zz', '/en/supporters?pageSize=7']) {
      expect((await t.app.inject({ url })).statusCode, url).toBe(400);
    }
    expect(entries()).toBe(0);
  });

  it('render new data on the next request after a registry change', async () => {
    const before = await get('/api/v1/stats?cb=1');
    expect(entries()).toBeGreaterThan(0);
    t.app.context.events.emit('registry.changed', { reason: 'test' });
    expect(entries()).toBe(0);
    const after = await get('/api/v1/stats?cb=2');
    expect(after.statusCode).toBe(200);
    expect(after.headers['content-security-policy']).toBe(before.headers['content-security-policy']);
    expect(after.headers['x-content-type-options']).toBe('nosniff');
  });
});
