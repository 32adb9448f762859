/** The secretariat's page: NCISS weights and bands (a new version per save) and the crosswalk's rows (each audited). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { getActor } from '../../app/auth/auth.plugin.js';
import { csrfField, verifyCsrf } from '../../app/auth/csrf.js';
import { authorizeBeforeBody } from '../../app/authz/before-body.js';
import type { AppContext } from '../../app/context.js';
import { AppError } from '../../app/http/errors.js';
import { sendPrivatePage } from '../../app/http/private-page.js';
import { parseNotice } from '../../app/http/validation.js';
import { locales } from '../../app/i18n/i18n.js';
import { crosswalkEntrySchema } from './incidents.crosswalk.js';
import { editCrosswalkEntry, loadCrosswalk } from './incidents.crosswalk-usecases.js';
import { incidentsMessages, type IncidentsMessageKey } from './incidents.messages.js';
import { ncissCategoryKeys } from './incidents.nciss.js';
import { incidentsPolicies } from './incidents.policies.js';
import { createIncidentsRepository } from './incidents.repository.js';
import { configFromForm, saveScoringConfig } from './incidents.scoring.js';
import { currentScoringConfig } from './incidents.usecases.js';
import { AdminPage } from './views/admin-page.js';

export async function registerIncidentSettingsPages(app: FastifyInstance, context: AppContext): Promise<void> {
  const { db } = context.database;
  const page = { schema: { hide: true } };
  const administer = authorizeBeforeBody(incidentsPolicies.administer);

  for (const locale of locales) {
    const t = incidentsMessages(locale);
    const base = `/${locale}/secretariat/incidents`;

    const render = async (request: FastifyRequest, reply: FastifyReply, state: { values?: Record<string, string>; errors?: Record<string, string> }, status = 200) => {
      const config = await currentScoringConfig(db);
      const rows = await createIncidentsRepository(db).crosswalkRows();
      const values = state.values ?? {
        ...Object.fromEntries(ncissCategoryKeys.map((k) => [`weight.${k}`, String(config.config.weights[k])])),
        ...Object.fromEntries(config.config.bands.map((b, i) => [`band.${5 - i}`, String(b)])),
      };
      const done = parseNotice(['saved'] as const, request.query);
      return sendPrivatePage(
        reply,
        AdminPage({ locale, csrfField: csrfField(request, reply), version: config.version, values, errors: state.errors ?? {}, crosswalk: await loadCrosswalk(db), edited: new Set(rows.filter((r) => r.editedAt).map((r) => r.key)), notice: done ? t('admin.saved') : undefined }),
        status,
      );
    };

    app.get(base, { ...page, ...administer }, async (request, reply) => render(request, reply, {}));

    app.post(`${base}/scoring`, { ...page, ...administer, preHandler: verifyCsrf }, async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const values = Object.fromEntries(Object.entries(body).filter(([k, v]) => /^(weight|band)\./.test(k) && typeof v === 'string')) as Record<string, string>;
      try {
        await saveScoringConfig({ db, actor: await getActor(request), config: configFromForm(body) });
        return reply.redirect(`${base}?done=saved`, 303);
      } catch (error) {
        if (error instanceof AppError && error.code === 'incidents.invalid') return render(request, reply, { values, errors: Object.fromEntries(error.issues.map((i) => [i.field, t(i.message as IncidentsMessageKey)])) }, 422);
        throw error;
      }
    });

    app.post(`${base}/crosswalk`, { ...page, ...administer, preHandler: verifyCsrf }, async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const text = (name: string) => (typeof body[name] === 'string' ? (body[name] as string).trim() : '');
      const key = text('key');
      const current = await loadCrosswalk(db);
      const list = Array.isArray(body.euImpact) ? body.euImpact : body.euImpact === undefined ? [] : [body.euImpact];
      let candidate: unknown = null;
      if (key.startsWith('level:')) {
        const row = current.levels.find((l) => `level:${l.level}` === key);
        if (row) candidate = { ...row, ncissLevel: Number(text('ncissLevel')), ncscCategory: Number(text('ncscCategory')), euImpact: list, urgency: { en: text('urgencyEn'), fr: text('urgencyFr') } };
      } else if (key.startsWith('root-cause:')) {
        const row = current.rootCauses.find((r) => `root-cause:${r.rsitClass}` === key);
        if (row) candidate = { ...row, rootCause: text('rootCause') || null };
      }
      const parsed = crosswalkEntrySchema.safeParse(candidate);
      if (!parsed.success) return render(request, reply, { errors: { crosswalk: t('error.invalid') } }, 422);
      await editCrosswalkEntry({ db, actor: await getActor(request), entry: parsed.data, reason: text('reason').slice(0, 2000) || null });
      return reply.redirect(`${base}?done=saved`, 303);
    });
  }
}
