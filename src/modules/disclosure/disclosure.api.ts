/**
 * The registry's read API: the published supporters' entries (paged, filtered, with `total`), one entry, and the same
 * list as CSV. What the organisations published, with its freshness; never who edited an entry.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app/context.js';
import { problemSchema } from '../../app/http/problem.schema.js';
import { csvColumns, policiesToCsv } from './disclosure.csv.js';
import { presentPolicy } from './disclosure.presenters.js';
import { listPublicPolicies, publicPolicy } from './disclosure.queries.js';
import { csvQuerySchema, listQuerySchema, policyListSchema, policySchema, slugParamsSchema } from './disclosure.schemas.js';

const tags = ['disclosure'];

const filtersOf = ({ policy, ...rest }: { policy?: 'yes' | 'no' | undefined; q?: string | undefined; freshness?: 'fresh' | 'expired' | 'expiring' | 'unreachable' | undefined; country?: string | undefined; category?: string | undefined }) => ({
  ...rest,
  hasPolicy: policy === undefined ? undefined : policy === 'yes',
});

export async function registerDisclosureApi(root: FastifyInstance, context: AppContext): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = context.database;

  app.get(
    '/api/v1/disclosure-policies',
    {
      schema: {
        tags,
        summary: 'Supporters\' vulnerability disclosure policies',
        description:
          'The registry of supporters\' coordinated vulnerability disclosure policies (norm 13(j)): each entry\'s security.txt (RFC 9116) as last fetched and parsed, its policy links and OpenPGP contact keys, and its freshness. Published supporters only, by name.',
        querystring: listQuerySchema,
        response: { 200: policyListSchema, 400: problemSchema },
      },
    },
    async (request) => {
      const { page, pageSize, ...filters } = request.query;
      const now = new Date();
      const { items, total } = await listPublicPolicies({ db, filters: filtersOf(filters), now, page: { offset: (page - 1) * pageSize, limit: pageSize } });
      return { total, page, pageSize, items: items.map((row) => presentPolicy(row, now)) };
    },
  );

  app.get(
    '/api/v1/disclosure-policies.csv',
    {
      schema: {
        tags,
        summary: 'Supporters\' vulnerability disclosure policies (CSV)',
        description: `Columns \`${csvColumns.join(',')}\`: one row per entry, lists joined by spaces, times in ISO 8601 UTC.`,
        querystring: csvQuerySchema,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const now = new Date();
      const { items } = await listPublicPolicies({ db, filters: filtersOf(request.query), now });
      const csv = policiesToCsv(items.map((row) => presentPolicy(row, now)));
      return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="disclosure-policies.csv"').send(csv);
    },
  );

  app.get(
    '/api/v1/disclosure-policies/:slug',
    {
      schema: {
        tags,
        summary: 'One supporter\'s vulnerability disclosure policy',
        description: 'By the supporter\'s registry slug; 404 when the supporter has no entry or is not in the public registry.',
        params: slugParamsSchema,
        response: { 200: policySchema, 404: problemSchema },
      },
    },
    async (request) => presentPolicy(await publicPolicy({ db, slug: request.params.slug }), new Date()),
  );
}
