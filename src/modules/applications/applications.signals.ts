/**
 * Evidence of authority, computed by the platform and shown to moderators as signals. Each check reaches the outside
 * world (HTTP, DNS), so it runs in a job after confirmation, never in the request; failures are signals, not errors.
 */
import { promises as dns } from 'node:dns';
import net from 'node:net';
import { eq } from 'drizzle-orm';
import { getHostname } from 'tldts';
import type { DatabaseHandle } from '../../app/database/database.js';
import type { JobHandler } from '../../app/jobs/worker.js';
import { findDuplicates } from './applications.duplicates.js';
import { applications, type ApplicationRow, type ApplicationSignal } from './applications.tables.js';
import { dnsTxtPrefix, emailDomainMatches, freeMailDomains, registrableDomain, wellKnownPath } from './applications.verification.js';

const now = () => new Date().toISOString();

export function emailDomainSignal(executiveEmail: string | null, website: string | null): ApplicationSignal {
  const emailDomain = executiveEmail ? registrableDomain(executiveEmail) : null;
  const siteDomain = website ? registrableDomain(website) : null;
  if (!executiveEmail || !website) return { kind: 'email-domain', status: 'fail', checkedAt: now(), detail: 'no website given' };
  if (emailDomain && freeMailDomains.has(emailDomain)) return { kind: 'email-domain', status: 'fail', checkedAt: now(), detail: `${emailDomain} is a free mail provider` };
  const pass = emailDomainMatches(executiveEmail, website);
  return { kind: 'email-domain', status: pass ? 'pass' : 'fail', checkedAt: now(), detail: `${emailDomain ?? '?'} / ${siteDomain ?? '?'}` };
}

/** Intergovernmental bodies recognised by name; they, like states, join through diplomatic channels. */
const intergovernmental = /\b(european union|union europ[ée]enne|interpol|oecd|ocde|council of europe|conseil de l.europe|united nations|nations unies|organi[sz]ation (of|for|des|de la|internationale)|african union|union africaine|osce|nato|otan|asean)\b/i;

export function diplomaticSignal(category: string, name: string): ApplicationSignal | null {
  if (category === 'state' || intergovernmental.test(name)) {
    return { kind: 'diplomatic-channel', status: 'info', detail: category === 'state' ? 'state' : 'intergovernmental body' };
  }
  return null;
}

/** Private, loopback and link-local ranges: the platform must not be made to probe its own network (SSRF). */
export function isPrivateAddress(address: string): boolean {
  if (net.isIPv4(address)) {
    const [a = 0, b = 0] = address.split('.').map(Number);
    return a === 10 || a === 127 || a === 0 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127) || a >= 224;
  }
  const lower = address.toLowerCase();
  if (lower.startsWith('::ffff:')) return isPrivateAddress(lower.slice(7));
  return lower === '::1' || lower === '::' || lower.startsWith('fc') || lower.startsWith('fd') || lower.startsWith('fe80');
}

export interface WellKnownOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** Tests serve the file from 127.0.0.1. */
  allowPrivate?: boolean;
  lookup?: (host: string) => Promise<string[]>;
}

const maxBytes = 4096;

export async function checkWellKnown(website: string, code: string, options: WellKnownOptions = {}): Promise<ApplicationSignal> {
  const fail = (detail: string): ApplicationSignal => ({ kind: 'well-known', status: 'fail', checkedAt: now(), detail });
  let url: URL;
  try {
    url = new URL(website);
  } catch {
    return fail('invalid website');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return fail('only http and https');
  if (!options.allowPrivate && url.port && url.port !== '80' && url.port !== '443') return fail('only ports 80 and 443');
  const target = new URL(wellKnownPath, url);
  if (!options.allowPrivate) {
    const lookup = options.lookup ?? (async (host: string) => (await dns.lookup(host, { all: true })).map((a) => a.address));
    try {
      const addresses = net.isIP(target.hostname) ? [target.hostname] : await lookup(target.hostname);
      if (addresses.length === 0 || addresses.some(isPrivateAddress)) return fail('the website resolves to a private address');
    } catch {
      return fail('the website’s name does not resolve');
    }
  }
  try {
    const response = await (options.fetch ?? fetch)(target, { redirect: 'manual', signal: AbortSignal.timeout(options.timeoutMs ?? 5000), headers: { 'user-agent': 'ParisCallPlatform-verification/1' } });
    if (response.status >= 300 && response.status < 400) return fail(`redirected (${response.status}); the file must be served at ${target.href}`);
    if (!response.ok) return fail(`HTTP ${response.status} at ${target.href}`);
    const text = await readLimited(response);
    return text.includes(code) ? { kind: 'well-known', status: 'pass', checkedAt: now(), detail: target.href } : fail(`the code is not in ${target.href}`);
  } catch (error) {
    return fail(error instanceof Error && error.name === 'TimeoutError' ? 'timed out' : 'could not be fetched');
  }
}

async function readLimited(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < maxBytes) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  await reader.cancel().catch(() => {});
  return Buffer.concat(chunks).subarray(0, maxBytes).toString('utf8');
}

export async function checkDnsTxt(website: string, code: string, options: { resolveTxt?: (domain: string) => Promise<string[][]> } = {}): Promise<ApplicationSignal> {
  const domain = registrableDomain(website);
  if (!domain) return { kind: 'dns-txt', status: 'fail', checkedAt: now(), detail: 'no domain' };
  try {
    const records = await (options.resolveTxt ?? dns.resolveTxt)(domain);
    const found = records.some((chunks) => chunks.join('').trim() === `${dnsTxtPrefix}${code}`);
    return { kind: 'dns-txt', status: found ? 'pass' : 'fail', checkedAt: now(), detail: found ? domain : `no matching TXT record on ${domain}` };
  } catch {
    return { kind: 'dns-txt', status: 'fail', checkedAt: now(), detail: `no TXT record on ${domain}` };
  }
}

export interface SignalDependencies extends WellKnownOptions {
  resolveTxt?: (domain: string) => Promise<string[][]>;
}

export async function computeSignals(application: Pick<ApplicationRow, 'category' | 'name' | 'website' | 'executiveEmail' | 'verificationCode'>, deps: SignalDependencies = {}): Promise<ApplicationSignal[]> {
  const signals: ApplicationSignal[] = [emailDomainSignal(application.executiveEmail, application.website)];
  if (application.website && getHostname(application.website)) {
    const [wellKnown, txt] = await Promise.all([
      checkWellKnown(application.website, application.verificationCode, deps),
      checkDnsTxt(application.website, application.verificationCode, deps.resolveTxt ? { resolveTxt: deps.resolveTxt } : {}),
    ]);
    signals.push(wellKnown, txt);
  }
  const diplomatic = diplomaticSignal(application.category, application.name);
  if (diplomatic) signals.push(diplomatic);
  return signals;
}

/** Job handler: recomputes an application's signals and duplicates; running it twice gives the same result. */
export function checkSignalsHandler(database: DatabaseHandle, deps: SignalDependencies = {}): JobHandler {
  return async (payload: { applicationId: string }) => {
    const [application] = await database.db.select().from(applications).where(eq(applications.id, payload.applicationId)).limit(1);
    if (!application || application.purgedAt) return;
    const [signals, duplicates] = await Promise.all([
      computeSignals(application, deps),
      findDuplicates(database.db, { name: application.name, website: application.website, excludeSupporterId: application.supporterId }),
    ]);
    await database.db.update(applications).set({ signals, duplicates }).where(eq(applications.id, application.id));
  };
}
