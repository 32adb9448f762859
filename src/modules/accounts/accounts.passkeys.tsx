import { z } from 'zod';
import { AppError } from '../../app/http/errors.js';
import { parseNotice, parseOrThrow } from '../../app/http/validation.js';
import { pathIdentifier, textInput } from '../../shared/text-input.js';
import type { FastifyInstance } from 'fastify';
import { getActor } from '../../app/auth/auth.plugin.js';
import { csrfField, csrfToken, verifyCsrf } from '../../app/auth/csrf.js';
import { relyingParty } from '../../app/auth/passkeys.js';
import { safeNext } from '../../app/auth/redirects.js';
import type { AppContext } from '../../app/context.js';
import { locales } from '../../app/i18n/i18n.js';
import { authorize } from '../../app/authz/policy.js';
import { accountMessages } from './accounts.messages.js';
import { accountPolicies } from './accounts.policies.js';
import { formText, sendPrivatePage } from '../../app/http/private-page.js';
import { passkeyNotFound } from './accounts.errors.js';
import { enrolPasskey, passkeyEnrolmentOptions, removeOwnPasskey, showOwnPasskeys } from './accounts.passkeys.usecases.js';
import type { AccountsDeps } from './accounts.usecases.js';
import { PasskeysPage } from './views/passkeys-page.js';
import { authorizeBeforeBody } from '../../app/authz/before-body.js';

export async function registerPasskeyPages(app: FastifyInstance, context: AppContext): Promise<void> {
  const deps: AccountsDeps = { db: context.database.db, config: context.config };
  const rp = relyingParty(context.config.publicUrl);

  for (const locale of locales) {
    const t = accountMessages(locale);

    app.get(`/${locale}/account/passkeys`, { schema: { hide: true } }, async (request, reply) => {
      const { passkeys, totp, canEnrol, backOfficeWaits } = await showOwnPasskeys(deps, await getActor(request));
      const query = request.query as Record<string, unknown>;
      const done = parseNotice(['added', 'removed'], query);
      const page = PasskeysPage({
        locale,
        passkeys,
        totp,
        canEnrol,
        required: query.required === '1' && backOfficeWaits,
        next: safeNext(query.next, `/${locale}/account/passkeys`),
        csrfField: csrfField(request, reply),
        csrfToken: csrfToken(reply),
        notice: done === 'added' ? t('passkeys.add.done') : done === 'removed' ? t('done.passkeyRemoved') : undefined,
      });
      return sendPrivatePage(reply, page);
    });

    app.post(`/${locale}/account/passkeys/options`, { schema: { hide: true }, ...authorizeBeforeBody(accountPolicies.own), preHandler: verifyCsrf }, async (request, reply) => {
      return reply.header('cache-control', 'no-store').send(await passkeyEnrolmentOptions(deps, await getActor(request), rp));
    });

    app.post(`/${locale}/account/passkeys`, { schema: { hide: true }, ...authorizeBeforeBody(accountPolicies.own), preHandler: verifyCsrf }, async (request, reply) => {
      const body = (request.body ?? {}) as { response?: unknown; label?: unknown; next?: unknown };
      await enrolPasskey(deps, await getActor(request), {
        rp,
        response: body.response as never,
        label: parseOrThrow(z.object({ label: textInput().trim().max(200).optional() }), { label: typeof body.label === 'string' ? body.label : undefined }, locale).label || null,
      });
      const next = safeNext(body.next, `/${locale}/account/passkeys`);
      return reply.header('cache-control', 'no-store').send({ redirect: next === `/${locale}/account/passkeys` ? `${next}?done=added` : next });
    });

    app.post(`/${locale}/account/passkeys/remove`, { schema: { hide: true }, ...authorizeBeforeBody(accountPolicies.removeFactor), preHandler: verifyCsrf }, async (request, reply) => {
      const actor = authorize(await getActor(request), accountPolicies.removeFactor, undefined);
      const passkeyId = pathIdentifier(2048).safeParse(formText(request.body, 'passkey'));
      if (!passkeyId.success) throw passkeyNotFound();
      await removeOwnPasskey(deps, actor, passkeyId.data);
      return reply.redirect(`/${locale}/account/passkeys?done=removed`, 303);
    });
  }
}
