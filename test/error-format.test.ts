/**
 * Issue 12, item 13: one error format for the API and the data routes. Every refusal of an `/api/…` or download URL
 * (`*.csv`, `*.json`, `*.xlsx`) is RFC 9457 problem+json with a localized title and the security headers helmet gives
 * every other answer, whoever refuses it: a route's validation, the router (an undecodable path, a parameter over
 * maxParamLength), the API's rate limit in the first hook, or Node's HTTP parser (431, 414, 400) on the raw socket.
 * Pages keep their HTML error page. Over real HTTP, since the parser's refusals never reach `inject`.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureSite, serveTestApp, type ServedTestApp } from './helpers/app.js';

let t: ServedTestApp;
let limited: ServedTestApp;
beforeAll(async () => {
  [t, limited] = await Promise.all([serveTestApp({ site: fixtureSite }), serveTestApp({ config: { rateLimitPerMinute: 2 } })]);
});
afterAll(async () => Promise.all([t?.close(), limited?.close()]));

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

async function get(base: string, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(base + path, { headers, redirect: 'manual' });
  return { status: response.status, headers: Object.fromEntries(response.headers), body: await response.text() };
}

/** Writes `head` on a fresh connection and reads the answer until the server closes it. */
function raw(head: string): Promise<Answer> {
  const { hostname, port } = new URL(t.base);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = net.connect(Number(port), hostname, () => socket.write(head));
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [top = '', body = ''] = text.split('\r\n\r\n', 2);
      const [statusLine = '', ...lines] = top.split('\r\n');
      const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body });
    });
  });
}

/** A problem+json answer with its RFC 9457 fields and the security headers. */
function expectProblem(answer: Answer, status: number, code: string, title: string): void {
  expect(answer.status).toBe(status);
  expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
  const problem = JSON.parse(answer.body) as Record<string, unknown>;
  expect(problem).toMatchObject({ type: `/api/problems/${code}`, title, status, code });
  expect(answer.headers['content-security-policy']).toContain("default-src 'self'");
  expect(answer.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(answer.headers['x-content-type-options']).toBe('nosniff');
  expect(answer.headers['referrer-policy']).toBe('no-referrer');
}

function expectErrorPage(answer: Answer, status: number, title: string): void {
  expect(answer.status).toBe(status);
  expect(answer.headers['content-type']).toMatch(/^text\/html/);
  expect(answer.body).toContain(`<h1>${title}</h1>`);
  expect(answer.headers['content-security-policy']).toContain("default-src 'self'");
  expect(answer.headers['x-content-type-options']).toBe('nosniff');
}

describe('errors of the data routes, answered by the route', () => {
  it('a bad filter on the CSV export, query string and all, is problem+json in the asked language', async () => {
    const answer = await get(t.base, '/supporters.csv?country=zz', { 'accept-language': 'fr' });
    expectProblem(answer, 400, 'request.invalid', 'La requête contient des valeurs invalides');
    expect(JSON.parse(answer.body)).toMatchObject({ instance: '/supporters.csv', errors: [expect.objectContaining({ field: 'querystring.country' })] });
  });

  it.each(['/api/v1/index/editions/none/results.csv?x=1', '/api/v1/index/editions/none/results.json', '/api/v1/index/editions/none/results.xlsx'])(
    'an unknown edition’s download is a 404 problem: %s',
    async (path) => {
      const answer = await get(t.base, path);
      expect(answer.status).toBe(404);
      expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
    },
  );
});

describe('errors raised before the route runs', () => {
  it('a path that does not decode is a 400 problem on the API, an error page on a page', async () => {
    expectProblem(await get(t.base, '/api/v1/supporters/%zz'), 400, 'request.bad-url', 'This address is not valid: it holds a malformed percent-encoded character');
    expectProblem(
      await get(t.base, '/api/v1/supporters/%zz', { 'accept-language': 'fr-CA, en;q=0.5' }),
      400,
      'request.bad-url',
      'Cette adresse n’est pas valide : elle contient un caractère encodé en pourcentage mal formé',
    );
    expectErrorPage(await get(t.base, '/fr/supporters/%zz'), 400, 'Cette adresse n’est pas valide : elle contient un caractère encodé en pourcentage mal formé');
  });

  it('a path parameter over the router’s limit is a 414 problem on the API, an error page on a page', async () => {
    expectProblem(await get(t.base, `/api/v1/supporters/${'a'.repeat(150)}`), 414, 'request.uri-too-long', 'This address is too long');
    expectErrorPage(await get(t.base, `/en/supporters/${'a'.repeat(150)}`), 414, 'This address is too long');
  });

  it('the API’s rate limit, answered in the first hook, is a 429 problem with the security headers and retry-after', async () => {
    let answer = await get(limited.base, '/api/v1/stats');
    for (let i = 0; i < 3 && answer.status !== 429; i++) answer = await get(limited.base, '/api/v1/stats', { 'accept-language': 'fr' });
    expectProblem(answer, 429, 'request.rate-limited', 'Trop de requêtes');
    expect(Number(answer.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('requests Node’s HTTP parser refuses, answered on the socket', () => {
  it('headers over the size limit are a 431 problem, in the language the packet asks for', async () => {
    const answer = await raw(`GET /api/v1/stats HTTP/1.1\r\nHost: x\r\nAccept-Language: fr\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expectProblem(answer, 431, 'request.headers-too-large', 'Les en-têtes de la requête sont trop volumineux');
    expect(answer.headers.connection).toBe('close');
    expect(Number(answer.headers['content-length'])).toBe(Buffer.byteLength(answer.body));
  });

  it('an address alone over the limit is a 414 problem on the API and the downloads, an error page on a page', async () => {
    expectProblem(await raw(`GET /api/v1/supporters?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`), 414, 'request.uri-too-long', 'This address is too long');
    expectProblem(await raw(`GET /supporters.csv?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`), 414, 'request.uri-too-long', 'This address is too long');
    expectErrorPage(await raw(`GET /fr/supporters?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`), 414, 'Cette adresse est trop longue');
  });

  it('a request that is not HTTP is a 400 problem', async () => {
    expectProblem(await raw('NOT HTTP\r\n\r\n'), 400, 'request.malformed', 'This request could not be understood');
  });
});
