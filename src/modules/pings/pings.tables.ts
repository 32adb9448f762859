import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { idColumn, timestamps } from '../../app/database/columns.js';
import { contacts } from '../contacts/contacts.tables.js';
import { supporters } from '../supporters/supporters.tables.js';

/**
 * A proof-of-life exercise: pings to the designated contacts of every organisation (or of those chosen, of the roles
 * chosen), over the channels chosen, each waited for `window_minutes` before the next step of the contact's
 * escalation chain is tried. Run by the secretariat over any scope, or by a contact over its own organisation
 * (`supporter_id`). Scheduled at an instant (stored UTC) given as a local time in `time_zone`, or run at once.
 */
export const pingExercises = pgTable(
  'ping_exercises',
  {
    id: idColumn('pex'),
    /** The organisation a contact ran it for (its own contacts only); null: the secretariat's. */
    supporterId: text('supporter_id').references(() => supporters.id, { onDelete: 'cascade' }),
    /** The organisations it covers (empty: every organisation with contacts). */
    scopeSupporterIds: text('scope_supporter_ids').array().notNull().default(sql`'{}'::text[]`),
    /** The contact roles it covers (empty: every role). */
    roles: text('roles').array().notNull().default(sql`'{}'::text[]`),
    /** The channel kinds tried, in the contact's own order of its channels. */
    channels: text('channels').array().notNull(),
    windowMinutes: integer('window_minutes').notNull(),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** The zone the organiser gave the start in, to show it back. */
    timeZone: text('time_zone').notNull(),
    /** `scheduled`, `running`, `completed` (every target acknowledged or unreachable) or `cancelled`. */
    state: text('state').notNull().default('scheduled'),
    createdBy: text('created_by').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }),
    completedAt: timestamp('completed_at', { withTimezone: true, mode: 'date' }),
    ...timestamps,
  },
  (t) => [
    index('ping_exercises__scheduled').on(t.scheduledAt),
    check('ping_exercises__state_valid', sql`${t.state} in ('scheduled', 'running', 'completed', 'cancelled')`),
    check('ping_exercises__window_valid', sql`${t.windowMinutes} between 5 and 10080`),
  ],
);

export type PingExerciseRow = typeof pingExercises.$inferSelect;

/** One contact an exercise tries to reach, and how that ended: `pending`, `acknowledged` or `unreachable`. */
export const pingTargets = pgTable(
  'ping_targets',
  {
    id: idColumn('ptg'),
    exerciseId: text('exercise_id').notNull().references(() => pingExercises.id, { onDelete: 'cascade' }),
    contactId: text('contact_id').notNull().references(() => contacts.id, { onDelete: 'cascade' }),
    supporterId: text('supporter_id').notNull().references(() => supporters.id, { onDelete: 'cascade' }),
    state: text('state').notNull().default('pending'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true, mode: 'date' }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('ping_targets__exercise_contact').on(t.exerciseId, t.contactId),
    index('ping_targets__contact').on(t.contactId),
    check('ping_targets__state_valid', sql`${t.state} in ('pending', 'acknowledged', 'unreachable')`),
  ],
);

export type PingTargetRow = typeof pingTargets.$inferSelect;

/**
 * One ping: a step of a target's escalation chain, sent over one channel to one contact (the target, or the next
 * contact of its organisation). The link's nonce is kept as its hash only; the short code is read out over channels
 * the platform cannot send itself, and typed back by the contact (or recorded by the operator).
 */
export const pings = pgTable(
  'pings',
  {
    id: idColumn('png'),
    exerciseId: text('exercise_id').notNull().references(() => pingExercises.id, { onDelete: 'cascade' }),
    targetId: text('target_id').notNull().references(() => pingTargets.id, { onDelete: 'cascade' }),
    /** The contact this step reaches (the target's own, or its organisation's next). */
    contactId: text('contact_id').notNull().references(() => contacts.id, { onDelete: 'cascade' }),
    channelKind: text('channel_kind').notNull(),
    /** 0 for the first step of the chain. */
    step: integer('step').notNull(),
    tokenHash: text('token_hash').notNull(),
    code: text('code').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }).notNull(),
    dueAt: timestamp('due_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** When the window ran out and the next step was taken (or the target was recorded unreachable). */
    escalatedAt: timestamp('escalated_at', { withTimezone: true, mode: 'date' }),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true, mode: 'date' }),
    /** `link`, `api`, `code` or `operator`. */
    via: text('via'),
    /** Who recorded an acknowledgement given to an operator (`user:…`). */
    recordedBy: text('recorded_by'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('pings__token_hash').on(t.tokenHash),
    uniqueIndex('pings__code').on(t.code),
    index('pings__exercise_due').on(t.exerciseId, t.dueAt),
    index('pings__target').on(t.targetId),
    index('pings__contact').on(t.contactId),
    check('pings__channel_valid', sql`${t.channelKind} in ('email', 'phone', 'sms', 'portal', 'signal')`),
    check('pings__via_valid', sql`${t.via} is null or ${t.via} in ('link', 'api', 'code', 'operator')`),
  ],
);

export type PingRow = typeof pings.$inferSelect;
