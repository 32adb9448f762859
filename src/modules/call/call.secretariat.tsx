/**
 * The secretariat's form of a principle's names. The route refuses anyone but the secretariat before reading the body;
 * the form carries a CSRF token; bad input is shown beside its field (422) and changes nothing; a rename redirects
 * (303) back to the form with its notice.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { getActor } from '../../app/auth/auth.plugin.js';
import { csrfField, verifyCsrf } from '../../app/auth/csrf.js';
import { authorizeBeforeBody } from '../../app/authz/before-body.js';
import type { AppContext } from '../../app/context.js';
import { sendPrivatePage } from '../../app/http/private-page.js';
import { parseNotice, parseParams } from '../../app/http/validation.js';
import { locales } from '../../app/i18n/i18n.js';
import { callMessages } from './call.messages.js';
import { callPolicies } from './call.policies.js';
import { principleFormSchema, principleParamsSchema } from './call.schemas.js';
import { editPrincipleNames, getPrinciple } from './call.usecases.js';
import { PrincipleFormPage } from './views/principle-form-page.js';

type Values = Record<string, string>;

/** The text fields of a posted body; a repeated field keeps its first value. */
function formValues(body: unknown): Values {
  const values: Values = {};
  for (const [name, value] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string' && name !== '_csrf') values[name] = first;
  }
  return values;
}

/** Zod's issues as `field → catalog key`, the first per field. */
function fieldErrors(error: z.ZodError): Values {
  const errors: Values = {};
  for (const issue of error.issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message.startsWith('principle.error.') ? issue.message : 'principle.error.invalid';
  return errors;
}

export async function registerCallSecretariatPages(app: FastifyInstance, context: AppContext): Promise<void> {
  const { db } = context.database;
  const editor = authorizeBeforeBody(callPolicies.editPrinciple);

  for (const locale of locales) {
    const t = callMessages(locale);
    const path = `/${locale}/secretariat/principles/:number`;

    const form = async (request: FastifyRequest, reply: FastifyReply, state: { values?: Values; errors?: Values }, status = 200, notice?: string) => {
      const { number } = parseParams(principleParamsSchema, request.params);
      const principle = await getPrinciple({ db, number });
      const values = state.values ?? {
        shortNameEn: principle.shortName.en ?? '',
        shortNameFr: principle.shortName.fr ?? '',
        fullNameEn: principle.fullName.en ?? '',
        fullNameFr: principle.fullName.fr ?? '',
      };
      return sendPrivatePage(reply, PrincipleFormPage({ locale, number, csrfField: csrfField(request, reply), values, errors: state.errors, notice }), status);
    };

    app.get(path, { schema: { hide: true }, ...editor }, async (request, reply) =>
      form(request, reply, {}, 200, parseNotice(['saved'] as const, request.query) ? t('principleForm.done') : undefined),
    );

    app.post(path, { schema: { hide: true }, ...editor, preHandler: verifyCsrf }, async (request, reply) => {
      const { number } = parseParams(principleParamsSchema, request.params);
      const values = formValues(request.body);
      const parsed = principleFormSchema.safeParse(values);
      if (!parsed.success) return form(request, reply, { values, errors: fieldErrors(parsed.error) }, 422);
      await editPrincipleNames({ db, events: context.events, actor: await getActor(request), number, form: parsed.data });
      return reply.redirect(`/${locale}/secretariat/principles/${number}?done=saved`, 303);
    });
  }
}
