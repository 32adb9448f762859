import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { csrfField, verifyCsrf } from '../../app/auth/csrf.js';
import type { AppContext } from '../../app/context.js';
import { isHoneypotFilled } from '../../app/html/honeypot.js';
import { sendPrivatePage, type FormBody } from '../../app/http/private-page.js';
import { parseParams } from '../../app/http/validation.js';
import { locales } from '../../app/i18n/i18n.js';
import { slugParamsSchema } from '../supporters/supporters.schemas.js';
import { checkFormStamp, formStamp } from './applications.antibot.js';
import { getClaimTarget, submitClaim } from './applications.claims.js';
import { formSecret, joinBudget } from './applications.http.js';
import { applicationMessages } from './applications.messages.js';
import { claimFormSchema, parseForm } from './applications.schemas.js';
import type { ApplicationsDeps } from './applications.usecases.js';
import { ClaimPage } from './views/claim-page.js';

/**
 * The public side of claiming, in every language: `/<locale>/supporters/<slug>/claim` shows the entry and the request
 * form, and takes the request (CSRF, honeypot, signed time stamp and the joining rate limit, as the join form). The
 * join form's "this is us" buttons post here too. A missing entry is 404, a withdrawn one 410, both with their message.
 * After sending, the applicant lands on the join form's "check the executive's inbox" page: the next step is the same.
 */
export async function registerClaimPages(app: FastifyInstance, context: AppContext): Promise<void> {
  const deps: ApplicationsDeps = { db: context.database.db, events: context.events, config: context.config };
  const { db } = context.database;
  const secret = formSecret(context);
  const joinLimit = joinBudget(context);

  for (const locale of locales) {
    const t = applicationMessages(locale);
    const hiddenFields = (request: FastifyRequest, reply: FastifyReply) =>
      `${csrfField(request, reply)}<input type="hidden" name="started" value="${formStamp(secret)}">`;

    app.get(`/${locale}/supporters/:slug/claim`, { schema: { hide: true } }, async (request, reply) => {
      const { slug } = parseParams(slugParamsSchema, request.params);
      const target = await getClaimTarget(db, slug);
      return sendPrivatePage(reply, ClaimPage({ locale, ...target, values: {}, errors: {}, hiddenFields: hiddenFields(request, reply) }));
    });

    app.post(
      `/${locale}/supporters/:slug/claim`,
      {
        schema: { hide: true },
        preHandler: verifyCsrf,
        onRequest: joinLimit,
      },
      async (request, reply) => {
        const { slug } = parseParams(slugParamsSchema, request.params);
        const body = (request.body ?? {}) as FormBody;
        if (isHoneypotFilled(body)) return reply.redirect(`/${locale}/join/sent`, 303);
        const stamp = checkFormStamp(secret, body.started);
        const parsed = parseForm(claimFormSchema, body);
        if (stamp !== 'ok' || !parsed.ok) {
          const target = await getClaimTarget(db, slug);
          const errors = parsed.ok ? {} : parsed.errors;
          const notice = stamp === 'ok' ? undefined : t('join.tooFast');
          return sendPrivatePage(reply, ClaimPage({ locale, ...target, values: body, errors, hiddenFields: hiddenFields(request, reply), notice }), 422);
        }
        await submitClaim(deps, { slug, form: parsed.value, locale });
        return reply.redirect(`/${locale}/join/sent`, 303);
      },
    );
  }
}
