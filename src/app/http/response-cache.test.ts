import { randomBytes } from 'node:crypto';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { ResponseCache } from './response-cache.js';

/** A server whose one route renders a 256 KB incompressible page per URL, through the cache. */
async function serverWith(cache: ResponseCache) {
  const app = Fastify();
  app.addHook('onRequest', (request, reply, done) => {
    if (!cache.serveHit(request, reply)) done();
  });
  let renders = 0;
  app.get('/page', async (request, reply) =>
    cache.send(request, reply, request.url, 'text/plain', async () => {
      renders += 1;
      return randomBytes(128 * 1024).toString('hex');
    }),
  );
  await app.ready();
  return { app, renders: () => renders };
}

describe('the response cache', () => {
  it('stays within its byte budget when a client varies an ignored parameter, dropping the oldest entries', async () => {
    const cache = new ResponseCache(2000, 4 * 1024 * 1024);
    const { app } = await serverWith(cache);
    for (let n = 0; n < 40; n++) expect((await app.inject({ url: `/page?cb=${n}` })).statusCode).toBe(200);
    expect(cache.size.bytes).toBeLessThanOrEqual(4 * 1024 * 1024);
    expect(cache.size.entries).toBeGreaterThan(0);
    expect(cache.size.entries).toBeLessThan(40);
    await app.close();
  });

  it('answers a repeated URL from the cache, and renders again after an invalidation', async () => {
    const cache = new ResponseCache();
    const { app, renders } = await serverWith(cache);
    const first = await app.inject({ url: '/page?x=1', headers: { 'accept-encoding': 'gzip' } });
    const second = await app.inject({ url: '/page?x=1', headers: { 'accept-encoding': 'gzip' } });
    expect(second.rawPayload.equals(first.rawPayload)).toBe(true);
    expect(renders()).toBe(1);
    cache.invalidate();
    expect(cache.size).toEqual({ entries: 0, bytes: 0 });
    await app.inject({ url: '/page?x=1' });
    expect(renders()).toBe(2);
    await app.close();
  });
});
