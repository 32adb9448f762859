import type { FastifyInstance } from 'fastify';
import { listContributions } from '../../app/contributions.js';
import type { AppContext } from '../../app/context.js';
import { parseParams } from '../../app/http/validation.js';
import { locales } from '../../app/i18n/i18n.js';
import { registryStats } from '../supporters/supporters.queries.js';
import { readBundleProvenance } from '../../app/reference/bundle-file.js';
import { referenceDir } from '../../app/reference/reference.js';
import { OpenDataPage } from './views/open-data-page.js';
import { principlesCsv } from './call.csv.js';
import { principleParamsSchema } from './call.schemas.js';
import { getCallDocument, getPrinciple, listPrinciples } from './call.usecases.js';
import { CallPage } from './views/document-page.js';
import { HomePage } from './views/home-page.js';
import { PrinciplePage, PrinciplesPage } from './views/principles-page.js';

const html = 'text/html; charset=utf-8';

export async function registerCallPages(app: FastifyInstance, context: AppContext): Promise<void> {
  // The bundle's files do not change while the process runs: their provenance is read once, on first need.
  let bundleSourcesRead: ReturnType<typeof readBundleProvenance> | undefined;
  const bundleSources = () => (bundleSourcesRead ??= readBundleProvenance(referenceDir));
  const { db } = context.database;
  for (const locale of locales) {
    app.get(`/${locale}`, { schema: { hide: true } }, async (request, reply) =>
      context.cache.send(request, reply, html, async () =>
        HomePage({ locale, stats: await registryStats({ db }), principles: await listPrinciples({ db }) }),
      ),
    );
    app.get(`/${locale}/call`, { schema: { hide: true } }, async (request, reply) =>
      context.cache.send(request, reply, html, async () => CallPage({ locale, document: await getCallDocument({ db, key: 'call', locale }) })),
    );
    app.get(`/${locale}/principles`, { schema: { hide: true } }, async (request, reply) =>
      context.cache.send(request, reply, html, async () => PrinciplesPage({ locale, principles: await listPrinciples({ db }) })),
    );
    app.get(`/${locale}/principles/:number`, { schema: { hide: true } }, async (request, reply) => {
      const { number } = parseParams(principleParamsSchema, request.params);
      const principle = await getPrinciple({ db, number });
      // Cached like every public page: what the other modules list here (contributions) announces its changes with
      // `registry.changed`, which empties the cache.
      return context.cache.send(request, reply, html, async () =>
        PrinciplePage({
          locale,
          principle,
          caseStudies: await getCallDocument({ db, key: `case-studies/principle-${number}`, locale }),
          related: context.related.filter((work) => 'principle' in work.serves && work.serves.principle === number),
          contributions: await listContributions(context.contributions, db, { principle: number }, locale),
        }),
      );
    });
    app.get(`/${locale}/principles/export/principles.csv`, { schema: { hide: true } }, async (request, reply) => {
      reply.header('content-disposition', 'attachment; filename="principles.csv"');
      return context.cache.send(request, reply, 'text/csv; charset=utf-8', async () => principlesCsv(locale, await listPrinciples({ db })));
    });
    app.get(`/${locale}/open-data`, { schema: { hide: true } }, async (request, reply) =>
      context.cache.send(request, reply, html, async () => OpenDataPage({ locale, publicUrl: context.config.publicUrl, sources: await bundleSources() })),
    );
  }
}
