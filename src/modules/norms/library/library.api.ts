import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../app/context.js';
import { requestLocale } from '../../../app/http/locale.js';
import { problemSchema } from '../../../app/http/problem.schema.js';
import { parseParams } from '../../../app/http/validation.js';
import { practiceNotFound } from './library.errors.js';
import { presentPractice } from './library.presenters.js';
import { practiceListQuerySchema, practiceListSchema, practiceParamsSchema, practiceSchema } from './library.schemas.js';
import { getPublishedPractice, searchPractices } from './library.usecases.js';

const tags = ['practices'];

/**
 * The library's read API: published practices only, with the library page's filters. Addresses in the answers (`url`)
 * are pages in the language Accept-Language asks for, as are the problem documents.
 */
export async function registerLibraryApi(root: FastifyInstance, context: AppContext): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = context.database;
  app.get(
    '/api/v1/practices',
    {
      schema: {
        tags,
        summary: 'Published practices, filtered and paged',
        description:
          'What supporters do to implement the principles of the Call and the UN norms. Filters combine (every filter must match); a filter repeated matches any of its values. `total` counts every match.',
        querystring: practiceListQuerySchema,
        response: { 200: practiceListSchema, 400: problemSchema },
      },
    },
    async (request) => {
      const { page, pageSize, ...filters } = request.query;
      const locale = requestLocale(request);
      const result = await searchPractices({ db, filters, page, pageSize, locale });
      return { total: result.total, page, pageSize, items: result.items.map((p) => presentPractice(p, locale)) };
    },
  );

  app.get(
    '/api/v1/practices/:id',
    {
      schema: {
        tags,
        summary: 'One published practice',
        description: 'A draft, a withdrawn practice and an unknown identifier are all 404.',
        // Any text reaches the handler: a malformed identifier names nothing, so it is the same 404 as an unknown one.
        params: z.object({ id: z.string().describe('The practice\'s identifier, `prc_…`') }),
        response: { 200: practiceSchema, 404: problemSchema },
      },
    },
    async (request) => {
      const { id } = parseParams(practiceParamsSchema, request.params);
      const practice = await getPublishedPractice({ db, id });
      if (!practice) throw practiceNotFound();
      return presentPractice(practice, requestLocale(request));
    },
  );
}
