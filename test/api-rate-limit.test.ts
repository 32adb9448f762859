import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixtureSite, type TestApp } from './helpers/app.js';

/** RATE_LIMIT_PER_MINUTE applies to the JSON API per client address, cached answers included; pages are not limited by it. */
describe('the JSON API rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ site: fixtureSite, config: { rateLimitPerMinute: 5 } });
  }, 60_000);
  afterAll(async () => t?.close());

  const get = (url: string, remoteAddress = '192.0.2.1', headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, remoteAddress, headers });

  it('when an address sends a sixth API request in a minute, it gets a localized 429 problem with retry-after', async () => {
    const statuses: number[] = [];
    // The same URL each time: from the second request on, the answer comes from the response cache, and still counts.
    for (let i = 0; i < 5; i += 1) statuses.push((await get('/api/v1/stats')).statusCode);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    const limited = await get('/api/v1/supporters', '192.0.2.1', { 'accept-language': 'fr' });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.json()).toMatchObject({ status: 429, code: 'request.rate-limited', title: 'Trop de requêtes' });
    expect((await get('/api/v1/stats')).json()).toMatchObject({ status: 429, title: 'Too many requests' });
  });

  it('another address keeps its own budget', async () => {
    expect((await get('/api/v1/stats', '192.0.2.2')).statusCode).toBe(200);
  });

  it('pages are not limited by it', async () => {
    for (let i = 0; i < 10; i += 1) {
      const page = await get(i % 2 ? '/en/supporters' : '/fr/supporters', '192.0.2.1');
      expect(page.statusCode).toBe(200);
    }
  });
});
