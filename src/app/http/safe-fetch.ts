/**
 * An HTTP client that only fetches public websites (SSRF-safe), for the platform's checks of what organisations publish
 * (the joining check's `/.well-known/` file, the disclosure registry's security.txt). http(s) only, ports 80 and 443,
 * no loopback, private, link-local or unique-local address (checked before the request and again at connection, so a
 * name re-pointed in between is refused too), a few redirects each checked the same way (and by the caller's rule), a
 * capped read, one deadline for all of it. Every failure is a `FetchFailure` whose message is worded for a person.
 */
import { promises as dns } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { isPrivateAddress } from './private-address.js';

/** For each fetch, redirects included. */
export const defaultTimeoutMs = 5000;

export interface SafeFetchOptions {
  /** Bytes read at most; the transfer stops there and the page says it was truncated. */
  maxBytes: number;
  /** Replaces the built-in client (which pins the address it checked); redirects are still checked hop by hop. */
  fetch?: typeof fetch;
  /** For the whole fetch, redirects included (default 5 s). */
  timeoutMs?: number;
  /** Tests serve files from 127.0.0.1 on a random port: lifts the address and port restrictions. */
  allowPrivate?: boolean;
  /** Resolves a host name to its addresses (default `dns.lookup`, all addresses). */
  lookup?: (host: string) => Promise<string[]>;
  /** Redirects followed at most (default 3). */
  maxRedirects?: number;
  /** The caller's rule for a redirect (e.g. only within the site): returns a refusal reason, or null to follow. */
  redirectRule?: (from: URL, to: URL, start: URL) => string | null;
  /** Sent as `accept` (default text). */
  accept?: string;
  userAgent?: string;
}

/** A reason the fetch stopped, worded for a person (moderator, representative). */
export class FetchFailure extends Error {
  constructor(
    message: string,
    /** `refused` (SSRF rules, redirects), `timeout`, or `network` (DNS, connection, TLS). */
    readonly kind: 'refused' | 'timeout' | 'network',
  ) {
    super(message);
  }
}

export interface FetchedPage {
  /** Where the body came from, after redirects. */
  url: URL;
  status: number;
  /** The body as UTF-8, at most maxBytes (empty for a redirect). */
  body: string;
  /** True when the body was longer than maxBytes. */
  truncated: boolean;
  contentType: string | null;
}

interface Hop extends FetchedPage {
  location: string | null;
}

/** Fetches `start` under the rules above; throws a `FetchFailure`, never another error. */
export async function safeFetch(start: URL, options: SafeFetchOptions): Promise<FetchedPage> {
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  const deadline = AbortSignal.timeout(timeoutMs);
  try {
    const { location: _location, ...page } = await Promise.race([follow(start, options, deadline), rejectOnAbort(deadline)]);
    return page;
  } catch (error) {
    if (error instanceof FetchFailure) throw error;
    if (deadline.aborted) throw new FetchFailure(`timed out after ${timeoutMs} ms at ${start.href}`, 'timeout');
    throw new FetchFailure(`could not fetch ${start.href}: ${errorCode(error)}`, 'network');
  }
}

async function follow(start: URL, options: SafeFetchOptions, signal: AbortSignal): Promise<Hop> {
  const maxRedirects = options.maxRedirects ?? 3;
  let url = start;
  for (let hop = 0; ; hop++) {
    await assertReachable(url, options);
    const page = await (options.fetch ? getWithFetch(options.fetch, url, options, signal) : getWithNode(url, options, signal));
    if (page.status < 300 || page.status > 399 || !page.location) return page;
    if (hop >= maxRedirects) throw new FetchFailure(`more than ${maxRedirects} redirects from ${start.href}`, 'refused');
    const next = parseUrl(page.location, url);
    if (!next) throw new FetchFailure(`invalid redirect from ${url.href}`, 'refused');
    const refusal = options.redirectRule?.(url, next, start);
    if (refusal) throw new FetchFailure(refusal, 'refused');
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

async function assertReachable(url: URL, options: SafeFetchOptions): Promise<void> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchFailure(`only http and https (${url.protocol})`, 'refused');
  if (options.allowPrivate) return;
  if (url.port !== '' && url.port !== '80' && url.port !== '443') throw new FetchFailure(`only ports 80 and 443 (${url.host})`, 'refused');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = net.isIP(host) ? [host] : await resolveHost(host, options);
  if (addresses.some(isPrivateAddress)) throw new FetchFailure(`${host} is a private address`, 'refused');
}

async function resolveHost(host: string, options: SafeFetchOptions): Promise<string[]> {
  const addresses = await (options.lookup ?? systemLookup)(host).catch((error: unknown) => {
    throw new FetchFailure(`${host} does not resolve (${errorCode(error)})`, 'network');
  });
  if (addresses.length === 0) throw new FetchFailure(`${host} does not resolve`, 'network');
  return addresses;
}

const systemLookup = async (host: string) => (await dns.lookup(host, { all: true })).map((entry) => entry.address);

/** Checked again at connection time, on the addresses the socket will really use (DNS rebinding). */
function guardedLookup(options: SafeFetchOptions): net.LookupFunction {
  return (hostname, lookupOptions, callback) => {
    const family = lookupOptions.family === 'IPv6' ? 6 : lookupOptions.family === 'IPv4' ? 4 : lookupOptions.family;
    resolveHost(hostname, options).then(
      (addresses) => {
        if (!options.allowPrivate && addresses.some(isPrivateAddress)) return callback(new FetchFailure(`${hostname} is a private address`, 'refused'), '');
        const entries = addresses.filter((a) => !family || net.isIP(a) === family).map((address) => ({ address, family: net.isIP(address) }));
        const [first] = entries;
        if (!first) return callback(new FetchFailure(`${hostname} has no IPv${family} address`, 'network'), '');
        return lookupOptions.all ? callback(null, entries) : callback(null, first.address, first.family);
      },
      (error: Error) => callback(error, ''),
    );
  };
}

function headersOf(options: SafeFetchOptions): Record<string, string> {
  return { 'user-agent': options.userAgent ?? 'ParisCallPlatform-verification/1', accept: options.accept ?? 'text/plain, */*;q=0.1' };
}

function getWithNode(url: URL, options: SafeFetchOptions, signal: AbortSignal): Promise<Hop> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const request = client.request(url, { headers: headersOf(options), lookup: guardedLookup(options), signal, agent: false }, (response) => {
      const status = response.statusCode ?? 0;
      const location = response.headers.location ?? null;
      const contentType = response.headers['content-type'] ?? null;
      if (status >= 300 && status <= 399) {
        response.destroy();
        return resolve({ url, status, location, body: '', truncated: false, contentType });
      }
      readLimited(response, options.maxBytes).then((read) => resolve({ url, status, location, contentType, ...read }), reject);
    });
    request.on('error', reject);
    request.end();
  });
}

async function getWithFetch(fetcher: typeof fetch, url: URL, options: SafeFetchOptions, signal: AbortSignal): Promise<Hop> {
  const response = await fetcher(url, { redirect: 'manual', signal, headers: headersOf(options) });
  const location = response.headers.get('location');
  const contentType = response.headers.get('content-type');
  const redirect = response.status >= 300 && response.status <= 399;
  const read = redirect || !response.body ? { body: '', truncated: false } : await readLimited(chunksOf(response.body), options.maxBytes);
  if (redirect) await response.body?.cancel().catch(() => {});
  return { url, status: response.status, location, contentType, ...read };
}

/** Reads at most maxBytes, then stops the transfer: a huge or endless body costs nothing. */
async function readLimited(chunks: AsyncIterable<Uint8Array>, maxBytes: number): Promise<{ body: string; truncated: boolean }> {
  const kept: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    kept.push(chunk);
    size += chunk.byteLength;
    if (size > maxBytes) break; // leaving the loop destroys the stream and its socket
  }
  return { body: Buffer.concat(kept).subarray(0, maxBytes).toString('utf8'), truncated: size > maxBytes };
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

/** A short reason: the Node error code (`ENOTFOUND`, `ECONNREFUSED`…) or the message. */
export function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : error instanceof Error ? error.message : String(error);
}
