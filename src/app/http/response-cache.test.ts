import { randomBytes } from 'node:crypto';
import Fastify from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ResponseCache } from './response-cache.js';

/** Query of the test routes: a known number with a default, and a list, as the registry's filters have. */
const querySchema = z.object({
  n: z.coerce.number().int().min(0).default(0),
  tag: z.union([z.string(), z.array(z.string())]).optional().transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
});

/**
 * A server, wired as the platform's (the cache's hook first), whose routes render a 256 KB incompressible page per
 * URL through the cache: `/page` validates its query with its route schema, `/handler-page` in its handler (as pages
 * do, declaring the schema to the cache), `/items/:id` reads no query.
 */
async function serverWith(cache: ResponseCache) {
  const app = Fastify({ routerOptions: { ignoreTrailingSlash: true } });
  app.setValidatorCompiler(validatorCompiler);
  app.addHook('onRequest', (request, reply, done) => {
    if (!cache.serveHit(request, reply)) done();
  });
  let renders = 0;
  const urls: string[] = [];
  const render = async (url: string) => {
    renders += 1;
    urls.push(url);
    return randomBytes(128 * 1024).toString('hex');
  };
  app.get('/page', { schema: { querystring: querySchema } }, async (request, reply) => cache.send(request, reply, 'text/plain', render));
  app.get('/handler-page', { config: { cacheQuery: querySchema } }, async (request, reply) => {
    const parsed = querySchema.safeParse(request.query);
    if (!parsed.success) return reply.code(400).send('invalid');
    return cache.send(request, reply, 'text/plain', render);
  });
  app.get('/items/:id', async (request, reply) => cache.send(request, reply, 'text/plain', render));
  await app.ready();
  return { app, renders: () => renders, urls };
}

describe('the response cache', () => {
  it('stays within its byte budget when a client asks for many distinct valid URLs, dropping the oldest entries', async () => {
    const cache = new ResponseCache(2000, 4 * 1024 * 1024);
    const { app } = await serverWith(cache);
    for (let n = 0; n < 40; n++) expect((await app.inject({ url: `/page?n=${n}` })).statusCode).toBe(200);
    expect(cache.size.bytes).toBeLessThanOrEqual(4 * 1024 * 1024);
    expect(cache.size.entries).toBeGreaterThan(0);
    expect(cache.size.entries).toBeLessThan(40);
    await app.close();
  });

  it('keeps one entry, rendered once, for many distinct values of a parameter no route knows', async () => {
    const cache = new ResponseCache();
    const { app, renders, urls } = await serverWith(cache);
    for (let cb = 0; cb < 50; cb++) {
      expect((await app.inject({ url: `/page?cb=${cb}&n=3` })).statusCode).toBe(200);
      expect((await app.inject({ url: `/handler-page?junk=${cb}` })).statusCode).toBe(200);
      expect((await app.inject({ url: `/items/a${cb % 2 ? '/' : ''}?cb=${cb}` })).statusCode).toBe(200);
    }
    expect(cache.size.entries).toBe(3);
    expect(renders()).toBe(3);
    // What a page is rendered for (its links to itself) is the canonical URL, never the junk it was first asked with.
    expect(urls).toEqual(['/page?n=3', '/handler-page', '/items/a']);
    await app.close();
  });

  it('shares one entry between the default and no query, the same values in any order, and a path in any encoding', async () => {
    const cache = new ResponseCache();
    const { app, renders } = await serverWith(cache);
    for (const url of ['/page', '/page?n=0', '/page?cb=1&n=0', '/page/?n=00']) await app.inject({ url });
    for (const url of ['/page?n=2&tag=x&tag=y', '/page?tag=x&n=2&tag=y', '/page?tag=x&tag=y&n=2&cb=1']) await app.inject({ url });
    for (const url of ['/items/abc', '/items/%61bc', '/items/ab%63/']) await app.inject({ url });
    expect(renders()).toBe(3);
    expect(cache.size.entries).toBe(3);
    await app.close();
  });

  it('keeps distinct entries for distinct values of the parameters a route knows', async () => {
    const cache = new ResponseCache();
    const { app, renders } = await serverWith(cache);
    const urls = ['/page?n=1', '/page?n=2', '/page?tag=x', '/page?tag=x&tag=y', '/page?tag=y&tag=x', '/handler-page?n=1', '/items/a', '/items/b'];
    const bodies = new Set<string>();
    for (const url of urls) bodies.add((await app.inject({ url })).body);
    expect(bodies.size).toBe(urls.length);
    expect(renders()).toBe(urls.length);
    expect(cache.size.entries).toBe(urls.length);
    await app.close();
  });

  it('refuses a bad value, and caches nothing for it', async () => {
    const cache = new ResponseCache();
    const { app, renders } = await serverWith(cache);
    expect((await app.inject({ url: '/page?n=-1' })).statusCode).toBe(400);
    expect((await app.inject({ url: '/handler-page?n=x' })).statusCode).toBe(400);
    await app.inject({ url: '/page' });
    expect((await app.inject({ url: '/page?n=-1' })).statusCode).toBe(400);
    expect(renders()).toBe(1);
    expect(cache.size.entries).toBe(1);
    await app.close();
  });

  it('answers a repeated URL from the cache, and renders again after an invalidation', async () => {
    const cache = new ResponseCache();
    const { app, renders } = await serverWith(cache);
    const first = await app.inject({ url: '/page?n=1', headers: { 'accept-encoding': 'gzip' } });
    const second = await app.inject({ url: '/page?n=1', headers: { 'accept-encoding': 'gzip' } });
    expect(second.rawPayload.equals(first.rawPayload)).toBe(true);
    expect(renders()).toBe(1);
    cache.invalidate();
    expect(cache.size).toEqual({ entries: 0, bytes: 0 });
    await app.inject({ url: '/page?n=1' });
    expect(renders()).toBe(2);
    await app.close();
  });

  it('does not store an answer whose data was read before a change (readSince), and stores it when nothing changed', async () => {
    const cache = new ResponseCache();
    const app = Fastify();
    app.addHook('onRequest', (request, reply, done) => {
      if (!cache.serveHit(request, reply)) done();
    });
    let renders = 0;
    let changeWhileReading = true;
    app.get('/read-first', async (request, reply) => {
      const readSince = cache.currentVersion;
      const data = `read at ${readSince}`; // the handler's reads
      if (changeWhileReading) cache.invalidate(); // a publication lands between the reads and the render
      return cache.send(request, reply, 'text/plain', async () => {
        renders += 1;
        return data;
      }, readSince);
    });
    await app.ready();
    await app.inject({ url: '/read-first' });
    await app.inject({ url: '/read-first' });
    expect(renders).toBe(2);
    changeWhileReading = false;
    await app.inject({ url: '/read-first' });
    await app.inject({ url: '/read-first' });
    expect(renders).toBe(3);
    await app.close();
  });
});
