/**
 * The incidents' pages in every language: the public frames; the cooperation space's list, CSV, form and incident page
 * (TLP decided in the use cases: an incident the reader may not read is a 404, as one that does not exist); the
 * secretariat's weights, bands and crosswalk. Forms post without JavaScript; bad input re-renders with what was typed
 * (422), success redirects (303) with a notice.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { getActor } from '../../app/auth/auth.plugin.js';
import { csrfField, verifyCsrf } from '../../app/auth/csrf.js';
import { authorizeBeforeBody } from '../../app/authz/before-body.js';
import { authorize, can } from '../../app/authz/policy.js';
import type { AppContext } from '../../app/context.js';
import { AppError } from '../../app/http/errors.js';
import { sendPrivatePage } from '../../app/http/private-page.js';
import { parseNotice, parseParams } from '../../app/http/validation.js';
import { locales, type Locale } from '../../app/i18n/i18n.js';
import { reportKinds, nis2Clocks, type ReportKind } from './incidents.clocks.js';
import { incidentsCsv } from './incidents.csv.js';
import { formValues, incidentFromForm, type FormValues } from './incidents.input.js';
import { incidentsMessages, type IncidentsMessageKey } from './incidents.messages.js';
import { incidentsPolicies } from './incidents.policies.js';
import type { IncidentRow } from './incidents.tables.js';
import { createIncidentsRepository } from './incidents.repository.js';
import { contactOrganisations, findReadableIncident, listReadableIncidents, markReportSent, recordIncident } from './incidents.usecases.js';
import { IncidentFormPage } from './views/incident-form-page.js';
import { IncidentListPage } from './views/incident-list-page.js';
import { IncidentPage } from './views/incident-page.js';
import { registerIncidentSettingsPages } from './incidents.settings-pages.js';
import { loadCrosswalk } from './incidents.crosswalk-usecases.js';
import { FramesPage } from './views/frames-page.js';
import { currentScoringConfig } from './incidents.usecases.js';

const incidentParams = z.object({ incident: z.string().regex(/^inc_[A-Za-z0-9_-]{1,40}$/) }).passthrough();
const notices = ['recorded', 'marked'] as const;

export async function registerIncidentPages(app: FastifyInstance, context: AppContext): Promise<void> {
  const { db } = context.database;
  const page = { schema: { hide: true } };
  const enter = authorizeBeforeBody(incidentsPolicies.enter);
  // Pages show the clocks as of the request; the use cases take `now` so that tests control it.
  const now = () => new Date();

  for (const locale of locales) {
    const t = incidentsMessages(locale);
    const base = `/${locale}/cooperation/incidents`;

    app.get(`/${locale}/incident-frames`, page, async (_request, reply) => {
      const config = await currentScoringConfig(db);
      const rows = await createIncidentsRepository(db).crosswalkRows();
      const edited = new Set(rows.filter((r) => r.editedAt).map((r) => r.key));
      return sendPrivatePage(reply, FramesPage({ locale, config: config.config, version: config.version, crosswalk: await loadCrosswalk(db), edited }));
    });

    app.get(base, { ...page, ...enter }, async (request, reply) => {
      const actor = await getActor(request);
      const { rows } = await listReadableIncidents(db, actor, { limit: 200, offset: 0 });
      const names = await createIncidentsRepository(db).supporterNames([...new Set(rows.map((r) => r.supporterId))]);
      const items = rows.map((incident) => ({ incident, organisation: names.get(incident.supporterId) ?? '', next: nis2Clocks(incident, now()).find((c) => !c.sentAt) }));
      return sendPrivatePage(reply, IncidentListPage({ locale, items, total: rows.length, canRecord: contactOrganisations(actor).length > 0 }));
    });

    app.get(`${base}.csv`, { ...page, ...enter }, async (request, reply) => {
      const { rows } = await listReadableIncidents(db, await getActor(request), { limit: 100_000, offset: 0 });
      const names = await createIncidentsRepository(db).supporterNames([...new Set(rows.map((r) => r.supporterId))]);
      reply.header('content-disposition', 'attachment; filename="incidents.csv"').header('cache-control', 'no-store').type('text/csv; charset=utf-8');
      return incidentsCsv(locale, rows, names, now());
    });

    const form = async (request: FastifyRequest, reply: FastifyReply, values: FormValues, errors: Record<string, string>, status = 200) => {
      const ids = contactOrganisations(await getActor(request));
      const names = await createIncidentsRepository(db).supporterNames(ids);
      const organisations = ids.map((id) => [id, names.get(id) ?? id] as const);
      return sendPrivatePage(reply, IncidentFormPage({ locale, csrfField: csrfField(request, reply), organisations, values, errors }), status);
    };

    app.get(`${base}/new`, { ...page, ...enter }, async (request, reply) => form(request, reply, { timeZone: 'Europe/Paris', language: locale, outlook: 'stable' }, {}));

    app.post(`${base}/new`, { ...page, ...enter, preHandler: verifyCsrf }, async (request, reply) => {
      const values = formValues(request.body);
      const parsed = incidentFromForm(values);
      const localized = (issues: Record<string, string>) => Object.fromEntries(Object.entries(issues).map(([field, key]) => [field, t(key as IncidentsMessageKey)]));
      if (!parsed.ok) return form(request, reply, values, localized(parsed.issues), 422);
      try {
        const { incident } = await recordIncident({ db, actor: await getActor(request), incident: parsed.input, now: now() });
        return reply.redirect(`${base}/${incident.id}?done=recorded`, 303);
      } catch (error) {
        if (error instanceof AppError && error.code === 'incidents.invalid') return form(request, reply, values, localized(Object.fromEntries(error.issues.map((i) => [i.field, i.message]))), 422);
        throw error;
      }
    });

    const show = async (request: FastifyRequest, reply: FastifyReply, alert?: { status: number; text: string }) => {
      const actor = await getActor(request);
      if (actor.kind !== 'user') authorize(actor, incidentsPolicies.enter, undefined); // sign in first, whatever the id
      const { incident: id } = parseParams(incidentParams, request.params);
      const incident = await findReadableIncident(db, actor, id);
      const repository = createIncidentsRepository(db);
      const notice = parseNotice(notices, request.query);
      return sendPrivatePage(
        reply,
        IncidentPage({
          locale, incident, organisation: (await repository.supporterNames([incident.supporterId])).get(incident.supporterId) ?? '', author: await repository.authorName(incident.authorUserId),
          clocks: nis2Clocks(incident, now()), crosswalk: await loadCrosswalk(db),
          reportForms: can(actor, incidentsPolicies.report, incident) ? { csrfField: csrfField(request, reply) } : null,
          notice: notice ? t(notice === 'recorded' ? 'incident.recorded' : 'clocks.marked') : undefined, alert: alert?.text,
        }),
        alert?.status ?? 200,
      );
    };

    app.get(`${base}/:incident`, page, async (request, reply) => show(request, reply));

    // Loaded and authorized before the body is read: whoever may not read the incident is not told it exists.
    const loaded = new WeakMap<FastifyRequest, IncidentRow>();
    const loadIncident = async (request: FastifyRequest) => {
      const actor = await getActor(request);
      if (actor.kind !== 'user') authorize(actor, incidentsPolicies.enter, undefined);
      const { incident: id } = parseParams(incidentParams, request.params);
      loaded.set(request, await findReadableIncident(db, actor, id));
    };

    app.post(`${base}/:incident/sent`, { ...page, onRequest: loadIncident, preHandler: verifyCsrf }, async (request, reply) => {
      const actor = await getActor(request);
      const incident = loaded.get(request)!;
      const report = (request.body as Record<string, unknown> | undefined)?.report;
      if (!reportKinds.includes(report as ReportKind)) return show(request, reply, { status: 422, text: t('error.invalid') });
      try {
        await markReportSent({ db, actor, incidentId: incident.id, report: report as ReportKind, now: now() });
        return reply.redirect(`${base}/${incident.id}?done=marked`, 303);
      } catch (error) {
        if (error instanceof AppError && ['incidents.report-already-sent', 'incidents.report-out-of-order'].includes(error.code)) return show(request, reply, { status: error.status, text: error.localize(locale) });
        throw error;
      }
    });
  }
  await registerIncidentSettingsPages(app, context);
}
