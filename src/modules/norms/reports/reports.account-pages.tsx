/**
 * The reports in the account, in every language: the person's organisations and their reports, starting a report,
 * one report (its sections, adding and removing sections, publishing), and one section's form with its conflict
 * screen. Reading is for the organisation's representatives and the secretariat (anyone else: 404); the forms write
 * for a verified organisation's representatives, and say why not to anyone else. Form posts redirect (303) with a
 * notice; bad input is shown again beside its field (422) with what was typed, and nothing is written.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { getActor } from '../../../app/auth/auth.plugin.js';
import { csrfField, verifyCsrf } from '../../../app/auth/csrf.js';
import { authorizeBeforeBody } from '../../../app/authz/before-body.js';
import type { AppContext } from '../../../app/context.js';
import { AppError } from '../../../app/http/errors.js';
import { sendPrivatePage } from '../../../app/http/private-page.js';
import { parseNotice, parseParams } from '../../../app/http/validation.js';
import { locales } from '../../../app/i18n/i18n.js';
import { confirmed, sectionFormValues, sectionFromForm, sectionValues, startFromForm, subjectsFromForm, versionFromForm, type FormErrors, type StartValues } from './reports.forms.js';
import { subjectLabels } from './reports.labels.js';
import { reportsMessages } from './reports.messages.js';
import { subjectFromSegment, type Subject } from './reports.models.js';
import { reportsPolicies } from './reports.policies.js';
import { myReports, reportWorkspace, sectionForEdit, startChoices } from './reports.queries.js';
import { reportParamsSchema, sectionParamsSchema, workspaceParamsSchema } from './reports.schemas.js';
import { addSections, publishReport, removeSection, saveSection, startReport } from './reports.usecases.js';
import type { ReportLanguage } from './reports.constants.js';
import { ConflictPage } from './views/conflict-page.js';
import { MyReportsPage } from './views/my-reports-page.js';
import { SectionPage } from './views/section-page.js';
import { StartPage } from './views/start-page.js';
import { WorkspacePage } from './views/workspace-page.js';
import { sectionNotFound } from './reports.errors.js';

/** Refusals of a write shown above the form (the rest are error pages). */
const formAlerts = new Set(['reports.write.not-allowed', 'reports.write.unverified', 'reports.report.exists', 'reports.publish.empty', 'reports.section.changed', 'reports.section.practice']);
const notices = ['started', 'saved', 'added', 'removed', 'published', 'alreadyPublished'] as const;

const currentYear = () => new Date().getUTCFullYear();

/** The subject a path names, or the same 404 as an unknown section. */
function subjectOf(params: { subject: string }): Subject {
  const subject = subjectFromSegment(params.subject);
  if (!subject) throw sectionNotFound();
  return subject;
}

export async function registerReportAccountPages(app: FastifyInstance, context: AppContext): Promise<void> {
  const { db } = context.database;
  const { events } = context;
  const write = { ...authorizeBeforeBody(reportsPolicies.useAccount), preHandler: verifyCsrf };

  for (const locale of locales) {
    const t = reportsMessages(locale);
    const reportPath = (supporterId: string, year: number) => `/${locale}/account/organisations/${supporterId}/reports/${year}`;
    const alertOf = (error: unknown): AppError | null => (error instanceof AppError && formAlerts.has(error.code) ? error : null);

    app.get(`/${locale}/account/reports`, { schema: { hide: true } }, async (request, reply) => {
      const organisations = await myReports({ db, actor: await getActor(request) });
      return sendPrivatePage(reply, MyReportsPage({ locale, organisations }));
    });

    const startPage = async (request: FastifyRequest, reply: FastifyReply, supporterId: string, state: { values?: StartValues; errors?: FormErrors; alert?: string }, status = 200) => {
      const choices = await startChoices({ db, actor: await getActor(request), supporterId });
      const latestYear = choices.latest?.year;
      const values: StartValues = state.values ?? {
        year: String(latestYear ? Math.min(latestYear + 1, currentYear()) : currentYear()),
        original: locale,
        subjects: choices.choices.filter((c) => c.inLatest || c.practices.length > 0).map((c) => c.subject),
      };
      const page = StartPage({ locale, supporter: choices.supporter, latest: choices.latest, choices: choices.choices, labels: await subjectLabels(db, locale), currentYear: currentYear(), csrfField: csrfField(request, reply), values, errors: state.errors, alert: state.alert });
      return sendPrivatePage(reply, page, status);
    };

    app.get(`/${locale}/account/organisations/:supporterId/reports/new`, { schema: { hide: true } }, async (request, reply) => {
      const { supporterId } = parseParams(workspaceParamsSchema, request.params);
      return startPage(request, reply, supporterId, {});
    });

    app.post(`/${locale}/account/organisations/:supporterId/reports`, { schema: { hide: true }, ...write }, async (request, reply) => {
      const { supporterId } = parseParams(workspaceParamsSchema, request.params);
      const actor = await getActor(request);
      // Whoever may not see the organisation's reports is told nothing exists, before their input is even read.
      await startChoices({ db, actor, supporterId });
      const parsed = startFromForm(request.body, currentYear());
      if (!parsed.ok) return startPage(request, reply, supporterId, parsed, 422);
      try {
        await startReport({ db, actor, supporterId, ...parsed.value });
        return reply.redirect(`${reportPath(supporterId, parsed.value.year)}?done=started`, 303);
      } catch (error) {
        const alert = alertOf(error);
        if (!alert) throw error;
        const values = { year: String(parsed.value.year), original: parsed.value.original, subjects: parsed.value.subjects };
        return startPage(request, reply, supporterId, alert.code === 'reports.report.exists' ? { values, errors: { year: 'reports.error.yearTaken' } } : { values, alert: alert.localize(locale) }, alert.status);
      }
    });

    const workspacePage = async (
      request: FastifyRequest,
      reply: FastifyReply,
      params: { supporterId: string; year: number },
      state: { notice?: string; alert?: string; errors?: FormErrors; adding?: string[] },
      status = 200,
    ) => {
      const workspace = await reportWorkspace({ db, actor: await getActor(request), ...params });
      const page = WorkspacePage({ locale, workspace, labels: await subjectLabels(db, locale), csrfField: csrfField(request, reply), ...state });
      return sendPrivatePage(reply, page, status);
    };

    app.get(`/${locale}/account/organisations/:supporterId/reports/:year`, { schema: { hide: true } }, async (request, reply) => {
      const params = parseParams(reportParamsSchema, request.params);
      const done = parseNotice(notices, request.query);
      return workspacePage(request, reply, params, done ? { notice: t(`reports.done.${done}`) } : {});
    });

    /** Runs a write of the report page, showing its refusals above the page (with their status). */
    const onReport = async (request: FastifyRequest, reply: FastifyReply, params: { supporterId: string; year: number }, run: () => Promise<string>) => {
      try {
        return reply.redirect(await run(), 303);
      } catch (error) {
        const alert = alertOf(error);
        if (!alert) throw error;
        return workspacePage(request, reply, params, { alert: alert.localize(locale) }, alert.status);
      }
    };

    app.post(`/${locale}/account/organisations/:supporterId/reports/:year/sections`, { schema: { hide: true }, ...write }, async (request, reply) => {
      const params = parseParams(reportParamsSchema, request.params);
      const actor = await getActor(request);
      await reportWorkspace({ db, actor, ...params });
      const subjects = subjectsFromForm(request.body);
      if (!subjects) return workspacePage(request, reply, params, { errors: { subject: 'reports.error.subjects' } }, 422);
      return onReport(request, reply, params, async () => {
        await addSections({ db, events, actor, ...params, subjects });
        return `${reportPath(params.supporterId, params.year)}?done=added`;
      });
    });

    app.post(`/${locale}/account/organisations/:supporterId/reports/:year/sections/:subject/remove`, { schema: { hide: true }, ...write }, async (request, reply) => {
      const params = parseParams(sectionParamsSchema, request.params);
      const subject = subjectOf(params);
      const actor = await getActor(request);
      await reportWorkspace({ db, actor, ...params });
      const version = versionFromForm(request.body);
      if (version === null) return workspacePage(request, reply, params, { alert: t('reports.error.version') }, 422);
      return onReport(request, reply, params, async () => {
        await removeSection({ db, events, actor, supporterId: params.supporterId, year: params.year, subject, version });
        return `${reportPath(params.supporterId, params.year)}?done=removed`;
      });
    });

    app.post(`/${locale}/account/organisations/:supporterId/reports/:year/publish`, { schema: { hide: true }, ...write }, async (request, reply) => {
      const params = parseParams(reportParamsSchema, request.params);
      const actor = await getActor(request);
      await reportWorkspace({ db, actor, ...params });
      if (!confirmed(request.body)) return workspacePage(request, reply, params, { errors: { confirm: 'reports.error.confirm' } }, 422);
      return onReport(request, reply, params, async () => {
        const { published } = await publishReport({ db, events, actor, ...params });
        return `${reportPath(params.supporterId, params.year)}?done=${published ? 'published' : 'alreadyPublished'}`;
      });
    });

    const sectionPage = async (
      request: FastifyRequest,
      reply: FastifyReply,
      params: { supporterId: string; year: number },
      subject: Subject,
      state: { values?: ReturnType<typeof sectionValues>; errors?: FormErrors; notice?: string; alert?: string },
      status = 200,
    ) => {
      const edit = await sectionForEdit({ db, actor: await getActor(request), ...params, subject });
      const page = SectionPage({ locale, edit, labels: await subjectLabels(db, locale), csrfField: csrfField(request, reply), values: state.values ?? sectionValues(edit.current.section), errors: state.errors, notice: state.notice, alert: state.alert });
      return sendPrivatePage(reply, page, status);
    };

    app.get(`/${locale}/account/organisations/:supporterId/reports/:year/sections/:subject`, { schema: { hide: true } }, async (request, reply) => {
      const params = parseParams(sectionParamsSchema, request.params);
      const done = parseNotice(['saved'], request.query);
      return sectionPage(request, reply, params, subjectOf(params), done ? { notice: t('reports.done.saved') } : {});
    });

    app.post(`/${locale}/account/organisations/:supporterId/reports/:year/sections/:subject`, { schema: { hide: true }, ...write }, async (request, reply) => {
      const params = parseParams(sectionParamsSchema, request.params);
      const subject = subjectOf(params);
      const actor = await getActor(request);
      const workspace = await reportWorkspace({ db, actor, ...params });
      const edit = await sectionForEdit({ db, actor, ...params, subject }).catch((error: unknown) => {
        // Removed by a colleague while this person typed: their text still goes to the conflict screen below.
        if (error instanceof AppError && error.code === 'reports.section.not-found') return null;
        throw error;
      });
      const practices = edit?.practices ?? [];
      const parsed = sectionFromForm(request.body, workspace.report.original as ReportLanguage, practices.map((p) => p.id));
      if (!parsed.ok) {
        if (!edit) throw sectionNotFound();
        return sectionPage(request, reply, params, subject, { values: parsed.values, errors: parsed.errors }, 422);
      }
      try {
        const outcome = await saveSection({ db, events, actor, ...params, subject, section: parsed.value });
        if (outcome.status === 'saved') return reply.redirect(`${reportPath(params.supporterId, params.year)}/sections/${params.subject}?done=saved`, 303);
        // Someone saved (or removed) the section since this form was loaded: nothing was written; show both texts.
        const now = outcome.current ? await reportWorkspace({ db, actor, ...params }) : workspace;
        const page = ConflictPage({
          locale,
          workspace: now,
          labels: await subjectLabels(db, locale),
          subject,
          current: outcome.current,
          practices,
          yours: { values: sectionFormValues(request.body), input: parsed.value },
          csrfField: csrfField(request, reply),
        });
        return sendPrivatePage(reply, page, 409);
      } catch (error) {
        const alert = alertOf(error);
        if (!alert) throw error;
        return sectionPage(request, reply, params, subject, { values: sectionFormValues(request.body), alert: alert.localize(locale) }, alert.status);
      }
    });
  }
}
