import { z } from 'zod';
import { AppError } from '../../app/http/errors.js';
import { parseNotice, parseOrThrow } from '../../app/http/validation.js';
import { pathIdentifier, textInput } from '../../shared/text-input.js';
import type { FastifyInstance } from 'fastify';
import { getActor } from '../../app/auth/auth.plugin.js';
import { csrfField, csrfToken, verifyCsrf } from '../../app/auth/csrf.js';
import { listPasskeys, registerPasskey, registrationOptions, relyingParty, removePasskey } from '../../app/auth/passkeys.js';
import { safeNext } from '../../app/auth/redirects.js';
import { getUser } from '../../app/auth/users.js';
import { isSecretariatRole, type UserActor } from '../../app/authz/actor.js';
import { forbidden, requireUser } from '../../app/authz/guards.js';
import type { AppContext } from '../../app/context.js';
import type { Executor } from '../../app/database/database.js';
import { locales } from '../../app/i18n/i18n.js';
import { accountMessages } from './accounts.messages.js';
import { formText, sendPrivatePage } from '../../app/http/private-page.js';
import { PasskeysPage } from './views/passkeys-page.js';

/**
 * Whether this session may change the account's passkeys. A passkey session may; an e-mail-link session only to
 * enrol the first one. Otherwise whoever reads the mailbox could add their own passkey and reach the back office.
 */
async function mayChangePasskeys(db: Executor, actor: UserActor): Promise<boolean> {
  if (actor.method === 'passkey') return true;
  return (await listPasskeys(db, actor.userId)).length === 0;
}

export async function registerPasskeyPages(app: FastifyInstance, context: AppContext): Promise<void> {
  const { db } = context.database;
  const rp = relyingParty(context.config.publicUrl);

  for (const locale of locales) {
    const t = accountMessages(locale);

    app.get(`/${locale}/account/passkeys`, { schema: { hide: true } }, async (request, reply) => {
      const actor = requireUser(await getActor(request));
      const query = request.query as Record<string, unknown>;
      const done = parseNotice(['added', 'removed'], query);
      const page = PasskeysPage({
        locale,
        passkeys: await listPasskeys(db, actor.userId),
        canEnrol: await mayChangePasskeys(db, actor),
        required: query.required === '1' && isSecretariatRole(actor.role) && actor.method !== 'passkey',
        next: safeNext(query.next, `/${locale}/account/passkeys`),
        csrfField: csrfField(request, reply),
        csrfToken: csrfToken(reply),
        notice: done === 'added' ? t('passkeys.add.done') : done === 'removed' ? t('done.passkeyRemoved') : undefined,
      });
      return sendPrivatePage(reply, page);
    });

    app.post(`/${locale}/account/passkeys/options`, { schema: { hide: true }, preHandler: verifyCsrf }, async (request, reply) => {
      const actor = requireUser(await getActor(request));
      if (!(await mayChangePasskeys(db, actor))) throw forbidden();
      const user = await getUser(db, actor.userId);
      return reply.header('cache-control', 'no-store').send(await registrationOptions(db, rp, user!));
    });

    app.post(`/${locale}/account/passkeys`, { schema: { hide: true }, preHandler: verifyCsrf }, async (request, reply) => {
      const actor = requireUser(await getActor(request));
      if (!(await mayChangePasskeys(db, actor))) throw forbidden();
      const body = (request.body ?? {}) as { response?: unknown; label?: unknown; next?: unknown };
      await registerPasskey(db, {
        rp,
        userId: actor.userId,
        sessionId: actor.sessionId,
        response: body.response as never,
        label: parseOrThrow(z.object({ label: textInput().trim().max(200).optional() }), { label: typeof body.label === 'string' ? body.label : undefined }, locale).label || null,
      });
      const next = safeNext(body.next, `/${locale}/account/passkeys`);
      return reply.header('cache-control', 'no-store').send({ redirect: next === `/${locale}/account/passkeys` ? `${next}?done=added` : next });
    });

    app.post(`/${locale}/account/passkeys/remove`, { schema: { hide: true }, preHandler: verifyCsrf }, async (request, reply) => {
      const actor = requireUser(await getActor(request));
      if (actor.method !== 'passkey' && isSecretariatRole(actor.role)) throw forbidden();
      const passkeyId = pathIdentifier(2048).safeParse(formText(request.body, 'passkey'));
      // Owner-filtered: another person's passkey id removes nothing, and says so.
      if (!passkeyId.success || !(await removePasskey(db, { userId: actor.userId, passkeyId: passkeyId.data }))) {
        throw new AppError('not-found', 404, (l) => accountMessages(l)('passkeys.notFound'));
      }
      return reply.redirect(`/${locale}/account/passkeys?done=removed`, 303);
    });
  }
}
