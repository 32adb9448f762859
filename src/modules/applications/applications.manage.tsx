import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { verifyCsrf } from '../../app/auth/csrf.js';
import type { AppContext } from '../../app/context.js';
import { AppError } from '../../app/http/errors.js';
import { parseNotice, parseParams } from '../../app/http/validation.js';
import { pathIdentifier } from '../../shared/text-input.js';
import { locales } from '../../app/i18n/i18n.js';
import { sendPrivatePage, type FormBody } from '../../app/http/private-page.js';
import { getActor } from '../../app/auth/auth.plugin.js';
import { csrfField } from '../../app/auth/csrf.js';
import { applicationMessages } from './applications.messages.js';
import { entryToManage } from './applications.queries.js';
import { decisionReasonSchema, parseForm, publicFieldsSchema } from './applications.schemas.js';
import { inviteRepresentative, proposeEdit, withdrawFromRegistry, type ApplicationsDeps } from './applications.usecases.js';
import { ManagePage } from './views/manage-page.js';
import { authorizeBeforeBody } from '../../app/authz/before-body.js';
import { applicationPolicies } from './applications.policies.js';

/** Representatives (and the secretariat) manage a published entry: propose changes, invite a colleague, withdraw. */
export async function registerManagePages(app: FastifyInstance, context: AppContext): Promise<void> {
  const deps: ApplicationsDeps = { db: context.database.db, events: context.events, config: context.config };
  const { db } = context.database;

  for (const locale of locales) {
    const t = applicationMessages(locale);
    const manageParams = z.object({ supporterId: pathIdentifier(64) });
    const renderManage = async (request: FastifyRequest, reply: FastifyReply, supporterId: string, extra: Partial<Parameters<typeof ManagePage>[0]> = {}, status = 200) => {
      const entry = await entryToManage(db, await getActor(request), supporterId);
      if (!entry) throw new AppError('not-found', 404, (l) => applicationMessages(l)('link.invalid.title'));
      return sendPrivatePage(reply, ManagePage({ locale, ...entry, hiddenFields: csrfField(request, reply), ...extra }), status);
    };

    app.get(`/${locale}/account/organisations/:supporterId`, { schema: { hide: true } }, async (request, reply) => {
      const { supporterId } = parseParams(manageParams, request.params);
      const done = parseNotice(['edit', 'nothing'], request.query);
      return renderManage(request, reply, supporterId, { notice: done && t(done === 'edit' ? 'manage.edit.sent' : 'manage.edit.nothing') });
    });

    app.post(`/${locale}/account/organisations/:supporterId/edit`, { schema: { hide: true }, ...authorizeBeforeBody(applicationPolicies.ownAccount), preHandler: verifyCsrf }, async (request, reply) => {
      const { supporterId } = parseParams(manageParams, request.params);
      const body = (request.body ?? {}) as FormBody;
      const parsed = parseForm(publicFieldsSchema, body);
      if (!parsed.ok) return renderManage(request, reply, supporterId, { form: 'edit', values: body, errors: parsed.errors }, 422);
      const { applicationId } = await proposeEdit(deps, await getActor(request), { supporterId, fields: parsed.value, locale });
      return reply.redirect(`/${locale}/account/organisations/${supporterId}?done=${applicationId ? 'edit' : 'nothing'}`, 303);
    });

    app.post(
      `/${locale}/account/organisations/:supporterId/invite`,
      { schema: { hide: true }, ...authorizeBeforeBody(applicationPolicies.ownAccount), preHandler: verifyCsrf, config: { rateLimit: { max: 30, timeWindow: '1 hour' } } },
      async (request, reply) => {
        const { supporterId } = parseParams(manageParams, request.params);
        const body = (request.body ?? {}) as FormBody;
        const parsed = parseForm(z.object({ email: z.string().trim().toLowerCase().pipe(z.email({ error: 'email.invalid' })) }), body);
        if (!parsed.ok) return renderManage(request, reply, supporterId, { form: 'invite', values: body, errors: parsed.errors }, 422);
        await inviteRepresentative(deps, await getActor(request), { supporterId, email: parsed.value.email, locale });
        return renderManage(request, reply, supporterId, { notice: t('manage.invite.sent', { email: parsed.value.email }) });
      },
    );

    app.post(`/${locale}/account/organisations/:supporterId/withdraw`, { schema: { hide: true }, ...authorizeBeforeBody(applicationPolicies.ownAccount), preHandler: verifyCsrf }, async (request, reply) => {
      const { supporterId } = parseParams(manageParams, request.params);
      const body = (request.body ?? {}) as FormBody;
      const parsed = parseForm(z.object({ reason: decisionReasonSchema, confirm: z.string({ error: 'confirm.required' }).refine((v) => v === 'on', { error: 'confirm.required' }) }), body);
      if (!parsed.ok) return renderManage(request, reply, supporterId, { form: 'withdraw', values: body, errors: parsed.errors }, 422);
      await withdrawFromRegistry(deps, await getActor(request), { supporterId, reason: parsed.value.reason });
      // A notice code, never text: the account page shows only the notices it knows.
      return reply.redirect(`/${locale}/account?done=withdrawn`, 303);
    });

  }
}
