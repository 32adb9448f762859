/**
 * The `/.well-known/pariscall-verification.txt` check, through the platform's SSRF-safe fetcher (src/app/http/
 * safe-fetch.ts): redirects only within the site, 4 KB read, 5 s in all. Its outcome is a signal for the moderator
 * (applications.signals.ts), never an error.
 */
import { FetchFailure, safeFetch, type SafeFetchOptions } from '../../app/http/safe-fetch.js';
import type { ApplicationSignal } from './applications.tables.js';
import { carriesCode, registrableDomain, wellKnownPath } from './applications.verification.js';

export { defaultTimeoutMs, errorCode, rejectOnAbort } from '../../app/http/safe-fetch.js';

const maxBodyBytes = 4096;

export type WellKnownOptions = Omit<SafeFetchOptions, 'maxBytes' | 'redirectRule'>;

/** Redirects only within the same registrable domain (`example.org` → `www.example.org`, never to another site). */
function withinSite(from: URL, to: URL, start: URL): string | null {
  const site = registrableDomain(from.href);
  if (to.hostname === from.hostname || (site && registrableDomain(to.href) === site)) return null;
  return `redirected to another site (${to.host}); the file must be served at ${start.href}`;
}

/**
 * Fetches `<website scheme>://<host>/.well-known/pariscall-verification.txt` and passes when it carries the code in
 * its first 4 KB. Safe against SSRF (see safe-fetch.ts).
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
  try {
    const page = await safeFetch(start, { ...options, maxBytes: maxBodyBytes, redirectRule: withinSite });
    if (page.status < 200 || page.status > 299) return signal('fail', `HTTP ${page.status} at ${page.url.href}`);
    if (carriesCode(page.body, code)) return signal('pass', page.url.href);
    return signal('fail', `the code is not in the first ${maxBodyBytes} bytes of ${page.url.href}`);
  } catch (error) {
    if (error instanceof FetchFailure) return signal('fail', error.message);
    throw error;
  }
}
