import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app/context.js';
import { parseParams } from '../../app/http/validation.js';
import { defineError } from '../../app/http/errors.js';
import { locales } from '../../app/i18n/i18n.js';
import { registryStats } from '../supporters/supporters.queries.js';
import { readBundleProvenance } from '../../app/reference/bundle-file.js';
import { referenceDir } from '../../app/reference/reference.js';
import { OpenDataPage } from './views/open-data-page.js';
import { callMessages } from './call.messages.js';
import { getCallDocument, listPrinciples } from './call.usecases.js';
import { CallPage } from './views/document-page.js';
import { HomePage } from './views/home-page.js';
import { PrinciplePage, PrinciplesPage } from './views/principles-page.js';

const html = 'text/html; charset=utf-8';
const principleParams = z.object({ number: z.coerce.number().int().min(1).max(99) });
const principleNotFound = defineError('call.principle.not-found', 404, (locale) => callMessages(locale)('call.principle.not-found'));

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
      const { number } = parseParams(principleParams, request.params);
      const principle = (await listPrinciples({ db })).find((p) => p.number === number);
      if (!principle) throw principleNotFound();
      return context.cache.send(request, reply, html, async () =>
        PrinciplePage({
          locale,
          principle,
          caseStudies: await getCallDocument({ db, key: `case-studies/principle-${number}`, locale }),
          related: context.related.filter((work) => 'principle' in work.serves && work.serves.principle === number),
        }),
      );
    });
    app.get(`/${locale}/open-data`, { schema: { hide: true } }, async (request, reply) =>
      context.cache.send(request, reply, html, async () => OpenDataPage({ locale, publicUrl: context.config.publicUrl, sources: await bundleSources() })),
    );
  }
}
