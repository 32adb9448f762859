/**
 * The organisers' pages in every language: a group's co-chairs (and the secretariat) schedule, edit and cancel the
 * group's events under `/groups/:group/events/…`; the secretariat the Call's own under `/secretariat/events/…`. Each
 * route authorizes in `onRequest`, before the body is read (the group named, or the Call for the secretariat's).
 * Invalid input re-renders the form (422) with every message beside its field and what was typed; success redirects
 * (303) to the event's page with a notice.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { getActor } from '../../app/auth/auth.plugin.js';
import { csrfField, verifyCsrf } from '../../app/auth/csrf.js';
import { authorize } from '../../app/authz/policy.js';
import type { AppContext } from '../../app/context.js';
import { AppError } from '../../app/http/errors.js';
import { sendPrivatePage } from '../../app/http/private-page.js';
import { parseParams } from '../../app/http/validation.js';
import { locales, type Locale } from '../../app/i18n/i18n.js';
import { findGroupBySlug, type Group } from '../groups/groups.queries.js';
import { eventNotFound } from './events.errors.js';
import { eventFromForm, eventValues, type FormErrors, type FormValues } from './events.forms.js';
import { eventsMessages, type EventsMessageKey } from './events.messages.js';
import { shown } from './events.models.js';
import { eventsPolicies } from './events.policies.js';
import { findEvent } from './events.queries.js';
import { createEventsRepository } from './events.repository.js';
import { eventParamsSchema, groupParamsSchema } from './events.schemas.js';
import type { EventRow } from './events.tables.js';
import { cancelEvent, createEvent, updateEvent } from './events.usecases.js';
import { EventFormPage } from './views/event-form-page.js';

/** Where an organiser works: a group (found by its slug) or the whole Call (the secretariat). */
interface Scope {
  group: Group | null;
  base: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    eventsScope?: Scope;
    organisedEvent?: EventRow;
  }
}

/** A use case's refusal as the form shows it: problems beside their fields, or a sentence above; anything else thrown. */
function formRefusal(error: unknown, locale: Locale): { status: number; errors: FormErrors; alert?: string } {
  if (!(error instanceof AppError)) throw error;
  const t = eventsMessages(locale);
  if (error.code === 'events.invalid') return { status: 422, errors: Object.fromEntries(error.issues.map((i) => [i.field, t(i.message as EventsMessageKey)])) };
  if (['events.already-cancelled', 'events.group-closed'].includes(error.code)) return { status: error.status, errors: {}, alert: error.localize(locale) };
  throw error;
}

export async function registerEventOrganiserPages(app: FastifyInstance, context: AppContext): Promise<void> {
  const { db } = context.database;
  const publicUrl = context.config.publicUrl;
  const page = { schema: { hide: true } };

  /** Finds the scope (404 for an unknown group), authorizes the organiser, and the event named (404 if not of the scope). */
  const scoped = (kind: 'group' | 'call', withEvent: boolean) => ({
    onRequest: async (request: FastifyRequest) => {
      const locale = request.url.startsWith('/fr/') ? 'fr' : 'en';
      let group: Group | null = null;
      if (kind === 'group') {
        const { group: slug } = parseParams(groupParamsSchema.partial({ group: true }).passthrough(), request.params);
        group = slug ? await findGroupBySlug(db, slug) : null;
        if (!group) throw eventNotFound();
      }
      authorize(await getActor(request), eventsPolicies.organise, { groupId: group?.id ?? null });
      request.eventsScope = { group, base: group ? `/${locale}/groups/${group.slug}/events` : `/${locale}/secretariat/events` };
      if (withEvent) {
        const { event: id } = parseParams(eventParamsSchema.passthrough(), request.params);
        const event = await findEvent(db, id);
        if (event.groupId !== (group?.id ?? null)) throw eventNotFound();
        request.organisedEvent = event;
      }
    },
  });

  for (const locale of locales) {
    const t = eventsMessages(locale);
    const groupName = (group: Group) => shown(group.name, locale)?.text ?? group.slug;

    const newForm = (request: FastifyRequest, reply: FastifyReply, state: { values?: FormValues; errors?: FormErrors; alert?: string }, status = 200) => {
      const scope = request.eventsScope!;
      const heading = scope.group ? t('form.new.titleGroup', { group: groupName(scope.group) }) : t('form.new.title');
      const values = state.values ?? { timeZone: 'Europe/Paris', openness: 'public', registrationOpen: 'yes' };
      return sendPrivatePage(
        reply,
        EventFormPage({ locale, mode: 'new', action: `${scope.base}/new`, path: scope.base.slice(3) + '/new', heading, csrfField: csrfField(request, reply), values, errors: state.errors, alert: state.alert, callWide: !scope.group }),
        status,
      );
    };

    const editForm = async (request: FastifyRequest, reply: FastifyReply, state: { values?: FormValues; errors?: FormErrors; alert?: string; cancelError?: string }, status = 200) => {
      const scope = request.eventsScope!;
      const event = request.organisedEvent!;
      const invitees = scope.group ? [] : await createEventsRepository(db).invitees(event.id);
      const action = `${scope.base}/${event.id}`;
      return sendPrivatePage(
        reply,
        EventFormPage({
          locale, mode: 'edit', action: `${action}/edit`, path: `${action.slice(3)}/edit`, heading: t('form.edit.title'), csrfField: csrfField(request, reply),
          values: state.values ?? eventValues(event, invitees), errors: state.errors, alert: state.alert ?? (event.state === 'cancelled' ? t('error.alreadyCancelled') : undefined),
          callWide: !scope.group, cancelAction: `${action}/cancel`, cancelError: state.cancelError, cancelled: event.state === 'cancelled',
        }),
        status,
      );
    };

    for (const [kind, prefix] of [['group', `/${locale}/groups/:group/events`], ['call', `/${locale}/secretariat/events`]] as const) {
      app.get(`${prefix}/new`, { ...page, ...scoped(kind, false) }, async (request, reply) => newForm(request, reply, {}));

      app.post(`${prefix}/new`, { ...page, ...scoped(kind, false), preHandler: verifyCsrf }, async (request, reply) => {
        const parsed = eventFromForm(request.body, locale);
        if (!parsed.ok) return newForm(request, reply, parsed, 422);
        try {
          const { event } = await createEvent({ db, actor: await getActor(request), groupId: request.eventsScope!.group?.id ?? null, event: parsed.input, events: context.events });
          return reply.redirect(`/${locale}/events/${event.id}?done=created`, 303);
        } catch (error) {
          const refusal = formRefusal(error, locale);
          return newForm(request, reply, { values: parsed.values, errors: refusal.errors, ...(refusal.alert ? { alert: refusal.alert } : {}) }, refusal.status);
        }
      });

      app.get(`${prefix}/:event/edit`, { ...page, ...scoped(kind, true) }, async (request, reply) => editForm(request, reply, {}));

      app.post(`${prefix}/:event/edit`, { ...page, ...scoped(kind, true), preHandler: verifyCsrf }, async (request, reply) => {
        const parsed = eventFromForm(request.body, locale);
        if (!parsed.ok) return editForm(request, reply, parsed, 422);
        const id = request.organisedEvent!.id;
        try {
          await updateEvent({ db, actor: await getActor(request), eventId: id, event: parsed.input, publicUrl, events: context.events });
          return reply.redirect(`/${locale}/events/${id}?done=saved`, 303);
        } catch (error) {
          const refusal = formRefusal(error, locale);
          return editForm(request, reply, { values: parsed.values, errors: refusal.errors, ...(refusal.alert ? { alert: refusal.alert } : {}) }, refusal.status);
        }
      });

      app.post(`${prefix}/:event/cancel`, { ...page, ...scoped(kind, true), preHandler: verifyCsrf }, async (request, reply) => {
        const body = (request.body ?? {}) as Record<string, unknown>;
        const reason = typeof body.reason === 'string' ? body.reason.trim() : '';
        if (body.confirm !== 'yes') return editForm(request, reply, { cancelError: t('error.confirm') }, 422);
        if (reason.length > 2000 || /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(reason)) return editForm(request, reply, { cancelError: t('error.reason') }, 422);
        const id = request.organisedEvent!.id;
        try {
          await cancelEvent({ db, actor: await getActor(request), eventId: id, reason: reason || null, publicUrl, events: context.events });
          return reply.redirect(`/${locale}/events/${id}?done=cancelled`, 303);
        } catch (error) {
          const refusal = formRefusal(error, locale);
          return editForm(request, reply, { ...(refusal.alert ? { alert: refusal.alert } : {}) }, refusal.status);
        }
      });
    }
  }
}
