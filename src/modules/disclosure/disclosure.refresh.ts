/**
 * Refreshing entries: one entry's security.txt fetched through the platform's SSRF-safe fetcher (32 KB, 5 s, public
 * addresses only; redirects to any public site are followed, each hop checked, RFC 9116 §6.1 leaving their triage to
 * the reader), parsed, and stored with its freshness. A file that does not parse keeps the last good content and
 * records its problems; an unreachable URL keeps it too and flags the entry. Written in one transaction, audited when
 * the outcome changed (status or content), so a daily run over unchanged files writes no audit noise. Idempotent.
 */
import { systemActor } from '../../app/authz/actor.js';
import { recordAudit } from '../../app/audit/audit.js';
import type { Database } from '../../app/database/database.js';
import { FetchFailure, safeFetch, type SafeFetchOptions } from '../../app/http/safe-fetch.js';
import { enqueueJob, enqueueJobs } from '../../app/jobs/outbox.js';
import { securityTxtMaxBytes } from './disclosure.constants.js';
import { nextRefreshSlot, refreshAllJob, refreshAllKey, refreshKey, refreshPolicyJob } from './disclosure.jobs.js';
import { verifySignature } from './disclosure.keys.js';
import { contentHash, summaryOf } from './disclosure.models.js';
import { createDisclosureRepository, type PolicyInsert } from './disclosure.repository.js';
import { isUsable, parseSecurityTxt } from './disclosure.security-txt.js';
import { registryFields } from './disclosure.usecases.js';

/** What a refresh may be given: the fetcher's test options (tests and the bench serve files from 127.0.0.1). */
export type RefreshOptions = Omit<SafeFetchOptions, 'maxBytes'>;

const refresher = systemActor('job:disclosure.refresh');

/** Fetches, parses and stores one entry; returns the fetch status written. */
export async function refreshPolicy(input: { db: Database; policyId: string; options?: RefreshOptions; now?: Date }): Promise<string | null> {
  const now = input.now ?? new Date();
  const entry = await createDisclosureRepository(input.db).findById(input.policyId);
  if (!entry?.securityTxtUrl) return null;
  let set: Partial<PolicyInsert>;
  try {
    const page = await safeFetch(new URL(entry.securityTxtUrl), { accept: 'text/plain', userAgent: 'ParisCallPlatform-disclosure/1', ...input.options, maxBytes: securityTxtMaxBytes });
    if (page.status < 200 || page.status > 299) set = { fetchStatus: 'unreachable', fetchError: `HTTP ${page.status} at ${page.url.href}` };
    else if (page.truncated) set = { fetchStatus: 'invalid', fetchError: `larger than ${securityTxtMaxBytes / 1024} KB at ${page.url.href}`, problems: [] };
    else {
      const parsed = parseSecurityTxt(page.body, now);
      if (!isUsable(parsed) && !parsed.problems.every((p) => p.severity === 'warning' || p.code === 'expired')) {
        set = { fetchStatus: 'invalid', fetchError: null, problems: parsed.problems };
      } else {
        const hash = contentHash(page.body);
        const signature = parsed.signed ? await verifySignature(page.body, entry.contactKeys) : 'unverified';
        set = {
          fetchStatus: 'ok',
          fetchError: null,
          content: page.body,
          contentHash: hash,
          contentSource: 'fetched',
          summary: summaryOf(parsed, signature),
          problems: parsed.problems,
          expiresAt: parsed.expires?.date ?? null,
          ...(hash === entry.contentHash ? {} : { lastChangedAt: now }),
        };
      }
    }
  } catch (error) {
    if (!(error instanceof FetchFailure)) throw error;
    set = { fetchStatus: 'unreachable', fetchError: error.message };
  }
  await input.db.transaction(async (tx) => {
    const fields = await registryFields(tx, entry.supporterId);
    const { website: _website, ...copy } = fields ?? { website: null };
    await createDisclosureRepository(tx).update(entry.id, { ...copy, ...set, lastFetchedAt: now });
    const changed = set.fetchStatus !== entry.fetchStatus || (set.contentHash !== undefined && set.contentHash !== entry.contentHash);
    if (changed) {
      await recordAudit(tx, { actor: refresher.ref, action: 'disclosure.refresh', subject: entry.id, details: { status: set.fetchStatus, error: set.fetchError ?? null, hash: set.contentHash ?? entry.contentHash } });
    }
  });
  return set.fetchStatus ?? null;
}

/** Enqueues the daily run at `at` (nothing new when it is there already). */
export async function enqueueRefreshAll(db: Database, at: Date): Promise<void> {
  await enqueueJob(db, refreshAllJob, { at: at.toISOString() }, { idempotencyKey: refreshAllKey(at), runAt: at });
}

/** The daily run: the next one first (the chain survives a crash), then one refresh job per entry with a URL. */
export async function refreshAll(input: { db: Database; at: Date; now?: Date }): Promise<number> {
  const now = input.now ?? new Date();
  await enqueueRefreshAll(input.db, nextRefreshSlot(new Date(Math.max(input.at.getTime(), now.getTime()))));
  const ids = await createDisclosureRepository(input.db).idsToRefresh();
  let queued = 0;
  for (let i = 0; i < ids.length; i += 500) {
    const batch = ids.slice(i, i + 500);
    queued += await enqueueJobs(input.db, refreshPolicyJob, batch.map((policyId) => ({ payload: { policyId }, idempotencyKey: refreshKey(policyId, input.at.toISOString()), subjectRef: policyId })));
  }
  return queued;
}
