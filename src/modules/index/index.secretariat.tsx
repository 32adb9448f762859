import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { getActor } from '../../app/auth/auth.plugin.js';
import { csrfField, verifyCsrf } from '../../app/auth/csrf.js';
import { authorize } from '../../app/authz/policy.js';
import { indexPolicies } from './index.policies.js';
import type { AppContext } from '../../app/context.js';
import { AppError, type FieldIssue } from '../../app/http/errors.js';
import { formText, sendPrivatePage, type FormBody } from '../../app/http/private-page.js';
import { parseOrThrow, parseParams } from '../../app/http/validation.js';
import { controlCharacters, hasControlCharacters, pathIdentifier, textInput } from '../../shared/text-input.js';
import { appMessages } from '../../app/i18n/messages.js';
import { locales } from '../../app/i18n/i18n.js';
import { parseCoinr } from './engine/coinr-format.js';
import { coinrWorkbook, readCoinrTables } from './io/index.files.js';
import { uploadLimits } from './io/index.upload-limits.js';
import { pickTime } from './index.models.js';
import { checkUploads, fileProblems, placeIssues, upload, type Upload } from './index.secretariat-forms.js';
import {
  createDraftEdition, discardDraft, getEdition, listEditions, previewEdition, publishEdition, replaceDraftData, updateDraftConfig, withdrawEdition, type IndexDeps,
} from './index.usecases.js';
import { emptyCreateValues, EditionsAdminPage, type CreateValues } from './views/secretariat/editions-admin-page.js';
import { EditionAdminPage, storedFormValues, type EditionAdminPageProps, type EditionFormValues } from './views/secretariat/edition-admin-page.js';
import { changesView } from './views/changes-section.js';
import { PreviewPage } from './views/secretariat/preview-page.js';
import { wg5TemplateWorkbook } from './sources/index.wg5-template.js';
import { indexAdminMessages } from './views/secretariat/secretariat.locales.js';

const slugParams = z.object({ slug: pathIdentifier(80) });
const timeQuery = z.object({ time: z.union([z.literal(''), z.coerce.number().int()]).optional() });
const doneQuery = z.object({ done: z.enum(['created', 'data', 'config', 'published', 'discarded', 'withdrawn']).optional(), slug: textInput().max(80).optional() });

/**
 * The secretariat's index screens in every language: the list of editions, a draft's data, configuration, preview
 * and publication, a published edition's withdrawal. Every action goes through the edition use cases, which authorize (secretariat on a passkey
 * session) and audit; uploads are refused before their body is read when the visitor is not the secretariat.
 */
export async function registerIndexSecretariatPages(app: FastifyInstance, context: AppContext): Promise<void> {
  const deps: IndexDeps = { db: context.database.db };
  const secretariatOnly = { onRequest: async (request: FastifyRequest) => void authorize(await getActor(request), indexPolicies.manageEditions, undefined) };

  await app.register(async (scope) => {
    await scope.register(multipart, {
      attachFieldsToBody: 'keyValues',
      throwFileSizeLimit: false,
      limits: { fileSize: uploadLimits.fileBytes, files: 3, fields: 12, fieldSize: 64 * 1024, parts: 16 },
      async onFile(part) {
        const bytes = await part.toBuffer();
        (part as unknown as { value: Upload }).value = { name: part.filename, bytes, truncated: part.file.truncated };
      },
    });

    for (const locale of locales) {
      const t = indexAdminMessages(locale);
      const renderList = async (request: FastifyRequest, reply: FastifyReply, extra: { notice?: string; values?: CreateValues; errors?: Record<string, string>; problems?: FieldIssue[] } = {}, status = 200) => {
        const editions = await listEditions(deps, await getActor(request));
        return sendPrivatePage(reply, EditionsAdminPage({ locale, editions, csrfField: csrfField(request, reply), ...extra }), status);
      };
      const renderEdition = async (
        request: FastifyRequest,
        reply: FastifyReply,
        slug: string,
        extra: Partial<Pick<EditionAdminPageProps, 'notice' | 'form' | 'errors' | 'problems'>> & { values?: Partial<EditionFormValues> } = {},
        status = 200,
      ) => {
        const edition = await getEdition(deps, await getActor(request), slug);
        const values = { ...storedFormValues(edition), ...extra.values };
        return sendPrivatePage(reply, EditionAdminPage({ locale, edition, csrfField: csrfField(request, reply), ...extra, values }), status);
      };
      /** A refusal shown on the page it came from; anything else is the error handler's. */
      const refused = (error: unknown): { status: number; notice?: string; errors: Record<string, string>; problems: FieldIssue[] } => {
        if (!(error instanceof AppError)) throw error;
        if (error.code === 'index.edition.invalid') return { status: 422, ...placeIssues(locale, error.issues) };
        if (error.code === 'index.edition.slug-taken') return { status: 409, errors: { slug: t('error.slugTaken') }, problems: [] };
        if (error.code === 'index.edition.published') return { status: 409, notice: t('error.published'), errors: {}, problems: [] };
        if (error.code === 'index.edition.not-published') return { status: 409, notice: t('error.notPublished'), errors: {}, problems: [] };
        throw error;
      };

      scope.get(`/${locale}/secretariat/index`, { schema: { hide: true } }, async (request, reply) => {
        const { done, slug } = parseOrThrow(doneQuery, request.query, locale);
        const notice = done === 'discarded' ? t('admin.done.discarded', { slug: slug ?? '' }) : undefined;
        return renderList(request, reply, { notice });
      });

      scope.post(`/${locale}/secretariat/index`, { schema: { hide: true }, ...secretariatOnly, preHandler: verifyCsrf }, async (request, reply) => {
        const body = (request.body ?? {}) as FormBody;
        const values: CreateValues = { ...emptyCreateValues, slug: formText(body, 'slug'), titleEn: formText(body, 'titleEn'), titleFr: formText(body, 'titleFr'), source: formText(body, 'source') };
        const errors: Record<string, string> = {};
        const data = upload(body, 'iData');
        const meta = upload(body, 'iMeta');
        const pipelineFile = upload(body, 'pipeline');
        let config: unknown;
        if (pipelineFile) {
          try {
            config = JSON.parse(pipelineFile.bytes.toString('utf8'));
          } catch (error) {
            errors.pipeline = t('error.json', { message: (error as Error).message });
          }
        }
        // The source is recorded on every cell (jsonb, which refuses a NUL): control characters are refused here.
        if (hasControlCharacters(values.source)) errors.source = appMessages(locale)('validation.controlCharacters');
        if (!checkUploads(locale, data, meta, errors) || errors.source) return renderList(request, reply, { values, errors }, 422);
        const tables = await readCoinrTables(data, meta);
        if (!tables.ok) {
          return renderList(request, reply, { values, problems: fileProblems(locale, tables.issues) }, 422);
        }
        try {
          const { edition } = await createDraftEdition(deps, await getActor(request), {
            slug: values.slug,
            titles: { en: values.titleEn, fr: values.titleFr },
            iData: tables.iData,
            iMeta: tables.iMeta,
            config,
            source: values.source.trim() || [data.name, meta?.name].filter(Boolean).join(', ').replace(new RegExp(controlCharacters, 'g'), ''),
          });
          return reply.redirect(`/${locale}/secretariat/index/${edition.slug}?done=created`, 303);
        } catch (error) {
          const { status, notice, ...placed } = refused(error);
          return renderList(request, reply, { values, notice, ...placed }, status);
        }
      });

      scope.get(`/${locale}/secretariat/index/wg5-template.xlsx`, { schema: { hide: true } }, async (request, reply) => {
        authorize(await getActor(request), indexPolicies.manageEditions, undefined);
        return reply
          .header('content-disposition', 'attachment; filename="wg5-framework-template.xlsx"')
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .send(await wg5TemplateWorkbook());
      });

      scope.get(`/${locale}/secretariat/index/:slug`, { schema: { hide: true } }, async (request, reply) => {
        const { slug } = parseParams(slugParams, request.params);
        const { done } = parseOrThrow(doneQuery, request.query, locale);
        const notices = {
          created: t('admin.done.created'), data: t('admin.done.data'), config: t('admin.done.config'), published: t('admin.done.published'), withdrawn: t('admin.done.withdrawn'),
        };
        return renderEdition(request, reply, slug, { notice: done && done !== 'discarded' ? notices[done] : undefined });
      });

      scope.get(`/${locale}/secretariat/index/:slug/inputs.xlsx`, { schema: { hide: true } }, async (request, reply) => {
        const { slug } = parseParams(slugParams, request.params);
        const edition = await getEdition(deps, await getActor(request), slug);
        const parsed = parseCoinr({ iData: edition.dataset.iData, iMeta: edition.framework.iMeta, source: edition.dataset.source });
        if (!parsed.ok) throw new Error(`stored tables of ${slug} no longer parse`);
        return reply
          .header('cache-control', 'no-store')
          .header('content-disposition', `attachment; filename="${slug}-inputs.xlsx"`)
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .send(await coinrWorkbook(parsed.dataset));
      });

      scope.post(`/${locale}/secretariat/index/:slug/data`, { schema: { hide: true }, ...secretariatOnly, preHandler: verifyCsrf }, async (request, reply) => {
        const { slug } = parseParams(slugParams, request.params);
        const body = (request.body ?? {}) as FormBody;
        const errors: Record<string, string> = {};
        const data = upload(body, 'iData');
        const meta = upload(body, 'iMeta');
        if (!checkUploads(locale, data, meta, errors)) return renderEdition(request, reply, slug, { form: 'data', errors }, 422);
        const tables = await readCoinrTables(data, meta);
        if (!tables.ok) {
          return renderEdition(request, reply, slug, { form: 'data', problems: fileProblems(locale, tables.issues) }, 422);
        }
        try {
          const source = [data.name, meta?.name].filter(Boolean).join(', ');
          await replaceDraftData(deps, await getActor(request), { slug, iData: tables.iData, iMeta: tables.iMeta, source });
          return reply.redirect(`/${locale}/secretariat/index/${slug}?done=data`, 303);
        } catch (error) {
          const { status, ...placed } = refused(error);
          return renderEdition(request, reply, slug, { form: 'data', ...placed }, status);
        }
      });

      scope.post(`/${locale}/secretariat/index/:slug/config`, { schema: { hide: true }, ...secretariatOnly, preHandler: verifyCsrf }, async (request, reply) => {
        const { slug } = parseParams(slugParams, request.params);
        const body = (request.body ?? {}) as FormBody;
        const values = { pipeline: formText(body, 'pipeline'), seed: formText(body, 'seed'), runs: formText(body, 'runs'), weightPerturbation: formText(body, 'weightPerturbation') };
        const errors: Record<string, string> = {};
        let pipeline: unknown;
        try {
          pipeline = JSON.parse(values.pipeline);
        } catch (error) {
          errors.pipeline = t('error.json', { message: (error as Error).message });
        }
        const numbers = Object.fromEntries((['seed', 'runs', 'weightPerturbation'] as const).map((name) => [name, values[name].trim() === '' ? NaN : Number(values[name])]));
        for (const [name, n] of Object.entries(numbers)) if (!Number.isFinite(n)) errors[name] = t('error.number');
        if (Object.keys(errors).length > 0) return renderEdition(request, reply, slug, { form: 'config', errors, values }, 422);
        try {
          await updateDraftConfig(deps, await getActor(request), { slug, config: pipeline, uncertainty: numbers });
          return reply.redirect(`/${locale}/secretariat/index/${slug}?done=config`, 303);
        } catch (error) {
          const { status, ...placed } = refused(error);
          return renderEdition(request, reply, slug, { form: 'config', values, ...placed }, status);
        }
      });

      scope.get(`/${locale}/secretariat/index/:slug/preview`, { schema: { hide: true } }, async (request, reply) => {
        const { slug } = parseParams(slugParams, request.params);
        const { time } = parseOrThrow(timeQuery, request.query, locale);
        try {
          const { edition, snapshot, changes, previous } = await previewEdition(deps, await getActor(request), { slug });
          const title = locale === 'fr' ? edition.titleFr : edition.titleEn;
          const against = previous?.snapshot ? { ...previous, snapshot: previous.snapshot } : null;
          const view = changesView(locale, { changes, changesNoteEn: edition.changesNoteEn, changesNoteFr: edition.changesNoteFr }, against);
          return sendPrivatePage(reply, PreviewPage({ locale, slug, title, snapshot, changes: view, time: pickTime(snapshot, time) }));
        } catch (error) {
          const { status, ...placed } = refused(error);
          return renderEdition(request, reply, slug, { form: 'config', ...placed }, status);
        }
      });

      scope.post(`/${locale}/secretariat/index/:slug/publish`, { schema: { hide: true }, ...secretariatOnly, preHandler: verifyCsrf }, async (request, reply) => {
        const { slug } = parseParams(slugParams, request.params);
        const body = (request.body ?? {}) as FormBody;
        const values = { noteEn: formText(body, 'noteEn'), noteFr: formText(body, 'noteFr') };
        const note = (s: string) => (s.trim() === '' ? undefined : s);
        try {
          await publishEdition(deps, await getActor(request), { slug, changesNote: { en: note(values.noteEn), fr: note(values.noteFr) } });
          // Empties every web process's response cache (this one's, and the others' through NOTIFY).
          context.events.emit('registry.changed', { reason: 'index.publish' });
          return reply.redirect(`/${locale}/secretariat/index/${slug}?done=published`, 303);
        } catch (error) {
          const { status, ...placed } = refused(error);
          return renderEdition(request, reply, slug, { form: 'publish', values, ...placed }, status);
        }
      });

      scope.post(`/${locale}/secretariat/index/:slug/withdraw`, { schema: { hide: true }, ...secretariatOnly, preHandler: verifyCsrf }, async (request, reply) => {
        const { slug } = parseParams(slugParams, request.params);
        const values = { reason: formText((request.body ?? {}) as FormBody, 'reason') };
        try {
          await withdrawEdition(deps, await getActor(request), { slug, reason: values.reason });
          context.events.emit('registry.changed', { reason: 'index.withdraw' });
          return reply.redirect(`/${locale}/secretariat/index/${slug}?done=withdrawn`, 303);
        } catch (error) {
          const { status, ...placed } = refused(error);
          return renderEdition(request, reply, slug, { form: 'withdraw', values, ...placed }, status);
        }
      });

      scope.post(`/${locale}/secretariat/index/:slug/discard`, { schema: { hide: true }, ...secretariatOnly, preHandler: verifyCsrf }, async (request, reply) => {
        const { slug } = parseParams(slugParams, request.params);
        try {
          await discardDraft(deps, await getActor(request), { slug });
        } catch (error) {
          const { status, ...placed } = refused(error);
          return renderEdition(request, reply, slug, placed, status);
        }
        return reply.redirect(`/${locale}/secretariat/index?done=discarded&slug=${encodeURIComponent(slug)}`, 303);
      });
    }
  });
}
