/**
 * The toolkit's read API beyond the two lists: one framework or action with its cells, the cells filtered and paged,
 * the layers. Answers are cached (compressed, with an ETag) like the registry's; a published layer never changes.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { AppContext } from '../../../app/context.js';
import { problemSchema } from '../../../app/http/problem.schema.js';
import { presentAction, presentFramework } from '../toolkit.presenters.js';
import { presentCell, presentDataset } from './toolkit.exports.presenters.js';
import { getToolkitAction, getToolkitFramework, listToolkitCells, listToolkitDatasets } from './toolkit.exports.queries.js';
import {
  actionDetailSchema,
  actionParamsSchema,
  cellListQuerySchema,
  cellListSchema,
  datasetListQuerySchema,
  datasetListSchema,
  frameworkDetailSchema,
  frameworkParamsSchema,
} from './toolkit.exports.schemas.js';

const tags = ['toolkit'];
const json = 'application/json; charset=utf-8';

export async function registerToolkitExportsApi(root: FastifyInstance, context: AppContext): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = context.database;

  app.get(
    '/api/v1/toolkit/frameworks/:key',
    {
      schema: {
        tags,
        summary: 'One framework with its cells',
        description: 'The framework as listed by /api/v1/toolkit/frameworks, with every action it was reviewed for: the quotation, or reviewed with nothing found.',
        params: frameworkParamsSchema,
        response: { 200: frameworkDetailSchema, 400: problemSchema, 404: problemSchema },
      },
    },
    async (request, reply) =>
      context.cache.send(request, reply, json, async () => {
        const { dataset, framework, cells } = await getToolkitFramework({ db, key: request.params.key });
        return JSON.stringify({ ...presentFramework(framework), dataset, cells: cells.map(presentCell) } satisfies z.infer<typeof frameworkDetailSchema>);
      }),
  );

  app.get(
    '/api/v1/toolkit/actions/:code',
    {
      schema: {
        tags,
        summary: 'One action with its cells',
        description: 'The action as listed by /api/v1/toolkit/actions, with every framework reviewed for it.',
        params: actionParamsSchema,
        response: { 200: actionDetailSchema, 400: problemSchema, 404: problemSchema },
      },
    },
    async (request, reply) =>
      context.cache.send(request, reply, json, async () => {
        const { dataset, action, cells } = await getToolkitAction({ db, code: request.params.code });
        return JSON.stringify({ ...presentAction(action), dataset, cells: cells.map(presentCell) } satisfies z.infer<typeof actionDetailSchema>);
      }),
  );

  app.get(
    '/api/v1/toolkit/cells',
    {
      schema: {
        tags,
        summary: 'The reviewed framework × action pairs, filtered and paged',
        description:
          'In workbook order (framework, then action). Filters combine (AND across filters, OR within a repeated filter); the same filters give /{locale}/toolkit/export/cells.csv. ' +
          'A pair absent from the data set was not reviewed; `reviewed-absent` means reviewed with nothing found.',
        querystring: cellListQuerySchema,
        response: { 200: cellListSchema, 400: problemSchema, 404: problemSchema },
      },
    },
    async (request, reply) => {
      const { page, pageSize, ...filters } = request.query;
      return context.cache.send(request, reply, json, async () => {
        const result = await listToolkitCells({ db, filters, page, pageSize });
        return JSON.stringify({ ...result, items: result.items.map(presentCell) } satisfies z.infer<typeof cellListSchema>);
      });
    },
  );

  app.get(
    '/api/v1/toolkit/datasets',
    {
      schema: {
        tags,
        summary: 'The layers of the toolkit’s data',
        description: 'The data set "WG6 2021 as published" and any curated layer, oldest first, with version, source files, sha256 of the workbook and how many anomalies the importer reported.',
        querystring: datasetListQuerySchema,
        response: { 200: datasetListSchema, 400: problemSchema },
      },
    },
    async (request, reply) => {
      const { page, pageSize } = request.query;
      const rows = await listToolkitDatasets({ db });
      const body: z.infer<typeof datasetListSchema> = { total: rows.length, page, pageSize, items: rows.slice((page - 1) * pageSize, page * pageSize).map(presentDataset) };
      // An empty list is not cached: the toolkit may be loaded by another process later (its import invalidates nothing).
      if (rows.length === 0) return body;
      return context.cache.send(request, reply, json, async () => JSON.stringify(body));
    },
  );
}
