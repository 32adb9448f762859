/** The crosswalk's public page and its CSV, in every language; cached until something they show changes. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../app/context.js';
import { locales } from '../../../app/i18n/i18n.js';
import { listPrinciples } from '../../call/call.usecases.js';
import { listNorms } from '../norms.usecases.js';
import { crosswalkCsv } from './crosswalk.csv.js';
import { listCrosswalk } from './crosswalk.usecases.js';
import { CrosswalkPage } from './views/crosswalk-page.js';

export async function registerCrosswalkPages(app: FastifyInstance, context: AppContext): Promise<void> {
  const { db } = context.database;
  for (const locale of locales) {
    app.get(`/${locale}/norms/crosswalk`, { schema: { hide: true } }, async (request, reply) =>
      context.cache.send(request, reply, 'text/html; charset=utf-8', async () =>
        CrosswalkPage({ locale, principles: await listPrinciples({ db }), norms: (await listNorms({ db })).items, links: (await listCrosswalk({ db })).items }),
      ),
    );
    app.get(`/${locale}/norms/export/crosswalk.csv`, { schema: { hide: true } }, async (request, reply) => {
      reply.header('content-disposition', 'attachment; filename="crosswalk.csv"');
      return context.cache.send(request, reply, 'text/csv; charset=utf-8', async () =>
        crosswalkCsv(locale, (await listCrosswalk({ db })).items, await listPrinciples({ db })),
      );
    });
  }
}
