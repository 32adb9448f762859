/**
 * The secretariat's pages of the Call's framework: the overview (norms, principles, crosswalk, each with its edit link
 * where the visitor may edit it) and a norm's text form. Every route refuses anyone but the secretariat before reading
 * the body; the form carries a CSRF token; bad input is shown beside its field (422) and changes nothing. The account
 * page links here for those who may edit.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { getActor } from '../../app/auth/auth.plugin.js';
import { csrfField, verifyCsrf } from '../../app/auth/csrf.js';
import { authorizeBeforeBody } from '../../app/authz/before-body.js';
import { can } from '../../app/authz/policy.js';
import type { AppContext } from '../../app/context.js';
import { sendPrivatePage } from '../../app/http/private-page.js';
import { parseNotice, parseParams } from '../../app/http/validation.js';
import { escaping, locales } from '../../app/i18n/i18n.js';
import { registerAccountSection } from '../accounts/accounts.sections.js';
import { callPolicies } from '../call/call.policies.js';
import { listPrinciples } from '../call/call.usecases.js';
import { crosswalkPolicies } from './crosswalk/crosswalk.policies.js';
import { listCrosswalk } from './crosswalk/crosswalk.usecases.js';
import { normNotFound } from './norms.errors.js';
import { parseForm, type FormErrors, type FormValues } from './norms.fields.js';
import { normsMessages } from './norms.messages.js';
import { normsPolicies } from './norms.policies.js';
import { normFormSchema, normParamsSchema } from './norms.schemas.js';
import { editNormText, getNorm, listNorms } from './norms.usecases.js';
import { FrameworkPage, NormFormPage, normFormValues } from './views/framework-pages.js';

export async function registerNormsSecretariatPages(app: FastifyInstance, context: AppContext): Promise<void> {
  const { db } = context.database;
  const editor = authorizeBeforeBody(normsPolicies.editNorms);

  registerAccountSection({
    name: 'norms',
    order: 25,
    render: ({ actor, locale }) => {
      if (!can(actor, normsPolicies.editNorms, undefined)) return '';
      const safeT = escaping(normsMessages(locale));
      return (
        <section aria-labelledby="account-framework">
          <h2 id="account-framework">{safeT('framework.title')}</h2>
          <p>
            <a href={`/${locale}/secretariat/norms`}>{safeT('framework.account')}</a>
          </p>
        </section>
      );
    },
  });

  for (const locale of locales) {
    const t = normsMessages(locale);

    app.get(`/${locale}/secretariat/norms`, { schema: { hide: true }, ...editor }, async (request, reply) => {
      const actor = await getActor(request);
      const [norms, principles, crosswalk] = await Promise.all([listNorms({ db }), listPrinciples({ db }), listCrosswalk({ db, page: { offset: 0, limit: 1 } })]);
      const may = {
        editNorms: can(actor, normsPolicies.editNorms, undefined),
        editPrinciples: can(actor, callPolicies.editPrinciple, undefined),
        editCrosswalk: can(actor, crosswalkPolicies.editLinks, undefined),
      };
      return sendPrivatePage(reply, FrameworkPage({ locale, norms: norms.items, principles, linkCount: crosswalk.total, may }));
    });

    const normForm = async (request: FastifyRequest, reply: FastifyReply, state: { values?: FormValues; errors?: FormErrors }, status = 200, notice?: string) => {
      const { code } = parseParams(normParamsSchema, request.params);
      const norm = await getNorm({ db, code });
      if (!norm) throw normNotFound();
      const page = NormFormPage({ locale, norm, csrfField: csrfField(request, reply), values: state.values ?? normFormValues(norm), errors: state.errors, notice });
      return sendPrivatePage(reply, page, status);
    };

    app.get(`/${locale}/secretariat/norms/:code`, { schema: { hide: true }, ...editor }, async (request, reply) =>
      normForm(request, reply, {}, 200, parseNotice(['saved'] as const, request.query) ? t('normForm.done') : undefined),
    );

    app.post(`/${locale}/secretariat/norms/:code`, { schema: { hide: true }, ...editor, preHandler: verifyCsrf }, async (request, reply) => {
      const { code } = parseParams(normParamsSchema, request.params);
      const parsed = parseForm(normFormSchema, request.body, 'norm.error.', 'norm.error.invalid');
      if (!parsed.ok) return normForm(request, reply, parsed, 422);
      await editNormText({ db, events: context.events, actor: await getActor(request), code, form: parsed.value });
      return reply.redirect(`/${locale}/secretariat/norms/${code}?done=saved`, 303);
    });
  }
}
