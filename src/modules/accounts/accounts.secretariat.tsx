import { parseParams } from '../../app/http/validation.js';
import { pathIdentifier, textInput } from '../../shared/text-input.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { getActor } from '../../app/auth/auth.plugin.js';
import { csrfField, verifyCsrf } from '../../app/auth/csrf.js';
import { normalizeEmail } from '../../app/auth/users.js';
import { roles, type Actor } from '../../app/authz/actor.js';
import type { AppContext } from '../../app/context.js';
import { AppError } from '../../app/http/errors.js';
import { locales, type Locale } from '../../app/i18n/i18n.js';
import { authorize } from '../../app/authz/policy.js';
import { accountMessages } from './accounts.messages.js';
import { accountPolicies } from './accounts.policies.js';
import { formText, sendPrivatePage } from '../../app/http/private-page.js';
import { addSecretariatUser, changeUserRole, changeUserStatus, listSecretariatUsers } from './accounts.users.usecases.js';
import type { AccountsDeps } from './accounts.usecases.js';
import { UsersPage } from './views/users-page.js';
import { authorizeBeforeBody } from '../../app/authz/before-body.js';

const addSchema = z.object({ email: z.email().max(254), name: textInput().trim().max(200), role: z.enum(roles) });

const userParams = z.object({ id: pathIdentifier(64) });

/** Refuses a non-administrator before the form is read (the use case authorizes again, as every use case does). */
const authorizeAdmin = (actor: Actor) => authorize(actor, accountPolicies.manageUsers, undefined);

/** Administrators manage the secretariat's accounts; every change is audited by the user use cases. */
export async function registerSecretariatUserPages(app: FastifyInstance, context: AppContext): Promise<void> {
  const deps: AccountsDeps = { db: context.database.db, config: context.config };

  async function render(request: FastifyRequest, reply: FastifyReply, locale: Locale, actor: Actor, extra: { error?: string; values?: { email?: string; name?: string } } = {}, status = 200) {
    const t = accountMessages(locale);
    const done = (request.query as Record<string, unknown> | undefined)?.done === '1';
    const { admin, users } = await listSecretariatUsers(deps, actor);
    const page = UsersPage({
      locale,
      users,
      currentUserId: admin.userId,
      csrfField: csrfField(request, reply),
      notice: done ? t('users.done') : undefined,
      ...extra,
    });
    return sendPrivatePage(reply, page, status);
  }

  /** Runs a change; an expected refusal (the last administrator) re-renders the page with its message. */
  async function change(request: FastifyRequest, reply: FastifyReply, locale: Locale, actor: Actor, run: () => Promise<unknown>) {
    try {
      await run();
    } catch (error) {
      if (error instanceof AppError && error.status < 500) return render(request, reply, locale, actor, { error: error.localize(locale) }, error.status);
      throw error;
    }
    return reply.redirect(`/${locale}/secretariat/users?done=1`, 303);
  }

  for (const locale of locales) {
    const t = accountMessages(locale);
    app.get(`/${locale}/secretariat/users`, { schema: { hide: true } }, async (request, reply) => {
      return render(request, reply, locale, await getActor(request));
    });

    app.post(`/${locale}/secretariat/users`, { schema: { hide: true }, ...authorizeBeforeBody(accountPolicies.manageUsers), preHandler: verifyCsrf }, async (request, reply) => {
      const actor = await getActor(request);
      authorizeAdmin(actor);
      const values = { email: normalizeEmail(formText(request.body, 'email')), name: formText(request.body, 'name'), role: formText(request.body, 'role') };
      const parsed = addSchema.safeParse(values);
      if (!parsed.success) return render(request, reply, locale, actor, { error: t('signIn.email.invalid'), values }, 422);
      return change(request, reply, locale, actor, () =>
        addSecretariatUser(deps, actor, { email: parsed.data.email, name: parsed.data.name, role: parsed.data.role, locale }),
      );
    });

    app.post(`/${locale}/secretariat/users/:id/role`, { schema: { hide: true }, ...authorizeBeforeBody(accountPolicies.manageUsers), preHandler: verifyCsrf }, async (request, reply) => {
      const actor = await getActor(request);
      authorizeAdmin(actor);
      const role = z.enum(roles).safeParse(formText(request.body, 'role'));
      const { id: userId } = parseParams(userParams, request.params);
      if (!role.success) return render(request, reply, locale, actor, { error: t('users.role') }, 422);
      return change(request, reply, locale, actor, () => changeUserRole(deps, actor, { userId, role: role.data }));
    });

    app.post(`/${locale}/secretariat/users/:id/status`, { schema: { hide: true }, ...authorizeBeforeBody(accountPolicies.manageUsers), preHandler: verifyCsrf }, async (request, reply) => {
      const actor = await getActor(request);
      authorizeAdmin(actor);
      const status = formText(request.body, 'status') === 'active' ? 'active' : 'disabled';
      const { id: userId } = parseParams(userParams, request.params);
      return change(request, reply, locale, actor, () => changeUserStatus(deps, actor, { userId, status }));
    });
  }
}
