import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/context.js';
import { parseParams } from '../../app/http/validation.js';
import { locales } from '../../app/i18n/i18n.js';
import { normNotFound } from './norms.errors.js';
import { normParamsSchema } from './norms.schemas.js';
import { getNorm, listNorms } from './norms.usecases.js';
import { NormPage, NormsPage } from './views/norms-pages.js';

const html = 'text/html; charset=utf-8';

/** The norms' public pages in every language: the list, and one page per norm with the tools that serve it. */
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
      const related = context.related.filter((work) => 'norm' in work.serves && work.serves.norm === norm.code);
      return reply.type(html).send(NormPage({ locale, norm, related }));
    });
  }
}
