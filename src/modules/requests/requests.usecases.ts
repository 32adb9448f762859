/**
 * Sending a request and reading requests, with TLP 2.0 decided in each: a list holds only what its reader may read, a
 * read is audited (who, when), and the use case is the same for the pages, the API and the CSV.
 */
import { recordAudit } from '../../app/audit/audit.js';
import { actorRef, type Actor } from '../../app/authz/actor.js';
import { authorize } from '../../app/authz/policy.js';
import type { TlpLabel } from '../../app/authz/tlp.js';
import type { Database, Executor } from '../../app/database/database.js';
import { enqueueJob } from '../../app/jobs/outbox.js';
import { sendRequestEmails } from './requests.emails.js';
import { requestNotFound, requestInvalid } from './requests.errors.js';
import { escalateJob } from './requests.jobs.js';
import { contactOrganisations, mayRead, requestsPolicies, type RequestSubject } from './requests.policies.js';
import { createRequestsRepository } from './requests.repository.js';
import type { RequestForm } from './requests.schemas.js';
import { urgencies } from './requests.constants.js';
import type { RecipientRow, RequestEventRow, RequestRow } from './requests.tables.js';

export interface RequestsDeps {
  db: Database;
  publicUrl: string;
}

export const subjectOf = (request: RequestRow, recipients: readonly RecipientRow[]): RequestSubject => ({
  tlp: request.tlp as TlpLabel,
  state: request.state,
  published: request.published,
  senderSupporterId: request.senderSupporterId,
  recipientSupporterId: request.recipientSupporterId,
  senderUserId: request.senderUserId,
  recipientUserIds: recipients.filter((r) => r.requestId === request.id && r.userId).map((r) => r.userId!),
});

const personName = (actor: Extract<Actor, { kind: 'user' }>) => actor.name ?? actor.email;

/**
 * Sends a request in the name of an organisation the actor is a designated contact of, to another organisation's
 * contact point: routed to its first contact (active before stale, by escalation order), the clocks started from the
 * urgency, the escalation queued due at the acknowledgement deadline, the e-mail in the outbox; one transaction.
 */
export async function sendRequest(deps: RequestsDeps, actor: Actor, form: RequestForm, now = new Date()): Promise<RequestRow> {
  const user = authorize(actor, requestsPolicies.send, { supporterId: form.senderSupporterId });
  if (form.recipientSupporterId === form.senderSupporterId) throw requestInvalid({ recipientSupporterId: 'error.sameOrganisation' });
  return deps.db.transaction(async (tx) => {
    const repository = createRequestsRepository(tx);
    const [first] = await repository.routing(form.recipientSupporterId, form.recipientRole ?? null);
    if (!first) throw requestInvalid({ recipientSupporterId: 'error.noContact' });
    const clocks = urgencies[form.urgency];
    const senderContact = await repository.contactOf(user.userId, form.senderSupporterId);
    const request = await repository.insert({
      kind: form.kind,
      senderSupporterId: form.senderSupporterId,
      senderUserId: user.userId,
      senderName: senderContact?.name ?? personName(user),
      recipientSupporterId: form.recipientSupporterId,
      recipientRole: form.recipientRole ?? null,
      urgency: form.urgency,
      sector: form.sector,
      requestedAction: form.requestedAction,
      subject: form.subject,
      body: form.body,
      language: form.language,
      tlp: form.tlp,
      pap: form.pap ?? null,
      sentAt: now,
      ackDueAt: new Date(now.getTime() + clocks.ack),
      responseDueAt: new Date(now.getTime() + clocks.response),
    });
    const recipient = await repository.insertRecipient({ requestId: request.id, supporterId: first.supporterId, contactId: first.id, userId: first.userId, name: first.name, reason: 'routed' });
    await repository.insertEvent({ requestId: request.id, kind: 'sent', actorUserId: user.userId, actorName: request.senderName, actorSupporterId: form.senderSupporterId, targetContactId: first.id, targetName: first.name, at: now });
    await enqueueJob(tx, escalateJob, { requestId: request.id, level: 0 }, { runAt: request.ackDueAt, idempotencyKey: `requests.escalate:${request.id}:0`, subjectRef: request.id });
    await sendRequestEmails(tx, { request, to: [recipient], why: 'new', publicUrl: deps.publicUrl });
    await recordAudit(tx, { actor: actorRef(user), action: 'requests.send', subject: request.id, details: { tlp: request.tlp, kind: request.kind, urgency: request.urgency, to: request.recipientSupporterId } });
    return request;
  });
}

export interface RequestView {
  request: RequestRow;
  recipients: RecipientRow[];
  events: RequestEventRow[];
  subject: RequestSubject;
  organisations: Map<string, string>;
}

/** One request for its reader: refused (404) beyond its marking; every read is audited, whoever reads. */
export async function readRequest(deps: { db: Database }, actor: Actor, id: string, via: string): Promise<RequestView> {
  return deps.db.transaction(async (tx) => {
    const view = await loadRequest(tx, id);
    authorize(actor, requestsPolicies.read, view.subject);
    await recordAudit(tx, { actor: actorRef(actor), action: 'requests.read', subject: id, details: { via, tlp: view.request.tlp } });
    return view;
  });
}

/** Loads a request with what its rules and page need (no decision here: the caller authorizes). */
export async function loadRequest(db: Executor, id: string): Promise<RequestView> {
  const repository = createRequestsRepository(db);
  const request = await repository.find(id);
  if (!request) throw requestNotFound();
  const recipients = await repository.recipients([id]);
  const events = await repository.events(id);
  const organisations = await repository.organisationNames([request.senderSupporterId, request.recipientSupporterId, ...recipients.map((r) => r.supporterId), ...events.flatMap((e) => (e.actorSupporterId ? [e.actorSupporterId] : []))]);
  return { request, recipients, events, subject: subjectOf(request, recipients), organisations };
}

export interface RequestFilters {
  box?: 'inbox' | 'sent' | 'community' | undefined;
  state?: string | undefined;
  tlp?: string | undefined;
  urgency?: string | undefined;
}

/**
 * The requests the actor may read: those of their organisations (inbox, sent) and the community's GREEN and CLEAR
 * ones, filtered; each decided by its marking (a TLP:RED request shows only to its individual recipients). Listing is
 * audited once with the ids listed: a list shows the subjects.
 */
export async function listRequests(deps: { db: Database }, actor: Actor, filters: RequestFilters, via: string): Promise<{ items: RequestRow[]; organisations: Map<string, string> }> {
  authorize(actor, requestsPolicies.enter, undefined);
  const repository = createRequestsRepository(deps.db);
  const mine = contactOrganisations(actor);
  const rows = filters.box === 'community' ? await repository.community() : await repository.involving(mine);
  const recipients = await repository.recipients(rows.map((r) => r.id));
  const items = rows.filter((row) => {
    if (!mayRead(actor, subjectOf(row, recipients))) return false;
    if (filters.box === 'inbox' && !mine.includes(row.recipientSupporterId)) return false;
    if (filters.box === 'sent' && !mine.includes(row.senderSupporterId)) return false;
    if (filters.box === 'community' && (mine.includes(row.recipientSupporterId) || mine.includes(row.senderSupporterId))) return false;
    return (!filters.state || row.state === filters.state) && (!filters.tlp || row.tlp === filters.tlp) && (!filters.urgency || row.urgency === filters.urgency);
  });
  if (items.length) await recordAudit(deps.db, { actor: actorRef(actor), action: 'requests.list', details: { via, ids: items.map((i) => i.id) } });
  const organisations = await repository.organisationNames(items.flatMap((i) => [i.senderSupporterId, i.recipientSupporterId]));
  return { items, organisations };
}

/** The public output: TLP:CLEAR requests their source published, without any person's name. */
export async function publishedRequests(deps: { db: Database }): Promise<{ items: RequestRow[]; organisations: Map<string, string> }> {
  const repository = createRequestsRepository(deps.db);
  const items = (await repository.published()).filter((r) => r.tlp === 'CLEAR');
  return { items, organisations: await repository.organisationNames(items.flatMap((i) => [i.senderSupporterId, i.recipientSupporterId])) };
}
