/**
 * The events' public pages in every language: the calendar (cached, dropped on `registry.changed`), its ICS feeds (the
 * whole calendar, a group's, one event's), and an event's page with the registration form. The event page depends on
 * who asks (their registration, whether they see a by-invitation link), so it is never cached for a signed-in person.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { getActor } from '../../app/auth/auth.plugin.js';
import { csrfField, verifyCsrf } from '../../app/auth/csrf.js';
import { authorizeBeforeBody } from '../../app/authz/before-body.js';
import type { AppContext } from '../../app/context.js';
import { AppError } from '../../app/http/errors.js';
import { sendPrivatePage } from '../../app/http/private-page.js';
import { parseNotice, parseOrThrow, parseParams } from '../../app/http/validation.js';
import { locales, type Locale } from '../../app/i18n/i18n.js';
import { findGroupBySlug } from '../groups/groups.queries.js';
import { renderCalendar } from './events.ics.js';
import { eventsMessages } from './events.messages.js';
import { shown } from './events.models.js';
import { eventsPolicies } from './events.policies.js';
import { calendarView, eventDetail, feedEvents, findEvent, resolveCalendarFilter } from './events.queries.js';
import { cancelRegistration, registerForEvent } from './events.registrations.js';
import { calendarQuerySchema, eventParamsSchema, groupParamsSchema } from './events.schemas.js';
import { CalendarPage } from './views/calendar-page.js';
import { EventPage } from './views/event-page.js';

const html = 'text/html; charset=utf-8';
const ics = 'text/calendar; charset=utf-8';
const notices = ['registered', 'waiting', 'unregistered', 'created', 'saved', 'cancelled'] as const;

export async function registerEventPages(app: FastifyInstance, context: AppContext): Promise<void> {
  const { db } = context.database;
  const publicUrl = context.config.publicUrl;
  const page = { schema: { hide: true } };
  const signedIn = authorizeBeforeBody(eventsPolicies.unregister);

  for (const locale of locales) {
    const t = eventsMessages(locale);

    app.get(`/${locale}/calendar`, { ...page, config: { cacheQuery: calendarQuerySchema } }, async (request, reply) => {
      const { group } = parseOrThrow(calendarQuerySchema, request.query, locale);
      const filter = await resolveCalendarFilter(db, group);
      if (!filter) throw new AppError('not-found', 404, (l) => eventsMessages(l)('calendar.none'));
      return context.cache.send(request, reply, html, async () => {
        const view = await calendarView({ db, filter });
        return CalendarPage({ locale, selected: group ?? '', ...view });
      });
    });

    app.get(`/${locale}/calendar.ics`, page, async (request, reply) =>
      context.cache.send(request, reply, ics, async () =>
        renderCalendar(await feedEvents(db, { kind: 'all' }), { locale, name: t('calendar.name'), publicUrl, url: `${publicUrl}/${locale}/calendar.ics` }),
      ),
    );

    app.get(`/${locale}/groups/:group/calendar.ics`, page, async (request, reply) => {
      const { group: slug } = parseParams(groupParamsSchema, request.params);
      const group = await findGroupBySlug(db, slug);
      if (!group) throw new AppError('not-found', 404, (l) => eventsMessages(l)('error.notFound'));
      const name = t('calendar.groupName', { group: shown(group.name, locale)?.text ?? group.slug });
      return context.cache.send(request, reply, ics, async () =>
        renderCalendar(await feedEvents(db, { kind: 'group', group }), { locale, name, publicUrl, url: `${publicUrl}/${locale}/groups/${group.slug}/calendar.ics` }),
      );
    });

    app.get(`/${locale}/events/:event/calendar.ics`, page, async (request, reply) => {
      const { event: id } = parseParams(eventParamsSchema, request.params);
      const event = await findEvent(db, id);
      reply.header('content-disposition', `attachment; filename="${event.id}.ics"`);
      return context.cache.send(request, reply, ics, async () =>
        renderCalendar([event], { locale, name: shown(event.title, locale)?.text ?? event.id, publicUrl, url: `${publicUrl}/${locale}/events/${event.id}/calendar.ics` }),
      );
    });

    const eventPage = async (request: FastifyRequest, reply: FastifyReply, state: { notice?: string; alert?: string }, status = 200) => {
      const { event: id } = parseParams(eventParamsSchema, request.params);
      const actor = await getActor(request);
      const detail = await eventDetail({ db, actor, eventId: id });
      if (actor.kind !== 'user') return reply.code(status).type(html).send(EventPage({ locale, detail, csrfField: null, ...state }));
      return sendPrivatePage(reply, EventPage({ locale, detail, csrfField: csrfField(request, reply), ...state }), status);
    };

    app.get(`/${locale}/events/:event`, page, async (request, reply) => {
      const done = parseNotice(notices, request.query);
      return eventPage(request, reply, done ? { notice: t(`done.${done}`) } : {});
    });

    /** A refusal shown on the event page (not invited, closed, not registered); anything else is thrown. */
    const refused = (request: FastifyRequest, reply: FastifyReply, error: unknown, l: Locale) => {
      if (error instanceof AppError && ['events.not-invited', 'events.registration-closed', 'events.not-registered'].includes(error.code)) {
        return eventPage(request, reply, { alert: error.localize(l) }, error.status);
      }
      throw error;
    };

    app.post(`/${locale}/events/:event/registration`, { ...page, ...signedIn, preHandler: verifyCsrf }, async (request, reply) => {
      const { event: id } = parseParams(eventParamsSchema, request.params);
      try {
        const standing = await registerForEvent({ db, actor: await getActor(request), eventId: id });
        return reply.redirect(`/${locale}/events/${id}?done=${standing.waitingRank === null ? 'registered' : 'waiting'}`, 303);
      } catch (error) {
        return refused(request, reply, error, locale);
      }
    });

    app.post(`/${locale}/events/:event/registration/cancel`, { ...page, ...signedIn, preHandler: verifyCsrf }, async (request, reply) => {
      const { event: id } = parseParams(eventParamsSchema, request.params);
      try {
        await cancelRegistration({ db, actor: await getActor(request), eventId: id, publicUrl });
        return reply.redirect(`/${locale}/events/${id}?done=unregistered`, 303);
      } catch (error) {
        return refused(request, reply, error, locale);
      }
    });
  }
}
