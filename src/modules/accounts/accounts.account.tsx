import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { recordAudit } from '../../app/audit/audit.js';
import { getActor, signOut } from '../../app/auth/auth.plugin.js';
import { csrfField, verifyCsrf } from '../../app/auth/csrf.js';
import { listPasskeys } from '../../app/auth/passkeys.js';
import { listSessions, revokeSession } from '../../app/auth/sessions.js';
import { getUser, normalizeEmail, updateProfile } from '../../app/auth/users.js';
import type { UserActor } from '../../app/authz/actor.js';
import { requireUser } from '../../app/authz/guards.js';
import type { AppContext } from '../../app/context.js';
import { isLocale, locales, type Locale } from '../../app/i18n/i18n.js';
import { exportPersonalData } from '../../app/privacy/privacy.js';
import { accountMessages } from './accounts.messages.js';
import { AppError } from '../../app/http/errors.js';
import { parseNotice } from '../../app/http/validation.js';
import { pathIdentifier, textInput } from '../../shared/text-input.js';
import { formText, sendPrivatePage } from '../../app/http/private-page.js';
import { renderAccountSections } from './accounts.sections.js';
import { eraseOwnAccount, type AccountsDeps } from './accounts.usecases.js';
import { AccountPage, ErasedPage } from './views/account-page.js';

/** The notices `?done=` may name; anything else shows none (never the query's own text). */
const notices = ['profile', 'revoked', 'passkeyRemoved', 'signedIn', 'withdrawn'] as const;
/** The input is limited to 200 characters (maxlength); a longer one is cut, as before, not refused. */
const profileName = textInput().transform((name) => name.slice(0, 200));

/** The account page and its forms: profile, sessions, data download, erasure. */
export async function registerAccountPages(app: FastifyInstance, context: AppContext): Promise<void> {
  const deps: AccountsDeps = { db: context.database.db, config: context.config };
  const { db } = deps;

  async function renderAccount(request: FastifyRequest, reply: FastifyReply, locale: Locale, actor: UserActor, extra: { eraseError?: string; profileError?: string } = {}, status = 200) {
    const t = accountMessages(locale);
    const user = await getUser(db, actor.userId);
    const field_ = csrfField(request, reply);
    const done = parseNotice(notices, request.query);
    const sections = await renderAccountSections({ db, actor, locale, request, reply, csrfField: field_ });
    const page = AccountPage({
      locale,
      actor,
      name: user?.name ?? null,
      preferredLocale: isLocale(user?.locale) ? user.locale : locale,
      sessions: await listSessions(db, actor.userId),
      passkeyCount: (await listPasskeys(db, actor.userId)).length,
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
      const actor = requireUser(await getActor(request));
      return renderAccount(request, reply, locale, actor);
    });

    app.post(`/${locale}/account/profile`, { schema: { hide: true }, preHandler: verifyCsrf }, async (request, reply) => {
      const actor = requireUser(await getActor(request));
      const preferred = formText(request.body, 'locale');
      const name = profileName.safeParse(formText(request.body, 'name'));
      if (!name.success) return renderAccount(request, reply, locale, actor, { profileError: t('account.profile.nameInvalid') }, 422);
      await db.transaction((tx) => updateProfile(tx, { userId: actor.userId, name: name.data, locale: isLocale(preferred) ? preferred : actor.locale }));
      return reply.redirect(`/${locale}/account?done=profile`, 303);
    });

    app.post(`/${locale}/account/sessions/revoke`, { schema: { hide: true }, preHandler: verifyCsrf }, async (request, reply) => {
      const actor = requireUser(await getActor(request));
      const sessionId = pathIdentifier(200).safeParse(formText(request.body, 'session'));
      // Owner-filtered: another person's session id (or one already signed out) changes nothing, and says so.
      if (!sessionId.success || !(await revokeSession(db, { userId: actor.userId, sessionId: sessionId.data }))) {
        throw new AppError('not-found', 404, (l) => accountMessages(l)('account.sessions.notFound'));
      }
      await recordAudit(db, { actor: `user:${actor.userId}`, action: 'auth.revoke-session', subject: actor.userId });
      if (sessionId.data === actor.sessionId) {
        await signOut(request, reply);
        return reply.redirect(`/${locale}/sign-in`, 303);
      }
      return reply.redirect(`/${locale}/account?done=revoked`, 303);
    });

    // GDPR art. 15: a download, read-only; only the person's own session can fetch it.
    app.get(`/${locale}/account/data.json`, { schema: { hide: true } }, async (request, reply) => {
      const actor = requireUser(await getActor(request));
      const data = await exportPersonalData(db, actor.userId);
      await recordAudit(db, { actor: `user:${actor.userId}`, action: 'privacy.export', subject: actor.userId });
      return reply
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="pariscall-personal-data-${data.exportedAt.slice(0, 10)}.json"`)
        .type('application/json; charset=utf-8')
        .send(JSON.stringify(data, null, 2));
    });

    app.post(`/${locale}/account/erase`, { schema: { hide: true }, preHandler: verifyCsrf }, async (request, reply) => {
      const actor = requireUser(await getActor(request));
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
