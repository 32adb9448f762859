import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchFailure, safeFetch } from './safe-fetch.js';

describe('the SSRF-safe fetcher', () => {
  let server: http.Server;
  let base = '';
  let hits = 0;
  let handle: http.RequestListener = (_q, r) => r.end('ok');
  beforeAll(async () => {
    server = http.createServer((request, response) => {
      hits++;
      handle(request, response);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  const local = { allowPrivate: true, maxBytes: 32 * 1024 };
  const failure = (promise: Promise<unknown>) => promise.then(() => { throw new Error('fetched'); }, (error: unknown) => error as FetchFailure);

  it('refuses a private address without reaching it', async () => {
    hits = 0;
    const error = await failure(safeFetch(new URL('http://127.0.0.1/'), { maxBytes: 100 }));
    expect(error).toBeInstanceOf(FetchFailure);
    expect(error).toMatchObject({ kind: 'refused', message: '127.0.0.1 is a private address' });
    expect(hits).toBe(0);
  });

  it('refuses a public name that resolves to a private address', async () => {
    const error = await failure(safeFetch(new URL('https://intranet.example/'), { maxBytes: 100, lookup: async () => ['10.1.2.3'] }));
    expect(error.message).toBe('intranet.example is a private address');
  });

  it('refuses a redirect to a private address, checked at each hop', async () => {
    // The start resolves to a public address; its redirect points to the cloud metadata address.
    const lookup = async () => ['93.184.216.34'];
    const fetcher = (async (url: URL) =>
      url.hostname === 'site.example' ? new Response(null, { status: 302, headers: { location: 'http://169.254.169.254/latest/meta-data/' } }) : new Response('secret')) as unknown as typeof fetch;
    const error = await failure(safeFetch(new URL('https://site.example/.well-known/security.txt'), { maxBytes: 100, lookup, fetch: fetcher }));
    expect(error).toMatchObject({ kind: 'refused', message: '169.254.169.254 is a private address' });
  });

  it('enforces the size cap: reads at most maxBytes and says the body was truncated', async () => {
    handle = (_q, r) => {
      const junk = 'x'.repeat(64 * 1024);
      for (let i = 0; i < 64 && !r.destroyed; i++) r.write(junk);
      r.end();
    };
    const page = await safeFetch(new URL(`${base}/big`), local);
    expect(page.truncated).toBe(true);
    expect(page.body).toHaveLength(32 * 1024);
    handle = (_q, r) => r.end('x'.repeat(32 * 1024));
    expect(await safeFetch(new URL(`${base}/exact`), local)).toMatchObject({ truncated: false, status: 200 });
  });

  it('follows a redirect on the same server and reports where the body came from', async () => {
    handle = (q, r) => (q.url === '/a' ? r.writeHead(301, { location: '/b' }).end() : r.end('here'));
    expect(await safeFetch(new URL(`${base}/a`), local)).toMatchObject({ body: 'here', url: new URL(`${base}/b`) });
  });

  it('applies the caller redirect rule', async () => {
    handle = (_q, r) => r.writeHead(302, { location: 'http://elsewhere.example/' }).end();
    const error = await failure(safeFetch(new URL(`${base}/a`), { ...local, redirectRule: (_f, to) => `no (${to.host})` }));
    expect(error.message).toBe('no (elsewhere.example)');
  });

  it('gives up after the timeout on a server that never answers', async () => {
    handle = () => {};
    const error = await failure(safeFetch(new URL(`${base}/slow`), { ...local, timeoutMs: 200 }));
    expect(error).toMatchObject({ kind: 'timeout', message: `timed out after 200 ms at ${base}/slow` });
  });
});
