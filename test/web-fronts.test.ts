/**
 * Web fronts (src/app/http/web-front.ts, web-fronts.ts): processes beside the server that answer cached GETs from
 * their copy of the response cache and pass the rest to the server. The first suite runs a front in this process,
 * on its own port, so each request's path is known; the last starts `pariscall serve` with a front process.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Config } from '../src/app/config/config.js';
import { WebFront, type FromFront } from '../src/app/http/web-front.js';
import { FrontHub, frontSettings, listenForFronts } from '../src/app/http/web-fronts.js';
import { supporters } from '../src/modules/supporters/supporters.tables.js';
import { fixtureSite, repoRoot, serveTestApp, type ServedTestApp } from './helpers/app.js';
import { createTemporaryDatabase } from './helpers/database.js';
import { freePort } from './helpers/net.js';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** One request over a new connection, with an optional body. */
function request(base: string, target: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request(`${base}${target}`, { method: options.method ?? 'GET', headers: options.headers ?? {}, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

/** The headers that must be equal on two answers of the same resource (date and connection ones are per answer). */
function stable(headers: http.IncomingHttpHeaders): Record<string, unknown> {
  const { date: _date, connection: _connection, 'keep-alive': _keepAlive, ...rest } = headers;
  return rest;
}

/** Lets the messages under way between the hub and the front arrive (each is delivered on its own turn, as IPC does). */
const delivered = () => new Promise((resolve) => setTimeout(resolve, 20));

interface FrontBeside {
  front: WebFront;
  base: string;
  close(): Promise<void>;
}

/** A front in this process, on its own port, beside the test server `t`, over a channel that behaves as IPC does. */
async function frontBeside(t: ServedTestApp): Promise<FrontBeside> {
  const socket = await listenForFronts(t.app.web.front);
  const hub = new FrontHub(t.app.web.front, t.app.context.cache, 1);
  const toHub: Array<(message: FromFront) => void> = [];
  // Messages are cloned as the IPC channel's structured serialisation does, and delivered in order, later.
  const front = new WebFront(frontSettings(t.app.server, socket.path, false, t.app.web.securityHeaders), (message) =>
    setImmediate(() => toHub.forEach((listener) => listener(structuredClone(message)))),
  );
  hub.attach({ send: (message) => setImmediate(() => front.receive(structuredClone(message))), onMessage: (listener) => toHub.push(listener) });
  const port = await freePort();
  await new Promise<void>((resolve) => front.server.listen(port, '127.0.0.1', resolve));
  return {
    front,
    base: `http://127.0.0.1:${port}`,
    close: async () => {
      await front.close(100);
      hub.close();
      await socket.close();
    },
  };
}

/** A test server and a front beside it for the enclosing describe block. */
function serverWithFront(config: Partial<Config> = {}): { t: ServedTestApp; front: WebFront; frontBase: string } {
  const made = {} as { t: ServedTestApp; front: WebFront; frontBase: string; beside?: FrontBeside };
  beforeAll(async () => {
    made.t = await serveTestApp({ site: fixtureSite, config });
    made.beside = await frontBeside(made.t);
    made.front = made.beside.front;
    made.frontBase = made.beside.base;
  }, 60_000);
  afterAll(async () => {
    await made.beside?.close();
    await made.t?.close();
  });
  return made;
}

describe('a web front', () => {
  const setup = serverWithFront();
  let t: ServedTestApp;
  let front: WebFront;
  let frontBase = '';
  beforeAll(() => {
    ({ t, front, frontBase } = setup);
  });

  it('answers a page the server answered from its copy: same status, security headers, ETag and bytes, in every encoding', async () => {
    const target = '/en/supporters?cb=web-front-1';
    const serveHit = vi.spyOn(t.app.context.cache, 'serveHit');
    const passed = await request(frontBase, target, { headers: { 'accept-encoding': 'gzip' } });
    expect(passed.status).toBe(200);
    expect(serveHit).toHaveBeenCalledTimes(1); // a miss: passed to the server, rendered and stored there
    await delivered();
    expect(front.cache.hitForUrl(target)).toBeDefined();
    const copy = await request(frontBase, target, { headers: { 'accept-encoding': 'gzip' } });
    expect(serveHit).toHaveBeenCalledTimes(1); // answered by the front: the server never saw it
    serveHit.mockRestore();
    const direct = await request(t.base, target, { headers: { 'accept-encoding': 'gzip' } });
    for (const answer of [passed, copy]) {
      expect(answer.status).toBe(200);
      expect(stable(answer.headers)).toEqual(stable(direct.headers));
      expect(answer.body.equals(direct.body)).toBe(true);
    }
    expect(copy.headers['content-security-policy']).toContain("default-src 'self'");
    const html = gunzipSync(copy.body).toString('utf8');
    expect(html).toContain('<html');
    const br = await request(frontBase, target, { headers: { 'accept-encoding': 'br' } });
    expect(brotliDecompressSync(br.body).toString('utf8')).toBe(html);
    expect((await request(frontBase, target)).body.toString('utf8')).toBe(html);
    const notModified = await request(frontBase, target, { headers: { 'if-none-match': String(copy.headers.etag) } });
    expect(notModified.status).toBe(304);
  });

  it('passes every other request to the server as it came: method, body, status and headers', async () => {
    const head = await request(frontBase, '/en/supporters', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect((await request(frontBase, '/en/supporters', { method: 'DELETE' })).status).toBe(404);
    // A form without its CSRF token is refused by the server, in the platform's format, through the front.
    const form = await request(frontBase, '/en/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=someone%40example.org',
    });
    const directForm = await request(t.base, '/en/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=someone%40example.org',
    });
    expect(form.status).toBe(directForm.status);
    expect(form.headers['content-type']).toBe(directForm.headers['content-type']);
    expect(form.headers['content-security-policy']).toBe(directForm.headers['content-security-policy']);
    // A JSON body reaches the route: its validation names the field it read.
    const created = await request(frontBase, '/api/v1/cases', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"title":7}' });
    const createdDirect = await request(t.base, '/api/v1/cases', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"title":7}' });
    expect(created.status).toBe(createdDirect.status);
    expect(created.body.toString('utf8')).toBe(createdDirect.body.toString('utf8'));
  });

  it('says the server is away in the platform format and language when it does not answer: 503, retry-after', async () => {
    const orphan = new WebFront(frontSettings(t.app.server, '/nonexistent/pariscall-fronts/server.sock', false, t.app.web.securityHeaders), () => {});
    const port = await freePort();
    await new Promise<void>((resolve) => orphan.server.listen(port, '127.0.0.1', resolve));
    try {
      const page = await request(`http://127.0.0.1:${port}`, '/fr/supporters');
      expect(page.status).toBe(503);
      expect(page.headers['retry-after']).toBe('5');
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.headers['content-security-policy']).toContain("default-src 'self'");
      expect(page.body.toString('utf8')).toContain('Le service est momentanément indisponible');
      const api = await request(`http://127.0.0.1:${port}`, '/api/v1/stats', { headers: { 'accept-language': 'en' } });
      expect(api.status).toBe(503);
      expect(api.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(JSON.parse(api.body.toString('utf8'))).toMatchObject({ status: 503, title: 'The service is temporarily unavailable' });
    } finally {
      await orphan.close(100);
    }
  });

  it('serves the new data on the first request after a registry change', async () => {
    const [one] = await t.database.db.select({ id: supporters.id, name: supporters.name, slug: supporters.slug }).from(supporters).limit(1);
    const target = `/en/supporters/${one!.slug}`;
    await request(frontBase, target);
    await delivered();
    const before = await request(frontBase, target);
    expect(front.cache.hitForUrl(target)).toBeDefined();
    await t.database.db.update(supporters).set({ name: 'Renamed Web Front Org' }).where(eq(supporters.id, one!.id));
    t.app.context.events.emit('registry.changed', { reason: 'test' });
    await delivered();
    expect(front.cache.hitForUrl(target)).toBeUndefined();
    const after = await request(frontBase, target);
    expect(after.body.toString('utf8')).toContain('Renamed Web Front Org');
    expect(after.headers.etag).not.toBe(before.headers.etag);
  });
});

describe('a web front and the API budget', () => {
  const setup = serverWithFront({ rateLimitPerMinute: 6 });
  let t: ServedTestApp;
  let frontBase = '';
  beforeAll(() => {
    ({ t, frontBase } = setup);
  });

  it('spends one API budget per address with the server: the seventh request in a minute, wherever it lands, is a 429', async () => {
    const target = '/api/v1/stats?cb=web-front-budget';
    await request(t.base, target); // cached on the server, then in the front's copy
    await delivered();
    const statuses = [(await request(frontBase, target)).status];
    for (let i = 0; i < 2; i += 1) statuses.push((await request(t.base, target)).status);
    for (let i = 0; i < 2; i += 1) statuses.push((await request(frontBase, target)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    const limited = await request(frontBase, target, { headers: { 'accept-language': 'fr' } });
    expect(limited.status).toBe(429);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(JSON.parse(limited.body.toString('utf8'))).toMatchObject({ status: 429, title: 'Trop de requêtes' });
    expect((await request(t.base, target)).status).toBe(429);
    // The server keeps the budget by the address the front saw: an X-Forwarded-For the client wrote changes nothing.
    expect((await request(frontBase, target, { headers: { 'x-forwarded-for': '203.0.113.9' } })).status).toBe(429);
    expect((await request(frontBase, '/api/v1/supporters?cb=other', { headers: { 'x-forwarded-for': '203.0.113.9' } })).status).toBe(429);
  });
});

describe('pariscall serve with a web front process', () => {
  it('answers on one port from both processes, replaces a front that dies, and stops both', { timeout: 120_000 }, async () => {
    const { env, remove } = await createTemporaryDatabase('webfronts');
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/cli.ts'), 'serve'], {
      cwd: repoRoot,
      env: { ...process.env, ...env, LOG_LEVEL: 'info', HOST: '127.0.0.1', PORT: String(port), IMPORT_ON_EMPTY: '', WEB_FRONTS: '1', RATE_LIMIT_PER_MINUTE: '5' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += String(chunk)));
    child.stderr.on('data', (chunk) => (output += String(chunk)));
    try {
      for (let i = 0; i < 600 && !output.includes('Web fronts started'); i++) {
        if (child.exitCode !== null) throw new Error(`server exited:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(output).toContain('Web fronts started (WEB_FRONTS=1): 2 processes answer cached pages on this port');
      // Each request on its own connection: the kernel gives each to one of the two processes.
      const answers = [];
      for (let i = 0; i < 24; i += 1) answers.push(await request(base, '/en/supporters', { headers: { 'accept-encoding': 'gzip' } }));
      expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 200));
      expect(new Set(answers.map((answer) => answer.headers.etag)).size).toBe(1);
      // One API budget for the two processes.
      const api = [];
      for (let i = 0; i < 12; i += 1) api.push((await request(base, '/api/v1/stats')).status);
      expect(api.filter((status) => status === 200)).toHaveLength(5);
      expect(api.slice(5)).toEqual(api.slice(5).map(() => 429));
      const frontsOf = () => childPids(child.pid!).filter((pid) => commandLine(pid).includes('web-front-process'));
      const [first] = frontsOf();
      expect(first).toBeDefined();
      // A front that dies is replaced; meanwhile the server answers alone.
      process.kill(first!, 'SIGKILL');
      for (let i = 0; i < 100 && !output.includes('a web front stopped; starting another'); i++) await new Promise((resolve) => setTimeout(resolve, 100));
      expect((await request(base, '/en/supporters')).status).toBe(200);
      let replaced: number[] = [];
      for (let i = 0; i < 300 && (replaced.length === 0 || replaced.includes(first!)); i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        replaced = frontsOf().filter(isRunning);
      }
      expect(replaced).toHaveLength(1);
      expect(replaced[0]).not.toBe(first);
      for (let i = 0; i < 12; i += 1) expect((await request(base, '/en/supporters', { headers: { 'accept-encoding': 'gzip' } })).status).toBe(200);
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      expect(replaced.filter(isRunning)).toEqual([]);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await remove();
    }
  });
});

/** The processes `pid` started (Linux: /proc). */
function childPids(pid: number): number[] {
  const text = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
  return text ? text.split(/\s+/).map(Number) : [];
}

function commandLine(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return ''; // ended meanwhile
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
