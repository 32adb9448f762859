/** All SQL of notifications: subscriptions, who gets which digest (a page of people at a time), what was sent. */
import { and, eq, sql } from 'drizzle-orm';
import { users } from '../../app/auth/auth.tables.js';
import type { Executor } from '../../app/database/database.js';
import type { DeliveryKind, Frequency } from './notifications.constants.js';
import { notificationDeliveries, notificationSubscriptions } from './notifications.tables.js';

/** A person with the groups they hear from: their choice for each (null: none made) and whether they hold a role there. */
export interface RecipientGroups {
  userId: string;
  email: string;
  locale: string;
  groups: Array<{ groupId: string; choice: Frequency | null; holdsRole: boolean }>;
}

interface RecipientRow extends Record<string, unknown> {
  user_id: string;
  email: string;
  locale: string;
  group_id: string;
  choice: Frequency | null;
  holds_role: boolean;
}

export function createNotificationsRepository(db: Executor) {
  return {
    async choicesOf(userId: string): Promise<Array<{ groupId: string; frequency: Frequency }>> {
      const rows = await db
        .select({ groupId: notificationSubscriptions.groupId, frequency: notificationSubscriptions.frequency })
        .from(notificationSubscriptions)
        .where(eq(notificationSubscriptions.userId, userId));
      return rows as Array<{ groupId: string; frequency: Frequency }>;
    },

    /** Sets the person's choice for a group; returns the previous choice (null when there was none). */
    async choose(userId: string, groupId: string, frequency: Frequency): Promise<Frequency | null> {
      const [previous] = await db
        .select({ frequency: notificationSubscriptions.frequency })
        .from(notificationSubscriptions)
        .where(and(eq(notificationSubscriptions.userId, userId), eq(notificationSubscriptions.groupId, groupId)))
        .for('update');
      await db
        .insert(notificationSubscriptions)
        .values({ userId, groupId, frequency })
        .onConflictDoUpdate({ target: [notificationSubscriptions.userId, notificationSubscriptions.groupId], set: { frequency, updatedAt: new Date() } });
      return (previous?.frequency as Frequency | undefined) ?? null;
    },

    async userExists(userId: string): Promise<boolean> {
      const [row] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId));
      return Boolean(row);
    },

    /**
     * People who may hear from some group (a role in it, or a choice made), in pages of `limit` people after `after`
     * (by id), each with all their groups: one query per page, whatever the number of groups. Only active accounts with
     * an address; erased and disabled accounts get nothing.
     */
    async recipientsPage(after: string, limit: number, groupIds?: readonly string[]): Promise<RecipientGroups[]> {
      const inGroups = (column: string) =>
        groupIds ? sql`and ${sql.raw(column)} in (${sql.join(groupIds.map((id) => sql`${id}`), sql`, `)})` : sql``;
      // People in id order through the primary key, each one's grants and choices through the indexes that start with
      // the person (role_grants__holder, notification_subscriptions__person_group): a page costs the same wherever it
      // starts, and no plan depends on table statistics (fresh bulk-loaded tables have none).
      const result = await db.execute<RecipientRow>(sql`
        select u.id as user_id, u.email, u.locale, x.group_id, x.holds_role, x.choice
        from (
          select id, email, locale from users
          where id > ${after} and status = 'active' and erased_at is null and email is not null
            and (exists (select 1 from role_grants r where r.user_id = users.id and r.scope_kind = 'group' ${inGroups('r.scope_id')})
              or exists (select 1 from notification_subscriptions s where s.user_id = users.id ${inGroups('s.group_id')}))
          order by id
          limit ${limit}
        ) u
        cross join lateral (
          select g.group_id, bool_or(g.role) as holds_role, max(g.choice) as choice
          from (
            select r.scope_id as group_id, true as role, null::text as choice from role_grants r
            where r.user_id = u.id and r.scope_kind = 'group' ${inGroups('r.scope_id')}
            union all
            select s.group_id, false, s.frequency from notification_subscriptions s where s.user_id = u.id ${inGroups('s.group_id')}
          ) g
          group by g.group_id
        ) x
        order by u.id`);
      const rows = (result as unknown as { rows: RecipientRow[] }).rows;
      const people: RecipientGroups[] = [];
      for (const row of rows) {
        let person = people.at(-1);
        if (person?.userId !== row.user_id) {
          person = { userId: row.user_id, email: row.email, locale: row.locale, groups: [] };
          people.push(person);
        }
        person.groups.push({ groupId: row.group_id, choice: row.choice, holdsRole: row.holds_role });
      }
      return people;
    },

    /**
     * Records that `ref` goes to each person once; returns those for whom it was not yet recorded (the others were
     * already sent it, by an earlier run of the same job or a duplicate).
     */
    async claimDeliveries(kind: DeliveryKind, ref: string, userIds: readonly string[]): Promise<Set<string>> {
      if (userIds.length === 0) return new Set();
      const rows = await db
        .insert(notificationDeliveries)
        .values(userIds.map((userId) => ({ userId, kind, ref })))
        .onConflictDoNothing({ target: [notificationDeliveries.userId, notificationDeliveries.kind, notificationDeliveries.ref] })
        .returning({ userId: notificationDeliveries.userId });
      return new Set(rows.map((row) => row.userId));
    },

    async deliveriesTo(userId: string): Promise<Array<{ kind: string; ref: string }>> {
      return db.select({ kind: notificationDeliveries.kind, ref: notificationDeliveries.ref }).from(notificationDeliveries).where(eq(notificationDeliveries.userId, userId));
    },

  };
}

/** A person's subscriptions and what was sent to them, for their personal-data export and erasure. */
export function createNotificationsPersonalDataRepository(db: Executor) {
  return {
    async subscriptionsOf(userId: string) {
      return db
        .select({ groupId: notificationSubscriptions.groupId, frequency: notificationSubscriptions.frequency, since: notificationSubscriptions.createdAt, changedAt: notificationSubscriptions.updatedAt })
        .from(notificationSubscriptions)
        .where(eq(notificationSubscriptions.userId, userId));
    },
    async deliveriesOf(userId: string) {
      return db.select({ kind: notificationDeliveries.kind, ref: notificationDeliveries.ref, sentAt: notificationDeliveries.sentAt }).from(notificationDeliveries).where(eq(notificationDeliveries.userId, userId));
    },
    async eraseAll(userId: string): Promise<void> {
      await db.delete(notificationSubscriptions).where(eq(notificationSubscriptions.userId, userId));
      await db.delete(notificationDeliveries).where(eq(notificationDeliveries.userId, userId));
    },
  };
}
