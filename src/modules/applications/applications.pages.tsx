import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../../app/authz/actor.js';
import type { AppContext } from '../../app/context.js';
import { AppError } from '../../app/http/errors.js';
import { pathAfterLocale } from '../../app/http/locale.js';
import { parseOrThrow } from '../../app/http/validation.js';
import { locales, type Locale } from '../../app/i18n/i18n.js';
import { listDeliveries, resendDelivery } from '../../app/jobs/jobs.repository.js';
import { listUsers } from '../../app/auth/users.js';
import { findSupportersByName, getSupporterForEdit } from '../supporters/supporters.usecases.js';
import { isHoneypotFilled } from '../../app/html/honeypot.js';
import { checkFormStamp, formStamp } from './applications.antibot.js';
import { verifyCsrf } from '../../app/auth/csrf.js';
import { actorOf, formSecret, hiddenCsrf, signInFromLink } from './applications.http.js';
import { applicationMessages } from './applications.messages.js';
import { changedFields } from './applications.models.js';
import { actorRef, assertCanManageSupporter, assertCanSeeApplication, assertSecretariat } from './applications.policies.js';
import { listWithdrawn } from './applications.queries.js';
import { createApplicationsRepository } from './applications.repository.js';
import {
  applicationFormSchema,
  decisionReasonSchema,
  messageSchema,
  noteVerbaleSchema,
  parseForm,
  publicFieldsSchema,
  queueFiltersSchema,
} from './applications.schemas.js';
import {
  acceptInvitation,
  answerInformationRequest,
  approveApplication,
  confirmApplication,
  inviteRepresentative,
  proposeEdit,
  recheckSignals,
  recordNoteVerbale,
  rejectApplication,
  requestMoreInformation,
  submitApplication,
  withdrawFromRegistry,
  type ApplicationsDeps,
} from './applications.usecases.js';
import { wellKnownUrl, dnsTxtRecord } from './applications.verification.js';
import { DeliveriesPage, deliveryFilters } from './views/deliveries-page.js';
import { FindSupporterPage } from './views/find-supporter-page.js';
import { JoinPage, JoinSentPage } from './views/join-page.js';
import { LinkFormPage, LinkOutcomePage } from './views/link-pages.js';
import { ManagePage } from './views/manage-page.js';
import { QueuePage } from './views/queue-page.js';
import { ReviewPage } from './views/review-page.js';
import { WithdrawnPage } from './views/withdrawn-page.js';
import { peekToken } from '../../app/auth/tokens.js';

const html = 'text/html; charset=utf-8';
type Body = Record<string, unknown>;
const tokenQuery = z.object({ token: z.string().max(200).optional() });
const idParams = z.object({ id: z.string().min(1).max(64) });
const versionBody = z.object({ version: z.coerce.number().int().min(1) });

function send(reply: FastifyReply, page: JSX.Element, status = 200) {
  // Pages with forms and personal data are never cached by browsers or proxies.
  return reply.code(status).header('cache-control', 'no-store').type(html).send(page);
}

/** The joining workflow's pages in every language: public form, e-mail links, account, secretariat. */
export async function registerApplicationPages(app: FastifyInstance, context: AppContext): Promise<void> {
  const deps: ApplicationsDeps = { db: context.database.db, events: context.events, config: context.config };
  const { db } = context.database;
  const secret = formSecret(context);

  for (const locale of locales) {
    const t = applicationMessages(locale);
    const joinHidden = (request: FastifyRequest, reply: FastifyReply) =>
      `${hiddenCsrf(request, reply)}<input type="hidden" name="started" value="${formStamp(secret)}">`;

    // ——— Public application form ———
    app.get(`/${locale}/join`, { schema: { hide: true } }, async (request, reply) =>
      send(reply, JoinPage({ locale, values: {}, errors: {}, hiddenFields: joinHidden(request, reply) })),
    );

    app.post(
      `/${locale}/join`,
      {
        schema: { hide: true },
        preHandler: verifyCsrf,
        config: { rateLimit: { max: context.config.joinRateLimitPerHour, timeWindow: '1 hour' } },
      },
      async (request, reply) => {
        const body = (request.body ?? {}) as Body;
        if (isHoneypotFilled(body)) return reply.redirect(`/${locale}/join/sent`, 303);
        const stamp = checkFormStamp(secret, body.started);
        const parsed = parseForm(applicationFormSchema, body);
        if (stamp !== 'ok' || !parsed.ok) {
          const errors = parsed.ok ? {} : parsed.errors;
          const notice = stamp === 'ok' ? undefined : t('join.tooFast');
          return send(reply, JoinPage({ locale, values: body, errors, hiddenFields: joinHidden(request, reply), notice }), 422);
        }
        await submitApplication(deps, { form: parsed.value, locale });
        return reply.redirect(`/${locale}/join/sent`, 303);
      },
    );

    app.get(`/${locale}/join/sent`, { schema: { hide: true } }, async (_request, reply) => send(reply, JoinSentPage({ locale })));

    // ——— Links from e-mails: GET shows a button, POST acts ———
    app.get(`/${locale}/join/confirm`, { schema: { hide: true } }, async (request, reply) => {
      const { token = '' } = parseOrThrow(tokenQuery, request.query, locale);
      const peek = await peekToken(db, 'application.confirm', token);
      if (peek.status !== 'ok') return send(reply, LinkOutcomePage({ locale, kind: 'confirm', outcome: peek.status }), 410);
      const application = await createApplicationsRepository(db).get(peek.token.subjectId);
      if (!application || application.status !== 'pending-confirmation') return send(reply, LinkOutcomePage({ locale, kind: 'confirm', outcome: 'used' }), 410);
      return send(reply, LinkFormPage({ locale, kind: 'confirm', token, name: application.name, hiddenFields: hiddenCsrf(request, reply) }));
    });

    app.post(`/${locale}/join/confirm`, { schema: { hide: true }, preHandler: verifyCsrf }, async (request, reply) => {
      const { token = '' } = parseOrThrow(tokenQuery, request.body, locale);
      const result = await confirmApplication(deps, token);
      if (result.status !== 'ok') return send(reply, LinkOutcomePage({ locale, kind: 'confirm', outcome: result.status }), 410);
      await signInFromLink(request, reply, result.userId);
      return send(reply, LinkOutcomePage({ locale, kind: 'confirm', outcome: 'confirmed', name: result.application.name }));
    });

    app.get(`/${locale}/join/answer`, { schema: { hide: true } }, async (request, reply) => {
      const { token = '' } = parseOrThrow(tokenQuery, request.query, locale);
      const peek = await peekToken(db, 'application.answer', token);
      if (peek.status !== 'ok') return send(reply, LinkOutcomePage({ locale, kind: 'answer', outcome: peek.status }), 410);
      const application = await createApplicationsRepository(db).get(peek.token.subjectId);
      if (!application || application.status !== 'info-requested') return send(reply, LinkOutcomePage({ locale, kind: 'answer', outcome: 'used' }), 410);
      return send(reply, LinkFormPage({ locale, kind: 'answer', token, name: application.name, question: application.infoRequest, hiddenFields: hiddenCsrf(request, reply) }));
    });

    app.post(`/${locale}/join/answer`, { schema: { hide: true }, preHandler: verifyCsrf }, async (request, reply) => {
      const body = (request.body ?? {}) as Body;
      const { token = '' } = parseOrThrow(tokenQuery, { token: body.token }, locale);
      const response = parseForm(z.object({ response: messageSchema }), body);
      if (!response.ok) {
        const peek = await peekToken(db, 'application.answer', token);
        if (peek.status !== 'ok') return send(reply, LinkOutcomePage({ locale, kind: 'answer', outcome: peek.status }), 410);
        const application = await createApplicationsRepository(db).get(peek.token.subjectId);
        return send(
          reply,
          LinkFormPage({ locale, kind: 'answer', token, name: application?.name ?? '', question: application?.infoRequest ?? null, hiddenFields: hiddenCsrf(request, reply), values: { response: String(body.response ?? '') }, errors: response.errors }),
          422,
        );
      }
      const result = await answerInformationRequest(deps, token, response.value.response);
      if (result.status !== 'ok') return send(reply, LinkOutcomePage({ locale, kind: 'answer', outcome: result.status }), 410);
      return send(reply, LinkOutcomePage({ locale, kind: 'answer', outcome: 'answered', name: result.application.name }));
    });

    app.get(`/${locale}/join/invitation`, { schema: { hide: true } }, async (request, reply) => {
      const { token = '' } = parseOrThrow(tokenQuery, request.query, locale);
      const peek = await peekToken(db, 'representative.invite', token);
      if (peek.status !== 'ok') return send(reply, LinkOutcomePage({ locale, kind: 'invitation', outcome: peek.status }), 410);
      const supporter = await getSupporterForEdit(db, peek.token.subjectId);
      if (!supporter || supporter.status !== 'published') return send(reply, LinkOutcomePage({ locale, kind: 'invitation', outcome: 'expired' }), 410);
      return send(reply, LinkFormPage({ locale, kind: 'invitation', token, name: supporter.name, hiddenFields: hiddenCsrf(request, reply) }));
    });

    app.post(`/${locale}/join/invitation`, { schema: { hide: true }, preHandler: verifyCsrf }, async (request, reply) => {
      const { token = '' } = parseOrThrow(tokenQuery, request.body, locale);
      const result = await acceptInvitation(deps, token, locale);
      if (result.status !== 'ok') return send(reply, LinkOutcomePage({ locale, kind: 'invitation', outcome: result.status }), 410);
      await signInFromLink(request, reply, result.userId);
      const supporter = await getSupporterForEdit(db, result.supporterId);
      return send(reply, LinkOutcomePage({ locale, kind: 'invitation', outcome: 'accepted', name: supporter?.name ?? '' }));
    });

    // ——— Public history of withdrawals ———
    app.get(`/${locale}/supporters/withdrawn`, { schema: { hide: true } }, async (request, reply) =>
      context.cache.send(request, reply, request.url, html, async () => WithdrawnPage({ locale, rows: await listWithdrawn(db) })),
    );

    // ——— Representatives manage their entry ———
    const manageParams = z.object({ supporterId: z.string().min(1).max(64) });
    const renderManage = async (request: FastifyRequest, reply: FastifyReply, supporterId: string, extra: Partial<Parameters<typeof ManagePage>[0]> = {}, status = 200) => {
      const actor = await actorOf(request);
      await assertCanManageSupporter(db, actor, supporterId);
      const supporter = await getSupporterForEdit(db, supporterId);
      if (!supporter || supporter.status !== 'published') throw new AppError('not-found', 404, (l) => applicationMessages(l)('link.invalid.title'));
      const repository = createApplicationsRepository(db);
      const [pendingEdit, representatives] = await Promise.all([repository.openEditFor(supporterId), repository.representativesOf(supporterId)]);
      return send(reply, ManagePage({ locale, supporter, pendingEdit, representatives: representatives.length, hiddenFields: hiddenCsrf(request, reply), ...extra }), status);
    };

    app.get(`/${locale}/account/organisations/:supporterId`, { schema: { hide: true } }, async (request, reply) => {
      const { supporterId } = parseOrThrow(manageParams, request.params, locale);
      const notice = typeof (request.query as Body).done === 'string' ? String((request.query as Body).done) : undefined;
      const notices: Record<string, string> = { edit: t('manage.edit.sent'), nothing: t('manage.edit.nothing') };
      return renderManage(request, reply, supporterId, { notice: notice ? notices[notice] : undefined });
    });

    app.post(`/${locale}/account/organisations/:supporterId/edit`, { schema: { hide: true }, preHandler: verifyCsrf }, async (request, reply) => {
      const { supporterId } = parseOrThrow(manageParams, request.params, locale);
      const body = (request.body ?? {}) as Body;
      const parsed = parseForm(publicFieldsSchema, body);
      if (!parsed.ok) return renderManage(request, reply, supporterId, { form: 'edit', values: body, errors: parsed.errors }, 422);
      const actor = await actorOf(request);
      const supporter = await getSupporterForEdit(db, supporterId);
      if (supporter && changedFields(supporter, parsed.value).length === 0) {
        await assertCanManageSupporter(db, actor, supporterId);
        return reply.redirect(`/${locale}/account/organisations/${supporterId}?done=nothing`, 303);
      }
      await proposeEdit(deps, actor, { supporterId, fields: parsed.value, locale });
      return reply.redirect(`/${locale}/account/organisations/${supporterId}?done=edit`, 303);
    });

    app.post(
      `/${locale}/account/organisations/:supporterId/invite`,
      { schema: { hide: true }, preHandler: verifyCsrf, config: { rateLimit: { max: 30, timeWindow: '1 hour' } } },
      async (request, reply) => {
        const { supporterId } = parseOrThrow(manageParams, request.params, locale);
        const body = (request.body ?? {}) as Body;
        const parsed = parseForm(z.object({ email: z.string().trim().toLowerCase().pipe(z.email({ error: 'email.invalid' })) }), body);
        if (!parsed.ok) return renderManage(request, reply, supporterId, { form: 'invite', values: body, errors: parsed.errors }, 422);
        await inviteRepresentative(deps, await actorOf(request), { supporterId, email: parsed.value.email, locale });
        return renderManage(request, reply, supporterId, { notice: t('manage.invite.sent', { email: parsed.value.email }) });
      },
    );

    app.post(`/${locale}/account/organisations/:supporterId/withdraw`, { schema: { hide: true }, preHandler: verifyCsrf }, async (request, reply) => {
      const { supporterId } = parseOrThrow(manageParams, request.params, locale);
      const body = (request.body ?? {}) as Body;
      const parsed = parseForm(z.object({ reason: decisionReasonSchema, confirm: z.string({ error: 'confirm.required' }).refine((v) => v === 'on', { error: 'confirm.required' }) }), body);
      if (!parsed.ok) return renderManage(request, reply, supporterId, { form: 'withdraw', values: body, errors: parsed.errors }, 422);
      const supporter = await getSupporterForEdit(db, supporterId);
      await withdrawFromRegistry(deps, await actorOf(request), { supporterId, reason: parsed.value.reason });
      return reply.redirect(`/${locale}/account?done=${encodeURIComponent(t('manage.withdrawn', { name: supporter?.name ?? '' }))}`, 303);
    });

    // ——— Secretariat back office ———
    app.get(`/${locale}/secretariat/applications`, { schema: { hide: true } }, async (request, reply) => {
      assertSecretariat(await actorOf(request));
      const filters = parseOrThrow(queueFiltersSchema, request.query, locale);
      const { rows, total } = await createApplicationsRepository(db).queue(filters);
      return send(reply, QueuePage({ locale, filters, rows, total, path: pathAfterLocale(request) }));
    });

    app.get(`/${locale}/secretariat/supporters`, { schema: { hide: true } }, async (request, reply) => {
      assertSecretariat(await actorOf(request));
      const { q = '' } = parseOrThrow(z.object({ q: z.string().trim().max(200).optional() }), request.query, locale);
      return send(reply, FindSupporterPage({ locale, q, rows: await findSupportersByName(db, q) }));
    });

    const renderReview = async (request: FastifyRequest, reply: FastifyReply, id: string, extra: { notice?: string; errors?: Record<string, string> } = {}, status = 200) => {
      const actor = await actorOf(request);
      assertSecretariat(actor);
      const repository = createApplicationsRepository(db);
      const application = await assertCanSeeApplication(db, actor, await repository.get(id));
      const [supporter, history, deliveries, secretariat] = await Promise.all([
        application.supporterId ? getSupporterForEdit(db, application.supporterId) : undefined,
        repository.history(id),
        listDeliveries(db, { subjectRef: id }),
        listUsers(db, { secretariatOnly: true }),
      ]);
      // The history names moderators; the applicant appears as such, never by address.
      const actorNames: Record<string, string> = Object.fromEntries(secretariat.map((u) => [`user:${u.id}`, u.name ?? u.email ?? u.id]));
      if (application.applicantUserId) actorNames[`user:${application.applicantUserId}`] = t('review.executive');
      return send(
        reply,
        ReviewPage({
          locale,
          application,
          supporter,
          history,
          deliveries,
          verification: { url: application.website ? wellKnownUrl(application.website) : null, record: application.website ? dnsTxtRecord(application.website, application.verificationCode) : null },
          hiddenFields: hiddenCsrf(request, reply),
          actorNames,
          ...extra,
        }),
        status,
      );
    };

    app.get(`/${locale}/secretariat/applications/:id`, { schema: { hide: true } }, async (request, reply) => {
      const { id } = parseOrThrow(idParams, request.params, locale);
      const done = (request.query as Body).done;
      const notices: Record<string, string> = {
        approve: t('review.done.approve', { name: (await createApplicationsRepository(db).get(id))?.name ?? '' }),
        reject: t('review.done.reject'),
        requestInfo: t('review.done.requestInfo'),
        note: t('review.done.note'),
        recheck: t('review.done.recheck'),
        resend: t('review.done.resend'),
      };
      return renderReview(request, reply, id, { notice: typeof done === 'string' ? notices[done] : undefined });
    });

    const decision = (path: string, run: (id: string, version: number, body: Body, actor: Actor) => Promise<Record<string, string> | void>, done: string) =>
      app.post(`/${locale}/secretariat/applications/:id/${path}`, { schema: { hide: true }, preHandler: verifyCsrf }, async (request, reply) => {
        const { id } = parseOrThrow(idParams, request.params, locale);
        const body = (request.body ?? {}) as Body;
        const { version } = path === 'note-verbale' || path === 'recheck' ? { version: 0 } : parseOrThrow(versionBody, body, locale);
        try {
          const errors = await run(id, version, body, await actorOf(request));
          if (errors) return renderReview(request, reply, id, { errors }, 422);
        } catch (error) {
          if (error instanceof AppError && error.code === 'applications.conflict') {
            return renderReview(request, reply, id, { notice: error.localize(locale) }, 409);
          }
          throw error;
        }
        return reply.redirect(`/${locale}/secretariat/applications/${id}?done=${done}`, 303);
      });

    decision('approve', async (id, version, _body, actor) => void (await approveApplication(deps, actor, { id, version })), 'approve');
    decision(
      'reject',
      async (id, version, body, actor) => {
        const parsed = parseForm(z.object({ reason: decisionReasonSchema }), body);
        if (!parsed.ok) return parsed.errors;
        await rejectApplication(deps, actor, { id, version, reason: parsed.value.reason });
      },
      'reject',
    );
    decision(
      'request-info',
      async (id, version, body, actor) => {
        const parsed = parseForm(z.object({ message: messageSchema }), body);
        if (!parsed.ok) return parsed.errors;
        await requestMoreInformation(deps, actor, { id, version, message: parsed.value.message });
      },
      'requestInfo',
    );
    decision(
      'note-verbale',
      async (id, _version, body, actor) => {
        const parsed = parseForm(z.object({ reference: noteVerbaleSchema }), body);
        if (!parsed.ok) return parsed.errors;
        await recordNoteVerbale(deps, actor, { id, reference: parsed.value.reference });
      },
      'note',
    );
    decision('recheck', async (id, _version, _body, actor) => recheckSignals(deps, actor, id), 'recheck');

    app.get(`/${locale}/secretariat/deliveries`, { schema: { hide: true } }, async (request, reply) => {
      assertSecretariat(await actorOf(request));
      const { status, done } = parseOrThrow(z.object({ status: z.enum(deliveryFilters).default('all'), done: z.string().optional() }), request.query, locale);
      const deliveries = await listDeliveries(db, { limit: 200, ...(status === 'all' ? {} : { status }) });
      return send(reply, DeliveriesPage({ locale, deliveries, status, hiddenFields: hiddenCsrf(request, reply), notice: done ? t('review.done.resend') : undefined }));
    });

    app.post(`/${locale}/secretariat/deliveries/:id/resend`, { schema: { hide: true }, preHandler: verifyCsrf }, async (request, reply) => {
      const { id } = parseOrThrow(idParams, request.params, locale);
      const actor = assertSecretariat(await actorOf(request));
      const { applicationId } = parseOrThrow(z.object({ applicationId: z.string().min(1).max(64).optional() }), request.body, locale);
      await db.transaction((tx) => resendDelivery(tx, id, actorRef(actor)));
      return reply.redirect(applicationId ? `/${locale}/secretariat/applications/${applicationId}?done=resend` : `/${locale}/secretariat/deliveries?done=resend`, 303);
    });
  }
}
