import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../../app/auth/auth.tables.js';
import { idColumn, timestamps } from '../../app/database/columns.js';
import { groups } from '../groups/groups.tables.js';
import type { Localized } from '../../shared/localized.js';

/** Text per language (src/shared/localized.ts), as this module's tables store it. */
export type { Localized };

/**
 * The Call's meetings and events: a working group's (`group_id`) or Call-wide (null). Either all-day (`start_date` …
 * `end_date`, both inclusive, no time zone: the official site's events) or timed (`starts_at` … `ends_at`, instants in
 * UTC, with the IANA zone the organiser gave them in, shown beside the time). A cancelled event stays (its page and
 * the calendars say so: the same UID with STATUS:CANCELLED and a higher SEQUENCE).
 */
export const events = pgTable(
  'events',
  {
    id: idColumn('evt'),
    groupId: text('group_id').references(() => groups.id, { onDelete: 'restrict' }),
    title: jsonb('title').$type<Localized>().notNull(),
    description: jsonb('description').$type<Localized>().notNull().default({}),
    agenda: jsonb('agenda').$type<Localized>().notNull().default({}),
    allDay: boolean('all_day').notNull(),
    /** All-day events: the first and the last day (inclusive); the calendars' DTEND is the day after `end_date`. */
    startDate: date('start_date', { mode: 'string' }),
    endDate: date('end_date', { mode: 'string' }),
    startsAt: timestamp('starts_at', { withTimezone: true, mode: 'date' }),
    endsAt: timestamp('ends_at', { withTimezone: true, mode: 'date' }),
    /** The IANA zone a timed event's times were given in (`Europe/Paris`): pages and calendars show them in it. */
    timeZone: text('time_zone'),
    address: text('address'),
    city: text('city'),
    /** As the organiser wrote it (the official files give names: `Germany`, `USA`). */
    country: text('country'),
    /** The online link (to join, or the event's own page); never shown to the public for a by-invitation event. */
    link: text('link'),
    linkTitle: text('link_title'),
    hashtag: text('hashtag'),
    /** `public`: anyone signed in registers; `by-invitation`: only those invited (see events.policies.ts). */
    openness: text('openness').notNull().default('public'),
    /** Places; null for no limit. Enforced when registering, under a lock on the event row. */
    capacity: integer('capacity'),
    registrationOpen: boolean('registration_open').notNull().default(false),
    state: text('state').notNull().default('scheduled'),
    /** The calendars' UID: set once, never changed, so an update or a cancellation replaces the entry people imported. */
    uid: text('uid').notNull(),
    /** The calendars' SEQUENCE: incremented by every change of what a calendar shows (time, place, title, state). */
    sequence: integer('sequence').notNull().default(0),
    minutes: jsonb('minutes').$type<Localized>().notNull().default({}),
    recordingUrl: text('recording_url'),
    minutesPublishedAt: timestamp('minutes_published_at', { withTimezone: true, mode: 'date' }),
    /** `_events/<file>.md` for the official site's events: an import finds its row again; null for platform events. */
    sourceKey: text('source_key'),
    /** Who last changed it on the platform (`user:…`); an import then leaves it alone. */
    editedBy: text('edited_by'),
    createdBy: text('created_by').notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('events__uid').on(t.uid),
    uniqueIndex('events__source_key').on(t.sourceKey),
    index('events__group_start').on(t.groupId, t.startDate, t.startsAt),
    check('events__state_valid', sql`${t.state} in ('scheduled', 'cancelled')`),
    check('events__openness_valid', sql`${t.openness} in ('public', 'by-invitation')`),
    check('events__capacity_positive', sql`${t.capacity} is null or ${t.capacity} > 0`),
    check('events__sequence_positive', sql`${t.sequence} >= 0`),
    check(
      'events__when_valid',
      sql`(${t.allDay} and ${t.startDate} is not null and ${t.endDate} is not null and ${t.endDate} >= ${t.startDate} and ${t.startsAt} is null and ${t.endsAt} is null)
        or (not ${t.allDay} and ${t.startsAt} is not null and ${t.endsAt} is not null and ${t.endsAt} > ${t.startsAt} and ${t.timeZone} is not null and ${t.startDate} is null and ${t.endDate} is null)`,
    ),
  ],
);

export type EventRow = typeof events.$inferSelect;
export type NewEventRow = typeof events.$inferInsert;

/**
 * Who registered for an event. `position` orders them (first come, first served): the waiting list is promoted in
 * that order. A person has one row per event; registering again after cancelling reuses it with a new position.
 */
export const registrations = pgTable(
  'event_registrations',
  {
    id: idColumn('reg'),
    eventId: text('event_id').notNull().references(() => events.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    state: text('state').notNull(),
    position: integer('position').notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('event_registrations__event_user').on(t.eventId, t.userId),
    index('event_registrations__event_state').on(t.eventId, t.state, t.position),
    check('event_registrations__state_valid', sql`${t.state} in ('registered', 'waiting', 'cancelled')`),
  ],
);

export type RegistrationRow = typeof registrations.$inferSelect;

/**
 * The people an organiser invited to a Call-wide by-invitation event, by e-mail (matched against the account's address
 * when they register). A group's by-invitation events need none: its co-chairs, members and observers are invited.
 */
export const invitations = pgTable(
  'event_invitations',
  {
    id: idColumn('inv'),
    eventId: text('event_id').notNull().references(() => events.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    invitedBy: text('invited_by').notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex('event_invitations__event_email').on(t.eventId, t.email)],
);
