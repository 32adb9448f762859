/**
 * The secretariat's side of the joining workflow: approve (publishing the entry, applying a proposed edit, or making a
 * claimant a representative of the entry they claimed), reject,
 * or ask the applicant for more; record a note verbale; check the authority signals again. Each decision checks the
 * moderator, the state machine and the version the moderator saw, runs in one transaction with its audit entry and
 * the applicant's e-mail (outbox), and tells the registry after commit when something was published.
 */
import { recordAudit } from '../../app/audit/audit.js';
import { issueToken } from '../../app/auth/tokens.js';
import type { Actor } from '../../app/authz/actor.js';
import type { Locale } from '../../app/i18n/i18n.js';
import { resendDelivery } from '../../app/jobs/jobs.repository.js';
import { enqueueJob } from '../../app/jobs/outbox.js';
import {
  getSupporterForEdit,
  markSupporterClaimed,
  publicFieldsOf,
  publishSupporter,
  recordSupporterVerification,
  updateSupporterFields,
  verificationEvidenceOf,
} from '../supporters/supporters.usecases.js';
import { applicationLink, sendApplicationEmail, type ApplicationEmail } from './applications.emails.js';
import { applicationConflict, applicationNotFound, supporterGone } from './applications.errors.js';
import { infoRequestTtlMs, nextStatus, transitions } from './applications.models.js';
import { actorRef } from '../../app/authz/actor.js';
import { grantRole } from '../../app/authz/grants.js';
import { authorize } from '../../app/authz/policy.js';
import { applicationPolicies } from './applications.policies.js';
import { createApplicationsRepository } from './applications.repository.js';
import type { ApplicationRow } from './applications.tables.js';
import { checkSignalsJob } from './applications.jobs.js';
import type { ApplicationsDeps } from './applications.usecases.js';

/**
 * One decision on the application at `input.version`: refused with a conflict when the state machine forbids it or
 * someone decided first. Approval publishes the entry (a join), applies the proposed fields (an edit), or adds the
 * claimant to the existing entry's representatives and marks it claimed (a claim: no new entry).
 */
async function decide(
  deps: ApplicationsDeps,
  actor: Actor,
  input: { id: string; version: number },
  transition: 'approve' | 'reject' | 'requestInfo',
  extra: { reason?: string; message?: string },
): Promise<ApplicationRow> {
  const moderator = authorize(actor, applicationPolicies.moderate, undefined);
  let published = false;
  const result = await deps.db.transaction(async (tx) => {
    const repository = createApplicationsRepository(tx);
    const current = await repository.getForUpdate(input.id);
    if (!current) throw applicationNotFound();
    if (!nextStatus(current.status, transition) || current.version !== input.version) throw applicationConflict({ status: current.status });
    const decided = transition !== 'requestInfo';
    const set: Partial<ApplicationRow> = {
      status: transitions[transition].to,
      ...(decided ? { decidedBy: moderator.userId, decidedAt: new Date(), decisionReason: extra.reason ?? null } : { infoRequest: extra.message ?? null, infoResponse: null }),
    };
    if (transition === 'approve') {
      if (current.kind === 'join') {
        const supporter = await publishSupporter(tx, publicFieldsOf(current), { actor, cause: current.id });
        set.supporterId = supporter.id;
        await recordSupporterVerification(tx, supporter.id, verificationEvidenceOf(current), { actor, cause: current.id });
        if (current.applicantUserId) await grantRole(tx, actorRef(actor), { userId: current.applicantUserId, role: 'representative', scopeId: supporter.id, cause: current.id });
      } else if (current.kind === 'claim') {
        // The existing entry gains a representative; nothing is published, and imports now leave the entry alone.
        const entry = current.supporterId ? await getSupporterForEdit(tx, current.supporterId) : undefined;
        if (!entry || entry.status !== 'published') throw supporterGone();
        if (current.applicantUserId) await grantRole(tx, actorRef(actor), { userId: current.applicantUserId, role: 'representative', scopeId: entry.id, cause: current.id });
        await markSupporterClaimed(tx, entry.id, { actor, cause: current.id });
        await recordSupporterVerification(tx, entry.id, verificationEvidenceOf(current), { actor, cause: current.id });
      } else {
        if (!current.supporterId || !(await getSupporterForEdit(tx, current.supporterId))) throw supporterGone();
        await updateSupporterFields(tx, current.supporterId, publicFieldsOf(current), { actor, cause: current.id });
      }
      published = true;
    }
    const updated = await repository.transition(current.id, { from: transitions[transition].from, version: input.version }, set);
    if (!updated) throw applicationConflict({ status: current.status });
    const to = updated.executiveEmail;
    if (to) {
      if (transition === 'requestInfo') {
        const token = await issueToken(tx, { purpose: 'application.answer', subjectId: updated.id, email: to, ttlMs: infoRequestTtlMs });
        await sendApplicationEmail(tx, 'info-request', updated, { to, url: applicationLink(deps.config, updated.locale as Locale, '/join/answer', token), message: extra.message });
      } else {
        // Each kind of application has its own outcome e-mail: an approved edit is not a welcome to the Call.
        const kind = `${updated.kind === 'join' ? '' : `${updated.kind}-`}${transition === 'approve' ? 'approved' : 'rejected'}` as ApplicationEmail;
        await sendApplicationEmail(tx, kind, updated, { to, reason: extra.reason, publicUrl: deps.config.publicUrl });
      }
    }
    await recordAudit(tx, {
      actor: actorRef(actor),
      action: `applications.${transition === 'requestInfo' ? 'request-info' : transition}`,
      subject: current.id,
      reason: extra.reason ?? extra.message ?? null,
      details: { kind: current.kind, supporterId: updated.supporterId },
    });
    return updated;
  });
  if (published) deps.events.emit('registry.changed', { reason: `applications.${transition}` });
  return result;
}

export const approveApplication = (deps: ApplicationsDeps, actor: Actor, input: { id: string; version: number }) => decide(deps, actor, input, 'approve', {});

export const rejectApplication = (deps: ApplicationsDeps, actor: Actor, input: { id: string; version: number; reason: string }) =>
  decide(deps, actor, input, 'reject', { reason: input.reason });

export const requestMoreInformation = (deps: ApplicationsDeps, actor: Actor, input: { id: string; version: number; message: string }) =>
  decide(deps, actor, input, 'requestInfo', { message: input.message });

/** States and intergovernmental bodies join through diplomatic channels: the moderator records the note verbale. */
export async function recordNoteVerbale(deps: ApplicationsDeps, actor: Actor, input: { id: string; reference: string }): Promise<void> {
  authorize(actor, applicationPolicies.moderate, undefined);
  await deps.db.transaction(async (tx) => {
    const repository = createApplicationsRepository(tx);
    const current = await repository.getForUpdate(input.id);
    if (!current) throw applicationNotFound();
    await repository.update(current.id, { noteVerbale: input.reference });
    await recordAudit(tx, { actor: actorRef(actor), action: 'applications.note-verbale', subject: current.id, details: { reference: input.reference } });
  });
}

/** Queues a fresh check of the authority signals (after the applicant says the verification file is in place). */
export async function recheckSignals(deps: ApplicationsDeps, actor: Actor, id: string): Promise<void> {
  authorize(actor, applicationPolicies.moderate, undefined);
  await deps.db.transaction(async (tx) => {
    const current = await createApplicationsRepository(tx).get(id);
    if (!current) throw applicationNotFound();
    await enqueueJob(tx, checkSignalsJob, { applicationId: id }, { subjectRef: id });
    await recordAudit(tx, { actor: actorRef(actor), action: 'applications.recheck-signals', subject: id });
  });
}

/** Sends an e-mail of the outbox again (the secretariat, from the deliveries page or an application's review). */
export async function resendEmail(deps: ApplicationsDeps, actor: Actor, jobId: string): Promise<void> {
  const operator = authorize(actor, applicationPolicies.operate, undefined);
  await deps.db.transaction((tx) => resendDelivery(tx, jobId, actorRef(operator)));
}
