/** The download routes, `/{locale}/toolkit/export/…`: filters validated in the page's language, answers cached. */
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { AppContext } from '../../../app/context.js';
import { parseOrThrow } from '../../../app/http/validation.js';
import { locales } from '../../../app/i18n/i18n.js';
import { publishedDatasetKey } from '../toolkit.constants.js';
import { toolkitDownloads } from './toolkit.exports.downloads.js';

/** `wg6-2021-cells.csv`, `wg6-2021-oscal-mapping.json`: the layer's key first, so files from two layers never collide. */
export const downloadName = (file: string) => (file.startsWith(`${publishedDatasetKey}.`) ? file : `${publishedDatasetKey}-${file.replace('/', '-')}`);

export async function registerToolkitDownloadFiles(app: FastifyInstance, context: AppContext): Promise<void> {
  const { db } = context.database;
  const { publicUrl } = context.config;
  for (const locale of locales) {
    for (const download of toolkitDownloads) {
      // The cache keys on the validated filters; a download without filters ignores any query (one cached answer).
      const config: { cacheQuery?: z.ZodType } = download.filters ? { cacheQuery: download.filters } : {};
      app.get(`/${locale}/toolkit/export/${download.file}`, { schema: { hide: true }, config }, async (request, reply) => {
        const filters = download.filters ? parseOrThrow(download.filters, request.query, locale) : {};
        reply.header('content-disposition', `attachment; filename="${downloadName(download.file)}"`);
        return context.cache.send(request, reply, download.contentType, () => download.build({ db, locale, filters, publicUrl }));
      });
    }
  }
}
