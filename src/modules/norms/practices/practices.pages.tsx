/**
 * The public pages of a practice in every language: the practice (cached until the next publication or withdrawal,
 * which empties the response cache), its history, and its evidence documents, which the use case gives only to who
 * may have them and which go out as downloads only.
 */
import type { FastifyInstance } from 'fastify';
import { getActor } from '../../../app/auth/auth.plugin.js';
import type { AppContext } from '../../../app/context.js';
import { sendStoredFile } from '../../../app/files/files.http.js';
import { parseParams } from '../../../app/http/validation.js';
import { locales } from '../../../app/i18n/i18n.js';
import { practiceFile, practiceHistory, publicPractice } from './practices.queries.js';
import { fileParamsSchema, practiceParamsSchema, practiceQuerySchema } from './practices.schemas.js';
import { HistoryPage } from './views/history-page.js';
import { PracticePage } from './views/practice-page.js';

const html = 'text/html; charset=utf-8';

export async function registerPracticePages(app: FastifyInstance, context: AppContext): Promise<void> {
  const { db } = context.database;
  for (const locale of locales) {
    app.get(`/${locale}/practices/:id`, { schema: { hide: true }, config: { cacheQuery: practiceQuerySchema } }, async (request, reply) => {
      const { id } = parseParams(practiceParamsSchema, request.params);
      const query = practiceQuerySchema.safeParse(request.query);
      const preferOriginal = query.success && query.data.text === 'original';
      const found = await publicPractice({ db, practiceId: id });
      return context.cache.send(request, reply, html, async () => PracticePage({ locale, found, preferOriginal }));
    });

    app.get(`/${locale}/practices/:id/history`, { schema: { hide: true } }, async (request, reply) => {
      const { id } = parseParams(practiceParamsSchema, request.params);
      const { versions, ...found } = await practiceHistory({ db, practiceId: id });
      return context.cache.send(request, reply, html, async () => HistoryPage({ locale, found, versions }));
    });

    app.get(`/${locale}/practices/:id/files/:sha256/:name`, { schema: { hide: true } }, async (request, reply) => {
      const { id, sha256 } = parseParams(fileParamsSchema, request.params);
      const { file, attachment, audience } = await practiceFile({ db, actor: await getActor(request), practiceId: id, sha256 });
      return sendStoredFile(reply, file, { name: attachment.name, audience });
    });
  }
}
