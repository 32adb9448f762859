import http from 'node:http';
import os from 'node:os';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../src/app/config/config.js';
import type { DatabaseHandle } from '../src/app/database/database.js';
import { createTestDatabase } from '../src/app/database/test-utils.js';
import { createServer, type App } from '../src/app/server.js';
import { supporters } from '../src/modules/supporters/supporters.tables.js';
import { fixtureSite, serveTestApp, type ServedTestApp } from './helpers/app.js';
import { freePort } from './helpers/net.js';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** One GET over a real connection (the front is the HTTP server's listener: `inject` never reaches it). */
function get(base: string, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${base}${path}`, { method, headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end();
  });
}

/** The headers that must be the same on a routed and a front answer (the date and connection ones are per answer). */
function stable(headers: http.IncomingHttpHeaders): Record<string, unknown> {
  const { date: _date, connection: _connection, 'keep-alive': _keepAlive, ...rest } = headers;
  return rest;
}

/**
 * The cache front (src/app/http/cache-front.ts) answers a GET whose URL was answered before without Fastify: these
 * tests check it gives what the routed path gives, forgets on a change, and counts the API's per-address budget once.
 */
describe('cached answers written before Fastify', () => {
  let t: ServedTestApp;
  beforeAll(async () => {
    t = await serveTestApp({ site: fixtureSite, config: { rateLimitPerMinute: 6 } });
  }, 60_000);
  afterAll(async () => t?.close());

  it('answers a page seen before with the routed answer: same status, security headers, ETag and bytes, in every encoding', async () => {
    const path = '/en/supporters?cb=front-1';
    const serveHit = vi.spyOn(t.app.context.cache, 'serveHit');
    const routed = await get(t.base, path, { 'accept-encoding': 'gzip' });
    expect(routed.status).toBe(200);
    expect(serveHit).toHaveBeenCalledTimes(1); // a miss: routed, rendered and stored
    const front = await get(t.base, path, { 'accept-encoding': 'gzip' });
    expect(serveHit).toHaveBeenCalledTimes(1); // the second never reached Fastify's hooks
    serveHit.mockRestore();
    expect(front.status).toBe(200);
    expect(stable(front.headers)).toEqual(stable(routed.headers));
    expect(front.headers['content-security-policy']).toContain("default-src 'self'");
    expect(front.headers['x-content-type-options']).toBe('nosniff');
    expect(front.body.equals(routed.body)).toBe(true);
    const html = gunzipSync(front.body).toString('utf8');
    expect(html).toContain('<html');
    const br = await get(t.base, path, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).toString('utf8')).toBe(html);
    const identity = await get(t.base, path);
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.body.toString('utf8')).toBe(html);
    expect(Number(identity.headers['content-length'])).toBe(identity.body.length);
    const notModified = await get(t.base, path, { 'if-none-match': String(front.headers.etag) });
    expect(notModified.status).toBe(304);
    expect(notModified.body.length).toBe(0);
  });

  it('leaves HEAD and other methods to Fastify', async () => {
    await get(t.base, '/en/supporters');
    const head = await get(t.base, '/en/supporters', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect((await get(t.base, '/en/supporters', {}, 'DELETE')).status).toBe(404);
  });

  it('serves the new data on the first request after a registry change', async () => {
    const [one] = await t.database.db.select({ id: supporters.id, name: supporters.name, slug: supporters.slug }).from(supporters).limit(1);
    const path = `/en/supporters/${one!.slug}`;
    await get(t.base, path);
    const before = await get(t.base, path);
    expect(before.body.toString('utf8')).toContain(one!.name.replaceAll('&', '&amp;').slice(0, 10));
    await t.database.db.update(supporters).set({ name: 'Renamed Front Check Org' }).where(eq(supporters.id, one!.id));
    t.app.context.events.emit('registry.changed', { reason: 'test' });
    const after = await get(t.base, path);
    expect(after.body.toString('utf8')).toContain('Renamed Front Check Org');
    expect(after.headers.etag).not.toBe(before.headers.etag);
  });

  it('counts every API answer it gives against the address budget, once: the seventh in a minute is a 429 problem', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await get(t.base, '/api/v1/stats?cb=budget')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
    const limited = await get(t.base, '/api/v1/stats?cb=budget', { 'accept-language': 'fr' });
    expect(limited.status).toBe(429);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.headers['content-security-policy']).toContain("default-src 'self'");
    expect(JSON.parse(limited.body.toString('utf8'))).toMatchObject({ status: 429, title: 'Trop de requêtes' });
    // Pages are not limited by it, whether the front or the route answers them.
    for (let i = 0; i < 8; i += 1) expect((await get(t.base, '/en/supporters')).status).toBe(200);
  });
});

describe('cached API answers behind a trusted proxy', () => {
  let app: App;
  let database: DatabaseHandle;
  let base = '';
  beforeAll(async () => {
    // TRUST_PROXY as the environment gives it (the configuration reads it as text).
    const config = loadConfig({ TRUST_PROXY: 'true', RATE_LIMIT_PER_MINUTE: '2' }, { importOnEmpty: '', logLevel: 'silent', dataDir: os.tmpdir() });
    database = await createTestDatabase();
    app = await createServer({ config, database, logger: false });
    const port = await freePort();
    await app.listen({ port, host: '127.0.0.1' });
    base = `http://127.0.0.1:${port}`;
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('keeps the budget by the X-Forwarded-For client, as the routed path does', async () => {
    const as = (client: string) => get(base, '/api/v1/stats', { 'x-forwarded-for': `${client}, 10.0.0.1` });
    expect([(await as('198.51.100.1')).status, (await as('198.51.100.1')).status, (await as('198.51.100.1')).status]).toEqual([200, 200, 429]);
    expect([(await as('198.51.100.2')).status, (await as('198.51.100.2')).status, (await as('198.51.100.2')).status]).toEqual([200, 200, 429]);
  });
});
