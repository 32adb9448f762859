import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { AppContext } from '../../app/context.js';
import { problemSchema } from '../../app/http/problem.schema.js';
import { presentAction, presentFramework } from './toolkit.presenters.js';
import { coverageDefinition } from './toolkit.coverage.js';
import { listToolkitPage, toolkitCoverage } from './toolkit.queries.js';
import { actionListSchema, coverageSchema, frameworkListSchema, listQuerySchema } from './toolkit.schemas.js';

const tags = ['toolkit'];

/** The toolkit's read API: the published frameworks and the 25 actions, paged like the registry. */
export async function registerToolkitApi(root: FastifyInstance, context: AppContext): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = context.database;

  app.get(
    '/api/v1/toolkit/frameworks',
    {
      schema: {
        tags,
        summary: 'The frameworks mapped by working group 6',
        description: 'The 35 frameworks of the data set "WG6 2021 as published", in the workbook\'s order, each with the cells its fields were read from and how many actions it addresses.',
        querystring: listQuerySchema,
        response: { 200: frameworkListSchema, 400: problemSchema },
      },
    },
    async (request) => {
      const { page, pageSize } = request.query;
      const result = await listToolkitPage({ db, of: 'frameworks', page, pageSize });
      return { ...result, items: result.items.map(presentFramework) } satisfies z.infer<typeof frameworkListSchema>;
    },
  );

  app.get(
    '/api/v1/toolkit/actions',
    {
      schema: {
        tags,
        summary: 'The 25 actions A1–A25',
        description: 'The actions of the WG6 report under the six OECD principles, with how many frameworks address each.',
        querystring: listQuerySchema,
        response: { 200: actionListSchema, 400: problemSchema },
      },
    },
    async (request) => {
      const { page, pageSize } = request.query;
      const result = await listToolkitPage({ db, of: 'actions', page, pageSize });
      return { ...result, items: result.items.map(presentAction) } satisfies z.infer<typeof actionListSchema>;
    },
  );

  app.get(
    '/api/v1/toolkit/coverage',
    {
      schema: {
        tags,
        summary: 'How many frameworks address each action',
        description:
          'Coverage of the 25 actions by the published frameworks, computed from the cells: per action (and by framework category), per OECD principle, per category, and the least-covered actions.',
        response: { 200: coverageSchema },
      },
    },
    async () => {
      const { dataset, coverage } = await toolkitCoverage({ db });
      return {
        dataset: dataset?.key ?? null,
        definition: coverageDefinition,
        ...coverage,
        leastCovered: coverage.leastCovered.map((a) => a.code),
      } satisfies z.infer<typeof coverageSchema>;
    },
  );
}
