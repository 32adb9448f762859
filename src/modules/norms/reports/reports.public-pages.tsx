/**
 * The reports' public pages in every language: the published reports, one report, and its comparison with the
 * previous one. Each shows what its reader may see (reports.policies.ts): a visitor's page is the same for every visitor;
 * a signed-in reader's may show more, so it is never stored by browsers or proxies.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { getActor } from '../../../app/auth/auth.plugin.js';
import type { Actor } from '../../../app/authz/actor.js';
import type { AppContext } from '../../../app/context.js';
import { sendPrivatePage } from '../../../app/http/private-page.js';
import { parseOrThrow, parseParams } from '../../../app/http/validation.js';
import { locales } from '../../../app/i18n/i18n.js';
import { subjectLabels } from './reports.labels.js';
import type { Subject } from './reports.models.js';
import { compareWithPrevious, listPublishedReports, publicReport } from './reports.queries.js';
import { publicReportParamsSchema, subjectSchema } from './reports.schemas.js';
import { ComparePage } from './views/compare-page.js';
import { ReportPage } from './views/report-page.js';
import { ReportsListPage } from './views/reports-list-page.js';

const html = 'text/html; charset=utf-8';
const listPageSize = 50;
const listQuery = z.object({ page: z.coerce.number().int().min(1).max(100000).default(1), subject: subjectSchema.optional() });

function send(reply: FastifyReply, actor: Actor, page: JSX.Element) {
  return actor.kind === 'user' ? sendPrivatePage(reply, page) : reply.type(html).send(page);
}

export async function registerReportPublicPages(app: FastifyInstance, context: AppContext): Promise<void> {
  const { db } = context.database;
  for (const locale of locales) {
    app.get(`/${locale}/reports`, { schema: { hide: true } }, async (request, reply) => {
      const { page, subject } = parseOrThrow(listQuery, request.query, locale);
      const { items, total } = await listPublishedReports({ db, filters: { subject }, page: { offset: (page - 1) * listPageSize, limit: listPageSize } });
      const label = subject ? (await subjectLabels(db, locale)).get(subject as Subject)?.title ?? subject : undefined;
      const body = ReportsListPage({ locale, items, total, page, pageSize: listPageSize, subject: subject && label ? { value: subject, label } : undefined });
      return reply.type(html).send(body);
    });

    app.get(`/${locale}/reports/:supporterSlug/:year`, { schema: { hide: true } }, async (request, reply) => {
      const params = parseParams(publicReportParamsSchema, request.params);
      const actor = await getActor(request);
      const shown = await publicReport({ db, actor, ...params });
      return send(reply, actor, ReportPage({ locale, shown, labels: await subjectLabels(db, locale), signedIn: actor.kind === 'user' }));
    });

    app.get(`/${locale}/reports/:supporterSlug/:year/compare`, { schema: { hide: true } }, async (request, reply) => {
      const params = parseParams(publicReportParamsSchema, request.params);
      const actor = await getActor(request);
      const comparison = await compareWithPrevious({ db, actor, ...params });
      return send(reply, actor, ComparePage({ locale, comparison, labels: await subjectLabels(db, locale) }));
    });
  }
}
