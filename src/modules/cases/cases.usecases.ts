/**
 * Coordinating a case: opening it (a designated contact in their organisation's name, or the secretariat), inviting
 * organisations (their contacts told through the outbox, a reminder scheduled), adding vulnerabilities, each
 * organisation's answers (audited one by one, from and to), the embargo (a change voids every acknowledgement and tells
 * everyone) and its acknowledgements. Statements and publication are in cases.publication.ts. Every change is one
 * transaction with its audit entries.
 */
import { recordAudit } from '../../app/audit/audit.js';
import { actorRef, type Actor, type UserActor } from '../../app/authz/actor.js';
import { authorize } from '../../app/authz/policy.js';
import { isSecretariat } from '../../app/authz/rules.js';
import type { Database, Executor } from '../../app/database/database.js';
import { isIdShaped } from '../../app/database/columns.js';
import { getSupporterBySlug, listSupportersByIds } from '../supporters/supporters.usecases.js';
import type { Locale } from '../../app/i18n/i18n.js';
import { answerStates, type AnswerState } from './cases.constants.js';
import { mailContacts } from './cases.emails.js';
import { caseInvalid, caseNotFound } from './cases.errors.js';
import { scheduleReminder } from './cases.jobs.js';
import { casesMessages } from './cases.messages.js';
import { checkCase, checkEmbargo, checkVulnerability, linesOf, type CaseInput, type VulnerabilityInput } from './cases.models.js';
import { casesPolicies, participantSupporter, type CaseSubject } from './cases.policies.js';
import { createCasesRepository } from './cases.repository.js';
import type { CvdCaseRow } from './cases.tables.js';

export interface CaseDeps {
  db: Database;
  actor: Actor;
  locale: Locale;
  publicUrl: string;
  /** The clock (tests inject it). */
  now?: Date;
}

/** The case and how the rules see it; a case that does not exist is refused as one the actor may not see. */
export async function loadSubject(db: Executor, caseId: string): Promise<{ row: CvdCaseRow; subject: CaseSubject }> {
  const repository = createCasesRepository(db);
  const row = await repository.findCase(caseId);
  if (!row) throw caseNotFound();
  return { row, subject: { case: row, participantSupporterIds: await repository.participantSupporterIds(caseId) } };
}

/** The organisations the actor may open a case for: those they are a designated contact of. */
export const contactOrganisations = (actor: Actor): string[] => (actor.kind === 'user' ? actor.grants.filter((g) => g.role === 'contact').map((g) => g.scopeId) : []);

async function addParticipant(tx: Executor, deps: CaseDeps, user: UserActor, caseRow: CvdCaseRow, supporterId: string, products: string[], now: Date) {
  const repository = createCasesRepository(tx);
  const participant = await repository.insertParticipant({ caseId: caseRow.id, supporterId, invitedBy: actorRef(user) });
  if (!participant) return null;
  await repository.insertProducts(products.map((name) => ({ caseId: caseRow.id, participantId: participant.id, name })));
  await repository.fillStates(caseRow.id);
  await mailContacts(tx, { kind: 'invited', caseId: caseRow.id, supporterId, publicUrl: deps.publicUrl, key: participant.id });
  await scheduleReminder(tx, { caseId: caseRow.id, participantId: participant.id, round: 1, from: now });
  await recordAudit(tx, { actor: actorRef(user), action: 'cases.participant-invited', subject: caseRow.id, details: { supporterId, participantId: participant.id, products: products.length } });
  return participant;
}

/**
 * Opens a case with its first vulnerability. `as`: the organisation (one the actor is a contact of) that coordinates,
 * or `secretariat`; by default the actor's first organisation, else the secretariat.
 */
export async function openCase(deps: CaseDeps & { input: CaseInput; as?: string }): Promise<CvdCaseRow> {
  const user = authorize(deps.actor, casesPolicies.open, undefined);
  const checked = checkCase(deps.input, deps.locale);
  const organisations = contactOrganisations(user);
  const coordinator = deps.as === 'secretariat' && isSecretariat(user) ? null : deps.as && organisations.includes(deps.as) ? deps.as : (organisations[0] ?? null);
  if (coordinator === null && !isSecretariat(user)) checked.issues.push({ field: 'as', code: 'cases.as', message: casesMessages(deps.locale)('error.notContact') });
  if (checked.issues.length) throw caseInvalid(checked.issues);
  const now = deps.now ?? new Date();
  const { value } = checked;
  return deps.db.transaction(async (tx) => {
    const repository = createCasesRepository(tx);
    const row = await repository.insertCase({ title: value.title, summary: value.summary, language: value.language, marking: value.marking, coordinatorSupporterId: coordinator, openedBy: user.userId });
    await repository.insertVulnerability({ caseId: row.id, ...value.vulnerability, position: 0 });
    await recordAudit(tx, { actor: actorRef(user), action: 'cases.opened', subject: row.id, details: { coordinator: coordinator ?? 'secretariat', marking: value.marking } });
    if (coordinator) await addParticipant(tx, deps, user, row, coordinator, value.products, now);
    return row;
  });
}

/** Invites an organisation of the registry (by its slug or id) with its affected products. */
/** A published registry entry by its slug or id, read through the supporters' use cases (their table is theirs). */
async function publishedOrganisation(db: Executor, key: string): Promise<{ id: string } | null> {
  if (!isIdShaped(key)) return null;
  const entry = (await getSupporterBySlug(db, key)) ?? (await listSupportersByIds(db, [key]))[0];
  return entry?.status === 'published' ? entry : null;
}

export async function inviteParticipant(deps: CaseDeps & { caseId: string; organisation: string; products: string }) {
  const { row, subject } = await loadSubject(deps.db, deps.caseId);
  const user = authorize(deps.actor, casesPolicies.coordinate, subject);
  const t = casesMessages(deps.locale);
  const key = deps.organisation.trim().replace(/^.*\/supporters\//, '').replace(/[/?#].*$/, '');
  const organisation = key ? await publishedOrganisation(deps.db, key) : null;
  if (!organisation) throw caseInvalid([{ field: 'organisation', code: 'cases.unknown-organisation', message: t('error.unknownOrganisation') }]);
  if (subject.participantSupporterIds.includes(organisation.id)) throw caseInvalid([{ field: 'organisation', code: 'cases.already', message: t('error.already') }]);
  return deps.db.transaction(async (tx) => {
    const participant = await addParticipant(tx, deps, user, row, organisation.id, linesOf(deps.products).map((p) => p.slice(0, 200)), deps.now ?? new Date());
    if (!participant) throw caseInvalid([{ field: 'organisation', code: 'cases.already', message: t('error.already') }]);
    return participant;
  });
}

/** Adds a vulnerability; every participant starts at `no-response` for it. */
export async function addVulnerability(deps: CaseDeps & { caseId: string; input: VulnerabilityInput }) {
  const { row, subject } = await loadSubject(deps.db, deps.caseId);
  const user = authorize(deps.actor, casesPolicies.coordinate, subject);
  const checked = checkVulnerability(deps.input, deps.locale);
  if (checked.issues.length) throw caseInvalid(checked.issues);
  return deps.db.transaction(async (tx) => {
    const repository = createCasesRepository(tx);
    const position = (await repository.vulnerabilities(row.id)).length;
    const vulnerability = await repository.insertVulnerability({ caseId: row.id, ...checked.value, position });
    await repository.fillStates(row.id);
    await recordAudit(tx, { actor: actorRef(user), action: 'cases.vulnerability-added', subject: row.id, details: { vulnerabilityId: vulnerability.id } });
    return vulnerability;
  });
}

/** The actor's organisation's answers (`vulnerabilityId → state`); unchanged ones are not audited. */
export async function answer(deps: CaseDeps & { caseId: string; answers: Record<string, string> }) {
  const { row, subject } = await loadSubject(deps.db, deps.caseId);
  const user = authorize(deps.actor, casesPolicies.participate, subject);
  const supporterId = participantSupporter(user, subject)!;
  const now = deps.now ?? new Date();
  const bad = Object.entries(deps.answers).filter(([, state]) => !(answerStates as readonly string[]).includes(state));
  if (bad.length) throw caseInvalid(bad.map(([id]) => ({ field: `state-${id}`, code: 'cases.state', message: casesMessages(deps.locale)('error.required') })));
  return deps.db.transaction(async (tx) => {
    const repository = createCasesRepository(tx);
    const participant = (await repository.findParticipant(row.id, supporterId))!;
    const current = new Map((await repository.states(row.id, [participant.id])).map((s) => [s.vulnerabilityId, s.state]));
    let changed = 0;
    for (const [vulnerabilityId, state] of Object.entries(deps.answers)) {
      const from = current.get(vulnerabilityId);
      if (from === undefined || from === state) continue;
      await repository.setState(participant.id, vulnerabilityId, state as AnswerState, user.userId, now);
      await recordAudit(tx, { actor: actorRef(user), action: 'cases.state-changed', subject: row.id, details: { participantId: participant.id, vulnerabilityId, from, to: state } });
      changed++;
    }
    return { changed };
  });
}

/** Sets (or changes) the embargo: every acknowledgement is voided and every organisation told. */
export async function setEmbargo(deps: CaseDeps & { caseId: string; local: string; timeZone: string }) {
  const { row, subject } = await loadSubject(deps.db, deps.caseId);
  const user = authorize(deps.actor, casesPolicies.coordinate, subject);
  const checked = checkEmbargo(deps.local, deps.timeZone, deps.now ?? new Date(), deps.locale);
  if ('issues' in checked) throw caseInvalid(checked.issues);
  return deps.db.transaction(async (tx) => {
    const repository = createCasesRepository(tx);
    const version = row.embargoVersion + 1;
    const updated = await repository.updateCase(row.id, { embargoAt: checked.at, embargoZone: checked.zone, embargoVersion: version });
    await repository.resetAcknowledgements(row.id);
    for (const supporterId of subject.participantSupporterIds) await mailContacts(tx, { kind: 'embargo', caseId: row.id, supporterId, publicUrl: deps.publicUrl, key: `${row.id}:${version}:${supporterId}` });
    await recordAudit(tx, { actor: actorRef(user), action: 'cases.embargo-set', subject: row.id, details: { at: checked.at.toISOString(), zone: checked.zone, version, previous: row.embargoAt?.toISOString() ?? null } });
    return updated;
  });
}

/** The actor's organisation acknowledges the current embargo (explicitly: never implied by silence). */
export async function acknowledgeEmbargo(deps: CaseDeps & { caseId: string }) {
  const { row, subject } = await loadSubject(deps.db, deps.caseId);
  const user = authorize(deps.actor, casesPolicies.participate, subject);
  if (!row.embargoAt) throw caseInvalid([{ field: 'embargo', code: 'cases.no-embargo', message: casesMessages(deps.locale)('error.noEmbargo') }]);
  const supporterId = participantSupporter(user, subject)!;
  return deps.db.transaction(async (tx) => {
    const repository = createCasesRepository(tx);
    const participant = (await repository.findParticipant(row.id, supporterId))!;
    const updated = await repository.updateParticipant(participant.id, { ackVersion: row.embargoVersion, ackAt: deps.now ?? new Date(), ackBy: user.userId });
    await recordAudit(tx, { actor: actorRef(user), action: 'cases.embargo-acknowledged', subject: row.id, details: { participantId: participant.id, version: row.embargoVersion } });
    return updated;
  });
}
