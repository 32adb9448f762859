import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { AppContext } from '../../../app/context.js';
import { problemSchema } from '../../../app/http/problem.schema.js';
import { presentLink } from './crosswalk.presenters.js';
import { crosswalkListQuerySchema, crosswalkListSchema } from './crosswalk.schemas.js';
import { listCrosswalk } from './crosswalk.usecases.js';

/** The crosswalk's read API, paged like the other lists. */
export async function registerCrosswalkApi(root: FastifyInstance, context: AppContext): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = context.database;
  app.get(
    '/api/v1/crosswalk',
    {
      schema: {
        tags: ['norms'],
        summary: 'The crosswalk between the Call\'s principles and the UN norms',
        description:
          'Every link between a principle (1 … 9) and a norm (`13a` … `13k`), ordered by principle then norm, with its rationale (English, and French when translated) and where it comes from: a page of the Paris Call Working Group 4 report, or null when the secretariat wrote it. As CSV: /{locale}/norms/export/crosswalk.csv.',
        querystring: crosswalkListQuerySchema,
        response: { 200: crosswalkListSchema, 400: problemSchema },
      },
    },
    async (request) => {
      const { page, pageSize } = request.query;
      const { items, total } = await listCrosswalk({ db, page: { offset: (page - 1) * pageSize, limit: pageSize } });
      return { total, page, pageSize, items: items.map(presentLink) } satisfies z.infer<typeof crosswalkListSchema>;
    },
  );
}
