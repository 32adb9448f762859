import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../../app/authz/actor.js';
import { verifyCsrf } from '../../app/auth/csrf.js';
import type { AppContext } from '../../app/context.js';
import { AppError } from '../../app/http/errors.js';
import { pathAfterLocale } from '../../app/http/locale.js';
import { parseNotice, parseOrThrow, parseParams } from '../../app/http/validation.js';
import { pathIdentifier, textInput } from '../../shared/text-input.js';
import { locales } from '../../app/i18n/i18n.js';
import { sendPrivatePage, type FormBody } from '../../app/http/private-page.js';
import { getActor } from '../../app/auth/auth.plugin.js';
import { csrfField } from '../../app/auth/csrf.js';
import { applicationMessages } from './applications.messages.js';
import { approveApplication, recheckSignals, recordNoteVerbale, rejectApplication, requestMoreInformation, resendEmail } from './applications.moderation.js';
import { findEntriesToManage, moderationQueue, outboxDeliveries, reviewApplication } from './applications.queries.js';
import type { ApplicationRow } from './applications.tables.js';
import { decisionReasonSchema, messageSchema, noteVerbaleSchema, parseForm, queueFiltersSchema } from './applications.schemas.js';
import type { ApplicationsDeps } from './applications.usecases.js';
import { wellKnownUrl, dnsTxtRecord } from './applications.verification.js';
import { DeliveriesPage, deliveryFilters } from './views/deliveries-page.js';
import { FindSupporterPage } from './views/find-supporter-page.js';
import { QueuePage } from './views/queue-page.js';
import { ReviewPage } from './views/review-page.js';
import { authorizeBeforeBody } from '../../app/authz/before-body.js';
import { applicationPolicies } from './applications.policies.js';

const idParams = z.object({ id: pathIdentifier(64) });
/** The notices a decision's redirect names (`?done=approve`). */
const reviewNotices = ['approve', 'reject', 'requestInfo', 'note', 'recheck', 'resend'] as const;
const versionBody = z.object({ version: z.coerce.number().int().min(1) });

/** The secretariat's back office in every language: queue, application pages and decisions, entries, e-mails. */
export async function registerSecretariatPages(app: FastifyInstance, context: AppContext): Promise<void> {
  const deps: ApplicationsDeps = { db: context.database.db, events: context.events, config: context.config };
  const { db } = context.database;

  for (const locale of locales) {
    const t = applicationMessages(locale);
    app.get(`/${locale}/secretariat/applications`, { schema: { hide: true } }, async (request, reply) => {
      const actor = await getActor(request);
      const filters = parseOrThrow(queueFiltersSchema, request.query, locale);
      const { rows, total } = await moderationQueue(db, actor, filters);
      return sendPrivatePage(reply, QueuePage({ locale, filters, rows, total, path: pathAfterLocale(request) }));
    });

    app.get(`/${locale}/secretariat/supporters`, { schema: { hide: true } }, async (request, reply) => {
      const actor = await getActor(request);
      const { q = '' } = parseOrThrow(z.object({ q: textInput().trim().max(200).optional() }), request.query, locale);
      return sendPrivatePage(reply, FindSupporterPage({ locale, q, rows: await findEntriesToManage(db, actor, q) }));
    });

    type ReviewExtra = { notice?: string | ((application: ApplicationRow) => string); errors?: Record<string, string> };
    const renderReview = async (request: FastifyRequest, reply: FastifyReply, id: string, extra: ReviewExtra = {}, status = 200) => {
      const { application, supporter, history, deliveries, secretariat, claim } = await reviewApplication(db, await getActor(request), id);
      // The history names moderators; the applicant appears as such, never by address.
      const actorNames: Record<string, string> = Object.fromEntries(secretariat.map((u) => [`user:${u.id}`, u.name ?? u.email ?? u.id]));
      if (application.applicantUserId) actorNames[`user:${application.applicantUserId}`] = t('review.executive');
      return sendPrivatePage(
        reply,
        ReviewPage({
          locale,
          application,
          supporter,
          history,
          deliveries,
          verification: { url: application.website ? wellKnownUrl(application.website) : null, record: application.website ? dnsTxtRecord(application.website, application.verificationCode) : null },
          hiddenFields: csrfField(request, reply),
          actorNames,
          claim,
          errors: extra.errors,
          notice: typeof extra.notice === 'function' ? extra.notice(application) : extra.notice,
        }),
        status,
      );
    };

    app.get(`/${locale}/secretariat/applications/:id`, { schema: { hide: true } }, async (request, reply) => {
      const { id } = parseParams(idParams, request.params);
      const done = parseNotice(reviewNotices, request.query);
      // The approval's notice names the application, read (and authorized) with the rest of the page.
      const notices = (decided: ApplicationRow): Record<(typeof reviewNotices)[number], string> => ({
        approve: t(decided.kind === 'claim' ? 'review.done.approveClaim' : 'review.done.approve', { name: decided.name }),
        reject: t('review.done.reject'),
        requestInfo: t('review.done.requestInfo'),
        note: t('review.done.note'),
        recheck: t('review.done.recheck'),
        resend: t('review.done.resend'),
      });
      return renderReview(request, reply, id, { notice: done ? (decided) => notices(decided)[done] : undefined });
    });

    const decision = (path: string, run: (id: string, version: number, body: FormBody, actor: Actor) => Promise<Record<string, string> | void>, done: string) =>
      app.post(`/${locale}/secretariat/applications/:id/${path}`, { schema: { hide: true }, ...authorizeBeforeBody(applicationPolicies.moderate), preHandler: verifyCsrf }, async (request, reply) => {
        const { id } = parseParams(idParams, request.params);
        const body = (request.body ?? {}) as FormBody;
        const { version } = path === 'note-verbale' || path === 'recheck' ? { version: 0 } : parseOrThrow(versionBody, body, locale);
        try {
          const errors = await run(id, version, body, await getActor(request));
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
      const actor = await getActor(request);
      const { status } = parseOrThrow(z.object({ status: z.enum(deliveryFilters).default('all') }), request.query, locale);
      const done = parseNotice(['resend'], request.query);
      const deliveries = await outboxDeliveries(db, actor, { limit: 200, ...(status === 'all' ? {} : { status }) });
      return sendPrivatePage(reply, DeliveriesPage({ locale, deliveries, status, hiddenFields: csrfField(request, reply), notice: done ? t('review.done.resend') : undefined }));
    });

    app.post(`/${locale}/secretariat/deliveries/:id/resend`, { schema: { hide: true }, ...authorizeBeforeBody(applicationPolicies.operate), preHandler: verifyCsrf }, async (request, reply) => {
      const { id } = parseParams(idParams, request.params);
      const actor = await getActor(request);
      const { applicationId } = parseOrThrow(z.object({ applicationId: pathIdentifier(64).optional() }), request.body, locale);
      await resendEmail(deps, actor, id);
      return reply.redirect(applicationId ? `/${locale}/secretariat/applications/${encodeURIComponent(applicationId)}?done=resend` : `/${locale}/secretariat/deliveries?done=resend`, 303);
    });
  }
}
