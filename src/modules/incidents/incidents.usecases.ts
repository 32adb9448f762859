/**
 * The incidents' workflow. A designated contact records an incident for their organisation: it is classified in every
 * frame with the newest scoring configuration (whose version it keeps) and the crosswalk, and the reminders of its
 * NIS2 reports are enqueued, in one transaction with the audit entry. Marking a report as sent records the instant
 * (audited), in NIS2's order. Reading goes through the TLP marking (incidents.policies.ts); lists are filtered in SQL
 * by the same rule, from the reader's relations.
 */
import { recordAudit } from '../../app/audit/audit.js';
import { actorRef, type Actor } from '../../app/authz/actor.js';
import { authorize, can } from '../../app/authz/policy.js';
import { tlpLabels, tlpMayRead } from '../../app/authz/tlp.js';
import type { Database, Executor } from '../../app/database/database.js';
import type { ReportKind } from './incidents.clocks.js';
import { loadCrosswalk } from './incidents.crosswalk-usecases.js';
import { incidentInvalid, incidentNotFound, reportAlreadySent, reportOutOfOrder } from './incidents.errors.js';
import type { IncidentInput } from './incidents.input.js';
import { classifyIncident } from './incidents.models.js';
import { defaultNcissConfig } from './incidents.nciss.js';
import { incidentsPolicies } from './incidents.policies.js';
import { scheduleReminders } from './incidents.reminders.js';
import { createIncidentsRepository, type ReadableScope } from './incidents.repository.js';
import type { IncidentRow, ScoringConfigRow } from './incidents.tables.js';

/** The organisations the actor is a designated contact of. */
export const contactOrganisations = (actor: Actor): string[] => (actor.kind === 'user' ? actor.grants.filter((g) => g.role === 'contact').map((g) => g.scopeId) : []);

/** The newest scoring configuration; the demonstration one becomes version 1 the first time it is needed. */
export async function currentScoringConfig(db: Executor): Promise<ScoringConfigRow> {
  const repository = createIncidentsRepository(db);
  return (await repository.latestConfig()) ?? (await repository.insertConfig(defaultNcissConfig, 'system:default'));
}

export async function recordIncident(input: { db: Database; actor: Actor; incident: IncidentInput; now?: Date }): Promise<{ incident: IncidentRow }> {
  authorize(input.actor, incidentsPolicies.enter, undefined);
  // An organisation the form does not offer is bad input (the secretariat, who may enter, is offered none).
  if (!contactOrganisations(input.actor).includes(input.incident.supporterId)) throw incidentInvalid([{ field: 'supporterId', message: 'error.organisation', code: 'organisation' }]);
  const user = authorize(input.actor, incidentsPolicies.record, { supporterId: input.incident.supporterId });
  const now = input.now ?? new Date();
  return input.db.transaction(async (tx) => {
    const config = await currentScoringConfig(tx);
    const classification = classifyIncident(input.incident.facts, config.config, await loadCrosswalk(tx));
    const { facts, ...fields } = input.incident;
    const incident = await createIncidentsRepository(tx).insert({
      ...fields, facts, authorUserId: user.kind === 'user' ? user.userId : null, configVersion: config.version, classification, score: classification.nciss.score,
    });
    await recordAudit(tx, { actor: actorRef(user), action: 'incidents.record', subject: incident.id, details: { supporterId: incident.supporterId, tlp: incident.tlp, configVersion: config.version, level: classification.nciss.level } });
    await scheduleReminders(tx, incident, ['early-warning', 'notification'], now);
    return { incident };
  });
}

const previous: Record<ReportKind, 'earlyWarningSentAt' | 'notificationSentAt' | null> = { 'early-warning': null, notification: 'earlyWarningSentAt', 'final-report': 'notificationSentAt' };
const column: Record<ReportKind, 'earlyWarningSentAt' | 'notificationSentAt' | 'finalReportSentAt'> = { 'early-warning': 'earlyWarningSentAt', notification: 'notificationSentAt', 'final-report': 'finalReportSentAt' };

export async function markReportSent(input: { db: Database; actor: Actor; incidentId: string; report: ReportKind; now?: Date }): Promise<{ incident: IncidentRow }> {
  const now = input.now ?? new Date();
  return input.db.transaction(async (tx) => {
    const repository = createIncidentsRepository(tx);
    const found = await repository.lock(input.incidentId);
    if (!found) throw incidentNotFound();
    const user = authorize(input.actor, incidentsPolicies.report, found);
    if (found[column[input.report]]) throw reportAlreadySent();
    const before = previous[input.report];
    if (before && !found[before]) throw reportOutOfOrder();
    const incident = await repository.update(found.id, { [column[input.report]]: now });
    await recordAudit(tx, { actor: actorRef(user), action: 'incidents.report-sent', subject: found.id, details: { report: input.report, sentAt: now.toISOString() } });
    if (input.report === 'notification') await scheduleReminders(tx, incident, ['final-report'], now);
    return { incident };
  });
}

/** One incident, if the actor may read it under its marking (404 otherwise, as for one that does not exist). */
export async function findReadableIncident(db: Executor, actor: Actor, id: string): Promise<IncidentRow> {
  const incident = await createIncidentsRepository(db).find(id);
  if (!incident) throw incidentNotFound();
  authorize(actor, incidentsPolicies.read, incident);
  return incident;
}

/** What the actor may list: by the same TLP rule as one incident, in SQL (see ReadableScope). */
export function readableScope(actor: Actor): ReadableScope {
  const inSpace = can(actor, incidentsPolicies.enter, undefined);
  return {
    anyOf: tlpLabels.filter((l) => tlpMayRead(l, inSpace ? 'community' : 'world')),
    organisations: contactOrganisations(actor),
    organisationLabels: tlpLabels.filter((l) => tlpMayRead(l, 'organisation')),
    authorUserId: actor.kind === 'user' ? actor.userId : null,
  };
}

export async function listReadableIncidents(db: Executor, actor: Actor, page: { limit: number; offset: number }) {
  authorize(actor, incidentsPolicies.enter, undefined);
  return createIncidentsRepository(db).list(readableScope(actor), page);
}
