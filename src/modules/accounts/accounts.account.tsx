import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { getActor, signOut } from '../../app/auth/auth.plugin.js';
import { csrfField, verifyCsrf } from '../../app/auth/csrf.js';
import { normalizeEmail } from '../../app/auth/users.js';
import type { Actor } from '../../app/authz/actor.js';
import { authorize } from '../../app/authz/policy.js';
import type { AppContext } from '../../app/context.js';
import { isLocale, locales, type Locale } from '../../app/i18n/i18n.js';
import { accountMessages } from './accounts.messages.js';
import { accountPolicies } from './accounts.policies.js';
import { sessionNotFound } from './accounts.errors.js';
import { parseNotice } from '../../app/http/validation.js';
import { pathIdentifier, textInput } from '../../shared/text-input.js';
import { formText, sendPrivatePage } from '../../app/http/private-page.js';
import { renderAccountSections } from './accounts.sections.js';
import { eraseOwnAccount, exportOwnData, revokeOwnSession, showOwnAccount, updateOwnProfile, type AccountsDeps } from './accounts.usecases.js';
import { AccountPage, ErasedPage } from './views/account-page.js';
import { authorizeBeforeBody } from '../../app/authz/before-body.js';

/** The notices `?done=` may name; anything else shows none (never the query's own text). */
const notices = ['profile', 'revoked', 'passkeyRemoved', 'signedIn', 'withdrawn'] as const;
/** The input is limited to 200 characters (maxlength); a longer one is cut, as before, not refused. */
const profileName = textInput().transform((name) => name.slice(0, 200));

/** The account page and its forms: profile, sessions, data download, erasure. */
export async function registerAccountPages(app: FastifyInstance, context: AppContext): Promise<void> {
  const deps: AccountsDeps = { db: context.database.db, config: context.config };
  const { db } = deps;

  async function renderAccount(request: FastifyRequest, reply: FastifyReply, locale: Locale, someone: Actor, extra: { eraseError?: string; profileError?: string } = {}, status = 200) {
    const t = accountMessages(locale);
    const { user: actor, profile: user, sessions, passkeyCount } = await showOwnAccount(deps, someone);
    const field_ = csrfField(request, reply);
    const done = parseNotice(notices, request.query);
    const sections = await renderAccountSections({ db, actor, locale, request, reply, csrfField: field_ });
    const page = AccountPage({
      locale,
      actor,
      name: user?.name ?? null,
      preferredLocale: isLocale(user?.locale) ? user.locale : locale,
      sessions,
      passkeyCount,
      sections,
      csrfField: field_,
      notice: done && t(`done.${done}`),
      ...extra,
    });
    return sendPrivatePage(reply, page, status);
  }

  for (const locale of locales) {
    const t = accountMessages(locale);

    app.get(`/${locale}/account`, { schema: { hide: true } }, async (request, reply) => {
      return renderAccount(request, reply, locale, await getActor(request));
    });

    app.post(`/${locale}/account/profile`, { schema: { hide: true }, ...authorizeBeforeBody(accountPolicies.own), preHandler: verifyCsrf }, async (request, reply) => {
      const actor = authorize(await getActor(request), accountPolicies.own, undefined);
      const preferred = formText(request.body, 'locale');
      const name = profileName.safeParse(formText(request.body, 'name'));
      if (!name.success) return renderAccount(request, reply, locale, actor, { profileError: t('account.profile.nameInvalid') }, 422);
      await updateOwnProfile(deps, actor, { name: name.data, locale: isLocale(preferred) ? preferred : actor.locale });
      return reply.redirect(`/${locale}/account?done=profile`, 303);
    });

    app.post(`/${locale}/account/sessions/revoke`, { schema: { hide: true }, ...authorizeBeforeBody(accountPolicies.own), preHandler: verifyCsrf }, async (request, reply) => {
      const actor = authorize(await getActor(request), accountPolicies.own, undefined);
      const sessionId = pathIdentifier(200).safeParse(formText(request.body, 'session'));
      if (!sessionId.success) throw sessionNotFound();
      const { current } = await revokeOwnSession(deps, actor, sessionId.data);
      if (current) {
        await signOut(request, reply);
        return reply.redirect(`/${locale}/sign-in`, 303);
      }
      return reply.redirect(`/${locale}/account?done=revoked`, 303);
    });

    // GDPR art. 15: a download, read-only; only the person's own session can fetch it.
    app.get(`/${locale}/account/data.json`, { schema: { hide: true } }, async (request, reply) => {
      const data = await exportOwnData(deps, await getActor(request));
      return reply
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="pariscall-personal-data-${data.exportedAt.slice(0, 10)}.json"`)
        .type('application/json; charset=utf-8')
        .send(JSON.stringify(data, null, 2));
    });

    app.post(`/${locale}/account/erase`, { schema: { hide: true }, ...authorizeBeforeBody(accountPolicies.own), preHandler: verifyCsrf }, async (request, reply) => {
      const actor = authorize(await getActor(request), accountPolicies.own, undefined);
      if (normalizeEmail(formText(request.body, 'confirm')) !== actor.email) {
        return renderAccount(request, reply, locale, actor, { eraseError: t('account.erase.mismatch') }, 422);
      }
      if ((await eraseOwnAccount(deps, actor)) === 'last-admin') {
        return renderAccount(request, reply, locale, actor, { eraseError: t('account.erase.lastAdmin') }, 409);
      }
      await signOut(request, reply);
      return reply.redirect(`/${locale}/account/erased`, 303);
    });

    app.get(`/${locale}/account/erased`, { schema: { hide: true } }, async (_request, reply) => sendPrivatePage(reply, ErasedPage({ locale })));
  }
}
