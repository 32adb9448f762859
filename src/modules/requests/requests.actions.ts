/**
 * What the parties do with a request once sent: acknowledge, reply (each reply under the request's marking), close with
 * an outcome, forward within the marking, ask the source's permission to share wider and the source's decision, and
 * publish a TLP:CLEAR request. Each in one transaction, in the outcome log and the audit log, the other side told by
 * e-mail through the outbox.
 */
import { recordAudit } from '../../app/audit/audit.js';
import { actorRef, type Actor, type UserActor } from '../../app/authz/actor.js';
import { authorize } from '../../app/authz/policy.js';
import type { Transaction } from '../../app/database/database.js';
import { outcomes, type Outcome } from './requests.constants.js';
import { sendRequestEmails } from './requests.emails.js';
import { requestInvalid, requestNotFound, shareDecided, wrongState } from './requests.errors.js';
import { onRecipientSide, relationTo, requestsPolicies } from './requests.policies.js';
import { createRequestsRepository } from './requests.repository.js';
import type { RecipientRow, RequestRow } from './requests.tables.js';
import { loadRequest, type RequestsDeps, type RequestView } from './requests.usecases.js';

type Step = (tx: Transaction, view: RequestView, repository: ReturnType<typeof createRequestsRepository>) => Promise<void>;

/** Loads and locks the request, then runs the step; refusals change nothing. */
async function change(deps: RequestsDeps, id: string, step: Step): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const repository = createRequestsRepository(tx);
    if (!(await repository.findForUpdate(id))) throw requestNotFound();
    await step(tx, await loadRequest(tx, id), repository);
  });
}

const nameOf = (user: UserActor) => user.name ?? user.email;
/** The actor's organisation on this request: the recipient's if they are its contact, else the sender's. */
const sideOf = (user: UserActor, request: RequestRow) =>
  user.grants.some((g) => g.role === 'contact' && g.scopeId === request.recipientSupporterId) ? request.recipientSupporterId : request.senderSupporterId;

/** The individuals of the other side, told of a change (the sender, or the recipients of the recipient's organisation). */
function otherSide(view: RequestView, user: UserActor): RecipientRow[] {
  const { request, recipients } = view;
  const fromRecipient = sideOf(user, request) === request.recipientSupporterId;
  if (fromRecipient) return request.senderUserId ? [{ userId: request.senderUserId, name: request.senderName, supporterId: request.senderSupporterId } as RecipientRow] : [];
  return recipients.filter((r) => r.supporterId === request.recipientSupporterId && r.userId !== user.userId);
}

export async function acknowledgeRequest(deps: RequestsDeps, actor: Actor, id: string, now = new Date()): Promise<void> {
  await change(deps, id, async (tx, view, repository) => {
    const user = authorize(actor, requestsPolicies.acknowledge, view.subject) as UserActor;
    const request = await repository.update(id, { state: 'acknowledged', acknowledgedAt: now });
    await repository.insertEvent({ requestId: id, kind: 'acknowledged', actorUserId: user.userId, actorName: nameOf(user), actorSupporterId: request.recipientSupporterId, at: now });
    await sendRequestEmails(tx, { request, to: otherSide(view, user), why: 'acknowledged', publicUrl: deps.publicUrl, eventKey: 'ack' });
    await recordAudit(tx, { actor: actorRef(user), action: 'requests.acknowledge', subject: id });
  });
}

/** A reply or additional information; the recipient's first reply also acknowledges and answers the request. */
export async function replyToRequest(deps: RequestsDeps, actor: Actor, id: string, input: { body: string; language: string }, now = new Date()): Promise<void> {
  const body = input.body.trim();
  const language = input.language === 'fr' ? 'fr' : 'en';
  await change(deps, id, async (tx, view, repository) => {
    const user = authorize(actor, requestsPolicies.reply, view.subject) as UserActor;
    if (!body) throw requestInvalid({ body: 'error.required' });
    if (body.length > 20_000) throw requestInvalid({ body: 'error.tooLong' });
    const side = sideOf(user, view.request);
    let request = view.request;
    if (side === request.recipientSupporterId && request.state !== 'answered') {
      request = await repository.update(id, { state: 'answered', answeredAt: now, acknowledgedAt: request.acknowledgedAt ?? now });
    }
    const event = await repository.insertEvent({ requestId: id, kind: 'replied', actorUserId: user.userId, actorName: nameOf(user), actorSupporterId: side, body, language, at: now });
    await sendRequestEmails(tx, { request, to: otherSide(view, user), why: 'replied', publicUrl: deps.publicUrl, eventKey: event.id });
    await recordAudit(tx, { actor: actorRef(user), action: 'requests.reply', subject: id, details: { event: event.id } });
  });
}

/** Closing with an outcome: the source's side gives any; the recipient's side `resolved` or `declined`. */
export async function closeRequest(deps: RequestsDeps, actor: Actor, id: string, input: { outcome: string; note?: string }, now = new Date()): Promise<void> {
  const outcome = input.outcome as Outcome;
  await change(deps, id, async (tx, view, repository) => {
    const user = authorize(actor, requestsPolicies.close, view.subject) as UserActor;
    if (!(outcomes as readonly string[]).includes(input.outcome)) throw requestInvalid({ outcome: 'error.outcome' });
    if (onRecipientSide(user, view.subject) && !['resolved', 'declined'].includes(outcome)) throw requestInvalid({ outcome: 'error.outcomeRecipient' });
    const request = await repository.update(id, { state: 'closed', outcome, closedAt: now });
    const note = input.note?.trim() || null;
    await repository.insertEvent({ requestId: id, kind: 'closed', outcome, body: note, language: note ? request.language : null, actorUserId: user.userId, actorName: nameOf(user), actorSupporterId: sideOf(user, request), at: now });
    await sendRequestEmails(tx, { request, to: otherSide(view, user), why: 'closed', publicUrl: deps.publicUrl, eventKey: 'closed' });
    await recordAudit(tx, { actor: actorRef(user), action: 'requests.close', subject: id, details: { outcome } });
  });
}

/** Forwarding on the platform to another designated contact, within the marking (never TLP:RED). */
export async function forwardRequest(deps: RequestsDeps, actor: Actor, id: string, input: { contactId: string }, now = new Date()): Promise<void> {
  await change(deps, id, async (tx, view, repository) => {
    authorize(actor, requestsPolicies.reply, view.subject);
    const target = input.contactId ? await repository.contact(input.contactId) : undefined;
    if (!target?.userId || !['active', 'stale'].includes(target.state)) throw requestInvalid({ contact: 'error.contact' });
    const relation = relationTo({ kind: 'user', userId: target.userId, grants: [{ role: 'contact', scopeId: target.supporterId }] } as unknown as Actor, view.subject);
    const user = authorize(actor, requestsPolicies.forward, { request: view.subject, target: relation === 'individual' ? 'individual' : relation }) as UserActor;
    const recipient = await addRecipient(tx, view, { contactId: target.id, userId: target.userId, name: target.name, supporterId: target.supporterId }, 'forwarded');
    await repository.insertEvent({ requestId: id, kind: 'forwarded', actorUserId: user.userId, actorName: nameOf(user), actorSupporterId: sideOf(user, view.request), targetContactId: target.id, targetName: target.name, at: now });
    if (recipient) await sendRequestEmails(tx, { request: view.request, to: [recipient], why: 'forwarded', publicUrl: deps.publicUrl });
    await recordAudit(tx, { actor: actorRef(user), action: 'requests.forward', subject: id, details: { contact: target.id } });
  });
}

/** Asking the source to let the request go to a contact beyond its marking (TLP 2.0: "obtain explicit permission"). */
export async function askToShare(deps: RequestsDeps, actor: Actor, id: string, input: { contactId: string; reason: string }, now = new Date()): Promise<void> {
  await change(deps, id, async (tx, view, repository) => {
    const user = authorize(actor, requestsPolicies.askShare, view.subject) as UserActor;
    const target = input.contactId ? await repository.contact(input.contactId) : undefined;
    if (!target?.userId) throw requestInvalid({ contact: 'error.contact' });
    const reason = input.reason.trim();
    if (!reason) throw requestInvalid({ reason: 'error.required' });
    await repository.insertEvent({ requestId: id, kind: 'share-asked', actorUserId: user.userId, actorName: nameOf(user), actorSupporterId: sideOf(user, view.request), targetContactId: target.id, targetName: target.name, body: reason, language: view.request.language, at: now });
    const source = view.request.senderUserId ? [{ userId: view.request.senderUserId, supporterId: view.request.senderSupporterId } as RecipientRow] : [];
    await sendRequestEmails(tx, { request: view.request, to: source, why: 'share-asked', publicUrl: deps.publicUrl, eventKey: `share:${target.id}:${now.getTime()}` });
    await recordAudit(tx, { actor: actorRef(user), action: 'requests.share-ask', subject: id, details: { contact: target.id } });
  });
}

/** The source grants (the contact becomes an individual recipient) or refuses; once. */
export async function decideShare(deps: RequestsDeps, actor: Actor, id: string, input: { eventId: string; decision: string }, now = new Date()): Promise<void> {
  await change(deps, id, async (tx, view, repository) => {
    const user = authorize(actor, requestsPolicies.decideShare, view.subject) as UserActor;
    if (input.decision !== 'granted' && input.decision !== 'refused') throw requestInvalid({ decision: 'error.decision' });
    const decision = input.decision;
    const asked = await repository.event(id, input.eventId);
    if (!asked || asked.kind !== 'share-asked') throw requestInvalid({ decision: 'error.decision' });
    if (asked.decision) throw shareDecided();
    await repository.decideEvent(asked.id, decision);
    const target = asked.targetContactId ? await repository.contact(asked.targetContactId) : undefined;
    await repository.insertEvent({ requestId: id, kind: decision === 'granted' ? 'share-granted' : 'share-refused', actorUserId: user.userId, actorName: nameOf(user), actorSupporterId: view.request.senderSupporterId, targetContactId: asked.targetContactId, targetName: asked.targetName, at: now });
    if (decision === 'granted' && target?.userId) {
      const recipient = await addRecipient(tx, view, { contactId: target.id, userId: target.userId, name: target.name, supporterId: target.supporterId }, 'granted');
      if (recipient) await sendRequestEmails(tx, { request: view.request, to: [recipient], why: 'forwarded', publicUrl: deps.publicUrl });
    }
    await recordAudit(tx, { actor: actorRef(user), action: `requests.share-${decision === 'granted' ? 'grant' : 'refuse'}`, subject: id, details: { event: asked.id } });
  });
}

/** Publishing a TLP:CLEAR request in the public outputs (its source's choice, TLP:CLEAR "may be published"). */
export async function publishRequest(deps: RequestsDeps, actor: Actor, id: string, now = new Date()): Promise<void> {
  await change(deps, id, async (tx, view, repository) => {
    const user = authorize(actor, requestsPolicies.publish, view.subject) as UserActor;
    if (view.request.published) throw wrongState();
    await repository.update(id, { published: true });
    await repository.insertEvent({ requestId: id, kind: 'published', actorUserId: user.userId, actorName: nameOf(user), actorSupporterId: view.request.senderSupporterId, at: now });
    await recordAudit(tx, { actor: actorRef(user), action: 'requests.publish', subject: id });
  });
}

async function addRecipient(tx: Transaction, view: RequestView, who: { contactId: string; userId: string; name: string; supporterId: string }, reason: string): Promise<RecipientRow | null> {
  if (view.recipients.some((r) => r.userId === who.userId) || view.request.senderUserId === who.userId) return null;
  return createRequestsRepository(tx).insertRecipient({ requestId: view.request.id, ...who, reason });
}
