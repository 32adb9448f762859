/**
 * The registry's pages in every language: the public list and entry (the same for every visitor), and an
 * organisation's entry in the account (its representatives and the secretariat; 404 to anyone else). Form posts
 * redirect (303) with a notice; bad input (a URL that is not https, a key or a security.txt that does not read) is
 * shown beside its field (422) with what was typed, the line of the problem in the message, and nothing is written.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { getActor } from '../../app/auth/auth.plugin.js';
import { csrfField, verifyCsrf } from '../../app/auth/csrf.js';
import { authorizeBeforeBody } from '../../app/authz/before-body.js';
import type { AppContext } from '../../app/context.js';
import { AppError } from '../../app/http/errors.js';
import { formText, sendPrivatePage } from '../../app/http/private-page.js';
import { parseNotice, parseOrThrow, parseParams } from '../../app/http/validation.js';
import { locales } from '../../app/i18n/i18n.js';
import { policyFromForm, type FormErrors } from './disclosure.forms.js';
import { disclosureMessages } from './disclosure.messages.js';
import { disclosurePolicies } from './disclosure.policies.js';
import { presentPolicy } from './disclosure.presenters.js';
import { listPublicPolicies, policyWorkspace, publicPolicy } from './disclosure.queries.js';
import { listQuerySchema, slugParamsSchema, workspaceParamsSchema } from './disclosure.schemas.js';
import { savePolicy, uploadSecurityTxt } from './disclosure.usecases.js';
import { AccountPage, type PolicyFormValues } from './views/account-page.js';
import { EntryPage } from './views/entry-page.js';
import { ListPage } from './views/list-page.js';

const html = 'text/html; charset=utf-8';
const pageSize = 50;
const notices = ['saved', 'uploaded'] as const;

export async function registerDisclosurePages(app: FastifyInstance, context: AppContext): Promise<void> {
  const { db } = context.database;
  const write = { ...authorizeBeforeBody(disclosurePolicies.useAccount), preHandler: verifyCsrf };
  for (const locale of locales) {
    const t = disclosureMessages(locale);

    app.get(`/${locale}/disclosure`, { schema: { hide: true } }, async (request, reply) => {
      const { page, pageSize: _size, policy, ...rest } = parseOrThrow(listQuerySchema, request.query, locale);
      const now = new Date();
      const filters = { ...rest, hasPolicy: policy === undefined ? undefined : policy === 'yes' };
      const list = await listPublicPolicies({ db, filters, now, page: { offset: (page - 1) * pageSize, limit: pageSize } });
      const body = ListPage({ locale, ...list, items: list.items.map((row) => presentPolicy(row, now)), filters: { ...rest, policy }, page, pageSize });
      return reply.type(html).send(body);
    });

    app.get(`/${locale}/disclosure/:slug`, { schema: { hide: true } }, async (request, reply) => {
      const { slug } = parseParams(slugParamsSchema, request.params);
      const row = await publicPolicy({ db, slug });
      return reply.type(html).send(EntryPage({ locale, entry: presentPolicy(row, new Date()) }));
    });

    const accountPath = (supporterId: string) => `/${locale}/account/organisations/${supporterId}/disclosure`;

    const accountPage = async (
      request: FastifyRequest,
      reply: FastifyReply,
      supporterId: string,
      state: { values?: PolicyFormValues; upload?: string; errors?: FormErrors; messages?: Partial<Record<keyof FormErrors, string>>; notice?: string },
      status = 200,
    ) => {
      const workspace = await policyWorkspace({ db, actor: await getActor(request), supporterId });
      const entry = workspace.entry;
      const values = state.values ?? {
        securityTxtUrl: entry ? (entry.securityTxtUrl ?? '') : (workspace.suggestedUrl ?? ''),
        policyUrls: entry?.policyUrls.join('\n') ?? '',
        keys: entry?.contactKeys.map((k) => k.armored).join('\n') ?? '',
      };
      const errors = { ...Object.fromEntries(Object.entries(state.errors ?? {}).map(([k, v]) => [k, t(v)])), ...state.messages };
      const page = AccountPage({
        locale,
        workspace,
        shown: entry ? presentPolicy(entry, new Date()) : null,
        fetchError: entry?.fetchError ?? null,
        csrfField: csrfField(request, reply),
        values,
        upload: state.upload ?? '',
        errors,
        notice: state.notice,
      });
      return sendPrivatePage(reply, page, status);
    };

    app.get(`/${locale}/account/organisations/:supporterId/disclosure`, { schema: { hide: true } }, async (request, reply) => {
      const { supporterId } = parseParams(workspaceParamsSchema, request.params);
      const done = parseNotice(notices, request.query);
      return accountPage(request, reply, supporterId, done ? { notice: t(`disclosure.done.${done}`) } : {});
    });

    app.post(`/${locale}/account/organisations/:supporterId/disclosure`, { schema: { hide: true }, ...write }, async (request, reply) => {
      const { supporterId } = parseParams(workspaceParamsSchema, request.params);
      // Whoever may not manage the entry is told nothing exists, before their input is even read.
      await policyWorkspace({ db, actor: await getActor(request), supporterId });
      const parsed = policyFromForm(request.body);
      if (!parsed.ok) return accountPage(request, reply, supporterId, parsed, 422);
      try {
        await savePolicy({ db, actor: await getActor(request), supporterId, policy: parsed.value });
      } catch (error) {
        if (error instanceof AppError && error.code === 'disclosure.key.invalid') return accountPage(request, reply, supporterId, { values: parsed.values, messages: { keys: error.localize(locale) } }, 422);
        throw error;
      }
      context.events.emit('registry.changed', { reason: 'disclosure.save' });
      return reply.redirect(`${accountPath(supporterId)}?done=saved`, 303);
    });

    app.post(`/${locale}/account/organisations/:supporterId/disclosure/upload`, { schema: { hide: true }, ...write }, async (request, reply) => {
      const { supporterId } = parseParams(workspaceParamsSchema, request.params);
      await policyWorkspace({ db, actor: await getActor(request), supporterId });
      const text = formText(request.body, 'upload');
      try {
        await uploadSecurityTxt({ db, actor: await getActor(request), supporterId, text });
      } catch (error) {
        if (error instanceof AppError && error.code === 'disclosure.security-txt.invalid') return accountPage(request, reply, supporterId, { upload: text, messages: { upload: error.localize(locale) } }, 422);
        throw error;
      }
      context.events.emit('registry.changed', { reason: 'disclosure.upload' });
      return reply.redirect(`${accountPath(supporterId)}?done=uploaded`, 303);
    });
  }
}
