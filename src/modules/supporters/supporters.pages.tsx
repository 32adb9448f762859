import type { FastifyInstance } from 'fastify';
import { listContributions } from '../../app/contributions.js';
import type { AppContext } from '../../app/context.js';
import { urlAfterLocale } from '../../app/http/locale.js';
import { parseOrThrow, parseParams } from '../../app/http/validation.js';
import { locales } from '../../app/i18n/i18n.js';
import { pageQuerySchema, slugParamsSchema } from './supporters.schemas.js';
import { getSupporter, listMilestones, registryStats, searchSupporters } from './supporters.queries.js';
import { getSupporterBySlug } from './supporters.usecases.js';
import { DetailPage } from './views/detail-page.js';
import { EmbedCounters } from './views/embed-page.js';
import { ListPage } from './views/list-page.js';
import { MapPage } from './views/map-page.js';

const html = 'text/html; charset=utf-8';

/** The registry's public pages in every language. Rendered pages are cached until the registry changes. */
export async function registerSupporterPages(app: FastifyInstance, context: AppContext): Promise<void> {
  const { db } = context.database;
  for (const locale of locales) {
    // The query is validated here, for messages in the page's language; the response cache keys on the same schema.
    app.get(`/${locale}/supporters`, { schema: { hide: true }, config: { cacheQuery: pageQuerySchema } }, async (request, reply) => {
      const state = parseOrThrow(pageQuerySchema, request.query, locale);
      return context.cache.send(request, reply, html, async (url) => {
        const result = await searchSupporters({ db, filters: state, page: state.page, pageSize: state.pageSize, locale });
        return ListPage({ locale, state, result, path: urlAfterLocale(url) });
      });
    });

    app.get(`/${locale}/supporters/map`, { schema: { hide: true } }, async (request, reply) =>
      context.cache.send(request, reply, html, async (url) =>
        MapPage({ locale, stats: await registryStats({ db }), milestones: await listMilestones({ db }), path: urlAfterLocale(url) }),
      ),
    );

    app.get(`/${locale}/supporters/:slug`, { schema: { hide: true } }, async (request, reply) => {
      const { slug } = parseParams(slugParamsSchema, request.params);
      return context.cache.send(request, reply, html, async (url) => {
        const supporter = await getSupporter({ db, slug, locale });
        // What other modules list for this supporter (its practices, its reports) is stored under its id.
        const id = (await getSupporterBySlug(db, slug))?.id;
        const contributions = id ? await listContributions(context.contributions, db, { supporter: id }, locale) : [];
        return DetailPage({ locale, supporter, contributions, path: urlAfterLocale(url), publicUrl: context.config.publicUrl });
      });
    });

    app.get(`/${locale}/embed/counters`, { schema: { hide: true } }, async (request, reply) => {
      // Made to be framed by any site, and cached by browsers and CDNs for a few minutes.
      reply
        .header('content-security-policy', "default-src 'none'; style-src 'self'; img-src 'self'; frame-ancestors *; base-uri 'none'; form-action 'none'")
        .header('cache-control', 'public, max-age=300, stale-while-revalidate=3600')
        .header('cross-origin-resource-policy', 'cross-origin');
      return context.cache.send(request, reply, html, async () =>
        EmbedCounters({ locale, stats: await registryStats({ db }), publicUrl: context.config.publicUrl }),
      );
    });
  }
}
