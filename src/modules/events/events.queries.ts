/** What the events' pages and API read: the calendar by month, one event with the visitor's standing. */
import type { Actor } from '../../app/authz/actor.js';
import { can } from '../../app/authz/policy.js';
import type { Executor } from '../../app/database/database.js';
import { findGroupById, findGroupBySlug, listGroups, type Group } from '../groups/groups.queries.js';
import { eventNotFound } from './events.errors.js';
import { endOf } from './events.models.js';
import { eventsPolicies } from './events.policies.js';
import { isInvited, standingOf, type Standing } from './events.registrations.js';
import { createEventsRepository, type EventFilter } from './events.repository.js';
import type { EventRow } from './events.tables.js';
import { monthKey } from './events.presenters.js';

/** The calendar page's filter: every event, the Call-wide ones, or one group's (by slug). */
export type CalendarFilter = { kind: 'all' } | { kind: 'call' } | { kind: 'group'; group: Group };

export async function resolveCalendarFilter(db: Executor, value: string | undefined): Promise<CalendarFilter | null> {
  if (!value) return { kind: 'all' };
  if (value === 'call') return { kind: 'call' };
  const group = await findGroupBySlug(db, value);
  return group ? { kind: 'group', group } : null;
}

const filterOf = (filter: CalendarFilter): EventFilter => (filter.kind === 'all' ? {} : filter.kind === 'call' ? { groupId: null } : { groupId: filter.group.id });

/** The most events a calendar page or feed lists (the Call holds a few meetings a month). */
export const calendarLimit = 1000;

export interface MonthOfEvents {
  month: string;
  events: EventRow[];
}

function byMonth(events: EventRow[]): MonthOfEvents[] {
  const months = new Map<string, EventRow[]>();
  for (const event of events) months.set(monthKey(event), [...(months.get(monthKey(event)) ?? []), event]);
  return [...months].map(([month, list]) => ({ month, events: list }));
}

/** The calendar: upcoming events (earliest first) and past ones (latest first), by month, with the groups' names. */
export async function calendarView(input: { db: Executor; filter: CalendarFilter; now?: Date }) {
  const now = input.now ?? new Date();
  const { rows } = await createEventsRepository(input.db).list(filterOf(input.filter), { limit: calendarLimit, offset: 0 });
  const groups = await listGroups(input.db);
  const upcoming = rows.filter((e) => endOf(e) > now);
  const past = rows.filter((e) => endOf(e) <= now).reverse();
  return { groups, upcoming: byMonth(upcoming), past: byMonth(past), groupsById: new Map(groups.map((g) => [g.id, g])) };
}

/** Every event of a filter, for a feed. */
export async function feedEvents(db: Executor, filter: CalendarFilter): Promise<EventRow[]> {
  return (await createEventsRepository(db).list(filterOf(filter), { limit: calendarLimit, offset: 0 })).rows;
}

export async function findEvent(db: Executor, eventId: string): Promise<EventRow> {
  const event = /^evt_[A-Za-z0-9_-]{1,40}$/.test(eventId) ? await createEventsRepository(db).find(eventId) : undefined;
  if (!event) throw eventNotFound();
  return event;
}

export interface EventDetail {
  event: EventRow;
  group: Group | null;
  counts: { registered: number; waiting: number };
  standing: Standing | null;
  seesLink: boolean;
  mayRegister: boolean;
  /** Why registering is not offered: closed (or over, or cancelled), or not invited. */
  registrationRefusal: 'closed' | 'not-invited' | null;
  mayOrganise: boolean;
  now: Date;
}

/** One event as the visitor sees it: places left, their standing, whether they see the link and may register. */
export async function eventDetail(input: { db: Executor; actor: Actor; eventId: string; now?: Date }): Promise<EventDetail> {
  const now = input.now ?? new Date();
  const event = await findEvent(input.db, input.eventId);
  const invited = await isInvited(input.db, input.actor, event);
  const registerVerdict = eventsPolicies.register.decide(input.actor, { event, invited, now });
  let registrationRefusal: EventDetail['registrationRefusal'] = null;
  if (event.state !== 'scheduled' || !event.registrationOpen || endOf(event) <= now) registrationRefusal = 'closed';
  // A visitor is asked to sign in (not told they are not invited): invitations are read from the account.
  else if (input.actor.kind === 'user' && !registerVerdict.allowed) registrationRefusal = 'not-invited';
  return {
    event,
    group: event.groupId ? await findGroupById(input.db, event.groupId) : null,
    counts: await createEventsRepository(input.db).countByState(event.id),
    standing: await standingOf(input.db, input.actor, event.id),
    seesLink: can(input.actor, eventsPolicies.seeLink, { openness: event.openness, groupId: event.groupId, invited }),
    mayRegister: registerVerdict.allowed,
    registrationRefusal,
    mayOrganise: can(input.actor, eventsPolicies.organise, { groupId: event.groupId }),
    now,
  };
}
