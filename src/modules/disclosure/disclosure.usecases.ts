/**
 * Managing the disclosure-policy registry. A representative (or the secretariat) saves the organisation's entry: the
 * security.txt URL, links to its CVD policy, its OpenPGP contact keys (read with openpgp; a key that does not read is
 * refused with its line and nothing is written). Saving enqueues a refresh. A representative may also upload a
 * security.txt: one that has an error is refused with the line and changes nothing. Every change is audited in its
 * transaction; refreshes are in disclosure.refresh.ts.
 */
import { actorRef, type Actor } from '../../app/authz/actor.js';
import { authorize } from '../../app/authz/policy.js';
import { recordAudit } from '../../app/audit/audit.js';
import type { Executor } from '../../app/database/database.js';
import { enqueueJob } from '../../app/jobs/outbox.js';
import { listSupportersByIds } from '../supporters/supporters.usecases.js';
import { securityTxtMaxBytes } from './disclosure.constants.js';
import { keyInvalid, policyNotFound, securityTxtInvalid, securityTxtTooLarge } from './disclosure.errors.js';
import { refreshKey, refreshPolicyJob } from './disclosure.jobs.js';
import { KeyProblem, readContactKeys, verifySignature } from './disclosure.keys.js';
import { contentHash, defaultSecurityTxtUrl, fold, summaryOf } from './disclosure.models.js';
import { disclosurePolicies } from './disclosure.policies.js';
import { createDisclosureRepository, type PolicyRow } from './disclosure.repository.js';
import { parseSecurityTxt } from './disclosure.security-txt.js';
import type { ContactKey } from './disclosure.tables.js';

interface Writer {
  db: Executor;
  actor: Actor;
  supporterId: string;
  now?: Date;
}

export interface PolicyInput {
  securityTxtUrl: string | null;
  policyUrls: string[];
  /** Armored public keys, pasted; empty keeps none. */
  keysText: string;
}

/** The supporter's registry fields, read through the supporters module (null when there is none). */
export async function registryFields(db: Executor, supporterId: string) {
  const [row] = await listSupportersByIds(db, [supporterId]);
  if (!row) return null;
  return { supporterSlug: row.slug, supporterName: row.name, sortName: fold(row.name), countryCode: row.countryCode, category: row.category, supporterStatus: row.status, website: row.website };
}

async function readKeys(keysText: string): Promise<ContactKey[]> {
  try {
    return await readContactKeys(keysText);
  } catch (error) {
    if (error instanceof KeyProblem) throw keyInvalid({ line: error.line });
    throw error;
  }
}

/**
 * What both writers start with, inside their transaction: the registry's fields copied onto the entry (its website
 * only suggests the URL), the writer authorized against the organisation, and the entry as it is.
 */
async function openForWriting(tx: Executor, input: Writer) {
  const fields = await registryFields(tx, input.supporterId);
  if (!fields) throw policyNotFound();
  const { website: _website, ...copy } = fields;
  authorize(input.actor, disclosurePolicies.write, { supporterId: input.supporterId, supporterStatus: fields.supporterStatus });
  const repository = createDisclosureRepository(tx);
  return { copy, by: actorRef(input.actor), repository, existing: await repository.findBySupporter(input.supporterId) };
}

/** Creates or updates the organisation's entry; a refresh is enqueued when it has a URL. */
export async function savePolicy(input: Writer & { policy: PolicyInput }): Promise<PolicyRow> {
  const keys = await readKeys(input.policy.keysText);
  return input.db.transaction(async (tx) => {
    const { copy, by, repository, existing } = await openForWriting(tx, input);
    const values = { ...copy, securityTxtUrl: input.policy.securityTxtUrl, policyUrls: input.policy.policyUrls, contactKeys: keys, updatedBy: by };
    const saved = existing ? await repository.update(existing.id, values) : await repository.insert({ supporterId: input.supporterId, ...values });
    if (!saved) throw new Error('the entry was created meanwhile; the retry updates it');
    await recordAudit(tx, {
      actor: by,
      action: existing ? 'disclosure.update' : 'disclosure.create',
      subject: saved.id,
      details: { supporter: input.supporterId, url: saved.securityTxtUrl, policies: saved.policyUrls.length, keys: keys.map((k) => k.fingerprint) },
    });
    if (saved.securityTxtUrl) await enqueueJob(tx, refreshPolicyJob, { policyId: saved.id }, { idempotencyKey: refreshKey(saved.id, `save:${saved.updatedAt.getTime()}`), subjectRef: saved.id });
    return saved;
  });
}

/**
 * Replaces the entry's security.txt with an uploaded one (creating the entry, with the default URL unset, if there is
 * none). A file with any error (missing or repeated Expires, expired, a wrong scheme…) is refused with its first
 * problem's line, and nothing is written.
 */
export async function uploadSecurityTxt(input: Writer & { text: string }): Promise<PolicyRow> {
  const now = input.now ?? new Date();
  if (Buffer.byteLength(input.text) > securityTxtMaxBytes) throw securityTxtTooLarge();
  const parsed = parseSecurityTxt(input.text, now);
  const problem = parsed.problems.find((p) => p.severity === 'error');
  if (problem) throw securityTxtInvalid({ line: problem.line, code: problem.code });
  return input.db.transaction(async (tx) => {
    const { copy, by, repository, existing } = await openForWriting(tx, input);
    const signature = parsed.signed ? await verifySignature(input.text, existing?.contactKeys ?? []) : 'unverified';
    const hash = contentHash(input.text);
    const content = {
      ...copy,
      content: input.text,
      contentHash: hash,
      contentSource: 'uploaded',
      summary: summaryOf(parsed, signature),
      problems: parsed.problems,
      expiresAt: parsed.expires?.date ?? null,
      fetchStatus: existing?.fetchStatus === 'unreachable' ? existing.fetchStatus : 'ok',
      ...(existing?.contentHash === hash ? {} : { lastChangedAt: now }),
      updatedBy: by,
    };
    const saved = existing ? await repository.update(existing.id, content) : await repository.insert({ supporterId: input.supporterId, securityTxtUrl: null, ...content });
    if (!saved) throw new Error('the entry was created meanwhile; the retry updates it');
    await recordAudit(tx, { actor: by, action: 'disclosure.upload', subject: saved.id, details: { supporter: input.supporterId, hash, signed: parsed.signed, signature } });
    return saved;
  });
}

/** The form's default URL for an organisation without an entry: its website's `/.well-known/security.txt`. */
export async function suggestedUrl(db: Executor, supporterId: string): Promise<string | null> {
  const fields = await registryFields(db, supporterId);
  return fields ? defaultSecurityTxtUrl(fields.website) : null;
}
