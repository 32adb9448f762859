import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { AppContext } from '../../app/context.js';
import { problemSchema } from '../../app/http/problem.schema.js';
import { principleListQuerySchema, principleListSchema } from './call.schemas.js';
import { listPrinciplesPage } from './call.usecases.js';

/** The principles' read API, paged like the other lists. */
export async function registerCallApi(root: FastifyInstance, context: AppContext): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = context.database;
  app.get(
    '/api/v1/principles',
    {
      schema: {
        tags: ['principles'],
        summary: 'The nine principles of the Paris Call',
        description:
          'Each principle\'s number, short name and full name in English and French (a language is absent until translated). The norms each relates to: /api/v1/crosswalk. As CSV: /{locale}/principles/export/principles.csv.',
        querystring: principleListQuerySchema,
        response: { 200: principleListSchema, 400: problemSchema },
      },
    },
    async (request) => {
      const { page, pageSize } = request.query;
      const { items, total } = await listPrinciplesPage({ db, page: { offset: (page - 1) * pageSize, limit: pageSize } });
      return {
        total,
        page,
        pageSize,
        items: items.map(({ number, shortName, fullName }) => ({ number, shortName, fullName })),
      } satisfies z.infer<typeof principleListSchema>;
    },
  );
}
