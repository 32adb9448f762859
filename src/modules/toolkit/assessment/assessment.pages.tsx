/**
 * The self-assessment's pages in every language. Without JavaScript it is a chain of POST forms: the context, then the
 * questions, then the report, each step carrying what came before in hidden fields, so nothing is stored unless the
 * visitor saves behind a private link. Every answer-bearing response is `no-store`, sent with `Referrer-Policy:
 * no-referrer` and kept out of search engines; request bodies are never logged (the logger records no body), nor are
 * these routes' request lines, whose URLs may hold a private link's token.
 */
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { csrfField, verifyCsrf } from '../../../app/auth/csrf.js';
import { resolveSecretKey } from '../../../app/auth/secret.js';
import type { AppContext } from '../../../app/context.js';
import { formText, sendPrivatePage, type FormBody } from '../../../app/http/private-page.js';
import { parseNotice, parseParams } from '../../../app/http/validation.js';
import { locales } from '../../../app/i18n/i18n.js';
import { createActionBudget } from '../../../app/limits/action-budget.js';
import { assessmentLimits, saveBudget } from './assessment.constants.js';
import { assessmentStateDamaged } from './assessment.errors.js';
import { assessmentToCsv, assessmentToJson } from './assessment.export.js';
import {
  answerValuesOf, assembleAssessment, contextValuesOf, readAnswersForm, readAssessmentField, readContextForm, readStepState,
  type AnswerValues, type FieldErrors,
} from './assessment.forms.js';
import { readImportedFile, type Upload } from './assessment.import.js';
import { assessmentMessages } from './assessment.messages.js';
import { assessmentReference, assessmentReport, type AssessmentReference } from './assessment.queries.js';
import { actionCodeSchema, tokenParamsSchema, versionSchema, type Assessment, type StepState } from './assessment.schemas.js';
import { applicabilityOf } from './assessment.profile.js';
import { forgetSavedAssessment, openSavedAssessment, saveAssessment, saveAssessmentVersion } from './assessment.usecases.js';
import { ContextPage } from './views/context-page.js';
import { ImportPage } from './views/import-page.js';
import { QuestionsPage } from './views/questions-page.js';
import { ReportPage } from './views/report-page.js';

const previousSchema = z.array(versionSchema).max(assessmentLimits.previousVersions);
const draftSchema = z.record(actionCodeSchema, z.object({ level: z.string().max(5), justification: z.string().max(5000), evidence: z.string().max(10_000) }).strict());
const linkSchema = tokenParamsSchema.shape.token;

/** A JSON hidden field parsed by `schema`, or `fallback` when absent or damaged. */
function hiddenJson<T>(body: FormBody, name: string, schema: z.ZodType<T>, fallback: T): T {
  try {
    const text = formText(body, name);
    if (!text) return fallback;
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}

const linkOf = (body: FormBody): string | undefined => {
  const parsed = linkSchema.safeParse(formText(body, 'link'));
  return parsed.success ? parsed.data : undefined;
};

export async function registerAssessmentPages(app: FastifyInstance, context: AppContext): Promise<void> {
  const deps = { db: context.database.db };
  const budget = createActionBudget({ db: deps.db, action: saveBudget.action, max: saveBudget.max, windowMs: saveBudget.windowMs, secret: resolveSecretKey(context.config) });

  await app.register(async (scope) => {
    // Answers may sit in the page and its URL may hold a private link: nothing leaks through the Referer header, and
    // nothing of it is indexed.
    scope.addHook('onSend', async (_request, reply) => {
      reply.header('referrer-policy', 'no-referrer').header('x-robots-tag', 'noindex');
    });
    await scope.register(multipart, {
      attachFieldsToBody: 'keyValues',
      throwFileSizeLimit: false,
      limits: { fileSize: assessmentLimits.uploadBytes, files: 1, fields: 4, fieldSize: 1024, parts: 6 },
      async onFile(part) {
        const bytes = await part.toBuffer();
        (part as unknown as { value: Upload }).value = { name: part.filename, bytes, truncated: part.file.truncated };
      },
    });

    for (const locale of locales) {
      const t = assessmentMessages(locale);
      const base = `/${locale}/toolkit/assessment`;

      const renderContext = async (request: FastifyRequest, reply: FastifyReply, extra: Omit<Parameters<typeof ContextPage>[0], 'locale' | 'csrfField' | 'frameworks'> = {}, status = 200, reference?: AssessmentReference) => {
        const { data } = reference ?? (await assessmentReference(deps));
        return sendPrivatePage(reply, ContextPage({ locale, csrfField: csrfField(request, reply), frameworks: data.frameworks, ...extra }), status);
      };
      const renderQuestions = (request: FastifyRequest, reply: FastifyReply, reference: AssessmentReference, state: StepState, extra: { values?: AnswerValues; errors?: FieldErrors; link?: string | undefined } = {}, status = 200) => {
        const applicability = applicabilityOf(state.context, reference.data.actions.map((a) => a.code), reference.marks);
        const page = QuestionsPage({ locale, csrfField: csrfField(request, reply), state, actions: reference.data.actions, applicability, ...extra, link: extra.link });
        return sendPrivatePage(reply, page, status);
      };
      const renderReport = (request: FastifyRequest, reply: FastifyReply, reference: AssessmentReference, assessment: Assessment, extra: { link?: string | undefined; saved?: { token: string; savedAt: Date; notice?: string } } = {}) => {
        const report = assessmentReport(assessment, reference);
        const saved = extra.saved ? { ...extra.saved, url: `${context.config.publicUrl.replace(/\/$/, '')}${base}/s/${extra.saved.token}` } : undefined;
        return sendPrivatePage(reply, ReportPage({ locale, csrfField: csrfField(request, reply), assessment, report, data: reference.data, link: extra.link, saved }));
      };
      const damaged = (request: FastifyRequest, reply: FastifyReply) => renderContext(request, reply, { notice: t('error.state') }, 422);

      scope.get(base, { schema: { hide: true } }, async (request, reply) =>
        renderContext(request, reply, { notice: parseNotice(['forgotten'], request.query) ? t('forgotten') : undefined }),
      );

      // Back from the questions to the context: what was typed in the answers travels along.
      scope.post(base, { schema: { hide: true }, preHandler: verifyCsrf }, async (request, reply) => {
        const body = (request.body ?? {}) as FormBody;
        const state = readStepState(body);
        if (!state) return damaged(request, reply);
        const typed = readAnswersForm(body, locale, Object.keys(body).filter((k) => k.startsWith('level-')).map((k) => k.slice(6)).filter((c) => actionCodeSchema.safeParse(c).success)).values;
        const link = linkOf(body);
        const carried = { previous: JSON.stringify(state.previous), draft: JSON.stringify(typed), ...(link ? { link } : {}) };
        return renderContext(request, reply, { values: contextValuesOf(state.context), carried });
      });

      scope.post(`${base}/questions`, { schema: { hide: true }, preHandler: verifyCsrf }, async (request, reply) => {
        const body = (request.body ?? {}) as FormBody;
        const reference = await assessmentReference(deps);
        const step = formText(body, 'step');
        const link = linkOf(body);
        if (step === 'context') {
          const previous = hiddenJson(body, 'previous', previousSchema, []);
          const draft = hiddenJson(body, 'draft', draftSchema, {});
          const read = readContextForm(body, locale, reference.data.frameworks.map((f) => f.key));
          if (!read.context) {
            const carried = { previous: JSON.stringify(previous), draft: JSON.stringify(draft), ...(link ? { link } : {}) };
            return renderContext(request, reply, { values: read.values, errors: read.errors, carried }, 422, reference);
          }
          return renderQuestions(request, reply, reference, { context: read.context, previous }, { values: draft, link });
        }
        const assessment = readAssessmentField(body);
        if (!assessment || (step !== 'edit' && step !== 'reassess')) return damaged(request, reply);
        const { current } = assessment;
        const previous = step === 'reassess' ? [current, ...assessment.previous].slice(0, assessmentLimits.previousVersions) : assessment.previous;
        return renderQuestions(request, reply, reference, { context: current.context, previous }, { values: answerValuesOf(current.answers), link });
      });

      scope.post(`${base}/report`, { schema: { hide: true }, preHandler: verifyCsrf }, async (request, reply) => {
        const body = (request.body ?? {}) as FormBody;
        const state = readStepState(body);
        if (!state) return damaged(request, reply);
        const reference = await assessmentReference(deps);
        const link = linkOf(body);
        const applicability = applicabilityOf(state.context, reference.data.actions.map((a) => a.code), reference.marks);
        const codes = reference.data.actions.map((a) => a.code).filter((c) => applicability.get(c)?.applies);
        const read = readAnswersForm(body, locale, codes);
        if (!read.answers) return renderQuestions(request, reply, reference, state, { values: read.values, errors: read.errors, link }, 422);
        return renderReport(request, reply, reference, assembleAssessment(state, read.answers, reference.data.dataset, new Date()), { link });
      });

      for (const format of ['json', 'csv'] as const) {
        scope.post(`${base}/export.${format}`, { schema: { hide: true }, preHandler: verifyCsrf }, async (request, reply) => {
          const assessment = readAssessmentField((request.body ?? {}) as FormBody);
          if (!assessment) throw assessmentStateDamaged();
          const reference = await assessmentReference(deps);
          const report = assessmentReport(assessment, reference);
          const day = assessment.current.assessedAt.slice(0, 10);
          reply.header('cache-control', 'no-store').header('content-disposition', `attachment; filename="self-assessment-${day}.${format}"`);
          if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(assessmentToCsv(assessment, report, reference.data));
          return reply.type('application/json; charset=utf-8').send(JSON.stringify(assessmentToJson(assessment, report, reference.data), null, 2));
        });
      }

      scope.post(`${base}/save`, { schema: { hide: true }, onRequest: budget, preHandler: verifyCsrf }, async (request, reply) => {
        const assessment = readAssessmentField((request.body ?? {}) as FormBody);
        if (!assessment) return damaged(request, reply);
        const { token } = await saveAssessment(deps, { assessment });
        return reply.header('cache-control', 'no-store').redirect(`${base}/s/${token}?done=created`, 303);
      });

      scope.get(`${base}/s/:token`, { schema: { hide: true } }, async (request, reply) => {
        const { token } = parseParams(tokenParamsSchema, request.params);
        const { assessment, savedAt } = await openSavedAssessment(deps, { token });
        const done = parseNotice(['created', 'updated'], request.query);
        const notice = done === 'created' ? t('saved.created') : done === 'updated' ? t('saved.updated') : undefined;
        return renderReport(request, reply, await assessmentReference(deps), assessment, { saved: { token, savedAt, ...(notice ? { notice } : {}) } });
      });

      scope.post(`${base}/s/:token`, { schema: { hide: true }, onRequest: budget, preHandler: verifyCsrf }, async (request, reply) => {
        const { token } = parseParams(tokenParamsSchema, request.params);
        const assessment = readAssessmentField((request.body ?? {}) as FormBody);
        if (!assessment) return damaged(request, reply);
        await saveAssessmentVersion(deps, { token, assessment });
        return reply.header('cache-control', 'no-store').redirect(`${base}/s/${token}?done=updated`, 303);
      });

      scope.post(`${base}/s/:token/delete`, { schema: { hide: true }, preHandler: verifyCsrf }, async (request, reply) => {
        const { token } = parseParams(tokenParamsSchema, request.params);
        await forgetSavedAssessment(deps, { token });
        return reply.redirect(`${base}?done=forgotten`, 303);
      });

      scope.get(`${base}/import`, { schema: { hide: true } }, async (request, reply) => sendPrivatePage(reply, ImportPage({ locale, csrfField: csrfField(request, reply) })));

      scope.post(`${base}/import`, { schema: { hide: true }, preHandler: verifyCsrf }, async (request, reply) => {
        const body = (request.body ?? {}) as FormBody;
        const reference = await assessmentReference(deps);
        const read = readImportedFile(body, locale, reference.data.frameworks.map((f) => f.key));
        if (!read.assessment) return sendPrivatePage(reply, ImportPage({ locale, csrfField: csrfField(request, reply), errors: read.errors, mode: formText(body, 'mode') }), 422);
        const { current } = read.assessment;
        const previous = read.mode === 'reassess' ? [current, ...read.assessment.previous].slice(0, assessmentLimits.previousVersions) : read.assessment.previous;
        return renderQuestions(request, reply, reference, { context: current.context, previous }, { values: answerValuesOf(current.answers) });
      });
    }
    // Request lines (logged at debug level) would hold a private link's token in their URL: these routes log warnings
    // and errors only.
  }, { logLevel: 'warn' });
}

