import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../app/context.js';
import { problemSchema } from '../../../app/http/problem.schema.js';
import { parseParams } from '../../../app/http/validation.js';
import { layerCsv, layerDownloadSchema, layerListSchema, presentLayer, presentLayerSummary } from './layers.download.js';
import { getLayer, listLayers } from './layers.queries.js';
import { layerParamsSchema } from './layers.schemas.js';

const tags = ['toolkit'];

/** The layers' read API: the list, one layer whole as JSON, and its cells as CSV. */
export async function registerLayersApi(root: FastifyInstance, context: AppContext): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = context.database;

  app.get(
    '/api/v1/toolkit/layers',
    {
      schema: {
        tags,
        summary: 'The toolkit\'s layers',
        description: 'The published layer "WG6 2021 as published", which never changes, then the curated layers that add frameworks and correct cells beside it, with who made each and when.',
        response: { 200: layerListSchema },
      },
    },
    async () => ({ items: (await listLayers({ db })).map(presentLayerSummary) }),
  );

  app.get(
    '/api/v1/toolkit/layers/:key',
    {
      schema: {
        tags,
        summary: 'One layer, whole',
        description: 'The frameworks the layer lists, each with its reviewed cells, and the cells it corrects in other layers with the cell before and after, the reason, who and when.',
        params: layerParamsSchema.describe('The layer\'s key'),
        response: { 200: layerDownloadSchema, 404: problemSchema },
      },
    },
    async (request, reply) => {
      const { key } = parseParams(layerParamsSchema, request.params);
      reply.header('content-disposition', `inline; filename="toolkit-${key}.json"`);
      return presentLayer(await getLayer({ db, key }));
    },
  );

  app.get(
    '/api/v1/toolkit/layers/:key/cells.csv',
    {
      schema: {
        tags,
        summary: 'One layer\'s cells as CSV',
        description: 'Columns `layer,change,framework_layer,framework,framework_name,action,status,quotation,locator,before_status,before_quotation,reason,author,date`: a row per cell of the frameworks the layer lists (`change` = `cell`), then a row per corrected cell (`correction`, with the cell before).',
        params: layerParamsSchema,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const { key } = parseParams(layerParamsSchema, request.params);
      const csv = layerCsv(presentLayer(await getLayer({ db, key })));
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="toolkit-${key}.csv"`).send(csv);
    },
  );
}
