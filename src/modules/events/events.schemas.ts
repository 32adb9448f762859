/** The events' request and response shapes (zod): the pages' parameters and the API, described for OpenAPI. */
import { z } from 'zod';
import { pagingQuery } from '../../app/http/paging.js';

export const eventParamsSchema = z.strictObject({ locale: z.string().optional(), event: z.string().regex(/^evt_[A-Za-z0-9_-]{1,40}$/) });
export const groupParamsSchema = z.strictObject({ locale: z.string().optional(), group: z.string().min(1).max(100) });
export const groupEventParamsSchema = groupParamsSchema.extend({ event: eventParamsSchema.shape.event });

/** The calendar page's filter: a group's slug, `call` for the Call's own events, or nothing for all. */
export const calendarQuerySchema = z.strictObject({ group: z.string().max(100).optional() });

const localizedSchema = z.object({ en: z.string().optional(), fr: z.string().optional() }).describe('Text per language; a language not yet translated is absent');

export const eventsListQuerySchema = z.strictObject({
  ...pagingQuery(100),
  group: z.string().max(100).optional().describe('A working group\'s slug, or `call` for the events of the whole Call'),
  from: z.iso.datetime({ offset: true }).optional().describe('Only events ending after this instant (ISO 8601)'),
  to: z.iso.datetime({ offset: true }).optional().describe('Only events starting before this instant (ISO 8601)'),
});

export const eventSchema = z.object({
  id: z.string().describe('The event\'s id (`evt_…`)'),
  uid: z.string().describe('Its UID in the calendars (ICS), never changed'),
  sequence: z.number().int().describe('Its SEQUENCE in the calendars: raised by each change calendars show'),
  group: z.string().nullable().describe('The working group\'s slug; null for an event of the whole Call'),
  title: localizedSchema,
  description: localizedSchema,
  agenda: localizedSchema,
  allDay: z.boolean(),
  startDate: z.string().nullable().describe('All-day events: the first day (YYYY-MM-DD)'),
  endDate: z.string().nullable().describe('All-day events: the last day, inclusive'),
  startsAt: z.string().nullable().describe('Timed events: the start, in UTC (ISO 8601)'),
  endsAt: z.string().nullable().describe('Timed events: the end, in UTC'),
  timeZone: z.string().nullable().describe('Timed events: the IANA zone the times were given in'),
  address: z.string().nullable(),
  city: z.string().nullable(),
  country: z.string().nullable(),
  link: z.string().nullable().describe('The online link; null for a by-invitation event (given to those invited)'),
  openness: z.enum(['public', 'by-invitation']),
  capacity: z.number().int().nullable(),
  registrationOpen: z.boolean(),
  state: z.enum(['scheduled', 'cancelled']),
  minutes: localizedSchema,
  recordingUrl: z.string().nullable(),
  page: z.string().describe('The event\'s page (English)'),
  calendar: z.string().describe('The event\'s ICS file (English)'),
});

export const eventListSchema = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(eventSchema),
});
