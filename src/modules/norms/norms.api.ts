import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { AppContext } from '../../app/context.js';
import { problemSchema } from '../../app/http/problem.schema.js';
import { presentLink } from './crosswalk/crosswalk.presenters.js';
import { crosswalkForNorm } from './crosswalk/crosswalk.usecases.js';
import { normNotFound } from './norms.errors.js';
import type { NormRow } from './norms.repository.js';
import { normDetailSchema, normListQuerySchema, normListSchema, normParamsSchema, normSchema } from './norms.schemas.js';
import { getNorm, listNorms } from './norms.usecases.js';

const presentNorm = ({ code, paragraph, position, text, sources, frWording }: NormRow): z.infer<typeof normSchema> => ({
  code,
  paragraph,
  position,
  text,
  sources,
  frWording: frWording as 'g7' | 'un' | null,
});

/** The norms' read API, paged like the registry's, and one norm with the principles the crosswalk links it to. */
export async function registerNormsApi(root: FastifyInstance, context: AppContext): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = context.database;
  app.get(
    '/api/v1/norms',
    {
      schema: {
        tags: ['norms'],
        summary: 'The 11 UN norms of responsible State behaviour',
        description:
          'A/70/174 paragraph 13 (a)–(k): the English text verbatim, and a French wording marked with where it comes from. As CSV: /{locale}/norms/export/norms.csv.',
        querystring: normListQuerySchema,
        response: { 200: normListSchema, 400: problemSchema },
      },
    },
    async (request) => {
      const { page, pageSize } = request.query;
      const { items, total } = await listNorms({ db, page: { offset: (page - 1) * pageSize, limit: pageSize } });
      return { total, page, pageSize, items: items.map(presentNorm) } satisfies z.infer<typeof normListSchema>;
    },
  );
  app.get(
    '/api/v1/norms/:code',
    {
      schema: {
        tags: ['norms'],
        summary: 'One norm, with the principles the crosswalk links it to',
        description: '`code` is `13a` … `13k` (`13(i)` is accepted too).',
        params: normParamsSchema,
        response: { 200: normDetailSchema, 400: problemSchema, 404: problemSchema },
      },
    },
    async (request) => {
      const norm = await getNorm({ db, code: request.params.code });
      if (!norm) throw normNotFound();
      const links = await crosswalkForNorm({ db, normCode: norm.code });
      return { ...presentNorm(norm), crosswalk: links.map(presentLink) } satisfies z.infer<typeof normDetailSchema>;
    },
  );
}
