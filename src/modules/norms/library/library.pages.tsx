/**
 * The library's pages and downloads in every language: the search, the comparison, the coverage, the CSV and JSON
 * downloads and the Atom feed. They are rendered on each request, not kept in the response cache: practices are
 * published by the practices' moderation, which does not empty that cache, and a stale library would hide them.
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../app/context.js';
import { urlAfterLocale } from '../../../app/http/locale.js';
import { parseOrThrow } from '../../../app/http/validation.js';
import { locales } from '../../../app/i18n/i18n.js';
import { atomType, practicesFeed } from './library.feed.js';
import { libraryMessages } from './library.messages.js';
import { practicesToCsv, presentPractice } from './library.presenters.js';
import { compareQuerySchema, libraryPageQuerySchema, practiceFiltersSchema, readLibraryQuery, type LibraryQueryField } from './library.schemas.js';
import { browseLibrary, comparePractices, exportPractices, frameworkLabels, latestPractices, practiceCoverage } from './library.usecases.js';
import { ComparePage } from './views/compare-page.js';
import { CoveragePage } from './views/coverage-page.js';
import { LibraryPage } from './views/library-page.js';

const html = 'text/html; charset=utf-8';

export async function registerLibraryPages(app: FastifyInstance, context: AppContext): Promise<void> {
  const { db } = context.database;
  const page = { schema: { hide: true } };
  for (const locale of locales) {
    const t = libraryMessages(locale);

    // A wrong filter is the form again (400) with its message beside its control; the other filters stay as chosen.
    // A valid view is cached (keyed by its parsed filters, emptied on every publication or withdrawal), so it is
    // rendered from the canonical URL, never from the URL as typed.
    app.get(`/${locale}/practices`, { ...page, config: { cacheQuery: libraryPageQuerySchema } }, async (request, reply) => {
      const { state, invalid } = readLibraryQuery(request.query);
      const errors: Partial<Record<LibraryQueryField, string>> = Object.fromEntries(invalid.map((field) => [field, t(`filter.error.${field}`, { slugs: '' })]));
      const readSince = context.cache.currentVersion; // before the reads the cached page is made of
      const labels = await frameworkLabels({ db });
      if (invalid.length) return reply.code(400).type(html).send(LibraryPage({ locale, state, result: null, facets: null, labels, errors, path: urlAfterLocale(request.url) }));
      const browsed = await browseLibrary({ db, filters: state, page: state.page, pageSize: state.pageSize, locale });
      if ('unknownSupporters' in browsed) {
        errors.supporter = t('filter.error.supporter', { slugs: browsed.unknownSupporters.join(', ') });
        return reply.code(400).type(html).send(LibraryPage({ locale, state, result: null, facets: null, labels, errors, path: urlAfterLocale(request.url) }));
      }
      const { result, facets } = browsed;
      return context.cache.send(request, reply, html, async (url) => LibraryPage({ locale, state, result, facets, labels, errors, path: urlAfterLocale(url) }), readSince);
    });

    // Nothing asked is the blank form; a wrong choice is the form again (400) with its message beside its select.
    app.get(`/${locale}/practices/compare`, page, async (request, reply) => {
      const asked = parseOrThrow(compareQuerySchema, request.query, locale);
      const [comparison, labels] = await Promise.all([comparePractices({ db, ...asked }), frameworkLabels({ db })]);
      const view = ComparePage({ locale, asked, comparison, labels, path: urlAfterLocale(request.url) });
      return reply.code(Object.keys(comparison.issues).length ? 400 : 200).type(html).send(view);
    });

    app.get(`/${locale}/practices/coverage`, page, async (request, reply) => {
      const filters = parseOrThrow(practiceFiltersSchema, request.query, locale);
      const [coverage, labels] = await Promise.all([practiceCoverage({ db, filters }), frameworkLabels({ db })]);
      return reply.type(html).send(CoveragePage({ locale, filters, coverage, labels, path: urlAfterLocale(request.url) }));
    });

    app.get(`/${locale}/practices/feed.atom`, page, async (_request, reply) =>
      reply.type(atomType).send(practicesFeed({ practices: await latestPractices({ db }), locale, publicUrl: context.config.publicUrl })),
    );

    // Downloads: the library's filters and order; errors are problem+json (a data address), in the page's language.
    app.get(`/${locale}/practices.csv`, page, async (request, reply) => {
      const filters = parseOrThrow(practiceFiltersSchema, request.query, locale);
      const rows = await exportPractices({ db, filters, locale });
      reply.header('content-disposition', 'attachment; filename="practices.csv"');
      return reply.type('text/csv; charset=utf-8').send(practicesToCsv(rows, locale, context.config.publicUrl));
    });

    app.get(`/${locale}/practices.json`, page, async (request, reply) => {
      const filters = parseOrThrow(practiceFiltersSchema, request.query, locale);
      const rows = await exportPractices({ db, filters, locale });
      reply.header('content-disposition', 'attachment; filename="practices.json"');
      return reply.type('application/json; charset=utf-8').send(JSON.stringify({ total: rows.length, items: rows.map((p) => presentPractice(p, locale)) }));
    });
  }
}
