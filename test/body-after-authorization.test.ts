/**
 * Issue 12, item 3, on every route that takes a body: a route for signed-in people (or the secretariat, or
 * administrators) answers an anonymous client before reading its body, so a stranger cannot make the server hold
 * megabytes. The routes are the declared ones (`<module>.access.ts`, the list the authorization matrix checks) that
 * take a POST and are not open to everyone; each gets a body announced as large as the route accepts (one byte under
 * the server's body limit, beyond which Fastify answers 413 unread; 24 MB on the index secretariat's multipart forms)
 * of which one kilobyte is sent, and the refusal must come back while the rest is still unsent. (Routes open to everyone, or to whoever holds an e-mailed
 * token, read their body to decide: the body limit and the rate limits hold them.)
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveTestApp, type ServedTestApp } from './helpers/app.js';
import { appAccess } from '../src/app/app.access.js';
import type { RouteAccess } from '../src/app/authz/access.js';
import { modules } from '../src/app/modules.js';

let t: ServedTestApp;
beforeAll(async () => {
  t = await serveTestApp();
});
afterAll(async () => t?.close());

const declarations: RouteAccess[] = [...appAccess, ...modules.flatMap((module) => module.access ?? [])];
const guarded = declarations.filter((d) => d.method === 'POST' && d.access !== 'public' && d.access !== 'token');

/** A concrete URL for a declared path: any value for its parameters (the refusal must not depend on them). */
const urlOf = (path: string) => path.replace(':locale', 'en').replace(/:[A-Za-z]+/g, 'pilot');

/** The body each route's forms send (the index secretariat's are multipart, the others urlencoded), and its announced size. */
function bodyStart(url: string): { type: string; chunk: string; length: number } {
  if (url.startsWith('/en/secretariat/index')) {
    const chunk = `--x\r\nContent-Disposition: form-data; name="iData"; filename="a.csv"\r\n\r\n${'a'.repeat(1024)}`;
    return { type: 'multipart/form-data; boundary=x', chunk, length: 24 * 1024 * 1024 };
  }
  return { type: 'application/x-www-form-urlencoded', chunk: `name=${'a'.repeat(1024)}`, length: t.app.initialConfig.bodyLimit! - 1 };
}

/** Sends the headers and the first kilobyte of a body announced as the route's largest; resolves with the status line. */
function statusBeforeBody(url: string): Promise<string> {
  const { hostname, port } = new URL(t.base);
  const { type, chunk, length } = bodyStart(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => {
      socket.write(`POST ${url} HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: ${type}\r\nContent-Length: ${length}\r\n\r\n`);
      socket.write(chunk);
    });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error('no answer before the body was sent: the server waited for it'));
    }, 5_000);
    socket.once('data', (data) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(data.toString('latin1').split('\r\n')[0] ?? '');
    });
    socket.once('error', reject);
  });
}

describe('a route that needs a signed-in person refuses an anonymous client before reading its body', () => {
  it('the declarations name such routes in every module that has them', () => {
    const paths = guarded.map((d) => d.path);
    expect(paths).toContain('/:locale/account/profile');
    expect(paths).toContain('/:locale/secretariat/users');
    expect(paths).toContain('/:locale/secretariat/applications/:id/approve');
    expect(paths).toContain('/:locale/account/organisations/:supporterId/edit');
    expect(paths).toContain('/:locale/secretariat/index/:slug/publish');
  });

  it.each(guarded.map((d) => [`${d.method} ${d.path} (${d.access})`, d] as const))('%s is answered before its body arrives', async (_name, declared) => {
    const status = await statusBeforeBody(urlOf(declared.path));
    expect(status).toMatch(/^HTTP\/1\.1 (303|401|403|404) /);
  });
});
