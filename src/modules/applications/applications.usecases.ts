/**
 * The joining workflow: apply, confirm by e-mail, answer the secretariat's questions, propose an edit, invite,
 * withdraw (the secretariat's decisions are in applications.moderation.ts). Every use case checks who may act (policies), runs in one transaction with its audit entry and the
 * e-mails it causes (written to the outbox, sent after commit by the worker), and tells the registry after commit.
 */
import { recordAudit } from '../../app/audit/audit.js';
import { consumeToken, issueToken } from '../../app/auth/tokens.js';
import { findOrCreateUserByEmail, getUser, listUsers } from '../../app/auth/users.js';
import type { Actor } from '../../app/authz/actor.js';
import type { Database, Executor } from '../../app/database/database.js';
import type { Locale } from '../../app/i18n/i18n.js';
import { enqueueJob } from '../../app/jobs/outbox.js';
import { getSupporterForEdit, withdrawSupporter } from '../supporters/supporters.usecases.js';
import { tellRepresentativesOfClaim } from './applications.claims.js';
import { checkSignalsJob } from './applications.jobs.js';
import { applicationLink, sendApplicationEmail } from './applications.emails.js';
import { invitationDomainMismatch, supporterGone } from './applications.errors.js';
import {
  changedFields,
  confirmationTtlMs,
  invitationTtlMs,
  nextStatus,
  submissionHash,
  transitions,
  type EditableField,
} from './applications.models.js';
import { actorRef } from '../../app/authz/actor.js';
import { grantRole, holdersOf, rolesHeldBy } from '../../app/authz/grants.js';
import { authorize } from '../../app/authz/policy.js';
import { isSecretariat } from '../../app/authz/rules.js';
import { applicationPolicies } from './applications.policies.js';
import { createApplicationsRepository } from './applications.repository.js';
import type { ApplicationForm, PublicFields } from './applications.schemas.js';
import type { ApplicationRow } from './applications.tables.js';
import { emailDomainMatches, newVerificationCode } from './applications.verification.js';
import { requestConfirmation } from './applications.confirmation.js';
import type { ApplicationsDeps, TokenOutcome } from './applications.deps.js';

export type { ApplicationsDeps, TokenOutcome };

/**
 * Step 1: anyone applies. Creates the application waiting for the executive's confirmation and sends the link.
 * Submitting the same organisation and executive again within a day returns the first application unchanged.
 */
export async function submitApplication(
  deps: ApplicationsDeps,
  input: { form: ApplicationForm; locale: Locale },
): Promise<{ applicationId: string; duplicate: boolean }> {
  const { form, locale } = input;
  const hash = submissionHash(form);
  return deps.db.transaction(async (tx) => {
    const repository = createApplicationsRepository(tx);
    await repository.lockSubmission(hash);
    const existing = await repository.findRecentBySubmission(hash, new Date(Date.now() - 24 * 3600 * 1000));
    if (existing) return { applicationId: existing.id, duplicate: true };
    const now = new Date();
    const expiresAt = new Date(now.getTime() + confirmationTtlMs);
    const application = await repository.insert({
      kind: 'join',
      status: 'pending-confirmation',
      locale,
      category: form.category,
      name: form.name,
      countryCode: form.countryCode,
      nature: form.nature,
      website: form.website,
      twitter: form.twitter,
      linkedin: form.linkedin,
      statement: form.statement,
      statementLocale: form.statementLocale,
      executiveName: form.executiveName,
      executiveEmail: form.executiveEmail,
      contactEmail: form.contactEmail,
      acceptedCallAt: now,
      acceptedPrivacyAt: now,
      verificationCode: newVerificationCode(),
      submissionHash: hash,
      expiresAt,
    });
    await requestConfirmation(tx, deps.config, {
      application,
      email: 'confirm',
      locale,
      executiveEmail: form.executiveEmail,
      expiresAt,
      audit: { kind: 'join', category: form.category, locale },
    });
    return { applicationId: application.id, duplicate: false };
  });
}

/**
 * Step 2: the executive follows the link. The application enters the queue; the executive gets an account. A claim on
 * an entry that already has representatives is announced to them (applications.claims.ts).
 */
export async function confirmApplication(
  deps: ApplicationsDeps,
  rawToken: string,
): Promise<TokenOutcome<{ application: ApplicationRow; userId: string }>> {
  return deps.db.transaction(async (tx) => {
    const consumed = await consumeToken(tx, 'application.confirm', rawToken);
    if (consumed.status !== 'ok') return { status: consumed.status };
    const repository = createApplicationsRepository(tx);
    const current = await repository.getForUpdate(consumed.token.subjectId);
    if (!current || !nextStatus(current.status, 'confirm') || !current.executiveEmail) return { status: 'expired' as const };
    const user = await findOrCreateUserByEmail(tx, current.executiveEmail, current.locale as Locale, { name: current.executiveName });
    const application = await repository.transition(current.id, { from: transitions.confirm.from }, { status: 'submitted', confirmedAt: new Date(), applicantUserId: user.id });
    if (!application) return { status: 'used' as const };
    await enqueueJob(tx, checkSignalsJob, { applicationId: application.id }, { idempotencyKey: `${checkSignalsJob.name}:${application.id}:${application.version}`, subjectRef: application.id });
    await sendApplicationEmail(tx, application.kind === 'claim' ? 'claim-received' : 'received', application, { to: current.executiveEmail });
    const told = await tellRepresentativesOfClaim(tx, application);
    await recordAudit(tx, { actor: `user:${user.id}`, action: 'applications.confirm', subject: application.id, ...(told ? { details: { representativesTold: told } } : {}) });
    return { status: 'ok' as const, application, userId: user.id };
  });
}

/** Runs when an application's confirmation window closes: if still unconfirmed, it expires and its personal data goes. */
export async function expireApplication(db: Database, applicationId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const repository = createApplicationsRepository(tx);
    const current = await repository.getForUpdate(applicationId);
    if (!current || current.status !== 'pending-confirmation') return false;
    if (current.expiresAt && current.expiresAt.getTime() > Date.now()) return false;
    await repository.transition(applicationId, { from: transitions.expire.from }, { status: 'expired', ...purgedPersonalData() });
    await recordAudit(tx, { actor: 'system', action: 'applications.expire', subject: applicationId, details: { purged: true } });
    return true;
  });
}

/** The personal columns of an application blanked: what expiry and erasure leave behind. */
export function purgedPersonalData(): Partial<ApplicationRow> {
  return { executiveName: null, executiveEmail: null, contactEmail: null, infoResponse: null, statement: '', purgedAt: new Date() };
}

/** The applicant answers a request for more information through the link they received. */
export async function answerInformationRequest(deps: ApplicationsDeps, rawToken: string, response: string): Promise<TokenOutcome<{ application: ApplicationRow }>> {
  return deps.db.transaction(async (tx) => {
    const consumed = await consumeToken(tx, 'application.answer', rawToken);
    if (consumed.status !== 'ok') return { status: consumed.status };
    const repository = createApplicationsRepository(tx);
    const current = await repository.getForUpdate(consumed.token.subjectId);
    if (!current || !nextStatus(current.status, 'answerInfo')) return { status: 'used' as const };
    const application = await repository.transition(current.id, { from: transitions.answerInfo.from }, { status: 'submitted', infoResponse: response });
    if (!application) return { status: 'used' as const };
    await recordAudit(tx, { actor: current.applicantUserId ? `user:${current.applicantUserId}` : 'anonymous', action: 'applications.answer-info', subject: current.id });
    return { status: 'ok' as const, application };
  });
}

/**
 * A representative proposes new public fields. The published entry stays as it is until a moderator approves; a
 * newer proposal replaces one still waiting. Fields identical to the entry's make no proposal (`applicationId` null).
 */
export async function proposeEdit(
  deps: ApplicationsDeps,
  actor: Actor,
  input: { supporterId: string; fields: PublicFields; locale: Locale },
): Promise<{ applicationId: string | null; changed: EditableField[] }> {
  const user = authorize(actor, applicationPolicies.manageEntry, { supporterId: input.supporterId });
  return deps.db.transaction(async (tx) => {
    const supporter = await getSupporterForEdit(tx, input.supporterId);
    const changed = supporter ? changedFields(supporter, input.fields) : [];
    if (supporter && changed.length === 0) return { applicationId: null, changed };
    if (!supporter || supporter.status !== 'published') throw supporterGone();
    const repository = createApplicationsRepository(tx);
    const pending = await repository.openEditFor(input.supporterId);
    if (pending) {
      await repository.transition(pending.id, { from: transitions.cancel.from }, { status: 'withdrawn', decisionReason: 'replaced by a newer proposal' });
      await recordAudit(tx, { actor: actorRef(actor), action: 'applications.replace', subject: pending.id });
    }
    const application = await repository.insert({
      kind: 'edit',
      status: 'submitted',
      locale: input.locale,
      supporterId: input.supporterId,
      applicantUserId: user.userId,
      ...input.fields,
      executiveEmail: user.email,
      verificationCode: newVerificationCode(),
      confirmedAt: new Date(),
    });
    await recordAudit(tx, { actor: actorRef(actor), action: 'applications.propose-edit', subject: application.id, details: { supporterId: input.supporterId, changed } });
    return { applicationId: application.id, changed };
  });
}

/** A representative invites a colleague, whose address must belong to the organisation's domain. */
export async function inviteRepresentative(
  deps: ApplicationsDeps,
  actor: Actor,
  input: { supporterId: string; email: string; locale: Locale },
): Promise<void> {
  const user = authorize(actor, applicationPolicies.manageEntry, { supporterId: input.supporterId });
  await deps.db.transaction(async (tx) => {
    const supporter = await getSupporterForEdit(tx, input.supporterId);
    if (!supporter || supporter.status !== 'published') throw supporterGone();
    const domains = [supporter.website, user.email].filter((v): v is string => Boolean(v));
    if (actor.kind === 'user' && actor.role === 'member' && !domains.some((d) => emailDomainMatches(input.email, d))) {
      throw invitationDomainMismatch({ domain: domains.map((d) => d.replace(/^.*@/, '').replace(/^https?:\/\/(www\.)?/, '').replace(/\/.*$/, '')).join(', ') });
    }
    const token = await issueToken(tx, { purpose: 'representative.invite', subjectId: input.supporterId, email: input.email, data: { invitedBy: user.userId }, ttlMs: invitationTtlMs });
    await sendApplicationEmail(tx, 'invite', { id: input.supporterId, name: supporter.name, locale: input.locale }, { to: input.email, url: applicationLink(deps.config, input.locale, '/join/invitation', token), inviter: user.email });
    await recordAudit(tx, { actor: actorRef(actor), action: 'representatives.invite', subject: input.supporterId });
  });
}

/** The invited colleague accepts: an account (if new) and a place among the organisation's representatives. */
export async function acceptInvitation(deps: ApplicationsDeps, rawToken: string, locale: Locale): Promise<TokenOutcome<{ userId: string; supporterId: string }>> {
  return deps.db.transaction(async (tx) => {
    const consumed = await consumeToken(tx, 'representative.invite', rawToken);
    if (consumed.status !== 'ok' || !consumed.token.email) return { status: consumed.status === 'ok' ? ('invalid' as const) : consumed.status };
    const supporter = await getSupporterForEdit(tx, consumed.token.subjectId);
    if (!supporter || supporter.status !== 'published') return { status: 'expired' as const };
    const user = await findOrCreateUserByEmail(tx, consumed.token.email, locale, {});
    const invitedBy = typeof consumed.token.data.invitedBy === 'string' ? consumed.token.data.invitedBy : null;
    await grantRole(tx, invitedBy ? `user:${invitedBy}` : `user:${user.id}`, { userId: user.id, role: 'representative', scopeId: supporter.id, cause: 'invitation' });
    await recordAudit(tx, { actor: `user:${user.id}`, action: 'representatives.accept', subject: supporter.id, details: { invitedBy } });
    return { status: 'ok' as const, userId: user.id, supporterId: supporter.id };
  });
}

/** The organisation (one of its representatives) or the secretariat takes the entry out of the registry. */
export async function withdrawFromRegistry(deps: ApplicationsDeps, actor: Actor, input: { supporterId: string; reason: string }): Promise<void> {
  authorize(actor, applicationPolicies.manageEntry, { supporterId: input.supporterId });
  await deps.db.transaction(async (tx) => {
    const done = await withdrawSupporter(tx, input.supporterId, { actor, reason: input.reason });
    if (!done) throw supporterGone();
    const repository = createApplicationsRepository(tx);
    const pending = await repository.openEditFor(input.supporterId);
    if (pending) await repository.transition(pending.id, { from: transitions.cancel.from }, { status: 'withdrawn', decisionReason: 'organisation withdrawn' });
    await tellOfWithdrawal(tx, actor, input);
  });
  deps.events.emit('registry.changed', { reason: 'applications.withdraw' });
}

/**
 * A withdrawal is told to the entry's representatives and to the secretariat, each in their language, once (in the
 * withdrawal's transaction): nobody learns it from the public registry.
 */
async function tellOfWithdrawal(tx: Executor, actor: Actor, input: { supporterId: string; reason: string }): Promise<void> {
  const entry = await getSupporterForEdit(tx, input.supporterId);
  if (!entry) return;
  const representatives = await Promise.all((await holdersOf(tx, 'representative', input.supporterId)).map((id) => getUser(tx, id)));
  const recipients = new Map<string, string>();
  for (const user of [...representatives, ...(await listUsers(tx, { secretariatOnly: true }))]) {
    if (user?.email && !user.erasedAt && user.status === 'active') recipients.set(user.email, user.locale);
  }
  const by = isSecretariat(actor) ? 'secretariat' : 'representative';
  for (const [to, locale] of recipients) {
    await sendApplicationEmail(tx, 'withdrawn', { id: input.supporterId, name: entry.name, locale }, { to, reason: input.reason, by });
  }
}

/** Applications the signed-in person made, and the organisations they represent (their account page). */
export async function myApplications(db: Executor, actor: Actor) {
  const user = authorize(actor, applicationPolicies.ownAccount, undefined);
  const repository = createApplicationsRepository(db);
  const [applications, supporterIds] = await Promise.all([repository.listByApplicant(user.userId), representedBy(db, user.userId)]);
  return { applications, supporterIds };
}

/** The entries a person represents (read from the database: the account page after accepting an invitation is current). */
export async function representedBy(db: Executor, userId: string): Promise<string[]> {
  return (await rolesHeldBy(db, userId)).filter((grant) => grant.role === 'representative').map((grant) => grant.scopeId);
}

/** The people who represent an entry (user ids, earliest first). */
export async function representativesOf(db: Executor, supporterId: string): Promise<string[]> {
  return holdersOf(db, 'representative', supporterId);
}
