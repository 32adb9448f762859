/** The SQL of requests between organisations: requests, their individual recipients, their outcome log, routing. */
import { and, asc, desc, eq, inArray, or } from 'drizzle-orm';
import type { Executor } from '../../app/database/database.js';
import { isIdShaped } from '../../app/database/columns.js';
import { contactsInRoutingOrder, contactsOfUser, findContact, reachableContacts, type ContactRow } from '../contacts/contacts.routing.queries.js';
import { listSupportersByIds } from '../supporters/supporters.usecases.js';
import { cooperationRequests, requestEvents, requestRecipients, type RecipientRow, type RequestEventRow, type RequestRow } from './requests.tables.js';

export type NewRequest = typeof cooperationRequests.$inferInsert;
export type NewEvent = typeof requestEvents.$inferInsert;

export function createRequestsRepository(db: Executor) {
  return {
    async insert(values: NewRequest): Promise<RequestRow> {
      const [row] = await db.insert(cooperationRequests).values(values).returning();
      return row!;
    },
    async find(id: string): Promise<RequestRow | undefined> {
      if (!isIdShaped(id)) return undefined;
      const [row] = await db.select().from(cooperationRequests).where(eq(cooperationRequests.id, id));
      return row;
    },
    /** Locks the row for a change (two acknowledgements at once: one wins, the other sees the new state). */
    async findForUpdate(id: string): Promise<RequestRow | undefined> {
      if (!isIdShaped(id)) return undefined;
      const [row] = await db.select().from(cooperationRequests).where(eq(cooperationRequests.id, id)).for('update');
      return row;
    },
    async update(id: string, values: Partial<NewRequest>): Promise<RequestRow> {
      const [row] = await db.update(cooperationRequests).set(values).where(eq(cooperationRequests.id, id)).returning();
      return row!;
    },
    /** Requests sent by or to these organisations, newest first (the marking is decided by the caller). */
    async involving(supporterIds: readonly string[]): Promise<RequestRow[]> {
      if (supporterIds.length === 0) return [];
      return db
        .select()
        .from(cooperationRequests)
        .where(or(inArray(cooperationRequests.senderSupporterId, [...supporterIds]), inArray(cooperationRequests.recipientSupporterId, [...supporterIds])))
        .orderBy(desc(cooperationRequests.sentAt), desc(cooperationRequests.id));
    },
    /** TLP:GREEN and CLEAR requests between any organisations (the community's reading), newest first. */
    async community(): Promise<RequestRow[]> {
      return db.select().from(cooperationRequests).where(inArray(cooperationRequests.tlp, ['GREEN', 'CLEAR'])).orderBy(desc(cooperationRequests.sentAt));
    },
    async published(): Promise<RequestRow[]> {
      return db.select().from(cooperationRequests).where(and(eq(cooperationRequests.published, true), eq(cooperationRequests.tlp, 'CLEAR'))).orderBy(desc(cooperationRequests.sentAt));
    },
    async insertRecipient(values: typeof requestRecipients.$inferInsert): Promise<RecipientRow> {
      const [row] = await db.insert(requestRecipients).values(values).returning();
      return row!;
    },
    async recipients(requestIds: readonly string[]): Promise<RecipientRow[]> {
      if (requestIds.length === 0) return [];
      return db.select().from(requestRecipients).where(inArray(requestRecipients.requestId, [...requestIds])).orderBy(asc(requestRecipients.createdAt));
    },
    async insertEvent(values: NewEvent): Promise<RequestEventRow> {
      const [row] = await db.insert(requestEvents).values(values).returning();
      return row!;
    },
    async events(requestId: string): Promise<RequestEventRow[]> {
      return db.select().from(requestEvents).where(eq(requestEvents.requestId, requestId)).orderBy(asc(requestEvents.at), asc(requestEvents.createdAt));
    },
    async event(requestId: string, eventId: string): Promise<RequestEventRow | undefined> {
      const [row] = await db.select().from(requestEvents).where(and(eq(requestEvents.requestId, requestId), eq(requestEvents.id, eventId))).for('update');
      return row;
    },
    async decideEvent(eventId: string, decision: 'granted' | 'refused'): Promise<void> {
      await db.update(requestEvents).set({ decision }).where(eq(requestEvents.id, eventId));
    },
    /** The recipient organisation's contacts in the order a request tries them (the contacts module decides the order). */
    async routing(supporterId: string, role: string | null): Promise<ContactRow[]> {
      return contactsInRoutingOrder(db, supporterId, role);
    },
    async contact(id: string): Promise<ContactRow | undefined> {
      return findContact(db, id);
    },
    async contactOf(userId: string, supporterId: string): Promise<ContactRow | undefined> {
      return (await contactsOfUser(db, userId)).find((c) => c.supporterId === supporterId);
    },
    /** Contacts a request can be forwarded to, with their organisation's name. */
    async directory(): Promise<Array<{ id: string; name: string; role: string; supporterId: string; organisation: string }>> {
      const rows = await reachableContacts(db);
      const names = await this.organisationNames(rows.map((r) => r.supporterId));
      return rows.map((r) => ({ id: r.id, name: r.name, role: r.role, supporterId: r.supporterId, organisation: names.get(r.supporterId) ?? '' })).sort((a, b) => a.organisation.localeCompare(b.organisation));
    },
    /** The reader's time zone: the one of their contact record, else UTC. */
    async timeZoneOf(userId: string): Promise<string> {
      return (await contactsOfUser(db, userId))[0]?.timeZone ?? 'UTC';
    },
    async organisationNames(ids: readonly string[]): Promise<Map<string, string>> {
      if (ids.length === 0) return new Map();
      const rows = await listSupportersByIds(db, [...new Set(ids)]);
      return new Map(rows.map((r) => [r.id, r.name]));
    },
    /** The organisations a request can be addressed to: those with a reachable contact. */
    async organisations(): Promise<Array<{ id: string; name: string }>> {
      const names = await this.organisationNames((await reachableContacts(db)).map((c) => c.supporterId));
      return [...names].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
    },
  };
}

/** What the requests hold about one person, and its erasure (the requests stay with the organisations). */
export function createRequestsPersonalDataRepository(db: Executor) {
  return {
    async of(userId: string) {
      const sent = await db
        .select({ id: cooperationRequests.id, subject: cooperationRequests.subject, tlp: cooperationRequests.tlp, sentAt: cooperationRequests.sentAt, senderName: cooperationRequests.senderName })
        .from(cooperationRequests)
        .where(eq(cooperationRequests.senderUserId, userId));
      const received = await db.select({ requestId: requestRecipients.requestId, name: requestRecipients.name, reason: requestRecipients.reason, at: requestRecipients.createdAt }).from(requestRecipients).where(eq(requestRecipients.userId, userId));
      const events = await db
        .select({ requestId: requestEvents.requestId, kind: requestEvents.kind, actorName: requestEvents.actorName, body: requestEvents.body, at: requestEvents.at })
        .from(requestEvents)
        .where(eq(requestEvents.actorUserId, userId));
      return { sent, received, events };
    },
    async erase(userId: string): Promise<void> {
      await db.update(cooperationRequests).set({ senderUserId: null, senderName: null }).where(eq(cooperationRequests.senderUserId, userId));
      await db.update(requestRecipients).set({ userId: null, name: null }).where(eq(requestRecipients.userId, userId));
      await db.update(requestEvents).set({ actorUserId: null, actorName: null }).where(eq(requestEvents.actorUserId, userId));
      // The log names the contacts a request went to by their contact record: the person's records, erased with them.
      const own = await contactsOfUser(db, userId);
      if (own.length) await db.update(requestEvents).set({ targetName: null }).where(inArray(requestEvents.targetContactId, own.map((c) => c.id)));
    },
  };
}
