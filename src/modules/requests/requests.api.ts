/**
 * The requests' API, with the same use cases and TLP decisions as the pages: the reader's list (only what they may
 * read), one request (404 beyond its marking, every read audited), sending one (with the session and its CSRF
 * token), and the public list of published TLP:CLEAR requests (no person's name).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { getActor } from '../../app/auth/auth.plugin.js';
import { verifyCsrf } from '../../app/auth/csrf.js';
import { authorizeBeforeBody } from '../../app/authz/before-body.js';
import type { AppContext } from '../../app/context.js';
import { AppError } from '../../app/http/errors.js';
import { requestLocale } from '../../app/http/locale.js';
import { problemSchema } from '../../app/http/problem.schema.js';
import type { Locale } from '../../app/i18n/i18n.js';
import { requestInvalid } from './requests.errors.js';
import { requestsMessages, type RequestsMessageKey } from './requests.messages.js';
import { requestsPolicies } from './requests.policies.js';
import { parseRequestForm, publishedListSchema, requestDetailSchema, requestFormSchema, requestListQuerySchema, requestListSchema, requestParamsSchema, requestSummarySchema } from './requests.schemas.js';
import { createRequestsRepository } from './requests.repository.js';
import type { RequestRow } from './requests.tables.js';
import { listRequests, publishedRequests, readRequest, sendRequest, type RequestsDeps } from './requests.usecases.js';

const tags = ['cooperation'];

const summary = (r: RequestRow, organisations: Map<string, string>): z.infer<typeof requestSummarySchema> => ({
  id: r.id,
  tlp: r.tlp as z.infer<typeof requestSummarySchema>['tlp'],
  kind: r.kind as z.infer<typeof requestSummarySchema>['kind'],
  urgency: r.urgency,
  sector: r.sector,
  state: r.state as z.infer<typeof requestSummarySchema>['state'],
  outcome: r.outcome as z.infer<typeof requestSummarySchema>['outcome'],
  from: { id: r.senderSupporterId, name: organisations.get(r.senderSupporterId) ?? '' },
  to: { id: r.recipientSupporterId, name: organisations.get(r.recipientSupporterId) ?? '' },
  subject: r.subject,
  sentAt: r.sentAt.toISOString(),
  acknowledgementDueAt: r.ackDueAt.toISOString(),
  responseDueAt: r.responseDueAt.toISOString(),
});

/** Field issues carry catalog keys in the use cases; the API says them in the request's language. */
function localized(error: unknown, locale: Locale): unknown {
  if (!(error instanceof AppError) || error.code !== 'requests.invalid') return error;
  const t = requestsMessages(locale);
  return new AppError(error.code, error.status, error.localize, error.issues.map((i) => ({ ...i, message: t(i.message as RequestsMessageKey) })));
}

export async function registerRequestsApi(root: FastifyInstance, context: AppContext): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const deps: RequestsDeps = { db: context.database.db, publicUrl: context.config.publicUrl };
  const enter = authorizeBeforeBody(requestsPolicies.enter);

  app.get(
    '/api/v1/requests',
    {
      schema: {
        tags,
        summary: 'Requests between organisations (the reader\'s)',
        description:
          'For designated points of contact (session cookie): the requests of their organisations and the community\'s TLP:GREEN and TLP:CLEAR ones, only those their TLP 2.0 marking lets the reader read (a TLP:RED request only to its individual recipients). Each listing is audited. Same as CSV: /{locale}/cooperation/requests.csv.',
        querystring: requestListQuerySchema,
        response: { 200: requestListSchema, 400: problemSchema, 401: problemSchema, 403: problemSchema },
      },
      ...enter,
    },
    async (request) => {
      const { page, pageSize, ...filters } = request.query;
      const { items, organisations } = await listRequests(deps, await getActor(request), filters, 'api');
      return { total: items.length, page, pageSize, items: items.slice((page - 1) * pageSize, page * pageSize).map((r) => summary(r, organisations)) };
    },
  );

  app.get(
    '/api/v1/requests/:request',
    {
      schema: {
        tags,
        summary: 'One request, with its outcome log',
        description: 'Answers 404 to anyone its TLP 2.0 marking does not let read it (whether it exists is not told). Every read is audited. Replies carry the request\'s marking.',
        params: requestParamsSchema,
        response: { 200: requestDetailSchema, 400: problemSchema, 401: problemSchema, 404: problemSchema },
      },
    },
    async (request) => {
      const view = await readRequest(deps, await getActor(request), request.params.request, 'api');
      const { request: r, organisations } = view;
      return {
        ...summary(r, organisations),
        pap: r.pap as z.infer<typeof requestDetailSchema>['pap'],
        requestedAction: r.requestedAction,
        body: r.body,
        language: r.language,
        sender: r.senderName,
        events: view.events.map((e) => ({ kind: e.kind, at: e.at.toISOString(), by: e.actorName, organisation: e.actorSupporterId ? (organisations.get(e.actorSupporterId) ?? null) : null, body: e.body, language: e.language, outcome: e.outcome })),
      } satisfies z.infer<typeof requestDetailSchema>;
    },
  );

  app.post(
    '/api/v1/requests',
    {
      schema: {
        tags,
        summary: 'Send a request to another organisation\'s point of contact',
        description:
          'As a designated contact of `senderSupporterId` (session cookie and `x-csrf-token`). Exactly one TLP 2.0 label is required. The request goes to the recipient organisation\'s first active contact and escalates to the next when the acknowledgement clock of its urgency runs out (routine 24 h, high 4 h, critical 1 h).',
        body: requestFormSchema,
        response: { 201: requestSummarySchema, 400: problemSchema, 401: problemSchema, 403: problemSchema, 422: problemSchema },
      },
      validatorCompiler: () => (data) => ({ value: data }),
      ...enter,
      preHandler: verifyCsrf,
    },
    async (request, reply) => {
      const locale = requestLocale(request);
      const parsed = parseRequestForm(request.body);
      try {
        if (!parsed.ok) throw requestInvalid(parsed.errors);
        const sent = await sendRequest(deps, await getActor(request), parsed.value);
        const names = await createRequestsRepository(deps.db).organisationNames([sent.senderSupporterId, sent.recipientSupporterId]);
        return reply.code(201).send(summary(sent, names));
      } catch (error) {
        throw localized(error, locale);
      }
    },
  );

  app.get(
    '/api/v1/published-requests',
    {
      schema: {
        tags,
        summary: 'Published requests (TLP:CLEAR only)',
        description: 'The TLP:CLEAR requests their source chose to publish; no person\'s name. Nothing else marked ever appears here.',
        response: { 200: publishedListSchema },
      },
    },
    async () => {
      const { items, organisations } = await publishedRequests(deps);
      return { items: items.map((r) => { const { acknowledgementDueAt: _a, responseDueAt: _r, ...rest } = summary(r, organisations); return { ...rest, body: r.body }; }) };
    },
  );
}
