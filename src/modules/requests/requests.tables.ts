import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../../app/auth/auth.tables.js';
import { idColumn, timestamps } from '../../app/database/columns.js';
import { contacts } from '../contacts/contacts.tables.js';
import { supporters } from '../supporters/supporters.tables.js';

/**
 * A request between organisations in the cooperation space (norm 13(h)): sent by a designated contact in their
 * organisation's name to another organisation's contact point, marked with exactly one TLP 2.0 label that decides who
 * may read, forward and export it. Names of people are personal data: on erasure the person's name becomes null (shown
 * as "erased person") and the request stays with the organisations.
 */
export const cooperationRequests = pgTable(
  'cooperation_requests',
  {
    id: idColumn('req'),
    kind: text('kind').notNull(),
    senderSupporterId: text('sender_supporter_id').notNull().references(() => supporters.id, { onDelete: 'cascade' }),
    senderUserId: text('sender_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** Null once the sender's account is erased. */
    senderName: text('sender_name'),
    recipientSupporterId: text('recipient_supporter_id').notNull().references(() => supporters.id, { onDelete: 'cascade' }),
    /** The contact role asked for (`technical`…), or null: any of the organisation's contacts. */
    recipientRole: text('recipient_role'),
    urgency: text('urgency').notNull(),
    sector: text('sector').notNull(),
    requestedAction: text('requested_action').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    /** The language the sender wrote in (`en`, `fr`). */
    language: text('language').notNull(),
    tlp: text('tlp').notNull(),
    pap: text('pap'),
    state: text('state').notNull().default('sent'),
    outcome: text('outcome'),
    /** A TLP:CLEAR request its sender chose to publish (the only ones in the public outputs). */
    published: boolean('published').notNull().default(false),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }).notNull(),
    ackDueAt: timestamp('ack_due_at', { withTimezone: true, mode: 'date' }).notNull(),
    responseDueAt: timestamp('response_due_at', { withTimezone: true, mode: 'date' }).notNull(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true, mode: 'date' }),
    answeredAt: timestamp('answered_at', { withTimezone: true, mode: 'date' }),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date' }),
    /** How many times the acknowledgement clock ran out and the request went to the next contact. */
    escalationLevel: integer('escalation_level').notNull().default(0),
    ...timestamps,
  },
  (t) => [
    index('cooperation_requests__sender').on(t.senderSupporterId),
    index('cooperation_requests__recipient').on(t.recipientSupporterId),
    check('cooperation_requests__kind_valid', sql`${t.kind} in ('information', 'assistance', 'notification', 'acknowledgement')`),
    check('cooperation_requests__tlp_valid', sql`${t.tlp} in ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED')`),
    check('cooperation_requests__state_valid', sql`${t.state} in ('sent', 'acknowledged', 'answered', 'closed')`),
    check('cooperation_requests__published_clear', sql`not ${t.published} or ${t.tlp} = 'CLEAR'`),
  ],
);
export type RequestRow = typeof cooperationRequests.$inferSelect;

/**
 * The request's individual recipients (TLP:RED's "individual recipients"): the contacts it was routed or escalated
 * to, and the people the source allowed it to be shared with.
 */
export const requestRecipients = pgTable(
  'cooperation_request_recipients',
  {
    id: idColumn('rqr'),
    requestId: text('request_id').notNull().references(() => cooperationRequests.id, { onDelete: 'cascade' }),
    supporterId: text('supporter_id').notNull().references(() => supporters.id, { onDelete: 'cascade' }),
    contactId: text('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
    name: text('name'),
    /** `routed`, `escalated`, `forwarded` or `granted` (by the source, after a request to share wider). */
    reason: text('reason').notNull(),
    ...timestamps,
  },
  (t) => [index('cooperation_request_recipients__request').on(t.requestId), index('cooperation_request_recipients__user').on(t.userId)],
);
export type RecipientRow = typeof requestRecipients.$inferSelect;

/**
 * The outcome log: every event of the request with its time and who (replies and additional information carry their
 * text, under the request's marking). Reads are in the audit log, not here.
 */
export const requestEvents = pgTable(
  'cooperation_request_events',
  {
    id: idColumn('rqe'),
    requestId: text('request_id').notNull().references(() => cooperationRequests.id, { onDelete: 'cascade' }),
    /** `sent`, `acknowledged`, `replied`, `escalated`, `escalation-exhausted`, `forwarded`, `share-asked`, `share-granted`, `share-refused`, `published`, `closed`. */
    kind: text('kind').notNull(),
    actorUserId: text('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    actorName: text('actor_name'),
    actorSupporterId: text('actor_supporter_id'),
    body: text('body'),
    language: text('language'),
    /** For share requests: the contact asked for; for escalations and forwards: the contact it went to. */
    targetContactId: text('target_contact_id'),
    targetName: text('target_name'),
    /** For `share-asked`: null while the source has not decided, then `granted` or `refused`. */
    decision: text('decision'),
    outcome: text('outcome'),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    ...timestamps,
  },
  (t) => [index('cooperation_request_events__request').on(t.requestId), index('cooperation_request_events__actor').on(t.actorUserId)],
);
export type RequestEventRow = typeof requestEvents.$inferSelect;
