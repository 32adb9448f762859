import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { getActor, signIn } from '../../app/auth/auth.plugin.js';
import { csrfField, verifyCsrf } from '../../app/auth/csrf.js';
import { safeNext } from '../../app/auth/redirects.js';
import type { Actor } from '../../app/authz/actor.js';
import { authorize } from '../../app/authz/policy.js';
import type { AppContext } from '../../app/context.js';
import { AppError } from '../../app/http/errors.js';
import { formText, sendPrivatePage } from '../../app/http/private-page.js';
import { parseNotice } from '../../app/http/validation.js';
import { locales, type Locale } from '../../app/i18n/i18n.js';
import { registerPrivacyPart } from '../../app/privacy/privacy.js';
import { accountMessages } from './accounts.messages.js';
import { accountPolicies } from './accounts.policies.js';
import { totpPrivacyPart } from './accounts.totp.privacy.js';
import { confirmTotpEnrolment, regenerateRecoveryCodes, removeTotp, startTotpEnrolment, totpStatus, verifySecondFactor, type TotpEnrolment } from './accounts.totp.usecases.js';
import type { AccountsDeps } from './accounts.usecases.js';
import { RecoveryCodesPage, SecondFactorPage, TotpPage } from './views/totp-pages.js';
import { authorizeBeforeBody } from '../../app/authz/before-body.js';

/** Code attempts per client address (each person also has five per quarter hour, counted in the use cases). */
const codeRateLimit = { max: 30, timeWindow: '15 minutes' };

/** A refusal the form shows beside the field (wrong code, too many attempts), with its status. */
function formRefusal(error: unknown, locale: Locale): { message: string; status: number } | null {
  return error instanceof AppError && (error.status === 422 || error.status === 429) ? { message: error.localize(locale), status: error.status } : null;
}

/** The authenticator-app pages: set up and manage it, and the code step after an e-mail link. */
export async function registerTotpPages(app: FastifyInstance, context: AppContext): Promise<void> {
  const deps: AccountsDeps = { db: context.database.db, config: context.config };
  registerPrivacyPart(totpPrivacyPart);

  async function renderSetup(
    request: FastifyRequest,
    reply: FastifyReply,
    locale: Locale,
    actor: Actor,
    extra: { error?: string; notice?: string } = {},
    status = 200,
    known?: Awaited<ReturnType<typeof totpStatus>>,
  ) {
    const status_ = known ?? (await totpStatus(deps, actor));
    let enrolment: TotpEnrolment | null = null;
    if (!status_.enrolled) {
      try {
        enrolment = await startTotpEnrolment(deps, actor);
      } catch (error) {
        // An e-mail-link session of an account that already has a factor may not add one: the page says why.
        if (!(error instanceof AppError && error.status === 403)) throw error;
      }
    }
    const next = safeNext((request.query as Record<string, unknown>).next ?? formText(request.body, 'next'), `/${locale}/account/totp`);
    const page = TotpPage({ locale, enrolled: status_.enrolled ? status_ : null, enrolment, next, csrfField: csrfField(request, reply), ...extra });
    return sendPrivatePage(reply, page, status);
  }

  for (const locale of locales) {
    const t = accountMessages(locale);

    app.get(`/${locale}/account/totp`, { schema: { hide: true } }, async (request, reply) => {
      const actor = await getActor(request);
      const done = parseNotice(['removed', 'recovery'], request.query);
      const current = await totpStatus(deps, actor);
      let notice: string | undefined;
      if (done === 'removed') notice = t('totp.removed');
      if (done === 'recovery') notice = t('secondFactor.recoveryUsed', { count: current.recoveryCodesLeft });
      return renderSetup(request, reply, locale, actor, { notice }, 200, current);
    });

    app.post(`/${locale}/account/totp`, { schema: { hide: true }, ...authorizeBeforeBody(accountPolicies.own), preHandler: verifyCsrf, config: { rateLimit: codeRateLimit } }, async (request, reply) => {
      const actor = authorize(await getActor(request), accountPolicies.own, undefined);
      const next = safeNext(formText(request.body, 'next'), `/${locale}/account/totp`);
      let codes: string[];
      try {
        codes = (await confirmTotpEnrolment(deps, actor, formText(request.body, 'code'))).recoveryCodes;
      } catch (error) {
        const refusal = formRefusal(error, locale);
        if (!refusal) throw error;
        return renderSetup(request, reply, locale, actor, { error: refusal.message }, refusal.status);
      }
      // The session that proved the code is now a two-factor one (a new session: no fixation of the upgraded one).
      if (actor.method === 'email-link') await signIn(request, reply, { userId: actor.userId, method: 'totp' });
      return sendPrivatePage(reply, RecoveryCodesPage({ locale, codes, next }));
    });

    app.post(`/${locale}/account/totp/recovery-codes`, { schema: { hide: true }, ...authorizeBeforeBody(accountPolicies.removeFactor), preHandler: verifyCsrf }, async (request, reply) => {
      const { recoveryCodes } = await regenerateRecoveryCodes(deps, await getActor(request));
      return sendPrivatePage(reply, RecoveryCodesPage({ locale, codes: recoveryCodes, next: `/${locale}/account/totp` }));
    });

    app.post(`/${locale}/account/totp/remove`, { schema: { hide: true }, ...authorizeBeforeBody(accountPolicies.removeFactor), preHandler: verifyCsrf }, async (request, reply) => {
      await removeTotp(deps, await getActor(request));
      return reply.redirect(`/${locale}/account/totp?done=removed`, 303);
    });

    app.get(`/${locale}/sign-in/code`, { schema: { hide: true } }, async (request, reply) => {
      const actor = authorize(await getActor(request), accountPolicies.own, undefined);
      const next = safeNext((request.query as Record<string, unknown>).next, `/${locale}/account`);
      if (actor.method !== 'email-link') return reply.redirect(next, 303);
      return sendPrivatePage(reply, SecondFactorPage({ locale, next, csrfField: csrfField(request, reply) }));
    });

    app.post(`/${locale}/sign-in/code`, { schema: { hide: true }, ...authorizeBeforeBody(accountPolicies.own), preHandler: verifyCsrf, config: { rateLimit: codeRateLimit } }, async (request, reply) => {
      const actor = authorize(await getActor(request), accountPolicies.own, undefined);
      const next = safeNext(formText(request.body, 'next'), `/${locale}/account`);
      try {
        const { via } = await verifySecondFactor(deps, actor, formText(request.body, 'code'));
        await signIn(request, reply, { userId: actor.userId, method: 'totp' });
        // After a recovery code the person sees how many are left (and can make new ones) before going on.
        return reply.header('cache-control', 'no-store').redirect(via === 'recovery' ? `/${locale}/account/totp?done=recovery` : next, 303);
      } catch (error) {
        const refusal = formRefusal(error, locale);
        if (!refusal) throw error;
        return sendPrivatePage(reply, SecondFactorPage({ locale, next, csrfField: csrfField(request, reply), error: refusal.message }), refusal.status);
      }
    });
  }
}
