/**
 * The pings' API: exercises and their figures, a contact's history and the last 90 days' statistics for the
 * cooperation space (the same authorization as the pages), and the acknowledgement by token, open to whoever holds the
 * link and rate-limited per address.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { getActor } from '../../app/auth/auth.plugin.js';
import { resolveSecretKey } from '../../app/auth/secret.js';
import type { AppContext } from '../../app/context.js';
import { problemSchema } from '../../app/http/problem.schema.js';
import { createActionBudget } from '../../app/limits/action-budget.js';
import { acknowledgeWithToken } from './pings.acknowledge.js';
import { secondsToAck, type Figures } from './pings.models.js';
import { exerciseView, historyView, overview, type ListedPing, type OrganisationFigures } from './pings.queries.js';
import {
  acknowledgeBodySchema, acknowledgedSchema, contactHistorySchema, contactParamsSchema, exerciseDetailSchema, exerciseListSchema, exerciseParamsSchema, exerciseSchema,
  exercisesQuerySchema, pingSchema, statisticsSchema,
} from './pings.schemas.js';
import type { PingExerciseRow } from './pings.tables.js';

const tags = ['pings'];
const iso = (d: Date | null) => d?.toISOString() ?? null;

function presentExercise(e: PingExerciseRow, figures: Figures): z.infer<typeof exerciseSchema> {
  return {
    id: e.id, organisation: e.supporterId, scope: e.scopeSupporterIds, roles: e.roles, channels: e.channels, windowMinutes: e.windowMinutes,
    scheduledAt: e.scheduledAt.toISOString(), timeZone: e.timeZone, state: e.state as z.infer<typeof exerciseSchema>['state'],
    startedAt: iso(e.startedAt), completedAt: iso(e.completedAt), figures,
  };
}

function presentPing(p: ListedPing): z.infer<typeof pingSchema> {
  return {
    id: p.id, exercise: p.exerciseId, contact: p.contactId, contactName: p.contactName, organisation: p.organisation, channel: p.channelKind, step: p.step + 1,
    sentAt: p.sentAt.toISOString(), dueAt: p.dueAt.toISOString(), acknowledgedAt: iso(p.acknowledgedAt), via: p.via as z.infer<typeof pingSchema>['via'],
    secondsToAcknowledge: secondsToAck(p), contactTimeZone: p.timeZone,
  };
}

const presentOrganisations = (rows: OrganisationFigures[]) => rows.map((r) => ({ organisation: r.supporterId, name: r.name, figures: r.figures }));
const refusals = { 401: problemSchema, 403: problemSchema };

export async function registerPingsApi(root: FastifyInstance, context: AppContext): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = context.database;
  const budget = createActionBudget({ db, action: 'pings.acknowledge', max: 60, windowMs: 600_000, secret: resolveSecretKey(context.config) });

  app.get(
    '/api/v1/pings/exercises',
    { schema: { tags, summary: 'Ping exercises', description: 'Every exercise, newest first, with its figures. Designated contacts and the secretariat only.', querystring: exercisesQuerySchema, response: { 200: exerciseListSchema, ...refusals } } },
    async (request) => {
      const { page, pageSize } = request.query;
      const view = await overview({ db, actor: await getActor(request), page: { limit: pageSize, offset: (page - 1) * pageSize } });
      return { total: view.total, page, pageSize, items: view.exercises.map((e) => presentExercise(e, e.figures)) };
    },
  );

  app.get(
    '/api/v1/pings/exercises/:exercise',
    { schema: { tags, summary: 'One ping exercise', description: 'Its figures, per organisation, and every ping (never a contact\'s address, number or code).', params: exerciseParamsSchema, response: { 200: exerciseDetailSchema, ...refusals, 404: problemSchema } } },
    async (request) => {
      const view = await exerciseView({ db, actor: await getActor(request), exerciseId: request.params.exercise });
      return { ...presentExercise(view.exercise, view.figures), organisations: presentOrganisations(view.organisations), pings: view.pings.map(presentPing) };
    },
  );

  app.get(
    '/api/v1/pings/contacts/:contact',
    { schema: { tags, summary: 'A contact\'s ping history', description: 'The pings sent to the contact, newest first, with the time to acknowledge each.', params: contactParamsSchema, response: { 200: contactHistorySchema, ...refusals, 404: problemSchema } } },
    async (request) => {
      const view = await historyView({ db, actor: await getActor(request), contactId: request.params.contact });
      return { contact: request.params.contact, name: view.title, figures: view.figures, pings: view.pings.map(presentPing) };
    },
  );

  app.get(
    '/api/v1/pings/statistics',
    { schema: { tags, summary: 'Ping statistics of the last 90 days', description: 'Success rate, median and 90th percentile time to acknowledge, per channel and per organisation.', response: { 200: statisticsSchema, ...refusals } } },
    async (request) => {
      const view = await overview({ db, actor: await getActor(request), page: { limit: 1, offset: 0 } });
      return { since: view.since.toISOString(), figures: view.recent, organisations: presentOrganisations(view.organisations) };
    },
  );

  app.post(
    '/api/v1/pings/acknowledge',
    {
      onRequest: budget,
      schema: {
        tags, summary: 'Acknowledge a ping',
        description: 'With the token of the e-mailed link. Acknowledging again changes nothing (`recorded: false`). 404: no such ping; 410: its exercise is over for this contact. Rate-limited per address.',
        body: acknowledgeBodySchema, response: { 200: acknowledgedSchema, 404: problemSchema, 410: problemSchema, 429: problemSchema },
      },
    },
    async (request) => {
      const done = await acknowledgeWithToken({ db, token: request.body.token, via: 'api', actor: await getActor(request) });
      return { ping: done.held.ping.id, acknowledgedAt: done.acknowledgedAt.toISOString(), recorded: done.recorded };
    },
  );
}
