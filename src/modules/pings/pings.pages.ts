/**
 * The cooperation space's ping pages: the overview (last 90 days, every exercise), the form that runs an exercise, an
 * exercise with its figures, call list and CSV, the operator's record of an answer, and the histories of an
 * organisation and of a contact (the contacts' pages link there). Members of the space only (`cooperation`).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { getActor } from '../../app/auth/auth.plugin.js';
import { csrfField, verifyCsrf } from '../../app/auth/csrf.js';
import { isSecretariat } from '../../app/authz/rules.js';
import { authorizeBeforeBody } from '../../app/authz/before-body.js';
import { authorize } from '../../app/authz/policy.js';
import type { Actor } from '../../app/authz/actor.js';
import type { AppContext } from '../../app/context.js';
import { AppError } from '../../app/http/errors.js';
import { sendPrivatePage } from '../../app/http/private-page.js';
import { parseParams } from '../../app/http/validation.js';
import { locales } from '../../app/i18n/i18n.js';
import { recordAnswer } from './pings.acknowledge.js';
import { pingsCsv } from './pings.csv.js';
import { checkExerciseForm, readExerciseForm } from './pings.forms.js';
import { pingsMessages } from './pings.messages.js';
import { pingsPolicies } from './pings.policies.js';
import { exerciseView, historyView, overview } from './pings.queries.js';
import { createPingsRepository } from './pings.repository.js';
import { createExercise } from './pings.usecases.js';
import { ExercisePage, HistoryPage } from './views/exercise-page.js';
import { blankForm, ExerciseFormPage, type ExerciseFormValues } from './views/form-page.js';
import { OverviewPage } from './views/overview-page.js';

const idParam = z.string().min(1).max(64);
const exerciseParams = z.object({ exercise: idParam });
const recordParams = z.object({ exercise: idParam, ping: idParam });
const noticeQuery = z.object({ done: z.enum(['created', 'recorded']).optional() });

export async function registerPingsPages(app: FastifyInstance, context: AppContext): Promise<void> {
  const { db } = context.database;
  const publicUrl = context.config.publicUrl.replace(/\/+$/, '');

  /** The organisations the form offers: every one with contacts to the secretariat, a contact's own to a contact. */
  const offered = async (actor: Actor) => {
    const repository = createPingsRepository(db);
    if (isSecretariat(actor)) return repository.organisationsWithContacts();
    const own = actor.kind === 'user' ? actor.grants.filter((g) => g.role === 'contact').map((g) => g.scopeId) : [];
    const names = await repository.supporterNames(own);
    return own.map((id) => ({ id, name: names.get(id)?.name ?? id }));
  };

  for (const locale of locales) {
    const t = pingsMessages(locale);
    const formPage = async (request: FastifyRequest, reply: FastifyReply, values: ExerciseFormValues, errors: Parameters<typeof ExerciseFormPage>[0]['errors'], status: number) => {
      const actor = await getActor(request);
      return sendPrivatePage(reply, ExerciseFormPage({ locale, csrfField: csrfField(request, reply), values, organisations: await offered(actor), secretariat: isSecretariat(actor), errors }), status);
    };

    app.get(`/${locale}/cooperation/pings`, { schema: { hide: true } }, async (request, reply) => {
      const view = await overview({ db, actor: await getActor(request) });
      return sendPrivatePage(reply, OverviewPage({ locale, overview: view }));
    });

    app.get(`/${locale}/cooperation/pings/new`, { schema: { hide: true } }, async (request, reply) => {
      authorize(await getActor(request), pingsPolicies.open, undefined);
      return formPage(request, reply, blankForm, {}, 200);
    });

    app.post(`/${locale}/cooperation/pings/new`, { schema: { hide: true }, ...authorizeBeforeBody(pingsPolicies.open), preHandler: verifyCsrf }, async (request, reply) => {
      const actor = await getActor(request);
      const values = readExerciseForm(request.body);
      const checked = checkExerciseForm(locale, values, new Date());
      if (!checked.ok) return formPage(request, reply, values, checked.errors, 422);
      const secretariat = isSecretariat(actor);
      const scope = secretariat ? checked.exercise.scopeSupporterIds : [];
      const known = await createPingsRepository(db).existingSupporters(scope);
      if (known.length !== scope.length) return formPage(request, reply, values, { organisations: t('pings.error.scope') }, 422);
      const own = secretariat ? null : (values.organisations[0] ?? (await offered(actor))[0]?.id ?? null);
      const created = await createExercise({ db, actor, exercise: { ...checked.exercise, supporterId: own } });
      return reply.redirect(`/${locale}/cooperation/pings/exercises/${encodeURIComponent(created.id)}?done=created`, 303);
    });

    app.get(`/${locale}/cooperation/pings/exercises/:exercise`, { schema: { hide: true } }, async (request, reply) => {
      const { exercise } = parseParams(exerciseParams, request.params);
      const query = noticeQuery.safeParse(request.query ?? {});
      const done = query.success ? query.data.done : undefined;
      const view = await exerciseView({ db, actor: await getActor(request), exerciseId: exercise });
      const notice = done ? t(done === 'created' ? 'pings.done.created' : 'pings.done.recorded') : undefined;
      return sendPrivatePage(reply, ExercisePage({ locale, view, csrfField: csrfField(request, reply), publicUrl, ...(notice ? { notice } : {}) }));
    });

    app.get(`/${locale}/cooperation/pings/exercises/:exercise/pings.csv`, { schema: { hide: true } }, async (request, reply) => {
      const { exercise } = parseParams(exerciseParams, request.params);
      const view = await exerciseView({ db, actor: await getActor(request), exerciseId: exercise });
      return reply
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="pings-${exercise}.csv"`)
        .type('text/csv; charset=utf-8')
        .send(pingsCsv(locale, view.pings));
    });

    app.post(`/${locale}/cooperation/pings/exercises/:exercise/pings/:ping/record`, { schema: { hide: true }, ...authorizeBeforeBody(pingsPolicies.view), preHandler: verifyCsrf }, async (request, reply) => {
      const { exercise, ping } = parseParams(recordParams, request.params);
      try {
        await recordAnswer({ db, actor: await getActor(request), exerciseId: exercise, pingId: ping });
      } catch (error) {
        // An expired ping is shown with the exercise as it is; refusals (403, 404) go to the error page.
        if (!(error instanceof AppError) || error.status !== 410) throw error;
      }
      return reply.redirect(`/${locale}/cooperation/pings/exercises/${encodeURIComponent(exercise)}?done=recorded`, 303);
    });

    app.get(`/${locale}/cooperation/pings/organisations/:supporterId`, { schema: { hide: true } }, async (request, reply) => {
      const { supporterId } = parseParams(z.object({ supporterId: idParam }), request.params);
      const view = await historyView({ db, actor: await getActor(request), supporterId });
      return sendPrivatePage(reply, HistoryPage({ locale, title: t('pings.organisation.title', { name: view.title }), path: `/cooperation/pings/organisations/${supporterId}`, view }));
    });

    app.get(`/${locale}/cooperation/pings/contacts/:contact`, { schema: { hide: true } }, async (request, reply) => {
      const { contact } = parseParams(z.object({ contact: idParam }), request.params);
      const view = await historyView({ db, actor: await getActor(request), contactId: contact });
      return sendPrivatePage(reply, HistoryPage({ locale, title: t('pings.contact.title', { name: view.title }), path: `/cooperation/pings/contacts/${contact}`, view }));
    });
  }
}
