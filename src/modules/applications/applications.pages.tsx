import { textInput } from '../../shared/text-input.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { verifyCsrf } from '../../app/auth/csrf.js';
import { peekToken } from '../../app/auth/tokens.js';
import type { AppContext } from '../../app/context.js';
import { isHoneypotFilled } from '../../app/html/honeypot.js';
import { parseOrThrow } from '../../app/http/validation.js';
import { locales } from '../../app/i18n/i18n.js';
import { listWithdrawnSupporters } from '../supporters/supporters.queries.js';
import { getSupporterForEdit } from '../supporters/supporters.usecases.js';
import { checkFormStamp, formStamp } from './applications.antibot.js';
import { formText, sendPrivatePage, type FormBody } from '../../app/http/private-page.js';
import { csrfField } from '../../app/auth/csrf.js';
import { formSecret, joinBudget, signInFromLink } from './applications.http.js';
import { applicationMessages } from './applications.messages.js';
import { applicationBehindLink } from './applications.queries.js';
import { findEntriesLike } from './applications.claims.js';
import { applicationFormSchema, messageSchema, notListedField, parseForm } from './applications.schemas.js';
import { acceptInvitation, answerInformationRequest, confirmApplication, submitApplication, type ApplicationsDeps } from './applications.usecases.js';
import { JoinPage, JoinSentPage } from './views/join-page.js';
import { LinkFormPage, LinkOutcomePage } from './views/link-pages.js';
import { MatchesPage } from './views/matches-page.js';
import { WithdrawnPage } from './views/withdrawn-page.js';

const tokenQuery = z.object({ token: textInput().max(200).optional() });

/** The public side of joining, in every language: the form, the pages behind e-mailed links, the withdrawals. */
export async function registerApplicationPages(app: FastifyInstance, context: AppContext): Promise<void> {
  const deps: ApplicationsDeps = { db: context.database.db, events: context.events, config: context.config };
  const { db } = context.database;
  const secret = formSecret(context);
  const joinLimit = joinBudget(context);

  for (const locale of locales) {
    const t = applicationMessages(locale);
    const joinHidden = (request: FastifyRequest, reply: FastifyReply) =>
      `${csrfField(request, reply)}<input type="hidden" name="started" value="${formStamp(secret)}">`;

    // ——— Public application form ———
    app.get(`/${locale}/join`, { schema: { hide: true } }, async (request, reply) =>
      sendPrivatePage(reply, JoinPage({ locale, values: {}, errors: {}, hiddenFields: joinHidden(request, reply) })),
    );

    app.post(
      `/${locale}/join`,
      {
        schema: { hide: true },
        preHandler: verifyCsrf,
        onRequest: joinLimit,
      },
      async (request, reply) => {
        const body = (request.body ?? {}) as FormBody;
        if (isHoneypotFilled(body)) return reply.redirect(`/${locale}/join/sent`, 303);
        const stamp = checkFormStamp(secret, body.started);
        const parsed = parseForm(applicationFormSchema, body);
        if (stamp !== 'ok' || !parsed.ok) {
          const errors = parsed.ok ? {} : parsed.errors;
          const notice = stamp === 'ok' ? undefined : t('join.tooFast');
          return sendPrivatePage(reply, JoinPage({ locale, values: body, errors, hiddenFields: joinHidden(request, reply), notice }), 422);
        }
        // Before anything is stored: an organisation already in the registry is offered to claim its entry instead.
        if (formText(body, notListedField) !== 'on') {
          const matches = await findEntriesLike(db, parsed.value);
          if (matches.length) return sendPrivatePage(reply, MatchesPage({ locale, name: parsed.value.name, matches, values: body, csrfField: csrfField(request, reply) }));
        }
        await submitApplication(deps, { form: parsed.value, locale });
        return reply.redirect(`/${locale}/join/sent`, 303);
      },
    );

    app.get(`/${locale}/join/sent`, { schema: { hide: true } }, async (_request, reply) => sendPrivatePage(reply, JoinSentPage({ locale })));

    // ——— Links from e-mails: GET shows a button, POST acts ———
    app.get(`/${locale}/join/confirm`, { schema: { hide: true } }, async (request, reply) => {
      const { token = '' } = parseOrThrow(tokenQuery, request.query, locale);
      const link = await applicationBehindLink(db, 'application.confirm', token);
      if (link.status !== 'ok') return sendPrivatePage(reply, LinkOutcomePage({ locale, kind: 'confirm', outcome: link.status }), 410);
      const { application } = link;
      return sendPrivatePage(reply, LinkFormPage({ locale, kind: 'confirm', token, name: application.name, claim: application.kind === 'claim', hiddenFields: csrfField(request, reply) }));
    });

    app.post(`/${locale}/join/confirm`, { schema: { hide: true }, preHandler: verifyCsrf }, async (request, reply) => {
      const { token = '' } = parseOrThrow(tokenQuery, request.body, locale);
      const result = await confirmApplication(deps, token);
      if (result.status !== 'ok') return sendPrivatePage(reply, LinkOutcomePage({ locale, kind: 'confirm', outcome: result.status }), 410);
      await signInFromLink(request, reply, result.userId);
      return sendPrivatePage(reply, LinkOutcomePage({ locale, kind: 'confirm', outcome: 'confirmed', name: result.application.name }));
    });

    app.get(`/${locale}/join/answer`, { schema: { hide: true } }, async (request, reply) => {
      const { token = '' } = parseOrThrow(tokenQuery, request.query, locale);
      const link = await applicationBehindLink(db, 'application.answer', token);
      if (link.status !== 'ok') return sendPrivatePage(reply, LinkOutcomePage({ locale, kind: 'answer', outcome: link.status }), 410);
      const { application } = link;
      return sendPrivatePage(reply, LinkFormPage({ locale, kind: 'answer', token, name: application.name, question: application.infoRequest, hiddenFields: csrfField(request, reply) }));
    });

    app.post(`/${locale}/join/answer`, { schema: { hide: true }, preHandler: verifyCsrf }, async (request, reply) => {
      const body = (request.body ?? {}) as FormBody;
      const { token = '' } = parseOrThrow(tokenQuery, { token: body.token }, locale);
      const response = parseForm(z.object({ response: messageSchema }), body);
      if (!response.ok) {
        const link = await applicationBehindLink(db, 'application.answer', token);
        if (link.status !== 'ok') return sendPrivatePage(reply, LinkOutcomePage({ locale, kind: 'answer', outcome: link.status }), 410);
        const { application } = link;
        return sendPrivatePage(
          reply,
          LinkFormPage({ locale, kind: 'answer', token, name: application.name, question: application.infoRequest, hiddenFields: csrfField(request, reply), values: { response: String(body.response ?? '') }, errors: response.errors }),
          422,
        );
      }
      const result = await answerInformationRequest(deps, token, response.value.response);
      if (result.status !== 'ok') return sendPrivatePage(reply, LinkOutcomePage({ locale, kind: 'answer', outcome: result.status }), 410);
      return sendPrivatePage(reply, LinkOutcomePage({ locale, kind: 'answer', outcome: 'answered', name: result.application.name }));
    });

    app.get(`/${locale}/join/invitation`, { schema: { hide: true } }, async (request, reply) => {
      const { token = '' } = parseOrThrow(tokenQuery, request.query, locale);
      const peek = await peekToken(db, 'representative.invite', token);
      if (peek.status !== 'ok') return sendPrivatePage(reply, LinkOutcomePage({ locale, kind: 'invitation', outcome: peek.status }), 410);
      const supporter = await getSupporterForEdit(db, peek.token.subjectId);
      if (!supporter || supporter.status !== 'published') return sendPrivatePage(reply, LinkOutcomePage({ locale, kind: 'invitation', outcome: 'expired' }), 410);
      return sendPrivatePage(reply, LinkFormPage({ locale, kind: 'invitation', token, name: supporter.name, hiddenFields: csrfField(request, reply) }));
    });

    app.post(`/${locale}/join/invitation`, { schema: { hide: true }, preHandler: verifyCsrf }, async (request, reply) => {
      const { token = '' } = parseOrThrow(tokenQuery, request.body, locale);
      const result = await acceptInvitation(deps, token, locale);
      if (result.status !== 'ok') return sendPrivatePage(reply, LinkOutcomePage({ locale, kind: 'invitation', outcome: result.status }), 410);
      await signInFromLink(request, reply, result.userId);
      const supporter = await getSupporterForEdit(db, result.supporterId);
      return sendPrivatePage(reply, LinkOutcomePage({ locale, kind: 'invitation', outcome: 'accepted', name: supporter?.name ?? '' }));
    });

    // ——— Public history of withdrawals ———
    app.get(`/${locale}/supporters/withdrawn`, { schema: { hide: true } }, async (request, reply) =>
      context.cache.send(request, reply, 'text/html; charset=utf-8', async () => WithdrawnPage({ locale, rows: await listWithdrawnSupporters({ db }) })),
    );

  }
}
