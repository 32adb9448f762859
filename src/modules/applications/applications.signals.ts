/**
 * Evidence of authority, checked by the platform and shown to moderators as signals: the executive's e-mail domain,
 * the verification code published at the website (a `/.well-known/` file or a DNS TXT record), and the diplomatic route
 * for states and intergovernmental bodies. The network checks run in a job after confirmation, never in a request, and
 * a failure is a signal for the moderator, not an error. The HTTP client for the `/.well-known/` file, hardened against
 * SSRF, is in applications.well-known.ts.
 */
import { promises as dns } from 'node:dns';
import type { DatabaseHandle } from '../../app/database/database.js';
import type { JobHandler } from '../../app/jobs/job-definition.js';
import { findDuplicates } from './applications.duplicates.js';
import type { checkSignalsJob } from './applications.jobs.js';
import { createApplicationsRepository } from './applications.repository.js';
import type { ApplicationRow, ApplicationSignal } from './applications.tables.js';
import { dnsTxtPrefix, isFreeMailDomain, isIntergovernmentalName, isSharedHostDomain, registrableDomain } from './applications.verification.js';
import { checkWellKnown, defaultTimeoutMs, errorCode, rejectOnAbort, type WellKnownOptions } from './applications.well-known.js';

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

/**
 * Job `applications.check-signals`: recomputes an application's signals and likely duplicates and stores them.
 * Idempotent. The row is written only if what was checked (name, website, e-mail, code) is still what it holds; if the
 * application changed meanwhile the job fails and its retry checks the new values. Purged applications are skipped.
 */
export function checkSignalsHandler(database: DatabaseHandle, deps: SignalDependencies = {}): JobHandler<typeof checkSignalsJob> {
  return async ({ applicationId }) => {
    const repository = createApplicationsRepository(database.db);
    const application = await repository.get(applicationId);
    if (!application || application.purgedAt) return;
    const [signals, duplicates] = await Promise.all([
      computeSignals(application, deps),
      findDuplicates(database.db, { name: application.name, website: application.website, excludeSupporterId: application.supporterId }),
    ]);
    if (await repository.storeChecks(application, { signals, duplicates })) return;
    const still = await repository.get(applicationId);
    if (still && !still.purgedAt) throw new Error('the application changed during the check; the retry checks the new values');
  };
}
