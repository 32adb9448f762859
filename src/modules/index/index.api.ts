/**
 * The public API of the index: published editions only (a draft's slug answers 404, like an unknown one), as JSON
 * and as downloads. Editions never change once published, so responses may be cached for long.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context.js';
import { problemSchema } from '../../app/http/problem.schema.js';
import { writeCsvTable } from './io/index.csv.js';
import { editionResultsTable, editionWorkbook } from './io/index.results.js';
import { unitNotFound } from './index.errors.js';
import type { EditionSummaryRow } from './index.repository.js';
import { editionDetailSchema, editionListSchema, editionParamsSchema, editionSummarySchema, toWireSnapshot, unitDetailSchema, unitParamsSchema } from './index.schemas.js';
import type { PublishedEdition, PublishedEditions } from './index.published.js';

const tags = ['index'];
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** A file's bytes: a binary string to OpenAPI, a Buffer to the handler (Fastify sends Buffers as they are, unserialised). */
const binarySchema = z.string().meta({ format: 'binary' }) as unknown as z.ZodType<Buffer>;
type Summary = z.infer<typeof editionSummarySchema>;

function presentSummary(row: EditionSummaryRow & { previousSlug: string | null }): Summary {
  return {
    slug: row.slug,
    title: { en: row.titleEn, fr: row.titleFr },
    publishedAt: row.publishedAt?.toISOString() ?? '',
    previous: row.previousSlug,
    changesNote: { en: row.changesNoteEn, fr: row.changesNoteFr },
    pilot: row.isPilot,
    withdrawn: row.status === 'withdrawn' && row.withdrawnAt ? { at: row.withdrawnAt.toISOString(), reason: row.withdrawalReason ?? '' } : null,
  };
}

/** The whole edition: served as JSON and, unchanged, as the `results.json` download. */
function presentEdition(edition: PublishedEdition): z.infer<typeof editionDetailSchema> {
  return { ...presentSummary(edition), snapshot: toWireSnapshot(edition.snapshot), changes: edition.changes };
}

export async function registerIndexApi(root: FastifyInstance, context: AppContext, published: PublishedEditions): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const immutable = 'public, max-age=3600';

  app.get(
    '/api/v1/index/editions',
    {
      schema: {
        tags,
        summary: 'Published editions of the Cyberstability Index',
        description: 'Newest first; withdrawn editions are not listed (their addresses keep answering, with `withdrawn` set).',
        response: { 200: editionListSchema },
      },
    },
    async () => {
      const rows = await published.list();
      return { items: rows.map(presentSummary) };
    },
  );

  app.get(
    '/api/v1/index/editions/:slug',
    {
      schema: {
        tags,
        summary: 'One published edition: every score and rank with its uncertainty bands, coverage and changes',
        description:
          'A withdrawn edition still answers, with `withdrawn` (when and why). Raw values of an indicator whose source’s licence does not allow redistribution are null, the node marked `rawWithheld`; ' +
          'so are its scores and ranks, and those of every aggregate computed from such indicators alone (bands and Sobol indices left out), each such node marked `scoresWithheld`.',
        params: editionParamsSchema,
        response: { 200: editionDetailSchema, 400: problemSchema, 404: problemSchema },
      },
    },
    async (request, reply) => {
      const edition = await published.get(request.params.slug);
      reply.header('cache-control', immutable);
      return presentEdition(edition);
    },
  );

  app.get(
    '/api/v1/index/editions/:slug/units/:code',
    {
      schema: {
        tags,
        summary: 'One unit (country) in a published edition, every time point',
        params: unitParamsSchema,
        response: { 200: unitDetailSchema, 400: problemSchema, 404: problemSchema },
      },
    },
    async (request, reply) => {
      const edition = await published.get(request.params.slug);
      const code = request.params.code.toUpperCase();
      const unit = edition.snapshot.units.find((u) => u.code.toUpperCase() === code);
      if (!unit) throw unitNotFound();
      reply.header('cache-control', immutable);
      return {
        edition: presentSummary(edition),
        unit,
        top: edition.snapshot.top,
        nodes: edition.snapshot.nodes,
        rows: edition.snapshot.rows.filter((r) => r.unit === unit.code),
        changes: edition.changes.units.filter((c) => c.unit === unit.code),
      };
    },
  );

  app.get(
    '/api/v1/index/editions/:slug/results.csv',
    {
      schema: {
        tags,
        summary: 'Results as CSV',
        description:
          'One row per unit × time: `uCode,uName,Time`, then per aggregate from the index down its score, `_p5`, `_p95`, `_rank`, `_rank_p5`, `_rank_p95`. NA = missing; ' +
          '`withheld (licence)` = an aggregate computed only from sources whose licence does not allow redistribution (named in the JSON nodes and the workbook’s Framework sheet).',
        params: editionParamsSchema,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const edition = await published.get(request.params.slug);
      reply.header('cache-control', immutable).header('content-disposition', `attachment; filename="${edition.slug}-results.csv"`);
      // Rendered once and kept compressed by the response cache, like the registry's CSV.
      return context.cache.send(request, reply, 'text/csv; charset=utf-8', async () => writeCsvTable(editionResultsTable(edition.snapshot)));
    },
  );

  app.get(
    '/api/v1/index/editions/:slug/results.xlsx',
    {
      schema: {
        tags,
        summary: 'Results as an Excel workbook',
        description:
          'Sheet `Results`: the same rows and columns as results.csv, numbers as numbers, missing values as empty cells. ' +
          'Sheets `Edition` (titles, publication, changes note), `Framework` (the nodes, iMeta columns, and whether raw values and scores are given or withheld, with the sources), `Config changes` and ' +
          '`Unit changes` (from the previous published edition; empty for the first).',
        params: editionParamsSchema,
        response: {
          200: { description: 'The workbook', content: { [xlsxType]: { schema: binarySchema } } },
          400: problemSchema,
          404: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const edition = await published.get(request.params.slug);
      reply.header('cache-control', immutable).header('content-disposition', `attachment; filename="${edition.slug}-results.xlsx"`);
      return context.cache.send(request, reply, xlsxType, () => editionWorkbook(edition));
    },
  );

  app.get(
    '/api/v1/index/editions/:slug/results.json',
    {
      schema: {
        tags,
        summary: 'Results as a JSON download',
        description: 'The same document as /api/v1/index/editions/{slug}, as a file.',
        params: editionParamsSchema,
        response: { 200: editionDetailSchema, 400: problemSchema, 404: problemSchema },
      },
    },
    async (request, reply) => {
      const edition = await published.get(request.params.slug);
      reply.header('cache-control', immutable).header('content-disposition', `attachment; filename="${edition.slug}-results.json"`);
      return presentEdition(edition);
    },
  );
}
