/**
 * The `/.well-known/pariscall-verification.txt` check: an HTTP client that only fetches public websites (SSRF-safe),
 * follows redirects only within the site, reads a few kilobytes and gives up after a few seconds. Its outcome is a
 * signal for the moderator (applications.signals.ts), never an error.
 */
import { promises as dns } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { ApplicationSignal } from './applications.tables.js';
import { carriesCode, isPrivateAddress, registrableDomain, wellKnownPath } from './applications.verification.js';

/** For each network check, redirects included. */
export const defaultTimeoutMs = 5000;
const maxBodyBytes = 4096;
const maxRedirects = 3;

export interface WellKnownOptions {
  /** Replaces the built-in client (which pins the address it checked); redirects are still checked hop by hop. */
  fetch?: typeof fetch;
  /** For the whole check, redirects included (default 5 s). */
  timeoutMs?: number;
  /** Tests serve the file from 127.0.0.1 on a random port: lifts the address and port restrictions. */
  allowPrivate?: boolean;
  /** Resolves a host name to its addresses (default `dns.lookup`, all addresses). */
  lookup?: (host: string) => Promise<string[]>;
}

/** A reason the check stopped, worded for the moderator. */
class Refused extends Error {}

/**
 * Fetches `<website scheme>://<host>/.well-known/pariscall-verification.txt` and passes when it carries the code. Safe
 * against SSRF: http(s) only, ports 80 and 443, no loopback, private, link-local or unique-local address (checked
 * before the request and again at connection, so a name re-pointed in between is refused too), redirects only within
 * the same registrable domain (`example.org` → `www.example.org`, never to another site), 4 KB read, 5 s in all.
 */
export async function checkWellKnown(website: string, code: string, options: WellKnownOptions = {}): Promise<ApplicationSignal> {
  const checkedAt = new Date().toISOString();
  const signal = (status: 'pass' | 'fail', detail: string): ApplicationSignal => ({ kind: 'well-known', status, checkedAt, detail });
  let start: URL;
  try {
    start = new URL(wellKnownPath, website);
    start.username = start.password = '';
  } catch {
    return signal('fail', 'the website is not a URL');
  }
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  const deadline = AbortSignal.timeout(timeoutMs);
  try {
    const page = await Promise.race([fetchWithinSite(start, options, deadline), rejectOnAbort(deadline)]);
    if (page.status < 200 || page.status > 299) return signal('fail', `HTTP ${page.status} at ${page.url.href}`);
    if (carriesCode(page.body, code)) return signal('pass', page.url.href);
    return signal('fail', `the code is not in the first ${maxBodyBytes} bytes of ${page.url.href}`);
  } catch (error) {
    if (error instanceof Refused) return signal('fail', error.message);
    if (deadline.aborted) return signal('fail', `timed out after ${timeoutMs} ms at ${start.href}`);
    return signal('fail', `could not fetch ${start.href}: ${errorCode(error)}`);
  }
}

interface Page {
  url: URL;
  status: number;
  location: string | null;
  body: string;
}

async function fetchWithinSite(start: URL, options: WellKnownOptions, signal: AbortSignal): Promise<Page> {
  let url = start;
  for (let hop = 0; ; hop++) {
    await assertReachable(url, options);
    const page = await (options.fetch ? getWithFetch(options.fetch, url, signal) : getWithNode(url, options, signal));
    if (page.status < 300 || page.status > 399 || !page.location) return page;
    if (hop >= maxRedirects) throw new Refused(`more than ${maxRedirects} redirects from ${start.href}`);
    const next = parseUrl(page.location, url);
    if (!next) throw new Refused(`invalid redirect from ${url.href}`);
    const site = registrableDomain(url.href);
    if (next.hostname !== url.hostname && (!site || registrableDomain(next.href) !== site)) {
      throw new Refused(`redirected to another site (${next.host}); the file must be served at ${start.href}`);
    }
    next.username = next.password = '';
    url = next;
  }
}

/** `URL.parse` arrived in Node 22; we support Node 20. */
function parseUrl(value: string, base: URL): URL | null {
  try {
    return new URL(value, base);
  } catch {
    return null;
  }
}

async function assertReachable(url: URL, options: WellKnownOptions): Promise<void> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Refused(`only http and https (${url.protocol})`);
  if (options.allowPrivate) return;
  if (url.port !== '' && url.port !== '80' && url.port !== '443') throw new Refused(`only ports 80 and 443 (${url.host})`);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = net.isIP(host) ? [host] : await resolveHost(host, options);
  if (addresses.some(isPrivateAddress)) throw new Refused(`${host} is a private address`);
}

async function resolveHost(host: string, options: WellKnownOptions): Promise<string[]> {
  const addresses = await (options.lookup ?? systemLookup)(host).catch((error: unknown) => {
    throw new Refused(`${host} does not resolve (${errorCode(error)})`);
  });
  if (addresses.length === 0) throw new Refused(`${host} does not resolve`);
  return addresses;
}

const systemLookup = async (host: string) => (await dns.lookup(host, { all: true })).map((entry) => entry.address);

/** Checked again at connection time, on the addresses the socket will really use (DNS rebinding). */
function guardedLookup(options: WellKnownOptions): net.LookupFunction {
  return (hostname, lookupOptions, callback) => {
    const family = lookupOptions.family === 'IPv6' ? 6 : lookupOptions.family === 'IPv4' ? 4 : lookupOptions.family;
    resolveHost(hostname, options).then(
      (addresses) => {
        if (!options.allowPrivate && addresses.some(isPrivateAddress)) return callback(new Refused(`${hostname} is a private address`), '');
        const entries = addresses.filter((a) => !family || net.isIP(a) === family).map((address) => ({ address, family: net.isIP(address) }));
        const [first] = entries;
        if (!first) return callback(new Refused(`${hostname} has no IPv${family} address`), '');
        return lookupOptions.all ? callback(null, entries) : callback(null, first.address, first.family);
      },
      (error: Error) => callback(error, ''),
    );
  };
}

function getWithNode(url: URL, options: WellKnownOptions, signal: AbortSignal): Promise<Page> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const request = client.request(url, { headers: requestHeaders, lookup: guardedLookup(options), signal, agent: false }, (response) => {
      const status = response.statusCode ?? 0;
      const location = response.headers.location ?? null;
      if (status >= 300 && status <= 399) {
        response.destroy();
        return resolve({ url, status, location, body: '' });
      }
      readLimited(response).then((body) => resolve({ url, status, location, body }), reject);
    });
    request.on('error', reject);
    request.end();
  });
}

async function getWithFetch(fetcher: typeof fetch, url: URL, signal: AbortSignal): Promise<Page> {
  const response = await fetcher(url, { redirect: 'manual', signal, headers: requestHeaders });
  const location = response.headers.get('location');
  const redirect = response.status >= 300 && response.status <= 399;
  const body = redirect || !response.body ? '' : await readLimited(chunksOf(response.body));
  if (redirect) await response.body?.cancel().catch(() => {});
  return { url, status: response.status, location, body };
}

const requestHeaders = { 'user-agent': 'ParisCallPlatform-verification/1', accept: 'text/plain, */*;q=0.1' };

/** Reads at most maxBodyBytes, then stops the transfer: a huge or endless body costs nothing. */
async function readLimited(chunks: AsyncIterable<Uint8Array>): Promise<string> {
  const kept: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    kept.push(chunk);
    size += chunk.byteLength;
    if (size >= maxBodyBytes) break; // leaving the loop destroys the stream and its socket
  }
  return Buffer.concat(kept).subarray(0, maxBodyBytes).toString('utf8');
}

async function* chunksOf(body: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
}

/** Rejects with the signal's reason when it aborts: raced against a check so a deadline covers all of it. */
export function rejectOnAbort(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));
}

/** A short reason for the moderator: the Node error code (`ENOTFOUND`, `ECONNREFUSED`…) or the message. */
export function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : error instanceof Error ? error.message : String(error);
}
