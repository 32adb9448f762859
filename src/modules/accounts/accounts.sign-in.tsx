import { parseOrThrow } from '../../app/http/validation.js';
import { textInput } from '../../shared/text-input.js';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { signIn, signOut } from '../../app/auth/auth.plugin.js';
import { csrfField, csrfToken, verifyCsrf } from '../../app/auth/csrf.js';
import { authenticationOptions, relyingParty, verifyPasskeySignIn } from '../../app/auth/passkeys.js';
import { safeNext } from '../../app/auth/redirects.js';
import { needsSecondFactor } from '../../app/authz/rules.js';
import { isHoneypotFilled } from '../../app/html/honeypot.js';
import type { AppContext } from '../../app/context.js';
import { locales, type Locale } from '../../app/i18n/i18n.js';
import { accountMessages } from './accounts.messages.js';
import { formText, sendPrivatePage } from '../../app/http/private-page.js';
import { peekToken } from '../../app/auth/tokens.js';
import { normalizeEmail } from '../../app/auth/users.js';
import { totpEnrolled } from './accounts.totp.usecases.js';
import { requestSignInLink, signInPurpose, useSignInLink, type AccountsDeps } from './accounts.usecases.js';
import { SignInPage, SignInSentPage, VerifyPage } from './views/sign-in-pages.js';

const emailSchema = z.email().max(254);
/** Sign-in requests per client address: enough for a person, not for an address-probing or mail-bombing script. */
const signInRateLimit = { max: 10, timeWindow: '15 minutes' };
/** Link and passkey ceremonies per client address: a person retries a few times, a token-guessing script many. */
const ceremonyRateLimit = { max: 30, timeWindow: '15 minutes' };

/**
 * Where a fresh session goes: a secretariat member signed in by e-mail link gives the code of their authenticator app,
 * or, without one, enrols a second factor (a passkey first; the page offers the app).
 */
function afterSignIn(locale: Locale, role: string, method: string, next: string | undefined, hasTotp = false): string {
  const target = safeNext(next, `/${locale}/account`);
  if (!needsSecondFactor(role, method)) return target;
  const page = hasTotp ? `/${locale}/sign-in/code` : `/${locale}/account/passkeys`;
  return `${page}?${hasTotp ? '' : 'required=1&'}next=${encodeURIComponent(target)}`;
}

const passkeyResponseId = z.object({ response: z.looseObject({ id: textInput().optional() }).optional() });

export async function registerSignInPages(app: FastifyInstance, context: AppContext): Promise<void> {
  const deps: AccountsDeps = { db: context.database.db, config: context.config };
  const rp = relyingParty(context.config.publicUrl);

  for (const locale of locales) {
    const t = accountMessages(locale);

    app.get(`/${locale}/sign-in`, { schema: { hide: true } }, async (request, reply) => {
      const next = safeNext((request.query as Record<string, unknown>).next, '');
      return sendPrivatePage(reply, SignInPage({ locale, next, csrfField: csrfField(request, reply), csrfToken: csrfToken(reply) }));
    });

    app.post(`/${locale}/sign-in`, { schema: { hide: true }, preHandler: verifyCsrf, config: { rateLimit: signInRateLimit } }, async (request, reply) => {
      const body = request.body;
      const next = safeNext(formText(body, 'next'), '');
      // A filled honeypot gets the usual answer and nothing is sent.
      if (isHoneypotFilled(body)) return reply.redirect(`/${locale}/sign-in/sent`, 303);
      const email = normalizeEmail(formText(body, 'email'));
      if (!emailSchema.safeParse(email).success) {
        const page = SignInPage({ locale, next, email: formText(body, 'email').slice(0, 254), error: t('signIn.email.invalid'), csrfField: csrfField(request, reply), csrfToken: csrfToken(reply) });
        return sendPrivatePage(reply, page, 422);
      }
      await requestSignInLink(deps, { email, locale, next });
      return reply.redirect(`/${locale}/sign-in/sent`, 303);
    });

    app.get(`/${locale}/sign-in/sent`, { schema: { hide: true } }, async (_request, reply) => sendPrivatePage(reply, SignInSentPage({ locale })));

    // The link opens a page with a button: mail scanners prefetch links, and a GET must not use the token.
    app.get(`/${locale}/sign-in/verify`, { schema: { hide: true } }, async (request, reply) => {
      const token = String((request.query as Record<string, unknown>).token ?? '');
      const peek = await peekToken(deps.db, signInPurpose, token);
      return sendPrivatePage(reply, VerifyPage({ locale, token, outcome: peek.status, csrfField: csrfField(request, reply) }), peek.status === 'ok' ? 200 : 410);
    });

    app.post(`/${locale}/sign-in/verify`, { schema: { hide: true }, preHandler: verifyCsrf, config: { rateLimit: ceremonyRateLimit } }, async (request, reply) => {
      const token = formText(request.body, 'token');
      const outcome = await useSignInLink(deps, token);
      if (outcome.status !== 'ok') return sendPrivatePage(reply, VerifyPage({ locale, token: '', outcome: outcome.status, csrfField: '' }), 410);
      await signIn(request, reply, { userId: outcome.userId, method: 'email-link' });
      const hasTotp = await totpEnrolled(deps.db, outcome.userId);
      return reply.header('cache-control', 'no-store').redirect(afterSignIn(locale, outcome.role, 'email-link', outcome.next, hasTotp), 303);
    });

    // Passkey sign-in, for the progressive-enhancement script (JSON in, JSON out; CSRF token in a header).
    app.post(`/${locale}/sign-in/passkey/options`, { schema: { hide: true }, preHandler: verifyCsrf, config: { rateLimit: ceremonyRateLimit } }, async (_request, reply) =>
      reply.header('cache-control', 'no-store').send(await authenticationOptions(deps.db, rp)),
    );

    app.post(`/${locale}/sign-in/passkey`, { schema: { hide: true }, preHandler: verifyCsrf, config: { rateLimit: ceremonyRateLimit } }, async (request, reply) => {
      const body = (request.body ?? {}) as { response?: unknown; next?: unknown };
      // The credential id is looked up in the database: refuse control characters before the query.
      parseOrThrow(passkeyResponseId, body, locale);
      const { userId, role } = await verifyPasskeySignIn(deps.db, { rp, response: body.response as never });
      await signIn(request, reply, { userId, method: 'passkey' });
      return reply.header('cache-control', 'no-store').send({ redirect: afterSignIn(locale, role, 'passkey', typeof body.next === 'string' ? body.next : undefined) });
    });

    app.post(`/${locale}/sign-out`, { schema: { hide: true }, preHandler: verifyCsrf }, async (request, reply) => {
      await signOut(request, reply);
      return reply.header('cache-control', 'no-store').redirect(`/${locale}`, 303);
    });
  }
}
