import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { AppContext } from '../../app/context.js';
import { problemSchema } from '../../app/http/problem.schema.js';
import { normListQuerySchema, normListSchema } from './norms.schemas.js';
import { listNorms } from './norms.usecases.js';

/** The norms' read API, paged like the registry's. */
export async function registerNormsApi(root: FastifyInstance, context: AppContext): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = context.database;
  app.get(
    '/api/v1/norms',
    {
      schema: {
        tags: ['norms'],
        summary: 'The 11 UN norms of responsible State behaviour',
        description: 'A/70/174 paragraph 13 (a)–(k): the English text verbatim, and a French wording marked with where it comes from.',
        querystring: normListQuerySchema,
        response: { 200: normListSchema, 400: problemSchema },
      },
    },
    async (request) => {
      const { page, pageSize } = request.query;
      const { items, total } = await listNorms({ db, page: { offset: (page - 1) * pageSize, limit: pageSize } });
      return {
        total,
        page,
        pageSize,
        items: items.map(({ code, paragraph, position, text, sources, frWording }) => ({ code, paragraph, position, text, sources, frWording: frWording as 'g7' | 'un' | null })),
      } satisfies z.infer<typeof normListSchema>;
    },
  );
}
