import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/context.js';
import { parseOrThrow, parseParams } from '../../app/http/validation.js';
import { locales } from '../../app/i18n/i18n.js';
import { coverageToCsv } from './toolkit.coverage.js';
import { compareToolkitFrameworks, getToolkitAction, getToolkitCell, getToolkitFramework, searchToolkit, toolkitCoverage, toolkitMatrix, toolkitMyRole, toolkitStakeholderMatrix } from './toolkit.queries.js';
import { actionParamsSchema, cellParamsSchema, compareQuerySchema, frameworkParamsSchema, matrixQuerySchema, myRoleQuerySchema, searchQuerySchema } from './toolkit.schemas.js';
import { ActionPage } from './views/action-page.js';
import { CellPage } from './views/cell-page.js';
import { ComparePage, compareProblem } from './views/compare-page.js';
import { CoveragePage } from './views/coverage-page.js';
import { FrameworkPage } from './views/framework-page.js';
import { MatrixPage } from './views/matrix-page.js';
import { MyRolePage } from './views/my-role-page.js';
import { SearchPage } from './views/search-page.js';
import { StakeholdersPage } from './views/stakeholders-page.js';

const html = 'text/html; charset=utf-8';

/**
 * The toolkit's public pages in every language: the matrix (filtered by a GET form), one page per framework × action
 * pair, per action and per framework, the search in the quotations and the comparison of two or three frameworks.
 */
export async function registerToolkitPages(app: FastifyInstance, context: AppContext): Promise<void> {
  const { db } = context.database;
  for (const locale of locales) {
    app.get(`/${locale}/toolkit`, { schema: { hide: true } }, async (request, reply) => {
      const filter = parseOrThrow(matrixQuerySchema, request.query, locale);
      return reply.type(html).send(MatrixPage({ locale, filter, matrix: await toolkitMatrix({ db, filter }) }));
    });

    app.get(`/${locale}/toolkit/cells/:framework/:action`, { schema: { hide: true } }, async (request, reply) => {
      const { framework, action } = parseParams(cellParamsSchema, request.params);
      return reply.type(html).send(CellPage({ locale, detail: await getToolkitCell({ db, framework, action }) }));
    });

    app.get(`/${locale}/toolkit/actions/:code`, { schema: { hide: true } }, async (request, reply) => {
      const { code } = parseParams(actionParamsSchema, request.params);
      return reply.type(html).send(ActionPage({ locale, detail: await getToolkitAction({ db, code }) }));
    });

    app.get(`/${locale}/toolkit/frameworks/:key`, { schema: { hide: true } }, async (request, reply) => {
      const { key } = parseParams(frameworkParamsSchema, request.params);
      return reply.type(html).send(FrameworkPage({ locale, detail: await getToolkitFramework({ db, key }) }));
    });

    app.get(`/${locale}/toolkit/search`, { schema: { hide: true } }, async (request, reply) => {
      const { q } = parseOrThrow(searchQuerySchema, request.query, locale);
      return reply.type(html).send(SearchPage({ locale, q: q ?? '', result: await searchToolkit({ db, q: q ?? '' }) }));
    });

    app.get(`/${locale}/toolkit/compare`, { schema: { hide: true } }, async (request, reply) => {
      const { f: keys } = parseOrThrow(compareQuerySchema, request.query, locale);
      const comparison = await compareToolkitFrameworks({ db, keys });
      // No framework asked for is the blank form; a wrong choice is the form again with its message, as a 400.
      const problem = keys.length === 0 ? null : compareProblem(comparison, keys);
      return reply
        .code(problem ? 400 : 200)
        .type(html)
        .send(ComparePage({ locale, keys, comparison, problem }));
    });

    app.get(`/${locale}/toolkit/coverage`, { schema: { hide: true } }, async (_request, reply) => {
      const { coverage } = await toolkitCoverage({ db });
      return reply.type(html).send(CoveragePage({ locale, coverage }));
    });

    app.get(`/${locale}/toolkit/coverage.csv`, { schema: { hide: true } }, async (_request, reply) => {
      const { coverage } = await toolkitCoverage({ db });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="wg6-2021-coverage.csv"')
        .send(coverageToCsv(coverage));
    });

    app.get(`/${locale}/toolkit/stakeholders`, { schema: { hide: true } }, async (_request, reply) =>
      reply.type(html).send(StakeholdersPage({ locale, matrix: await toolkitStakeholderMatrix({ db }) })),
    );

    app.get(`/${locale}/toolkit/stakeholders/mine`, { schema: { hide: true } }, async (request, reply) => {
      const { kind, buys, develops } = parseOrThrow(myRoleQuerySchema, request.query, locale);
      const result = kind ? await toolkitMyRole({ db, profile: { kind, buysIct: buys, developsIct: develops } }) : null;
      // Boxes ticked without a kind: the form again, its message beside the question left unanswered.
      const missingKind = !kind && (buys || develops);
      return reply
        .code(missingKind ? 400 : 200)
        .type(html)
        .send(MyRolePage({ locale, answers: { kind, buys, develops }, result, missingKind }));
    });
  }
}
