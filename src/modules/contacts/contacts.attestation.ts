/**
 * Re-attestation: a contact says their details are still right, from their page or from the e-mailed link; the clock
 * (`runAttestationClock`, run by the recurring job) reminds them before the due date (once per due date) and, when it
 * has passed, flags them `stale` on its own (audited, the organisation's representatives told by e-mail). Attesting
 * makes a stale contact `active` again. Every time comes from `now`, so tests drive the clock.
 */
import { recordAudit } from '../../app/audit/audit.js';
import { consumeToken, issueToken } from '../../app/auth/tokens.js';
import { actorRef } from '../../app/authz/actor.js';
import { authorize } from '../../app/authz/policy.js';
import type { Database, Executor } from '../../app/database/database.js';
import { attestLinkTtlMs } from './contacts.constants.js';
import { sendReminderEmail, sendStaleEmails } from './contacts.emails.js';
import { contactNotFound, contactWithdrawn } from './contacts.errors.js';
import { attestationDue, attestationStep } from './contacts.models.js';
import { contactsPolicies } from './contacts.policies.js';
import { createContactsRepository } from './contacts.repository.js';
import type { ContactRow } from './contacts.tables.js';
import type { ContactsDeps } from './contacts.usecases.js';

async function markAttested(tx: Executor, contact: ContactRow, by: string, via: 'page' | 'link', now: Date): Promise<ContactRow> {
  const attested = await createContactsRepository(tx).update(contact.id, { attestedAt: now, state: 'active', staleSince: null });
  await recordAudit(tx, { actor: by, action: 'contacts.attest', subject: contact.id, details: { via, wasStale: contact.state === 'stale', due: attestationDue(attested)?.toISOString() } });
  return attested;
}

/** The contact attests from their page. */
export async function attestContact(input: Omit<ContactsDeps, 'publicUrl'> & { contactId: string }): Promise<{ contact: ContactRow }> {
  return input.db.transaction(async (tx) => {
    const contact = await createContactsRepository(tx).lockById(input.contactId);
    if (!contact) throw contactNotFound();
    const user = authorize(input.actor, contactsPolicies.maintain, contact);
    return { contact: await markAttested(tx, contact, actorRef(user), 'page', input.now ?? new Date()) };
  });
}

/** The contact attests by the e-mailed link (the token is theirs, used once). */
export async function attestByLink(input: { db: Executor; token: string; now?: Date | undefined }): Promise<{ status: 'ok'; contact: ContactRow } | { status: 'expired' | 'used' | 'invalid' }> {
  const now = input.now ?? new Date();
  return input.db.transaction(async (tx) => {
    const consumed = await consumeToken(tx, 'contact.attest', input.token, now);
    if (consumed.status !== 'ok') return { status: consumed.status };
    const contact = await createContactsRepository(tx).lockById(consumed.token.subjectId);
    if (!contact || !contact.userId) return { status: 'expired' as const };
    if (contact.state === 'withdrawn') throw contactWithdrawn();
    return { status: 'ok' as const, contact: await markAttested(tx, contact, `user:${contact.userId}`, 'link', now) };
  });
}

const clockActor = 'system:contacts.attestation';

/** One pass of the clock at `now`: reminders sent and contacts flagged stale, each in its own transaction. */
export async function runAttestationClock(input: { db: Database; now: Date; publicUrl: string }): Promise<{ reminded: number; flagged: number }> {
  let reminded = 0;
  let flagged = 0;
  let after = '';
  for (;;) {
    const batch = await createContactsRepository(input.db).clockCandidates(after, 500);
    if (!batch.length) break;
    after = batch[batch.length - 1]!.id;
    for (const candidate of batch) {
      if (attestationStep(candidate, input.now) === 'none') continue;
      await input.db.transaction(async (tx) => {
        const contact = await createContactsRepository(tx).lockById(candidate.id);
        if (!contact) return;
        const step = attestationStep(contact, input.now);
        const due = attestationDue(contact)!;
        if (step === 'remind') {
          const token = await issueToken(tx, { purpose: 'contact.attest', subjectId: contact.id, ttlMs: attestLinkTtlMs, now: input.now });
          await createContactsRepository(tx).update(contact.id, { remindedFor: due });
          await sendReminderEmail(tx, { contact, due, token, publicUrl: input.publicUrl });
          await recordAudit(tx, { actor: clockActor, action: 'contacts.remind', subject: contact.id, details: { due: due.toISOString() } });
          reminded++;
        } else if (step === 'flag') {
          const stale = await createContactsRepository(tx).update(contact.id, { state: 'stale', staleSince: input.now });
          await recordAudit(tx, { actor: clockActor, action: 'contacts.stale', subject: contact.id, details: { due: due.toISOString(), supporter: contact.supporterId } });
          await sendStaleEmails(tx, { contact: stale, publicUrl: input.publicUrl });
          flagged++;
        }
      });
    }
  }
  return { reminded, flagged };
}
