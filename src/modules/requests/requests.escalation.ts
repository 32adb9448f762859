/**
 * The acknowledgement clock: when it runs out on a request still waiting (`sent`) at the same escalation level, the
 * request goes to the recipient organisation's next contact (active before stale, by escalation order) with a new
 * clock; when there is no next contact, the outcome log says so once. Run by the outbox job due at the deadline;
 * idempotent (the level in the payload: a job run twice, or after an acknowledgement, changes nothing).
 */
import { recordAudit } from '../../app/audit/audit.js';
import type { Database } from '../../app/database/database.js';
import { enqueueJob } from '../../app/jobs/outbox.js';
import { urgencies, type Urgency } from './requests.constants.js';
import { sendRequestEmails } from './requests.emails.js';
import { escalateJob } from './requests.jobs.js';
import { createRequestsRepository } from './requests.repository.js';

export type EscalationResult = 'escalated' | 'exhausted' | 'nothing';

export async function escalateRequest(deps: { db: Database; publicUrl: string }, payload: { requestId: string; level: number }, now = new Date()): Promise<EscalationResult> {
  return deps.db.transaction(async (tx) => {
    const repository = createRequestsRepository(tx);
    const request = await repository.findForUpdate(payload.requestId);
    if (!request || request.state !== 'sent' || request.escalationLevel !== payload.level || request.ackDueAt > now) return 'nothing';
    const tried = new Set((await repository.recipients([request.id])).map((r) => r.contactId));
    const next = (await repository.routing(request.recipientSupporterId, request.recipientRole)).find((c) => !tried.has(c.id));
    const level = payload.level + 1;
    if (!next) {
      await repository.update(request.id, { escalationLevel: level });
      await repository.insertEvent({ requestId: request.id, kind: 'escalation-exhausted', actorName: null, at: now });
      await recordAudit(tx, { actor: 'job:requests.escalate', action: 'requests.escalation-exhausted', subject: request.id, details: { level } });
      return 'exhausted';
    }
    const ackDueAt = new Date(now.getTime() + urgencies[request.urgency as Urgency].ack);
    const updated = await repository.update(request.id, { escalationLevel: level, ackDueAt });
    const recipient = await repository.insertRecipient({ requestId: request.id, supporterId: next.supporterId, contactId: next.id, userId: next.userId, name: next.name, reason: 'escalated' });
    await repository.insertEvent({ requestId: request.id, kind: 'escalated', targetContactId: next.id, targetName: next.name, at: now });
    await enqueueJob(tx, escalateJob, { requestId: request.id, level }, { runAt: ackDueAt, idempotencyKey: `requests.escalate:${request.id}:${level}`, subjectRef: request.id });
    await sendRequestEmails(tx, { request: updated, to: [recipient], why: 'escalated', publicUrl: deps.publicUrl });
    await recordAudit(tx, { actor: 'job:requests.escalate', action: 'requests.escalate', subject: request.id, details: { level, contact: next.id } });
    return 'escalated';
  });
}
