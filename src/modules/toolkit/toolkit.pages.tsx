import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/context.js';
import { getActor } from '../../app/auth/auth.plugin.js';
import { sendPrivatePage } from '../../app/http/private-page.js';
import { parseOrThrow, parseParams } from '../../app/http/validation.js';
import { locales } from '../../app/i18n/i18n.js';
import { registerAssessmentPages } from './assessment/assessment.pages.js';
import { cellLayersSection } from './layers/layers.cell.js';
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
 * pair, per action and per framework, the search in the quotations, the comparison of two or three frameworks, the
 * coverage, the stakeholder matrix and the "my role" lens. They show the published layer, which only an import
 * changes, and every import empties the response cache (`registry.changed`): so they are cached and sent compressed.
 * Answers to a wrong choice (400) are rendered each time, never cached.
 */
export async function registerToolkitPages(app: FastifyInstance, context: AppContext): Promise<void> {
  const { db } = context.database;
  const page = { schema: { hide: true } };
  for (const locale of locales) {
    app.get(`/${locale}/toolkit`, { ...page, config: { cacheQuery: matrixQuerySchema } }, async (request, reply) => {
      const filter = parseOrThrow(matrixQuerySchema, request.query, locale);
      return context.cache.send(request, reply, html, async () => MatrixPage({ locale, filter, matrix: await toolkitMatrix({ db, filter }) }));
    });

    // Not cached: the cell shows the curated layers' corrections, which change without an import, and a signed-in
    // visitor's page depends on who asks ("suggest a correction"), so it is not kept by shared caches either.
    app.get(`/${locale}/toolkit/cells/:framework/:action`, page, async (request, reply) => {
      const { framework, action } = parseParams(cellParamsSchema, request.params);
      const detail = await getToolkitCell({ db, framework, action });
      const actor = await getActor(request);
      const cell = CellPage({ locale, detail, layers: await cellLayersSection({ db, actor, locale, framework, action }) });
      return actor.kind === 'user' ? sendPrivatePage(reply, cell) : reply.type(html).send(cell);
    });

    app.get(`/${locale}/toolkit/actions/:code`, page, async (request, reply) => {
      const { code } = parseParams(actionParamsSchema, request.params);
      return context.cache.send(request, reply, html, async () => ActionPage({ locale, detail: await getToolkitAction({ db, code }) }));
    });

    app.get(`/${locale}/toolkit/frameworks/:key`, page, async (request, reply) => {
      const { key } = parseParams(frameworkParamsSchema, request.params);
      return context.cache.send(request, reply, html, async () => FrameworkPage({ locale, detail: await getToolkitFramework({ db, key }) }));
    });

    app.get(`/${locale}/toolkit/search`, { ...page, config: { cacheQuery: searchQuerySchema } }, async (request, reply) => {
      const q = parseOrThrow(searchQuerySchema, request.query, locale).q ?? '';
      return context.cache.send(request, reply, html, async () => SearchPage({ locale, q, result: await searchToolkit({ db, q }) }));
    });

    app.get(`/${locale}/toolkit/compare`, { ...page, config: { cacheQuery: compareQuerySchema } }, async (request, reply) => {
      const { f: keys } = parseOrThrow(compareQuerySchema, request.query, locale);
      const comparison = await compareToolkitFrameworks({ db, keys });
      // No framework asked for is the blank form; a wrong choice is the form again with its message, as a 400.
      const problem = keys.length === 0 ? null : compareProblem(comparison, keys);
      if (problem) return reply.code(400).type(html).send(ComparePage({ locale, keys, comparison, problem }));
      return context.cache.send(request, reply, html, async () => ComparePage({ locale, keys, comparison, problem }));
    });

    app.get(`/${locale}/toolkit/coverage`, page, async (request, reply) =>
      context.cache.send(request, reply, html, async () => CoveragePage({ locale, coverage: (await toolkitCoverage({ db })).coverage })),
    );

    app.get(`/${locale}/toolkit/coverage.csv`, page, async (request, reply) => {
      reply.header('content-disposition', 'attachment; filename="wg6-2021-coverage.csv"');
      return context.cache.send(request, reply, 'text/csv; charset=utf-8', async () => coverageToCsv((await toolkitCoverage({ db })).coverage));
    });

    app.get(`/${locale}/toolkit/stakeholders`, page, async (request, reply) =>
      context.cache.send(request, reply, html, async () => StakeholdersPage({ locale, matrix: await toolkitStakeholderMatrix({ db }) })),
    );

    app.get(`/${locale}/toolkit/stakeholders/mine`, { ...page, config: { cacheQuery: myRoleQuerySchema } }, async (request, reply) => {
      const { kind, buys, develops } = parseOrThrow(myRoleQuerySchema, request.query, locale);
      const answers = { kind, buys, develops };
      // Boxes ticked without a kind: the form again, its message beside the question left unanswered.
      if (!kind && (buys || develops)) return reply.code(400).type(html).send(MyRolePage({ locale, answers, result: null, missingKind: true }));
      return context.cache.send(request, reply, html, async () => {
        const result = kind ? await toolkitMyRole({ db, profile: { kind, buysIct: buys, developsIct: develops } }) : null;
        return MyRolePage({ locale, answers, result, missingKind: false });
      });
    });
  }
  await registerAssessmentPages(app, context);
}
