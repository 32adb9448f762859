/**
 * The cases' API, with the pages' authorization (the same use cases and policies): the reader's cases, opening one,
 * one case with a page of its participants, answering and acknowledging; and the public advisories with their CSAF 2.0
 * documents. Posts with a session carry the CSRF token in `x-csrf-token`.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getActor } from '../../app/auth/auth.plugin.js';
import { verifyCsrf } from '../../app/auth/csrf.js';
import { authorizeBeforeBody } from '../../app/authz/before-body.js';
import type { AppContext } from '../../app/context.js';
import { requestLocale } from '../../app/http/locale.js';
import { problemSchema } from '../../app/http/problem.schema.js';
import { csafFilename } from './cases.csaf.js';
import { casesPolicies } from './cases.policies.js';
import { caseDetail, findAdvisory, listAdvisories, listMyCases, type CaseDetail } from './cases.queries.js';
import { advisoriesQuerySchema, advisoryListSchema, advisoryParamsSchema, answersBodySchema, caseListQuerySchema, caseListSchema, caseParamsSchema, caseQuerySchema, caseSchema, caseSummarySchema, openCaseBodySchema } from './cases.schemas.js';
import type { CvdCaseRow } from './cases.tables.js';
import { exportCaseCsaf } from './cases.publication.js';
import { acknowledgeEmbargo, answer, openCase } from './cases.usecases.js';

const tags = ['cases'];
const signedIn = authorizeBeforeBody(casesPolicies.signedIn);

const summary = (c: CvdCaseRow): z.infer<typeof caseSummarySchema> => ({
  id: c.id, title: c.title, marking: c.marking, state: c.state as 'open' | 'published', trackingId: c.trackingId,
  embargo: c.embargoAt && c.embargoZone ? { at: c.embargoAt.toISOString(), timeZone: c.embargoZone, version: c.embargoVersion } : null,
});

const score = (vector: string | null, value: string | null) => (vector && value ? { vector, baseScore: Number(value) } : null);

function present(d: CaseDetail): z.infer<typeof caseSchema> {
  return {
    ...summary(d.case), summary: d.case.summary, language: d.case.language, coordinator: d.coordinatorName,
    vulnerabilities: d.vulnerabilities.map((v) => ({ id: v.id, title: v.title, cwe: v.cwe, cve: v.cve, cvss31: score(v.cvss31Vector, v.cvss31Score), cvss40: score(v.cvss40Vector, v.cvss40Score) })),
    participants: {
      total: d.total, page: d.page, pages: d.pages,
      items: d.participants.map((p) => ({
        id: p.id, organisation: p.name, acknowledgedEmbargo: Boolean(d.case.embargoAt) && p.ackVersion === d.case.embargoVersion, statementState: p.statementState,
        states: Object.fromEntries(d.vulnerabilities.map((v) => [v.id, d.stateOf(p.id, v.id)])) as Record<string, 'no-response'>,
      })),
    },
  };
}

export async function registerCasesApi(root: FastifyInstance, context: AppContext): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = context.database;
  const publicUrl = context.config.publicUrl;
  const errors = { 401: problemSchema, 403: problemSchema, 404: problemSchema };

  app.get('/api/v1/cases', {
    schema: { tags, summary: 'The caller\'s coordination cases', description: 'Cases the caller\'s organisations take part in (designated contacts), or that the secretariat coordinates; each only if its TLP marking lets the caller read it.', querystring: caseListQuerySchema, response: { 200: caseListSchema, ...errors } },
    ...signedIn,
  }, async (request) => {
    const { page, pageSize } = request.query;
    const rows = await listMyCases({ db, actor: await getActor(request) });
    return { total: rows.length, page, pageSize, items: rows.slice((page - 1) * pageSize, page * pageSize).map(summary) };
  });

  app.post('/api/v1/cases', {
    schema: { tags, summary: 'Open a coordination case', description: 'Opened in the name of an organisation the caller is a designated contact of (or by the secretariat). CVSS vectors are validated and scored; a bad one is a 422 naming the field.', body: openCaseBodySchema, response: { 201: caseSummarySchema, 400: problemSchema, 422: problemSchema, ...errors } },
    ...signedIn, preHandler: verifyCsrf,
  }, async (request, reply) => {
    const b = request.body;
    const row = await openCase({
      db, actor: await getActor(request), locale: requestLocale(request), publicUrl, ...(b.as ? { as: b.as } : {}),
      input: { title: b.title, summary: b.summary, language: b.language, marking: b.marking, products: b.products.join('\n'), vulnerability: { title: b.vulnerabilityTitle, cwe: b.cwe, cve: b.cve, cvss31: b.cvss31, cvss40: b.cvss40 } },
    });
    return reply.code(201).send(summary(row));
  });

  app.get('/api/v1/cases/:case', {
    schema: { tags, summary: 'One coordination case', description: 'With one page of participants and their answers per vulnerability (`no-response` until they answer). Every reading is audited. Not found unless the case\'s TLP marking lets the caller read it.', params: caseParamsSchema, querystring: caseQuerySchema, response: { 200: caseSchema, ...errors } },
    ...signedIn,
  }, async (request) => present(await caseDetail({ db, actor: await getActor(request), caseId: request.params.case, page: request.query.page })));

  app.post('/api/v1/cases/:case/answers', {
    schema: { tags, summary: 'Answer for one\'s organisation', description: 'Sets the caller\'s organisation\'s state per vulnerability; every change is audited.', params: caseParamsSchema, body: answersBodySchema, response: { 200: z.object({ changed: z.number() }), 400: problemSchema, 409: problemSchema, 422: problemSchema, ...errors } },
    ...signedIn, preHandler: verifyCsrf,
  }, async (request) => answer({ db, actor: await getActor(request), locale: requestLocale(request), publicUrl, caseId: request.params.case, answers: request.body.answers }));

  app.post('/api/v1/cases/:case/acknowledge', {
    schema: { tags, summary: 'Acknowledge the embargo', description: 'The caller\'s organisation acknowledges the case\'s current embargo (void again if it changes).', params: caseParamsSchema, response: { 200: z.object({ acknowledgedVersion: z.number() }), 409: problemSchema, 422: problemSchema, ...errors } },
    ...signedIn, preHandler: verifyCsrf,
  }, async (request) => {
    const row = await acknowledgeEmbargo({ db, actor: await getActor(request), locale: requestLocale(request), publicUrl, caseId: request.params.case });
    return { acknowledgedVersion: row.ackVersion ?? 0 };
  });

  app.get('/api/v1/cases/:case/csaf.json', {
    schema: { tags, summary: 'A case under embargo as CSAF 2.0 (interim)', description: 'For the case\'s readers only (as its TLP marking allows), marked in `distribution.tlp` (TLP 1.0 words: AMBER+STRICT is AMBER with `distribution.text`); only approved statements; every export audited. The header `x-csaf-errors` counts the BSI validator\'s errors (an unfinished case may have some).', params: caseParamsSchema, produces: ['application/json'] },
    ...signedIn,
  }, async (request, reply) => {
    const exported = await exportCaseCsaf({ db, actor: await getActor(request), locale: requestLocale(request), publicUrl, caseId: request.params.case });
    return reply.type('application/json; charset=utf-8').header('cache-control', 'no-store').header('x-csaf-errors', String(exported.errors.length))
      .header('content-disposition', `attachment; filename="${exported.filename}"`).send(JSON.stringify(exported.csaf, null, 2));
  });

  app.get('/api/v1/advisories', {
    schema: { tags, summary: 'Published security advisories', description: 'The advisories published at the end of coordination cases, newest first.', querystring: advisoriesQuerySchema, response: { 200: advisoryListSchema } },
  }, async (request) => {
    const { page, pageSize } = request.query;
    const { items, total } = await listAdvisories({ db, page, pageSize });
    return {
      total, page, pageSize,
      items: items.map((c) => ({ trackingId: c.trackingId!, title: c.title, publishedAt: c.publishedAt!.toISOString(), csaf: `${publicUrl.replace(/\/$/, '')}/api/v1/advisories/${encodeURIComponent(c.trackingId!)}/csaf.json` })),
    };
  });

  app.get('/api/v1/advisories/:id', {
    schema: { tags, summary: 'One advisory (its CSAF 2.0 document)', params: advisoryParamsSchema, response: { 200: z.record(z.string(), z.unknown()), 404: problemSchema } },
  }, async (request) => (await findAdvisory({ db, id: request.params.id })).csaf);

  app.get('/api/v1/advisories/:id/csaf.json', {
    schema: { tags, summary: 'One advisory as a CSAF 2.0 file', description: 'The document as validated at publication (BSI csaf-validator-lib: schema and mandatory tests), named as CSAF 5.1 says.', params: advisoryParamsSchema, produces: ['application/json'] },
  }, async (request, reply) => {
    const advisory = await findAdvisory({ db, id: request.params.id });
    return reply.type('application/json; charset=utf-8').header('content-disposition', `attachment; filename="${csafFilename(advisory.trackingId)}"`).send(JSON.stringify(advisory.csaf, null, 2));
  });
}
