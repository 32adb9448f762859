/**
 * The acknowledgement link's pages (`token`: the token in the address is the credential, signed in or not; the POST
 * checks CSRF like every form) and the page where a signed-in contact types a spoken code.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { getActor } from '../../app/auth/auth.plugin.js';
import { csrfField, verifyCsrf } from '../../app/auth/csrf.js';
import { authorizeBeforeBody } from '../../app/authz/before-body.js';
import { authorize } from '../../app/authz/policy.js';
import type { AppContext } from '../../app/context.js';
import { AppError } from '../../app/http/errors.js';
import { formText, sendPrivatePage } from '../../app/http/private-page.js';
import { parseParams } from '../../app/http/validation.js';
import { locales, type Locale } from '../../app/i18n/i18n.js';
import { acknowledgeWithCode, acknowledgeWithToken, pingForToken } from './pings.acknowledge.js';
import { pingsMessages } from './pings.messages.js';
import { pingsPolicies } from './pings.policies.js';
import { atInZone } from './pings.time.js';
import { AckPage, CodePage, type AckState } from './views/ack-page.js';

const tokenParams = z.object({ token: z.string().min(1).max(200) });
const statusOf: Record<AckState, number> = { ask: 200, done: 200, already: 200, invalid: 404, expired: 410 };

export async function registerPingsAckPages(app: FastifyInstance, context: AppContext): Promise<void> {
  const { db } = context.database;
  for (const locale of locales) {
    const t = pingsMessages(locale);
    const show = (reply: FastifyReply, token: string, state: AckState, csrf: string, times: { sent?: string; at?: string } = {}) =>
      sendPrivatePage(reply, AckPage({ locale, token, state, csrfField: csrf, ...times }), statusOf[state]);

    app.get(`/${locale}/ping/:token`, { schema: { hide: true } }, async (request, reply) => {
      const { token } = parseParams(tokenParams, request.params);
      const held = await pingForToken({ db, token });
      const csrf = csrfField(request, reply);
      if (!held) return show(reply, token, 'invalid', csrf);
      if (held.ping.acknowledgedAt) return show(reply, token, 'already', csrf, { at: atInZone(locale, held.ping.acknowledgedAt, held.timeZone) });
      if (!held.open) return show(reply, token, 'expired', csrf);
      return show(reply, token, 'ask', csrf, { sent: atInZone(locale, held.ping.sentAt, held.timeZone) });
    });

    app.post(`/${locale}/ping/:token`, { schema: { hide: true }, preHandler: verifyCsrf }, async (request, reply) => {
      const { token } = parseParams(tokenParams, request.params);
      const csrf = csrfField(request, reply);
      try {
        const done = await acknowledgeWithToken({ db, token, via: 'link', actor: await getActor(request) });
        return show(reply, token, done.recorded ? 'done' : 'already', csrf, { at: atInZone(locale, done.acknowledgedAt, done.held.timeZone) });
      } catch (error) {
        if (!(error instanceof AppError) || !error.code.startsWith('pings.')) throw error;
        return show(reply, token, error.status === 410 ? 'expired' : 'invalid', csrf);
      }
    });

    app.get(`/${locale}/cooperation/pings/acknowledge`, { schema: { hide: true } }, async (request, reply) => {
      authorize(await getActor(request), pingsPolicies.view, undefined);
      return sendPrivatePage(reply, CodePage({ locale, csrfField: csrfField(request, reply) }));
    });

    app.post(`/${locale}/cooperation/pings/acknowledge`, { schema: { hide: true }, ...authorizeBeforeBody(pingsPolicies.view), preHandler: verifyCsrf }, async (request, reply) => {
      const code = formText(request.body, 'code');
      const csrf = csrfField(request, reply);
      try {
        const done = await acknowledgeWithCode({ db, actor: await getActor(request), code });
        const message = t(done.recorded ? 'pings.ack.done' : 'pings.ack.already', { at: atInZone(locale as Locale, done.acknowledgedAt, done.held.timeZone) });
        return sendPrivatePage(reply, CodePage({ locale, csrfField: csrf, done: message }));
      } catch (error) {
        if (!(error instanceof AppError) || !error.code.startsWith('pings.')) throw error;
        return sendPrivatePage(reply, CodePage({ locale, csrfField: csrf, code, error: error.localize(locale) }), error.status === 410 ? 410 : 422);
      }
    });
  }
}
