import type { FastifyInstance } from 'fastify';
import { listContributions } from '../../app/contributions.js';
import type { AppContext } from '../../app/context.js';
import { parseParams } from '../../app/http/validation.js';
import { locales } from '../../app/i18n/i18n.js';
import { listPrinciples } from '../call/call.usecases.js';
import { crosswalkForNorm } from './crosswalk/crosswalk.usecases.js';
import { normsCsv } from './norms.csv.js';
import { normNotFound } from './norms.errors.js';
import { normParamsSchema } from './norms.schemas.js';
import { getNorm, listNorms } from './norms.usecases.js';
import { NormPage, NormsPage } from './views/norms-pages.js';

const html = 'text/html; charset=utf-8';

/**
 * The norms' public pages in every language: the list, one page per norm (its text, the principles the crosswalk links
 * it to, what supporters published for it, the tools that serve it), and the norms as CSV. Cached: every change to
 * what they show (an edit, a practice published) announces `registry.changed`, which empties the cache.
 */
export async function registerNormsPages(app: FastifyInstance, context: AppContext): Promise<void> {
  const { db } = context.database;
  for (const locale of locales) {
    app.get(`/${locale}/norms`, { schema: { hide: true } }, async (request, reply) =>
      context.cache.send(request, reply, html, async () => NormsPage({ locale, norms: (await listNorms({ db })).items })),
    );
    app.get(`/${locale}/norms/:code`, { schema: { hide: true } }, async (request, reply) => {
      const { code } = parseParams(normParamsSchema, request.params);
      const norm = await getNorm({ db, code });
      if (!norm) throw normNotFound();
      return context.cache.send(request, reply, html, async () =>
        NormPage({
          locale,
          norm,
          links: await crosswalkForNorm({ db, normCode: norm.code }),
          principles: await listPrinciples({ db }),
          contributions: await listContributions(context.contributions, db, { norm: norm.code }, locale),
          related: context.related.filter((work) => 'norm' in work.serves && work.serves.norm === norm.code),
        }),
      );
    });
    app.get(`/${locale}/norms/export/norms.csv`, { schema: { hide: true } }, async (request, reply) => {
      reply.header('content-disposition', 'attachment; filename="norms.csv"');
      return context.cache.send(request, reply, 'text/csv; charset=utf-8', async () => normsCsv(locale, (await listNorms({ db })).items));
    });
  }
}
