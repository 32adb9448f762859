/**
 * The consultations' read API: the list (paged, with `total`), one consultation with its paragraphs and revised text,
 * its public disposition table (JSON and CSV) and its published inputs (JSON and CSV). Drafts are never listed (a
 * co-chair reads theirs); private inputs and their dispositions are never in the API, nor names of anonymous inputs,
 * nor any e-mail address.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { getActor } from '../../app/auth/auth.plugin.js';
import type { AppContext } from '../../app/context.js';
import { problemSchema } from '../../app/http/problem.schema.js';
import { findGroupBySlug } from '../groups/groups.queries.js';
import { dispositionCsvColumns, dispositionsToCsv, inputCsvColumns, inputsToCsv } from './consultations.csv.js';
import { presentConsultation, presentDetail, presentDisposition, presentInput } from './consultations.present-api.js';
import { heldConsultation, listConsultations, publicDispositions, publicInputs } from './consultations.queries.js';
import { createConsultationsRepository } from './consultations.repository.js';
import { consultationDetailSchema, consultationListQuerySchema, consultationListSchema, consultationParamsSchema, publicDispositionsSchema, publicInputsSchema } from './consultations.schemas.js';

const tags = ['consultations'];

export async function registerConsultationsApi(root: FastifyInstance, context: AppContext): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = context.database;

  app.get(
    '/api/v1/consultations',
    {
      schema: {
        tags,
        summary: 'Consultations of the working groups',
        description: 'Consultations past their draft, the latest deadline first. `state` filters by phase; `group` by working group (its slug).',
        querystring: consultationListQuerySchema,
        response: { 200: consultationListSchema, 400: problemSchema },
      },
    },
    async (request) => {
      const { page, pageSize, state, group } = request.query;
      const groupId = group ? ((await findGroupBySlug(db, group))?.id ?? 'none') : undefined;
      const { items, total } = await listConsultations({ db, now: new Date(), filters: { phase: state, groupId }, page: { offset: (page - 1) * pageSize, limit: pageSize } });
      return { total, page, pageSize, items: items.map(presentConsultation) };
    },
  );

  app.get(
    '/api/v1/consultations/:consultation',
    {
      schema: {
        tags,
        summary: 'One consultation with its text',
        description: 'The numbered paragraphs (or questions) consulted on, and once concluded the synthesis and the revised text, each revised paragraph with the inputs that changed it.',
        params: consultationParamsSchema,
        response: { 200: consultationDetailSchema, 404: problemSchema },
      },
    },
    async (request) => {
      const held = await heldConsultation(db, await getActor(request), request.params.consultation, new Date());
      const repository = createConsultationsRepository(db);
      const [paragraphs, revised, inputs] = await Promise.all([
        repository.paragraphs(held.consultation.id, 'original'),
        repository.paragraphs(held.consultation.id, 'revised'),
        repository.inputs(held.consultation.id),
      ]);
      return presentDetail(held, paragraphs, revised, new Map(inputs.map((row) => [row.id, row.number])));
    },
  );

  app.get(
    '/api/v1/consultations/:consultation/dispositions',
    {
      schema: {
        tags,
        summary: 'Public disposition table (JSON)',
        description: 'The published disposition of each input published with a name or anonymously, with every earlier version. Dispositions of inputs kept private to the co-chairs are not published.',
        params: consultationParamsSchema,
        response: { 200: publicDispositionsSchema, 404: problemSchema },
      },
    },
    async (request, reply) => {
      const { held, rows } = await publicDispositions({ db, actor: await getActor(request), id: request.params.consultation, now: new Date() });
      reply.header('content-disposition', `inline; filename="${held.consultation.id}-dispositions.json"`);
      return { consultation: held.consultation.id, items: rows.map(presentDisposition) };
    },
  );

  app.get(
    '/api/v1/consultations/:consultation/dispositions.csv',
    {
      schema: {
        tags,
        summary: 'Public disposition table (CSV)',
        description: `Columns \`${dispositionCsvColumns.join(',')}\`: one row per published input with a disposition (its latest version).`,
        params: consultationParamsSchema,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const { held, rows } = await publicDispositions({ db, actor: await getActor(request), id: request.params.consultation, now: new Date() });
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${held.consultation.id}-dispositions.csv"`).send(dispositionsToCsv(rows.map(presentDisposition)));
    },
  );

  app.get(
    '/api/v1/consultations/:consultation/inputs',
    {
      schema: {
        tags,
        summary: 'Published inputs (JSON)',
        description: 'Inputs published with their author\'s name (with it) or anonymously (without a name or organisation). Private inputs are never listed.',
        params: consultationParamsSchema,
        response: { 200: publicInputsSchema, 404: problemSchema },
      },
    },
    async (request) => {
      const { held, inputs } = await publicInputs({ db, actor: await getActor(request), id: request.params.consultation, now: new Date() });
      return { consultation: held.consultation.id, items: inputs.map(presentInput) };
    },
  );

  app.get(
    '/api/v1/consultations/:consultation/inputs.csv',
    {
      schema: {
        tags,
        summary: 'Published inputs (CSV)',
        description: `Columns \`${inputCsvColumns.join(',')}\`: named inputs with the name, anonymous ones without; private ones never.`,
        params: consultationParamsSchema,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const { held, inputs } = await publicInputs({ db, actor: await getActor(request), id: request.params.consultation, now: new Date() });
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${held.consultation.id}-inputs.csv"`).send(inputsToCsv(inputs.map(presentInput)));
    },
  );
}
