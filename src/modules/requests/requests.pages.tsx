/**
 * The requests' pages in every language (members of the cooperation space only, never cached): the list with filters
 * and its CSV, the form, one request with its actions. Handlers: authenticate → validate → load + authorize (in the use
 * cases, by TLP) → one use case → present.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../app/authz/actor.js';
import { getActor } from '../../app/auth/auth.plugin.js';
import { csrfField, verifyCsrf } from '../../app/auth/csrf.js';
import { authorizeBeforeBody } from '../../app/authz/before-body.js';
import type { AppContext } from '../../app/context.js';
import { AppError } from '../../app/http/errors.js';
import { formText, sendPrivatePage } from '../../app/http/private-page.js';
import { parseNotice, parseParams } from '../../app/http/validation.js';
import { locales, type Locale } from '../../app/i18n/i18n.js';
import { acknowledgeRequest, askToShare, closeRequest, decideShare, forwardRequest, publishRequest, replyToRequest } from './requests.actions.js';
import { requestsCsv } from './requests.csv.js';
import { requestsMessages, type RequestsMessageKey } from './requests.messages.js';
import { contactOrganisations, isContact, requestsPolicies } from './requests.policies.js';
import { createRequestsRepository } from './requests.repository.js';
import { parseRequestForm, requestListQuerySchema, requestParamsSchema } from './requests.schemas.js';
import { listRequests, readRequest, sendRequest, type RequestFilters, type RequestsDeps } from './requests.usecases.js';
import { RequestsListPage } from './views/list-page.js';
import { NewRequestPage } from './views/new-page.js';
import { RequestPage } from './views/request-page.js';

const notices = ['sent', 'acknowledged', 'replied', 'closed', 'forwarded', 'asked', 'decided', 'published'] as const;
const formFields = ['kind', 'senderSupporterId', 'recipientSupporterId', 'recipientRole', 'urgency', 'sector', 'requestedAction', 'subject', 'body', 'language', 'tlp', 'pap'] as const;

/** A use case's refusal of a form: field errors (catalog keys translated) or a sentence above it; 401/404 are thrown on. */
function refusal(error: unknown, locale: Locale): { status: number; errors: Record<string, string>; alert: string } {
  if (!(error instanceof AppError) || error.status === 401 || error.status === 404) throw error;
  const t = requestsMessages(locale);
  return { status: error.status, errors: Object.fromEntries(error.issues.map((i) => [i.field, t(i.message as RequestsMessageKey)])), alert: error.localize(locale) };
}

/** The list's filters from the query string (an unknown value is ignored, not an error: it is a plain GET form). */
export function filtersOf(query: unknown): RequestFilters {
  const raw = Object.fromEntries(Object.entries((query ?? {}) as Record<string, unknown>).filter(([, v]) => v !== ''));
  const parsed = requestListQuerySchema.safeParse(raw);
  if (!parsed.success) return {};
  return { box: parsed.data.box, state: parsed.data.state, tlp: parsed.data.tlp, urgency: parsed.data.urgency };
}

export async function registerRequestPages(app: FastifyInstance, context: AppContext): Promise<void> {
  const { db } = context.database;
  const deps: RequestsDeps = { db, publicUrl: context.config.publicUrl };
  const enter = authorizeBeforeBody(requestsPolicies.enter);
  const signedIn = authorizeBeforeBody(requestsPolicies.useAccount);
  const repository = createRequestsRepository(db);
  const timeZone = async (actor: Actor) => (actor.kind === 'user' ? repository.timeZoneOf(actor.userId) : 'UTC');

  for (const locale of locales) {
    const t = requestsMessages(locale);
    const base = `/${locale}/cooperation/requests`;

    app.get(base, { schema: { hide: true }, ...enter }, async (request, reply) => {
      const actor = await getActor(request);
      const filters = filtersOf(request.query);
      const { items, organisations } = await listRequests(deps, actor, filters, 'page');
      const done = parseNotice(notices, request.query);
      return sendPrivatePage(reply, RequestsListPage({ locale, items, organisations, filters, isContact: isContact(actor), timeZone: await timeZone(actor), notice: done ? t(`done.${done}`) : undefined }));
    });

    app.get(`${base}.csv`, { schema: { hide: true }, ...enter }, async (request, reply) => {
      const { items, organisations } = await listRequests(deps, await getActor(request), filtersOf(request.query), 'csv');
      return reply.header('cache-control', 'no-store').header('content-disposition', 'attachment; filename="requests.csv"').type('text/csv; charset=utf-8').send(requestsCsv(locale, items, organisations));
    });

    const newForm = async (request: FastifyRequest, reply: FastifyReply, state: { values?: Record<string, string>; errors?: Record<string, string>; alert?: string }, status = 200) => {
      const actor = await getActor(request);
      const mine = contactOrganisations(actor);
      const all = await repository.organisations();
      const names = await repository.organisationNames(mine);
      const senders = mine.map((id) => ({ id, name: names.get(id) ?? id }));
      return sendPrivatePage(reply, NewRequestPage({ locale, csrfField: csrfField(request, reply), senders, recipients: all.filter((o) => !mine.includes(o.id)), ...state }), status);
    };

    app.get(`${base}/new`, { schema: { hide: true }, ...enter }, async (request, reply) => newForm(request, reply, {}));

    app.post(`${base}/new`, { schema: { hide: true }, ...enter, preHandler: verifyCsrf }, async (request, reply) => {
      const values = Object.fromEntries(formFields.map((f) => [f, formText(request.body, f)]));
      const parsed = parseRequestForm(values);
      if (!parsed.ok) return newForm(request, reply, { values, errors: Object.fromEntries(Object.entries(parsed.errors).map(([f, k]) => [f, t(k as RequestsMessageKey)])), alert: t('error.invalid') }, 422);
      try {
        const sent = await sendRequest(deps, await getActor(request), parsed.value);
        return reply.redirect(`${base}/${sent.id}?done=sent`, 303);
      } catch (error) {
        const refused = refusal(error, locale);
        return newForm(request, reply, { values, errors: refused.errors, alert: refused.alert }, refused.status);
      }
    });

    const page = async (request: FastifyRequest, reply: FastifyReply, state: { notice?: string; alert?: string } = {}, status = 200) => {
      const { request: id } = parseParams(requestParamsSchema, request.params);
      const actor = await getActor(request);
      const view = await readRequest(deps, actor, id, 'page');
      const directory = isContact(actor) ? await repository.directory() : [];
      const contacts = directory.filter((c) => !view.recipients.some((r) => r.contactId === c.id));
      return sendPrivatePage(reply, RequestPage({ locale, actor, view, csrfField: csrfField(request, reply), timeZone: await timeZone(actor), now: new Date(), contacts, ...state }), status);
    };

    app.get(`${base}/:request`, { schema: { hide: true }, ...signedIn }, async (request, reply) => {
      const done = parseNotice(notices, request.query);
      return page(request, reply, done ? { notice: t(`done.${done}`) } : {});
    });

    const action = (path: string, done: (typeof notices)[number], run: (actor: Actor, id: string, body: unknown) => Promise<void>) =>
      app.post(`${base}/:request/${path}`, { schema: { hide: true }, ...signedIn, preHandler: verifyCsrf }, async (request, reply) => {
        const { request: id } = parseParams(requestParamsSchema, request.params);
        try {
          await run(await getActor(request), id, request.body);
        } catch (error) {
          const refused = refusal(error, locale);
          return page(request, reply, { alert: [refused.alert, ...Object.values(refused.errors)].join(' ') }, refused.status);
        }
        return reply.redirect(`${base}/${id}?done=${done}`, 303);
      });

    action('acknowledge', 'acknowledged', (actor, id) => acknowledgeRequest(deps, actor, id));
    action('reply', 'replied', (actor, id, body) => replyToRequest(deps, actor, id, { body: formText(body, 'body'), language: formText(body, 'language') }));
    action('close', 'closed', (actor, id, body) => closeRequest(deps, actor, id, { outcome: formText(body, 'outcome'), note: formText(body, 'note') }));
    action('forward', 'forwarded', (actor, id, body) => forwardRequest(deps, actor, id, { contactId: formText(body, 'contact') }));
    action('share-request', 'asked', (actor, id, body) => askToShare(deps, actor, id, { contactId: formText(body, 'contact'), reason: formText(body, 'reason') }));
    action('share-decision', 'decided', (actor, id, body) => decideShare(deps, actor, id, { eventId: formText(body, 'event'), decision: formText(body, 'decision') }));
    action('publish', 'published', (actor, id) => publishRequest(deps, actor, id));
  }
}
