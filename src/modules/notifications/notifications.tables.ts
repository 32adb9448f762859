import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../../app/auth/auth.tables.js';
import { idColumn, timestamps } from '../../app/database/columns.js';
import { groups } from '../groups/groups.tables.js';

/**
 * A person's explicit choice for one working group: `daily`, `weekly` or `off`. Without a row, a person holding a role
 * in the group (co-chair, member, observer) gets the weekly digest, and anyone else nothing: following a group writes
 * a row. A row is kept when the person chooses `off`, so a role holder's "off" overrides the default.
 */
export const notificationSubscriptions = pgTable(
  'notification_subscriptions',
  {
    id: idColumn('nsb'),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    groupId: text('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    frequency: text('frequency').notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('notification_subscriptions__person_group').on(t.userId, t.groupId),
    index('notification_subscriptions__group').on(t.groupId),
    check('notification_subscriptions__frequency_valid', sql`${t.frequency} in ('daily', 'weekly', 'off')`),
  ],
);

/**
 * What was sent to whom, one row per person and digest period (`daily:2026-12-08T06:00:00.000Z`) or per person and
 * deadline reminder (the activity item's key): written in the transaction that enqueues the e-mail, so a job run twice
 * (a retry after a crash, two workers, a duplicated schedule) finds the row and sends nothing again. The e-mail job's
 * idempotency key (`notifications.<kind>:<ref>:<person>`) names the same delivery in the outbox.
 */
export const notificationDeliveries = pgTable(
  'notification_deliveries',
  {
    id: idColumn('ndl'),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** `digest` or `reminder`. */
    kind: text('kind').notNull(),
    /** The digest's period (`<frequency>:<end of period, ISO>`) or the reminded item's key. */
    ref: text('ref').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('notification_deliveries__once').on(t.userId, t.kind, t.ref),
    check('notification_deliveries__kind_valid', sql`${t.kind} in ('digest', 'reminder')`),
  ],
);

export type SubscriptionRow = typeof notificationSubscriptions.$inferSelect;
