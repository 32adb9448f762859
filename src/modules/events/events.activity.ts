/**
 * The events' activity in working groups, for a group's Atom feed and the subscribers' digests: an event scheduled,
 * changed (each SEQUENCE its own entry), cancelled, and its minutes published. Events are public (a by-invitation
 * event's existence too), so every item is public; the link is never part of an item.
 */
import type { ActivityItem, ActivitySource } from '../../app/activity.js';
import { eventsMessages } from './events.messages.js';
import { createEventsRepository } from './events.repository.js';
import type { EventRow } from './events.tables.js';

function titled(kind: 'scheduled' | 'changed' | 'cancelled' | 'minutes', event: EventRow) {
  const title: ActivityItem['title'] = {};
  for (const locale of ['en', 'fr'] as const) {
    const text = event.title[locale] ?? event.title[locale === 'en' ? 'fr' : 'en'];
    if (text) title[locale] = eventsMessages(locale)(`activity.${kind}`, { title: text });
  }
  return title;
}

export const eventsActivity: ActivitySource = {
  name: 'events',
  async list(db, query) {
    const rows = await createEventsRepository(db).changedInGroups(query.groupIds, query.since, query.until, query.limit ?? 200);
    const items: ActivityItem[] = [];
    for (const event of rows) {
      const path = `/events/${event.id}`;
      const base = { groupId: event.groupId!, kind: 'event', path, visibility: 'public' as const };
      if (event.updatedAt >= query.since && event.updatedAt < query.until) {
        const kind = event.state === 'cancelled' ? 'cancelled' : event.sequence === 0 ? 'scheduled' : 'changed';
        items.push({ ...base, key: `events:${event.id}:${event.sequence}:${kind}`, at: event.updatedAt, title: titled(kind, event) });
      }
      if (event.minutesPublishedAt && event.minutesPublishedAt >= query.since && event.minutesPublishedAt < query.until) {
        items.push({ ...base, key: `events:${event.id}:minutes:${event.minutesPublishedAt.getTime()}`, at: event.minutesPublishedAt, title: titled('minutes', event) });
      }
    }
    return items.sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, query.limit ?? items.length);
  },
};
