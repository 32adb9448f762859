/**
 * The SQL of pings. The contacts' tables are read here, never written: the directory belongs to the contacts module
 * (the one exception to the module boundaries, in .dependency-cruiser.cjs, with its reason). Organisations' names come
 * through the supporters' use cases.
 */
import { and, asc, desc, eq, gte, inArray, isNull, lte, min, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../app/database/database.js';
import { contactChannels, contacts } from '../contacts/contacts.tables.js';
import { listSupportersByIds } from '../supporters/supporters.usecases.js';
import { pingExercises, pings, pingTargets, type PingExerciseRow, type PingRow, type PingTargetRow } from './pings.tables.js';

export interface DirectoryContact {
  id: string;
  supporterId: string;
  role: string;
  name: string;
  state: string;
  escalationOrder: number;
  languages: string[];
  timeZone: string;
  userId: string | null;
  channels: Array<{ kind: string; value: string; position: number }>;
}

export function createPingsRepository(db: Executor) {
  /** Contacts (with their channels) matching a condition, read-only. */
  async function directory(where: SQL | undefined): Promise<DirectoryContact[]> {
    const rows = await db
      .select({
        id: contacts.id, supporterId: contacts.supporterId, role: contacts.role, name: contacts.name, state: contacts.state,
        escalationOrder: contacts.escalationOrder, languages: contacts.languages, timeZone: contacts.timeZone, userId: contacts.userId,
      })
      .from(contacts)
      .where(where)
      .orderBy(asc(contacts.supporterId), asc(contacts.escalationOrder), asc(contacts.id));
    if (rows.length === 0) return [];
    const channels = await db
      .select({ contactId: contactChannels.contactId, kind: contactChannels.kind, value: contactChannels.value, position: contactChannels.position })
      .from(contactChannels)
      .where(inArray(contactChannels.contactId, rows.map((r) => r.id)));
    const byContact = new Map<string, DirectoryContact['channels']>();
    for (const c of channels) byContact.set(c.contactId, [...(byContact.get(c.contactId) ?? []), { kind: c.kind, value: c.value, position: c.position }]);
    return rows.map((r) => ({ ...r, channels: byContact.get(r.id) ?? [] }));
  }

  return {
    /** The contacts an exercise covers: active or stale, of the organisations and roles chosen (none chosen: all). */
    async contactsInScope(scope: { supporterIds: string[]; roles: string[] }): Promise<DirectoryContact[]> {
      return directory(
        and(
          inArray(contacts.state, ['active', 'stale']),
          scope.supporterIds.length ? inArray(contacts.supporterId, scope.supporterIds) : undefined,
          scope.roles.length ? inArray(contacts.role, scope.roles) : undefined,
        ),
      );
    },
    /** Every contact of these organisations, whatever its state (the chain skips those that cannot be tried). */
    async contactsOf(supporterIds: string[]): Promise<DirectoryContact[]> {
      return supporterIds.length ? directory(inArray(contacts.supporterId, supporterIds)) : [];
    },
    async contactsByIds(ids: string[]): Promise<DirectoryContact[]> {
      return ids.length ? directory(inArray(contacts.id, ids)) : [];
    },
    async contact(id: string): Promise<DirectoryContact | undefined> {
      return (await directory(eq(contacts.id, id)))[0];
    },
    async supporterNames(ids: string[]): Promise<Map<string, { name: string; slug: string }>> {
      if (ids.length === 0) return new Map();
      return new Map((await listSupportersByIds(db, ids)).map((r) => [r.id, { name: r.name, slug: r.slug }]));
    },
    async existingSupporters(ids: string[]): Promise<string[]> {
      if (ids.length === 0) return [];
      return (await listSupportersByIds(db, ids)).map((r) => r.id);
    },
    /** The organisations with a contact that an exercise can try (active or stale), by name. */
    async organisationsWithContacts(): Promise<Array<{ id: string; name: string }>> {
      const ids = await db.selectDistinct({ id: contacts.supporterId }).from(contacts).where(inArray(contacts.state, ['active', 'stale']));
      const rows = await listSupportersByIds(db, ids.map((r) => r.id));
      return rows.map((r) => ({ id: r.id, name: r.name })).sort((a, b) => a.name.localeCompare(b.name));
    },

    /** What pings hold about a person (see pings.privacy.ts). */
    async personalData(userId: string) {
      const ref = `user:${userId}`;
      const own = db.select({ id: contacts.id }).from(contacts).where(eq(contacts.userId, userId));
      const received = await db
        .select({ id: pings.id, exercise: pings.exerciseId, contact: pings.contactId, channel: pings.channelKind, sentAt: pings.sentAt, acknowledgedAt: pings.acknowledgedAt, via: pings.via })
        .from(pings)
        .where(or(inArray(pings.contactId, own), eq(pings.recordedBy, ref)));
      const ran = await db.select({ id: pingExercises.id, scheduledAt: pingExercises.scheduledAt }).from(pingExercises).where(eq(pingExercises.createdBy, ref));
      return { pings: received, exercisesRun: ran };
    },
    async forgetPerson(userId: string): Promise<void> {
      const ref = `user:${userId}`;
      await db.update(pingExercises).set({ createdBy: 'erased' }).where(eq(pingExercises.createdBy, ref));
      await db.update(pings).set({ recordedBy: 'erased' }).where(eq(pings.recordedBy, ref));
    },

    async insertExercise(values: typeof pingExercises.$inferInsert): Promise<PingExerciseRow> {
      const [row] = await db.insert(pingExercises).values(values).returning();
      return row!;
    },
    async exercise(id: string): Promise<PingExerciseRow | undefined> {
      return (await db.select().from(pingExercises).where(eq(pingExercises.id, id)))[0];
    },
    async lockExercise(id: string): Promise<PingExerciseRow | undefined> {
      return (await db.select().from(pingExercises).where(eq(pingExercises.id, id)).for('update'))[0];
    },
    async setExercise(id: string, values: Partial<typeof pingExercises.$inferInsert>): Promise<void> {
      await db.update(pingExercises).set(values).where(eq(pingExercises.id, id));
    },
    async listExercises(limit: number, offset: number): Promise<{ rows: PingExerciseRow[]; total: number }> {
      const rows = await db.select().from(pingExercises).orderBy(desc(pingExercises.scheduledAt), desc(pingExercises.id)).limit(limit).offset(offset);
      const [total] = await db.select({ n: sql<number>`count(*)::int` }).from(pingExercises);
      return { rows, total: total?.n ?? 0 };
    },

    async insertTargets(values: Array<typeof pingTargets.$inferInsert>): Promise<PingTargetRow[]> {
      return values.length ? db.insert(pingTargets).values(values).returning() : [];
    },
    async insertPings(values: Array<typeof pings.$inferInsert>): Promise<PingRow[]> {
      return values.length ? db.insert(pings).values(values).returning() : [];
    },
    async target(id: string): Promise<PingTargetRow | undefined> {
      return (await db.select().from(pingTargets).where(eq(pingTargets.id, id)))[0];
    },
    async targetsOf(exerciseId: string): Promise<PingTargetRow[]> {
      return db.select().from(pingTargets).where(eq(pingTargets.exerciseId, exerciseId));
    },
    async resolveTarget(id: string, state: 'acknowledged' | 'unreachable', at: Date): Promise<boolean> {
      const rows = await db.update(pingTargets).set({ state, resolvedAt: at }).where(and(eq(pingTargets.id, id), eq(pingTargets.state, 'pending'))).returning({ id: pingTargets.id });
      return rows.length > 0;
    },
    async pendingTargets(exerciseId: string): Promise<number> {
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(pingTargets).where(and(eq(pingTargets.exerciseId, exerciseId), eq(pingTargets.state, 'pending')));
      return row?.n ?? 0;
    },

    async pingByTokenHash(hash: string): Promise<PingRow | undefined> {
      return (await db.select().from(pings).where(eq(pings.tokenHash, hash)))[0];
    },
    async pingByCode(code: string): Promise<PingRow | undefined> {
      return (await db.select().from(pings).where(eq(pings.code, code)))[0];
    },
    async ping(id: string): Promise<PingRow | undefined> {
      return (await db.select().from(pings).where(eq(pings.id, id)))[0];
    },
    async pingsOf(exerciseId: string): Promise<PingRow[]> {
      return db.select().from(pings).where(eq(pings.exerciseId, exerciseId)).orderBy(asc(pings.sentAt), asc(pings.id));
    },
    /** Records the acknowledgement unless one is already there; whether this call recorded it. */
    async acknowledge(id: string, values: { at: Date; via: string; recordedBy: string | null }): Promise<boolean> {
      const rows = await db
        .update(pings)
        .set({ acknowledgedAt: values.at, via: values.via, recordedBy: values.recordedBy })
        .where(and(eq(pings.id, id), isNull(pings.acknowledgedAt)))
        .returning({ id: pings.id });
      return rows.length > 0;
    },
    /** The pings whose window ran out without an answer, of targets still pending; marked as escalated here. */
    async claimOverdue(exerciseId: string, now: Date): Promise<PingRow[]> {
      const open = db
        .select({ id: pingTargets.id })
        .from(pingTargets)
        .where(and(eq(pingTargets.exerciseId, exerciseId), eq(pingTargets.state, 'pending')));
      return db
        .update(pings)
        .set({ escalatedAt: now })
        .where(and(eq(pings.exerciseId, exerciseId), isNull(pings.acknowledgedAt), isNull(pings.escalatedAt), lte(pings.dueAt, now), inArray(pings.targetId, open)))
        .returning();
    },
    async stepsTaken(targetId: string): Promise<number> {
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(pings).where(eq(pings.targetId, targetId));
      return row?.n ?? 0;
    },
    /** When the next open ping of the exercise runs out (null: none open). */
    async nextDue(exerciseId: string): Promise<Date | null> {
      const [row] = await db
        .select({ at: min(pings.dueAt) })
        .from(pings)
        .innerJoin(pingTargets, eq(pingTargets.id, pings.targetId))
        .where(and(eq(pings.exerciseId, exerciseId), isNull(pings.acknowledgedAt), isNull(pings.escalatedAt), eq(pingTargets.state, 'pending')));
      return row?.at ? new Date(row.at) : null;
    },

    /** Targets and pings for statistics: of one organisation, one contact (as target or as reached), or since a date. */
    async historyWhere(filter: { supporterId?: string; contactId?: string; since?: Date }): Promise<{ targets: PingTargetRow[]; pings: PingRow[] }> {
      const targetWhere = and(
        filter.supporterId ? eq(pingTargets.supporterId, filter.supporterId) : undefined,
        filter.contactId ? eq(pingTargets.contactId, filter.contactId) : undefined,
        filter.since ? gte(pingTargets.createdAt, filter.since) : undefined,
      );
      const targets = await db.select().from(pingTargets).where(targetWhere);
      const pingWhere = filter.contactId
        ? eq(pings.contactId, filter.contactId)
        : filter.supporterId
          ? inArray(pings.targetId, db.select({ id: pingTargets.id }).from(pingTargets).where(eq(pingTargets.supporterId, filter.supporterId)))
          : filter.since
            ? gte(pings.sentAt, filter.since)
            : undefined;
      const list = await db.select().from(pings).where(pingWhere).orderBy(desc(pings.sentAt), asc(pings.id));
      return { targets, pings: list };
    },
    async exercisesByIds(ids: string[]): Promise<PingExerciseRow[]> {
      return ids.length ? db.select().from(pingExercises).where(inArray(pingExercises.id, ids)) : [];
    },
  };
}

export type PingsRepository = ReturnType<typeof createPingsRepository>;
