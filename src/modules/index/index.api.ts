/**
 * The public API of the index: published editions only (a draft's slug answers 404, like an unknown one), as JSON
 * and as downloads. Editions never change once published, so responses may be cached for long.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { AppContext } from '../../app/context.js';
import { problemSchema } from '../../app/http/problem.schema.js';
import { formatNumber } from './engine/coinr-cells.js';
import { writeCsvTable } from './io/index.csv.js';
import { unitNotFound } from './index.errors.js';
import type { EditionSnapshot } from './index.models.js';
import type { EditionSummaryRow } from './index.repository.js';
import { editionDetailSchema, editionListSchema, editionParamsSchema, editionSummarySchema, toWireSnapshot, unitDetailSchema, unitParamsSchema } from './index.schemas.js';
import { getPublishedEdition, listPublishedEditions } from './index.usecases.js';

const tags = ['index'];
type Summary = z.infer<typeof editionSummarySchema>;
type PublishedEdition = Awaited<ReturnType<typeof getPublishedEdition>>;

function presentSummary(row: EditionSummaryRow & { previousSlug: string | null }): Summary {
  return {
    slug: row.slug,
    title: { en: row.titleEn, fr: row.titleFr },
    publishedAt: row.publishedAt?.toISOString() ?? '',
    previous: row.previousSlug,
    changesNote: { en: row.changesNoteEn, fr: row.changesNoteFr },
  };
}

/** The whole edition: served as JSON and, unchanged, as the `results.json` download. */
function presentEdition(edition: PublishedEdition): z.infer<typeof editionDetailSchema> {
  return { ...presentSummary(edition), snapshot: toWireSnapshot(edition.snapshot), changes: edition.changes };
}

/** OWASP CSV injection: a text cell starting with = + - @ tab or CR gets a leading `'` (numbers are written by the engine). */
const safeText = (value: string) => (/^'*[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** One row per unit × time: every aggregate's score, rank and 5/95 % bands, from the index down. */
function snapshotCsv(snapshot: EditionSnapshot): string {
  const aggregates = snapshot.nodes.filter((n) => n.kind === 'aggregate').map((n) => n.code);
  const names = new Map(snapshot.units.map((u) => [u.code, u.name]));
  const columns = ['uCode', 'uName', 'Time', ...aggregates.flatMap((c) => [c, `${c}_p5`, `${c}_p95`, `${c}_rank`, `${c}_rank_p5`, `${c}_rank_p95`])];
  const rows = snapshot.rows.map((r) => {
    const row: Record<string, string> = { uCode: safeText(r.unit), uName: safeText(names.get(r.unit) ?? r.unit), Time: formatNumber(r.time) };
    for (const c of aggregates) {
      const band = r.bands[c];
      Object.assign(row, {
        [c]: formatNumber(r.scores[c] ?? null), [`${c}_p5`]: formatNumber(band?.score.p5 ?? null), [`${c}_p95`]: formatNumber(band?.score.p95 ?? null),
        [`${c}_rank`]: formatNumber(r.ranks[c] ?? null), [`${c}_rank_p5`]: formatNumber(band?.rank.p5 ?? null), [`${c}_rank_p95`]: formatNumber(band?.rank.p95 ?? null),
      });
    }
    return row;
  });
  return writeCsvTable({ columns, rows });
}

export async function registerIndexApi(root: FastifyInstance, context: AppContext): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const deps = { db: context.database.db };
  const immutable = 'public, max-age=3600';

  app.get(
    '/api/v1/index/editions',
    { schema: { tags, summary: 'Published editions of the Cyberstability Index', description: 'Newest first.', response: { 200: editionListSchema } } },
    async () => {
      const rows = await listPublishedEditions(deps);
      return { items: rows.map(presentSummary) };
    },
  );

  app.get(
    '/api/v1/index/editions/:slug',
    {
      schema: {
        tags,
        summary: 'One published edition: every score and rank with its uncertainty bands, coverage and changes',
        params: editionParamsSchema,
        response: { 200: editionDetailSchema, 400: problemSchema, 404: problemSchema },
      },
    },
    async (request, reply) => {
      const edition = await getPublishedEdition(deps, request.params.slug);
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
      const edition = await getPublishedEdition(deps, request.params.slug);
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
        description: 'One row per unit × time: `uCode,uName,Time`, then per aggregate from the index down its score, `_p5`, `_p95`, `_rank`, `_rank_p5`, `_rank_p95`. NA = missing.',
        params: editionParamsSchema,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const edition = await getPublishedEdition(deps, request.params.slug);
      return reply
        .header('cache-control', immutable)
        .header('content-disposition', `attachment; filename="${edition.slug}-results.csv"`)
        .type('text/csv; charset=utf-8')
        .send(snapshotCsv(edition.snapshot));
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
      const edition = await getPublishedEdition(deps, request.params.slug);
      reply.header('cache-control', immutable).header('content-disposition', `attachment; filename="${edition.slug}-results.json"`);
      return presentEdition(edition);
    },
  );
}
