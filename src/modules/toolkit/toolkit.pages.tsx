import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/context.js';
import { getActor } from '../../app/auth/auth.plugin.js';
import { sendPrivatePage } from '../../app/http/private-page.js';
import { parseParams } from '../../app/http/validation.js';
import { locales } from '../../app/i18n/i18n.js';
import { cellLayersSection } from './layers/layers.cell.js';
import { registerAssessmentPages } from './assessment/assessment.pages.js';
import { getToolkitCell, toolkitMatrix } from './toolkit.queries.js';
import { cellParamsSchema } from './toolkit.schemas.js';
import { CellPage } from './views/cell-page.js';
import { MatrixPage } from './views/matrix-page.js';

const html = 'text/html; charset=utf-8';

/** The toolkit's public pages in every language: the matrix, and one page per framework × action pair. */
export async function registerToolkitPages(app: FastifyInstance, context: AppContext): Promise<void> {
  const { db } = context.database;
  for (const locale of locales) {
    app.get(`/${locale}/toolkit`, { schema: { hide: true } }, async (_request, reply) =>
      reply.type(html).send(MatrixPage({ locale, matrix: await toolkitMatrix({ db }) })),
    );

    app.get(`/${locale}/toolkit/cells/:framework/:action`, { schema: { hide: true } }, async (request, reply) => {
      const { framework, action } = parseParams(cellParamsSchema, request.params);
      const detail = await getToolkitCell({ db, framework, action });
      const actor = await getActor(request);
      const page = CellPage({ locale, detail, layers: await cellLayersSection({ db, actor, locale, framework, action }) });
      // The "suggest a correction" link depends on who asks: a signed-in visitor's page is not kept by shared caches.
      return actor.kind === 'user' ? sendPrivatePage(reply, page) : reply.type(html).send(page);
    });
  }
  await registerAssessmentPages(app, context);
}
