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
      const result = await db.execute<RecipientRow>(sql`
        with pairs as (
          select user_id, scope_id as group_id, true as role from role_grants where scope_kind = 'group' ${inGroups('scope_id')}
          union all
          select user_id, group_id, false as role from notification_subscriptions where true ${inGroups('group_id')}
        ),
        people as (
          select distinct p.user_id from pairs p join users u on u.id = p.user_id
          where p.user_id > ${after} and u.status = 'active' and u.erased_at is null and u.email is not null
          order by p.user_id limit ${limit}
        )
        select p.user_id, u.email, u.locale, p.group_id, bool_or(p.role) as holds_role, max(s.frequency) as choice
        from pairs p
        join people on people.user_id = p.user_id
        join users u on u.id = p.user_id
        left join notification_subscriptions s on s.user_id = p.user_id and s.group_id = p.group_id
        group by p.user_id, u.email, u.locale, p.group_id
        order by p.user_id`);
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
