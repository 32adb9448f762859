/** The downloads page, `/{locale}/toolkit/downloads`: rendered once per language and cached like the other pages. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../app/context.js';
import { locales } from '../../../app/i18n/i18n.js';
import { toolkitDownloads } from './toolkit.exports.downloads.js';
import { noFilters, readPublishedToolkit } from './toolkit.exports.queries.js';
import { DownloadsPage } from './views/downloads-page.js';

const html = 'text/html; charset=utf-8';

export async function registerToolkitDownloadsPage(app: FastifyInstance, context: AppContext): Promise<void> {
  const { db } = context.database;
  const { publicUrl } = context.config;
  for (const locale of locales) {
    app.get(`/${locale}/toolkit/downloads`, { schema: { hide: true } }, async (request, reply) =>
      context.cache.send(request, reply, html, async () => {
        const toolkit = await readPublishedToolkit({ db });
        // Each file is built to give its real size: a few hundred milliseconds, once, as the page is cached.
        const downloads = [];
        for (const download of toolkitDownloads) {
          const body = await download.build({ db, locale, filters: noFilters, publicUrl });
          downloads.push({ download, bytes: Buffer.byteLength(body) });
        }
        return DownloadsPage({ locale, toolkit, downloads });
      }),
    );
  }
}
