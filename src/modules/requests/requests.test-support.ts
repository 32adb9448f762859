/** Requests for the tests (this module's and the authorization matrix): inserted as if sent, with their first recipient. */
import type { Executor } from '../../app/database/database.js';
import type { TlpLabel } from '../../app/authz/tlp.js';
import { urgencies, type Urgency } from './requests.constants.js';
import { createRequestsRepository } from './requests.repository.js';
import type { RequestRow } from './requests.tables.js';

export interface SeedRequestOptions {
  senderSupporterId: string;
  senderUserId: string;
  recipientSupporterId: string;
  /** The recipient organisation's contact it was routed to. */
  recipient: { contactId: string; userId: string | null; name: string };
  tlp?: TlpLabel;
  urgency?: Urgency;
  subject?: string;
  body?: string;
  published?: boolean;
  sentAt?: Date;
}

export async function seedRequest(db: Executor, o: SeedRequestOptions): Promise<RequestRow> {
  const repository = createRequestsRepository(db);
  const sentAt = o.sentAt ?? new Date();
  const urgency = o.urgency ?? 'high';
  const request = await repository.insert({
    kind: 'assistance', senderSupporterId: o.senderSupporterId, senderUserId: o.senderUserId, senderName: 'Seeded sender', recipientSupporterId: o.recipientSupporterId,
    urgency, sector: 'energy', requestedAction: 'Block the addresses', subject: o.subject ?? 'Seeded request', body: o.body ?? 'Seeded body', language: 'en',
    tlp: o.tlp ?? 'AMBER', published: o.published ?? false, sentAt, ackDueAt: new Date(sentAt.getTime() + urgencies[urgency].ack), responseDueAt: new Date(sentAt.getTime() + urgencies[urgency].response),
  });
  await repository.insertRecipient({ requestId: request.id, supporterId: o.recipientSupporterId, contactId: o.recipient.contactId, userId: o.recipient.userId, name: o.recipient.name, reason: 'routed' });
  await repository.insertEvent({ requestId: request.id, kind: 'sent', actorUserId: o.senderUserId, actorName: 'Seeded sender', actorSupporterId: o.senderSupporterId, targetContactId: o.recipient.contactId, targetName: o.recipient.name, at: sentAt });
  return request;
}
