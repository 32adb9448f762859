/**
 * The reports' read API: the published reports with their public sections (paged, with `total`), and every public
 * section as a JSON or CSV export. Public sections only, whoever asks: members' and secretariat sections are read on
 * the report pages by those who may.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../app/context.js';
import { problemSchema } from '../../../app/http/problem.schema.js';
import { sectionCsvColumns, sectionsToCsv } from './reports.csv.js';
import { presentExportRow, presentReport } from './reports.presenters.js';
import { exportPublicSections, listPublishedReports } from './reports.queries.js';
import { reportListQuerySchema, reportListSchema, sectionExportQuerySchema, sectionExportSchema } from './reports.schemas.js';

const tags = ['reports'];

export async function registerReportsApi(root: FastifyInstance, context: AppContext): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = context.database;

  app.get(
    '/api/v1/reports',
    {
      schema: {
        tags,
        summary: 'Published implementation reports',
        description:
          'Supporters\' yearly reports on the UN norms (A/70/174 para. 13) and the Call\'s principles, newest first, each with its public sections only (sections shared with the Call\'s members or the secretariat are never in the API). Drafts are never listed.',
        querystring: reportListQuerySchema,
        response: { 200: reportListSchema, 400: problemSchema },
      },
    },
    async (request) => {
      const { page, pageSize, ...filters } = request.query;
      const { items, total } = await listPublishedReports({ db, filters, page: { offset: (page - 1) * pageSize, limit: pageSize } });
      return { total, page, pageSize, items: items.map(presentReport) };
    },
  );

  app.get(
    '/api/v1/reports/sections.json',
    {
      schema: {
        tags,
        summary: 'Public sections of published reports (JSON export)',
        description: 'Every public section of the published reports that match, one item per section, with its organisation and year.',
        querystring: sectionExportQuerySchema,
        response: { 200: sectionExportSchema, 400: problemSchema },
      },
    },
    async (request, reply) => {
      reply.header('content-disposition', 'inline; filename="report-sections.json"');
      return { items: (await exportPublicSections({ db, filters: request.query })).map(presentExportRow) };
    },
  );

  app.get(
    '/api/v1/reports/sections.csv',
    {
      schema: {
        tags,
        summary: 'Public sections of published reports (CSV export)',
        description: `Columns \`${sectionCsvColumns.join(',')}\`: one row per public section; each answer in each language in its own column, Markdown as written, empty when not answered or not translated.`,
        querystring: sectionExportQuerySchema,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const csv = sectionsToCsv((await exportPublicSections({ db, filters: request.query })).map(presentExportRow));
      return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="report-sections.csv"').send(csv);
    },
  );
}
