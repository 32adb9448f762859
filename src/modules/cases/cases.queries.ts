/**
 * What the case pages and API read. Reading a case is recorded in the audit log (it is embargoed information: who saw
 * it, and when, must be answerable after a leak). Advisories are the published cases: public, and only what the
 * publication put in them.
 */
import { contactsOfUser } from '../contacts/contacts.routing.queries.js';
import { listSupportersByIds } from '../supporters/supporters.usecases.js';
import { recordAudit } from '../../app/audit/audit.js';
import { actorRef, type Actor } from '../../app/authz/actor.js';
import { authorize, can } from '../../app/authz/policy.js';
import { isSecretariat } from '../../app/authz/rules.js';
import type { Database } from '../../app/database/database.js';
import { participantsPerPage } from './cases.constants.js';
import { advisoryNotFound } from './cases.errors.js';
import { casesPolicies, coordinates, mayRead, participantSupporter } from './cases.policies.js';
import { createCasesRepository } from './cases.repository.js';
import { contactOrganisations, loadSubject } from './cases.usecases.js';

/** The cases the actor may read: their organisations', those the secretariat coordinates (for it), those they opened. */
export async function listMyCases(input: { db: Database; actor: Actor }) {
  const user = authorize(input.actor, casesPolicies.open, undefined);
  const repository = createCasesRepository(input.db);
  const rows = await repository.listCases({ supporterIds: contactOrganisations(user), secretariat: isSecretariat(user), openedBy: user.userId });
  const readable = [];
  for (const row of rows) {
    const subject = { case: row, participantSupporterIds: await repository.participantSupporterIds(row.id) };
    if (mayRead(user, subject)) readable.push(row);
  }
  return readable;
}

export type CaseDetail = Awaited<ReturnType<typeof caseDetail>>;

/** One case as its reader sees it, one page of its participants; the reading is audited. */
export async function caseDetail(input: { db: Database; actor: Actor; caseId: string; page: number }) {
  const { row, subject } = await loadSubject(input.db, input.caseId);
  const user = authorize(input.actor, casesPolicies.read, subject);
  const repository = createCasesRepository(input.db);
  const total = await repository.countParticipants(row.id);
  const pages = Math.max(1, Math.ceil(total / participantsPerPage));
  const page = Math.min(Math.max(1, input.page), pages);
  const participants = await repository.participantsPage(row.id, participantsPerPage, (page - 1) * participantsPerPage);
  const ownSupporter = participantSupporter(user, subject);
  const own = ownSupporter ? await repository.findParticipant(row.id, ownSupporter) : null;
  const states = await repository.states(row.id, [...participants.map((p) => p.id), ...(own ? [own.id] : [])]);
  const stateOf = new Map(states.map((s) => [`${s.participantId}:${s.vulnerabilityId}`, s]));
  const named = await listSupportersByIds(input.db, [...(row.coordinatorSupporterId ? [row.coordinatorSupporterId] : []), ...(ownSupporter ? [ownSupporter] : [])]);
  const names = new Map(named.map((entry) => [entry.id, entry.name]));
  await recordAudit(input.db, { actor: actorRef(user), action: 'cases.read', subject: row.id, details: { page } });
  return {
    case: row,
    coordinatorName: row.coordinatorSupporterId ? (names.get(row.coordinatorSupporterId) ?? '') : null,
    isCoordinator: coordinates(user, subject),
    mayCoordinate: can(user, casesPolicies.coordinate, subject),
    mayParticipate: can(user, casesPolicies.participate, subject),
    own: own ? { ...own, name: names.get(own.supporterId) ?? '' } : null,
    vulnerabilities: await repository.vulnerabilities(row.id),
    products: await repository.products(row.id),
    participants,
    stateOf: (participantId: string, vulnerabilityId: string) => stateOf.get(`${participantId}:${vulnerabilityId}`)?.state ?? 'no-response',
    total, page, pages,
    // The reader's own zone: the one of their designated-contact record (none for the secretariat).
    readerZone: (await contactsOfUser(input.db, user.userId)).filter((c) => c.state === 'active' || c.state === 'stale').sort((a, b) => a.escalationOrder - b.escalationOrder)[0]?.timeZone ?? null,
    tallies: await repository.tallies(row.id, row.embargoVersion),
  };
}

export async function listAdvisories(input: { db: Database; page: number; pageSize: number }) {
  return createCasesRepository(input.db).publishedAdvisories(input.pageSize, (input.page - 1) * input.pageSize);
}

/** A published advisory by its tracking id; anything unpublished is not found (never a hint that a case exists). */
export async function findAdvisory(input: { db: Database; id: string }) {
  const row = await createCasesRepository(input.db).findAdvisory(input.id);
  if (!row || !row.csaf || !row.trackingId) throw advisoryNotFound();
  return { trackingId: row.trackingId, publishedAt: row.publishedAt!, csaf: row.csaf, language: row.language };
}
