import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { AppContext } from '../../app/context.js';
import { AppError } from '../../app/http/errors.js';
import { problemSchema } from '../../app/http/problem.schema.js';
import { findGroupBySlug, listGroups } from '../groups/groups.queries.js';
import { eventsMessages } from './events.messages.js';
import { findEvent } from './events.queries.js';
import { createEventsRepository, type EventFilter } from './events.repository.js';
import { eventListSchema, eventParamsSchema, eventSchema, eventsListQuerySchema } from './events.schemas.js';
import type { EventRow } from './events.tables.js';

const tags = ['events'];

/** An event as the API gives it: public data only (a by-invitation event's link is left out). */
function presentEvent(event: EventRow, groupSlug: string | null, publicUrl: string): z.infer<typeof eventSchema> {
  return {
    id: event.id, uid: event.uid, sequence: event.sequence, group: groupSlug,
    title: event.title, description: event.description, agenda: event.agenda,
    allDay: event.allDay, startDate: event.startDate, endDate: event.endDate,
    startsAt: event.startsAt?.toISOString() ?? null, endsAt: event.endsAt?.toISOString() ?? null, timeZone: event.timeZone,
    address: event.address, city: event.city, country: event.country,
    link: event.openness === 'public' ? event.link : null,
    openness: event.openness as 'public' | 'by-invitation', capacity: event.capacity, registrationOpen: event.registrationOpen,
    state: event.state as 'scheduled' | 'cancelled', minutes: event.minutes, recordingUrl: event.recordingUrl,
    page: `${publicUrl}/en/events/${event.id}`, calendar: `${publicUrl}/en/events/${event.id}/calendar.ics`,
  };
}

const unknownGroup = () => new AppError('events.unknown-group', 400, (l) => eventsMessages(l)('error.notFound'));

/** The events' read API: the calendar as JSON, paged, and one event. */
export async function registerEventsApi(root: FastifyInstance, context: AppContext): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = context.database;
  const publicUrl = context.config.publicUrl;
  const slugs = async () => new Map((await listGroups(db)).map((g) => [g.id, g.slug]));

  app.get(
    '/api/v1/events',
    {
      schema: {
        tags,
        summary: 'The events of the Paris Call and its working groups',
        description: 'Every event, earliest first, cancelled ones included (state `cancelled`); filtered by group (`call` for the Call\'s own) and by time.',
        querystring: eventsListQuerySchema,
        response: { 200: eventListSchema, 400: problemSchema },
      },
    },
    async (request) => {
      const { page, pageSize, group, from, to } = request.query;
      const filter: EventFilter = {};
      if (group === 'call') filter.groupId = null;
      else if (group) {
        const found = await findGroupBySlug(db, group);
        if (!found) throw unknownGroup();
        filter.groupId = found.id;
      }
      if (from) filter.from = new Date(from);
      if (to) filter.to = new Date(to);
      const { rows, total } = await createEventsRepository(db).list(filter, { limit: pageSize, offset: (page - 1) * pageSize });
      const bySlug = await slugs();
      return { total, page, pageSize, items: rows.map((e) => presentEvent(e, e.groupId ? (bySlug.get(e.groupId) ?? null) : null, publicUrl)) } satisfies z.infer<typeof eventListSchema>;
    },
  );

  app.get(
    '/api/v1/events/:event',
    {
      schema: {
        tags,
        summary: 'One event',
        description: 'The event with its UID and SEQUENCE in the calendars; a by-invitation event\'s link is given to those invited only, never here.',
        params: eventParamsSchema.pick({ event: true }),
        response: { 200: eventSchema, 404: problemSchema },
      },
    },
    async (request) => {
      const event = await findEvent(db, request.params.event);
      return presentEvent(event, event.groupId ? ((await slugs()).get(event.groupId) ?? null) : null, publicUrl);
    },
  );
}
