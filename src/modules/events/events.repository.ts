/** All SQL of events, registrations and invitations. No rules here. */
import { and, asc, count, eq, gte, inArray, isNull, lt, max, or, sql, type SQL } from 'drizzle-orm';
import { users } from '../../app/auth/auth.tables.js';
import type { Executor } from '../../app/database/database.js';
import { events, invitations, registrations, type EventRow, type NewEventRow, type RegistrationRow } from './events.tables.js';

/** What lists of events filter on: a group (or Call-wide only: `null`), and a window on the events' time. */
export interface EventFilter {
  groupId?: string | null;
  /** Events ending after this instant. */
  from?: Date;
  /** Events starting before this instant. */
  to?: Date;
}

// An event's first and last instant as SQL: all-day events from their first day at 00:00 UTC to the day after their last.
const startSql = sql`coalesce(${events.startsAt}, ${events.startDate}::timestamp at time zone 'UTC')`;
const endSql = sql`coalesce(${events.endsAt}, (${events.endDate} + 1)::timestamp at time zone 'UTC')`;

function filterWhere(filter: EventFilter): SQL | undefined {
  const conditions: SQL[] = [];
  if (filter.groupId === null) conditions.push(isNull(events.groupId));
  else if (filter.groupId !== undefined) conditions.push(eq(events.groupId, filter.groupId));
  if (filter.from) conditions.push(sql`${endSql} > ${filter.from.toISOString()}::timestamptz`);
  if (filter.to) conditions.push(sql`${startSql} < ${filter.to.toISOString()}::timestamptz`);
  return conditions.length ? and(...conditions) : undefined;
}

export function createEventsRepository(db: Executor) {
  return {
    async find(id: string): Promise<EventRow | undefined> {
      const [row] = await db.select().from(events).where(eq(events.id, id)).limit(1);
      return row;
    },

    /** The event row, locked until the transaction ends: registrations and edits of one event run one at a time. */
    async lock(id: string): Promise<EventRow | undefined> {
      const [row] = await db.select().from(events).where(eq(events.id, id)).for('update').limit(1);
      return row;
    },

    async findBySourceKeys(keys: string[]): Promise<EventRow[]> {
      return keys.length ? db.select().from(events).where(inArray(events.sourceKey, keys)) : [];
    },

    async insert(row: NewEventRow): Promise<EventRow> {
      const [inserted] = await db.insert(events).values(row).returning();
      return inserted!;
    },

    async update(id: string, set: Partial<NewEventRow>): Promise<EventRow> {
      const [updated] = await db.update(events).set({ ...set, updatedAt: new Date() }).where(eq(events.id, id)).returning();
      return updated!;
    },

    /** Events in time order (earliest first), a page of them and how many match. */
    async list(filter: EventFilter, page: { limit: number; offset: number }, order: 'asc' | 'desc' = 'asc'): Promise<{ rows: EventRow[]; total: number }> {
      const where = filterWhere(filter);
      const [rows, [counted]] = await Promise.all([
        db.select().from(events).where(where).orderBy(order === 'asc' ? asc(startSql) : sql`${startSql} desc`, asc(events.id)).limit(page.limit).offset(page.offset),
        db.select({ n: count() }).from(events).where(where),
      ]);
      return { rows, total: counted?.n ?? 0 };
    },

    async isEmpty(): Promise<boolean> {
      const [row] = await db.select({ n: count() }).from(events);
      return (row?.n ?? 0) === 0;
    },

    /** Events of these groups changed (or their minutes published) in [since, until). */
    async changedInGroups(groupIds: readonly string[] | undefined, since: Date, until: Date, limit: number): Promise<EventRow[]> {
      const inWindow = (column: typeof events.updatedAt | typeof events.minutesPublishedAt) => and(gte(column, since), lt(column, until));
      return db
        .select()
        .from(events)
        .where(and(groupIds ? inArray(events.groupId, [...groupIds]) : sql`${events.groupId} is not null`, or(inWindow(events.updatedAt), inWindow(events.minutesPublishedAt))))
        .orderBy(sql`${events.updatedAt} desc`)
        .limit(limit);
    },

    // Registrations.

    async registrationOf(eventId: string, userId: string): Promise<RegistrationRow | undefined> {
      const [row] = await db.select().from(registrations).where(and(eq(registrations.eventId, eventId), eq(registrations.userId, userId))).limit(1);
      return row;
    },

    async countByState(eventId: string): Promise<{ registered: number; waiting: number }> {
      const rows = await db.select({ state: registrations.state, n: count() }).from(registrations).where(eq(registrations.eventId, eventId)).groupBy(registrations.state);
      const of = (state: string) => rows.find((r) => r.state === state)?.n ?? 0;
      return { registered: of('registered'), waiting: of('waiting') };
    },

    /** The next position on the event's list (first come, first served). */
    async nextPosition(eventId: string): Promise<number> {
      const [row] = await db.select({ last: max(registrations.position) }).from(registrations).where(eq(registrations.eventId, eventId));
      return (row?.last ?? 0) + 1;
    },

    /** The 1-based place of a waiting registration on the waiting list. */
    async waitingRank(eventId: string, position: number): Promise<number> {
      const [row] = await db.select({ n: count() }).from(registrations).where(and(eq(registrations.eventId, eventId), eq(registrations.state, 'waiting'), sql`${registrations.position} <= ${position}`));
      return row?.n ?? 0;
    },

    async upsertRegistration(eventId: string, userId: string, state: 'registered' | 'waiting', position: number): Promise<RegistrationRow> {
      const [row] = await db
        .insert(registrations)
        .values({ eventId, userId, state, position })
        .onConflictDoUpdate({ target: [registrations.eventId, registrations.userId], set: { state, position, updatedAt: new Date() } })
        .returning();
      return row!;
    },

    async setRegistrationState(id: string, state: 'registered' | 'waiting' | 'cancelled'): Promise<void> {
      await db.update(registrations).set({ state, updatedAt: new Date() }).where(eq(registrations.id, id));
    },

    /** The first people on the waiting list, in order. */
    async firstWaiting(eventId: string, limit: number): Promise<RegistrationRow[]> {
      return db.select().from(registrations).where(and(eq(registrations.eventId, eventId), eq(registrations.state, 'waiting'))).orderBy(asc(registrations.position)).limit(limit);
    },

    /** The people registered or waiting, with their address and language (for the e-mails). */
    async attendees(eventId: string): Promise<Array<{ userId: string; email: string | null; locale: string; state: string }>> {
      return db
        .select({ userId: registrations.userId, email: users.email, locale: users.locale, state: registrations.state })
        .from(registrations)
        .innerJoin(users, eq(users.id, registrations.userId))
        .where(and(eq(registrations.eventId, eventId), inArray(registrations.state, ['registered', 'waiting'])))
        .orderBy(asc(registrations.position));
    },

    async userContact(userId: string): Promise<{ email: string | null; locale: string } | undefined> {
      const [row] = await db.select({ email: users.email, locale: users.locale }).from(users).where(eq(users.id, userId)).limit(1);
      return row;
    },

    // Invitations.

    async invitees(eventId: string): Promise<string[]> {
      const rows = await db.select({ email: invitations.email }).from(invitations).where(eq(invitations.eventId, eventId)).orderBy(asc(invitations.email));
      return rows.map((r) => r.email);
    },

    async isInvited(eventId: string, email: string): Promise<boolean> {
      const [row] = await db.select({ id: invitations.id }).from(invitations).where(and(eq(invitations.eventId, eventId), eq(invitations.email, email.toLowerCase()))).limit(1);
      return Boolean(row);
    },

    /** Replaces the invitation list with these addresses (lower-cased). */
    async setInvitees(eventId: string, emails: string[], by: string): Promise<void> {
      await db.delete(invitations).where(eq(invitations.eventId, eventId));
      const unique = [...new Set(emails.map((e) => e.toLowerCase()))];
      if (unique.length) await db.insert(invitations).values(unique.map((email) => ({ eventId, email, invitedBy: by })));
    },
  };
}

export type EventsRepository = ReturnType<typeof createEventsRepository>;

/** A person's registrations and the invitations sent to their address, for their personal-data export and erasure. */
export function createEventsPersonalDataRepository(db: Executor) {
  return {
    async registrationsOf(userId: string) {
      return db.select({ eventId: registrations.eventId, state: registrations.state, registeredAt: registrations.createdAt, changedAt: registrations.updatedAt }).from(registrations).where(eq(registrations.userId, userId));
    },
    async invitationsOf(email: string) {
      return db.select({ eventId: invitations.eventId, invitedAt: invitations.createdAt }).from(invitations).where(eq(invitations.email, email));
    },
    async eraseAll(userId: string, email: string | null): Promise<void> {
      await db.delete(registrations).where(eq(registrations.userId, userId));
      if (email) await db.delete(invitations).where(eq(invitations.email, email));
    },
  };
}
