import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context.js';
import { problemSchema } from '../../app/http/problem.schema.js';
import { apiQuerySchema, slugParamsSchema, statsSchema, supporterDetailSchema, supporterFiltersSchema, supporterListSchema } from './supporters.schemas.js';
import { exportSupportersCsv, getSupporter, registryStats, searchSupporters } from './supporters.queries.js';

const tags = ['supporters'];

/** The registry as JSON and CSV. Responses are cached until the registry changes and carry an ETag. */
export async function registerSupporterApi(root: FastifyInstance, context: AppContext): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = context.database;
  const json = 'application/json; charset=utf-8';

  app.get(
    '/api/v1/supporters',
    {
      schema: {
        tags,
        summary: 'Search the registry',
        description: 'Filters combine (AND across filters, OR within a repeated filter). `facets` gives, for each filter, the counts with every other filter applied.',
        querystring: apiQuerySchema,
        response: { 200: supporterListSchema, 400: problemSchema },
      },
    },
    async (request, reply) => {
      const query = request.query;
      return context.cache.send(request, reply, json, async () => {
        const result = await searchSupporters({ db, filters: query, page: query.page, pageSize: query.pageSize });
        const body: z.infer<typeof supporterListSchema> = { total: result.total, page: result.page, pageSize: result.pageSize, items: result.items, facets: result.facets };
        return JSON.stringify(body);
      });
    },
  );

  app.get(
    '/api/v1/supporters/:slug',
    {
      schema: {
        tags,
        summary: 'One supporter',
        params: slugParamsSchema,
        response: { 200: supporterDetailSchema, 400: problemSchema, 404: problemSchema },
      },
    },
    async (request, reply) =>
      context.cache.send(request, reply, json, async () => JSON.stringify(await getSupporter({ db, slug: request.params.slug }))),
  );

  app.get(
    '/api/v1/stats',
    {
      schema: {
        tags,
        summary: 'Counts per category, country and year',
        description: 'Years come from the signature date when the supporter gave one, else from the date it first appeared in the official registry.',
        response: { 200: statsSchema },
      },
    },
    async (request, reply) =>
      context.cache.send(request, reply, json, async () => {
        const { byMonth: _byMonth, onOrBeforeStart: _start, ...stats } = await registryStats({ db });
        return JSON.stringify(stats satisfies z.infer<typeof statsSchema>);
      }),
  );

  app.get(
    '/supporters.csv',
    {
      schema: {
        tags,
        summary: 'The registry as CSV, official columns and the verification',
        description:
          'Columns `name,category,nationality,nature,website,twitter,date_signed`, as the official site exports them, then `verification_level,verified_on` (see `verification` in /api/v1/supporters). Accepts the same filters as /api/v1/supporters.',
        querystring: supporterFiltersSchema,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      reply.header('content-disposition', 'attachment; filename="supporters.csv"');
      return context.cache.send(request, reply, 'text/csv; charset=utf-8', () => exportSupportersCsv({ db, filters: request.query, verification: true }));
    },
  );
}
