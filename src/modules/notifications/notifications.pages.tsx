/**
 * The subscriptions page of the account (every group, what one receives from it, a form per group; `?group=<slug>`
 * opens it to follow that group, as the group's page links) and the unsubscribe link's pages. Form posts redirect (303)
 * with a notice; a refused choice is shown beside its field (422) and changes nothing.
 *
 * CSRF: every form route here checks its token (`verifyCsrf`) except `POST /:locale/unsubscribe/:token`, the RFC 8058
 * one-click: a mail client posts `List-Unsubscribe=One-Click` to the header's URL with no cookie and no form token, so
 * the signed token in the address is the credential. It only ever turns mail off, for the person the token names.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { getActor } from '../../app/auth/auth.plugin.js';
import { csrfField, verifyCsrf } from '../../app/auth/csrf.js';
import { resolveSecretKey } from '../../app/auth/secret.js';
import { authorizeBeforeBody } from '../../app/authz/before-body.js';
import type { AppContext } from '../../app/context.js';
import { AppError } from '../../app/http/errors.js';
import { formText, sendPrivatePage } from '../../app/http/private-page.js';
import { parseParams } from '../../app/http/validation.js';
import { locales } from '../../app/i18n/i18n.js';
import { groupName } from './notifications.emails.js';
import { notificationsMessages } from './notifications.messages.js';
import { notificationsPolicies } from './notifications.policies.js';
import { subscriptionsOf, type GroupSubscription } from './notifications.queries.js';
import { chooseFrequency, readUnsubscribeLink, unsubscribeWithLink } from './notifications.usecases.js';
import { SubscriptionsPage, type SubscriptionsPageProps } from './views/subscriptions-page.js';
import { UnsubscribePage } from './views/unsubscribe-page.js';

const slugQuery = z.object({ group: z.string().max(100).optional(), done: z.literal('saved').optional() });
const tokenParams = z.object({ token: z.string().min(1).max(200) });

export async function registerNotificationsPages(app: FastifyInstance, context: AppContext): Promise<void> {
  const { db } = context.database;
  const secretKey = resolveSecretKey(context.config);

  for (const locale of locales) {
    const t = notificationsMessages(locale);

    const page = async (
      request: FastifyRequest,
      reply: FastifyReply,
      state: Omit<SubscriptionsPageProps, 'locale' | 'rows' | 'csrfField'>,
      status = 200,
      read?: GroupSubscription[],
    ) => {
      const rows = read ?? (await subscriptionsOf({ db, actor: await getActor(request) }));
      return sendPrivatePage(reply, SubscriptionsPage({ locale, rows, csrfField: csrfField(request, reply), ...state }), status);
    };

    app.get(`/${locale}/account/subscriptions`, { schema: { hide: true } }, async (request, reply) => {
      const query = slugQuery.safeParse(request.query ?? {});
      const { group, done } = query.success ? query.data : {};
      const rows = await subscriptionsOf({ db, actor: await getActor(request) });
      const saved = done ? rows.find((row) => row.group.slug === group) : undefined;
      const notice = saved ? t('notifications.done.saved', { group: groupName(saved.group, locale), frequency: t(`notifications.frequency.${saved.frequency}`) }) : undefined;
      return page(request, reply, { selected: group, notice }, 200, rows);
    });

    app.post(
      `/${locale}/account/subscriptions`,
      { schema: { hide: true }, ...authorizeBeforeBody(notificationsPolicies.manageOwn), preHandler: verifyCsrf },
      async (request, reply) => {
        const actor = await getActor(request);
        const group = formText(request.body, 'group');
        const frequency = formText(request.body, 'frequency');
        try {
          await chooseFrequency({ db, actor, groupSlug: group, frequency });
          return reply.redirect(`/${locale}/account/subscriptions?group=${encodeURIComponent(group)}&done=saved`, 303);
        } catch (error) {
          if (!(error instanceof AppError) || !error.code.startsWith('notifications.')) throw error;
          return page(request, reply, { selected: group, error: { group, message: error.localize(locale), frequency } }, error.status);
        }
      },
    );

    const unsubscribePage = async (reply: FastifyReply, token: string, post: boolean) => {
      if (post) {
        const outcome = await unsubscribeWithLink({ db, secretKey, token });
        if (!outcome.ok) return sendPrivatePage(reply, UnsubscribePage({ locale, token, state: 'invalid', groupName: null }), 404);
      }
      const link = await readUnsubscribeLink({ db, secretKey, token });
      if (!link) return sendPrivatePage(reply, UnsubscribePage({ locale, token, state: 'invalid', groupName: null }), 404);
      return sendPrivatePage(reply, UnsubscribePage({ locale, token, state: post ? 'done' : 'ask', groupName: link.group ? groupName(link.group, locale) : null }));
    };

    app.get(`/${locale}/unsubscribe/:token`, { schema: { hide: true } }, async (request, reply) => {
      const { token } = parseParams(tokenParams, request.params);
      return unsubscribePage(reply, token, false);
    });

    // No verifyCsrf: see the header. RFC 8058 asks mail clients to post `List-Unsubscribe=One-Click` as
    // multipart/form-data (or urlencoded): this route's own scope accepts a small multipart body and ignores it, as it
    // ignores the urlencoded one; the token in the address is all it acts on.
    await app.register(async (scope) => {
      scope.addContentTypeParser('multipart/form-data', { parseAs: 'string', bodyLimit: 4096 }, (_request, _body, done) => done(null, {}));
      scope.post(`/${locale}/unsubscribe/:token`, { schema: { hide: true } }, async (request, reply) => {
        const { token } = parseParams(tokenParams, request.params);
        return unsubscribePage(reply, token, true);
      });
    });
  }
}
