/**
 * Evidence of authority, checked by the platform and shown to moderators as signals: the executive's e-mail domain,
 * the verification code published at the website (a `/.well-known/` file or a DNS TXT record), and the diplomatic route
 * for states and intergovernmental bodies. The network checks run in a job after confirmation, never in a request, and
 * a failure is a signal for the moderator, not an error.
 */
import { promises as dns } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DatabaseHandle } from '../../app/database/database.js';
import type { JobHandler } from '../../app/jobs/worker.js';
import { findDuplicates } from './applications.duplicates.js';
import { applications, type ApplicationRow, type ApplicationSignal } from './applications.tables.js';
import {
  carriesCode,
  dnsTxtPrefix,
  isFreeMailDomain,
  isIntergovernmentalName,
  isPrivateAddress,
  isSharedHostDomain,
  registrableDomain,
  wellKnownPath,
} from './applications.verification.js';

const defaultTimeoutMs = 5000;
const maxBodyBytes = 4096;
const maxRedirects = 3;

/** Pass when the executive's address is on the website's registrable domain; free mail and shared hosts never pass. */
export function emailDomainSignal(executiveEmail: string | null | undefined, website: string | null | undefined): ApplicationSignal {
  const signal = (status: 'pass' | 'fail', detail: string): ApplicationSignal => ({ kind: 'email-domain', status, checkedAt: new Date().toISOString(), detail });
  const emailDomain = executiveEmail ? registrableDomain(executiveEmail) : null;
  if (!emailDomain) return signal('fail', 'no e-mail domain');
  if (isFreeMailDomain(emailDomain)) return signal('fail', `e-mail ${emailDomain} is a free mail provider`);
  const siteDomain = website ? registrableDomain(website) : null;
  if (!siteDomain) return signal('fail', `e-mail ${emailDomain}, no website domain`);
  if (isSharedHostDomain(siteDomain)) return signal('fail', `website on ${siteDomain}, a shared host`);
  return emailDomain === siteDomain ? signal('pass', `e-mail and website on ${siteDomain}`) : signal('fail', `e-mail ${emailDomain} ≠ website ${siteDomain}`);
}

/**
 * States, and public authorities named like intergovernmental bodies, join through diplomatic channels: nothing to
 * prove here, the moderator records the note verbale reference. Null for everyone else.
 */
export function diplomaticSignal(category: string, name: string): ApplicationSignal | null {
  const route = 'diplomatic channel: record the note verbale reference';
  if (category === 'state') return { kind: 'diplomatic-channel', status: 'info', detail: `state; ${route}` };
  if (category === 'public-authority' && isIntergovernmentalName(name)) return { kind: 'diplomatic-channel', status: 'info', detail: `intergovernmental body; ${route}` };
  return null;
}

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

function rejectOnAbort(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : error instanceof Error ? error.message : String(error);
}

export interface DnsTxtOptions {
  /** Default: a resolver with short timeouts (2.5 s, 2 tries). */
  resolveTxt?: (domain: string) => Promise<string[][]>;
  timeoutMs?: number;
}

let resolver: dns.Resolver | undefined;
const systemResolveTxt = (domain: string) => (resolver ??= new dns.Resolver({ timeout: 2500, tries: 2 })).resolveTxt(domain);

/** Passes when a TXT record of the website's registrable domain reads `pariscall-verification=<code>`. */
export async function checkDnsTxt(website: string, code: string, options: DnsTxtOptions = {}): Promise<ApplicationSignal> {
  const checkedAt = new Date().toISOString();
  const signal = (status: 'pass' | 'fail', detail: string): ApplicationSignal => ({ kind: 'dns-txt', status, checkedAt, detail });
  const domain = registrableDomain(website);
  if (!domain) return signal('fail', 'the website has no registrable domain');
  const deadline = AbortSignal.timeout(options.timeoutMs ?? defaultTimeoutMs);
  try {
    const records = await Promise.race([(options.resolveTxt ?? systemResolveTxt)(domain), rejectOnAbort(deadline)]);
    // A long TXT record arrives in chunks of at most 255 characters: the record is their concatenation.
    const expected = `${dnsTxtPrefix}${code}`;
    if (code && records.some((chunks) => chunks.join('').trim() === expected)) return signal('pass', `TXT ${domain}`);
    return signal('fail', `no TXT record ${dnsTxtPrefix}… with this code on ${domain}`);
  } catch (error) {
    const reason = errorCode(error);
    if (reason === 'ENOTFOUND' || reason === 'ENODATA') return signal('fail', `no TXT record on ${domain} (${reason})`);
    if (deadline.aborted || reason === 'ETIMEOUT') return signal('fail', `DNS timed out for ${domain}`);
    return signal('fail', `DNS lookup failed for ${domain} (${reason})`);
  }
}

export type SignalDependencies = WellKnownOptions & DnsTxtOptions;

type SignalInput = Pick<ApplicationRow, 'category' | 'name' | 'website' | 'executiveEmail' | 'verificationCode'>;

/** Every signal for one application, in a stable order; the website checks only when a website is given. */
export async function computeSignals(application: SignalInput, deps: SignalDependencies = {}): Promise<ApplicationSignal[]> {
  const signals = [emailDomainSignal(application.executiveEmail, application.website)];
  if (application.website) {
    signals.push(
      ...(await Promise.all([
        checkWellKnown(application.website, application.verificationCode, deps),
        checkDnsTxt(application.website, application.verificationCode, deps),
      ])),
    );
  }
  const diplomatic = diplomaticSignal(application.category, application.name);
  if (diplomatic) signals.push(diplomatic);
  return signals;
}

const payloadSchema = z.object({ applicationId: z.string().min(1) });

/**
 * Job `applications.check-signals`: recomputes an application's signals and likely duplicates and stores them.
 * Idempotent. The row is written only if what was checked (name, website, e-mail, code) is still what it holds; if the
 * application changed meanwhile the job fails and its retry checks the new values. Purged applications are skipped.
 */
export function checkSignalsHandler(database: DatabaseHandle, deps: SignalDependencies = {}): JobHandler {
  return async (payload) => {
    const { applicationId } = payloadSchema.parse(payload);
    const [application] = await database.db.select().from(applications).where(eq(applications.id, applicationId)).limit(1);
    if (!application || application.purgedAt) return;
    const [signals, duplicates] = await Promise.all([
      computeSignals(application, deps),
      findDuplicates(database.db, { name: application.name, website: application.website, excludeSupporterId: application.supporterId }),
    ]);
    const updated = await database.db
      .update(applications)
      .set({ signals, duplicates })
      .where(
        and(
          eq(applications.id, application.id),
          isNull(applications.purgedAt),
          eq(applications.category, application.category),
          eq(applications.name, application.name),
          eq(applications.verificationCode, application.verificationCode),
          sql`${applications.website} is not distinct from ${application.website}`,
          sql`${applications.executiveEmail} is not distinct from ${application.executiveEmail}`,
        ),
      )
      .returning({ id: applications.id });
    if (updated.length > 0) return;
    const [still] = await database.db.select({ purgedAt: applications.purgedAt }).from(applications).where(eq(applications.id, applicationId));
    if (still && !still.purgedAt) throw new Error('the application changed during the check; the retry checks the new values');
  };
}
