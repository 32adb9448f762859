/**
 * An organisation's points of contact in its representatives' account, in every language: the list (with the
 * exports), nominating, editing (a form from an older version gets the 409 page with what was typed), withdrawing
 * with a reason, importing a JSON or RFC 2350-style file. The secretariat reads these pages (and the exports) but the
 * forms write only for the organisation's representatives; anyone else is told nothing exists (404).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { getActor } from '../../app/auth/auth.plugin.js';
import { csrfField, verifyCsrf } from '../../app/auth/csrf.js';
import { authorize } from '../../app/authz/policy.js';
import { authorizeBeforeBody } from '../../app/authz/before-body.js';
import type { AppContext } from '../../app/context.js';
import { AppError } from '../../app/http/errors.js';
import { formText, sendPrivatePage } from '../../app/http/private-page.js';
import { parseNotice, parseParams } from '../../app/http/validation.js';
import { isLocale, locales } from '../../app/i18n/i18n.js';
import { contactLimits } from './contacts.constants.js';
import { importRefused } from './contacts.errors.js';
import { rawFromForm, valuesOfBody, valuesOfContact, type FormErrors, type FormValues } from './contacts.forms.js';
import { importContacts } from './contacts.imports.js';
import { organisationJson, organisationRfc2350 } from './contacts.io.js';
import { contactsMessages } from './contacts.messages.js';
import { checkDetails } from './contacts.models.js';
import { contactsPolicies } from './contacts.policies.js';
import { organisationContact, organisationContacts, organisationExport } from './contacts.queries.js';
import { organisationContactParamsSchema, organisationParamsSchema } from './contacts.schemas.js';
import { registerUploads, uploadedText } from './contacts.uploads.js';
import { nominateContact, updateContact, withdrawContact } from './contacts.usecases.js';
import { EditPage, NominationPage, OrganisationPage } from './views/organisation-page.js';

const notices = ['nominated', 'updated', 'withdrawn', 'imported'] as const;
/** Refusals shown above the form, with their status (the rest are error pages). */
const alerts = new Set(['contacts.changed', 'contacts.withdrawn', 'contacts.organisation-not-published', 'contacts.not-representative']);

export async function registerOrganisationPages(app: FastifyInstance, context: AppContext): Promise<void> {
  const { db } = context.database;
  const publicUrl = context.config.publicUrl;
  const write = { schema: { hide: true }, ...authorizeBeforeBody(contactsPolicies.useAccount), preHandler: verifyCsrf };

  await app.register(async (scope) => {
    await registerUploads(scope, contactLimits.importBytes);
    for (const locale of locales) {
      const t = contactsMessages(locale);
      const base = (supporterId: string) => `/${locale}/account/organisations/${supporterId}/contacts`;
      const issuesOf = (errors: Record<string, string>): FormErrors => errors;

      const listPage = async (request: FastifyRequest, reply: FastifyReply, state: { notice?: string; alert?: string; importError?: string }, status = 200) => {
        const { supporterId } = parseParams(organisationParamsSchema, request.params);
        const data = await organisationContacts({ db, actor: await getActor(request), supporterId });
        return sendPrivatePage(reply, OrganisationPage({ locale, organisation: data.organisation, contacts: data.contacts, canWrite: data.canWrite, csrfField: csrfField(request, reply), ...state }), status);
      };

      scope.get(`/${locale}/account/organisations/:supporterId/contacts`, { schema: { hide: true } }, async (request, reply) => {
        const done = parseNotice(notices, request.query);
        return listPage(request, reply, done ? { notice: t(`done.${done}`) } : {});
      });

      const nominationPage = async (request: FastifyRequest, reply: FastifyReply, values: FormValues, errors?: FormErrors, alert?: string, status = 200) => {
        const { supporterId } = parseParams(organisationParamsSchema, request.params);
        const { organisation } = await organisationContacts({ db, actor: await getActor(request), supporterId });
        return sendPrivatePage(reply, NominationPage({ locale, organisation, csrfField: csrfField(request, reply), values, errors, alert }), status);
      };

      scope.get(`/${locale}/account/organisations/:supporterId/contacts/new`, { schema: { hide: true } }, async (request, reply) =>
        nominationPage(request, reply, { attestationDays: '90', timeZone: 'UTC', mailLocale: locale, 'hours-1': '09:00-17:00', 'hours-2': '09:00-17:00', 'hours-3': '09:00-17:00', 'hours-4': '09:00-17:00', 'hours-5': '09:00-17:00' }),
      );

      scope.post(`/${locale}/account/organisations/:supporterId/contacts`, write, async (request, reply) => {
        const { supporterId } = parseParams(organisationParamsSchema, request.params);
        const actor = await getActor(request);
        // Whoever may not nominate is refused before their input is read (404 to strangers, 403 to the secretariat).
        authorize(actor, contactsPolicies.manage, { supporterId });
        const checked = checkDetails(rawFromForm(request.body));
        const values = valuesOfBody(request.body);
        if (!checked.ok) return nominationPage(request, reply, values, issuesOf(checked.errors), undefined, 422);
        const mailLocale = formText(request.body, 'mailLocale');
        try {
          await nominateContact({ db, actor, publicUrl, supporterId, details: checked.value, locale: isLocale(mailLocale) ? mailLocale : locale });
        } catch (error) {
          if (error instanceof AppError && alerts.has(error.code)) return nominationPage(request, reply, values, undefined, error.localize(locale), error.status);
          throw error;
        }
        return reply.redirect(`${base(supporterId)}?done=nominated`, 303);
      });

      const editPage = async (request: FastifyRequest, reply: FastifyReply, state: { values?: FormValues; errors?: FormErrors; alert?: string; withdrawError?: string }, status = 200) => {
        const params = parseParams(organisationContactParamsSchema, request.params);
        const found = await organisationContact({ db, actor: await getActor(request), supporterId: params.supporterId, contactId: params.contact });
        const values = state.values ? { ...state.values, version: state.values.version ?? String(found.contact.version) } : valuesOfContact(found.contact, found.channels);
        return sendPrivatePage(reply, EditPage({ locale, organisation: found.organisation, contact: found.contact, csrfField: csrfField(request, reply), values, errors: state.errors, alert: state.alert, withdrawError: state.withdrawError }), status);
      };

      scope.get(`/${locale}/account/organisations/:supporterId/contacts/:contact/edit`, { schema: { hide: true } }, async (request, reply) => editPage(request, reply, {}));

      scope.post(`/${locale}/account/organisations/:supporterId/contacts/:contact/edit`, write, async (request, reply) => {
        const params = parseParams(organisationContactParamsSchema, request.params);
        const actor = await getActor(request);
        authorize(actor, contactsPolicies.manage, { supporterId: params.supporterId });
        await organisationContact({ db, actor, supporterId: params.supporterId, contactId: params.contact });
        const values = valuesOfBody(request.body);
        const checked = checkDetails(rawFromForm(request.body));
        if (!checked.ok) return editPage(request, reply, { values, errors: issuesOf(checked.errors) }, 422);
        try {
          await updateContact({ db, actor, publicUrl, contactId: params.contact, version: Number(formText(request.body, 'version')), details: checked.value });
        } catch (error) {
          if (error instanceof AppError && alerts.has(error.code)) return editPage(request, reply, { values, alert: error.localize(locale) }, error.status);
          throw error;
        }
        return reply.redirect(`${base(params.supporterId)}?done=updated`, 303);
      });

      scope.post(`/${locale}/account/organisations/:supporterId/contacts/:contact/withdraw`, write, async (request, reply) => {
        const params = parseParams(organisationContactParamsSchema, request.params);
        const actor = await getActor(request);
        authorize(actor, contactsPolicies.manage, { supporterId: params.supporterId });
        await organisationContact({ db, actor, supporterId: params.supporterId, contactId: params.contact });
        const reason = formText(request.body, 'reason').trim();
        if (!reason || reason.length > contactLimits.reason) return editPage(request, reply, { withdrawError: t('error.reason') }, 422);
        await withdrawContact({ db, actor, publicUrl, contactId: params.contact, reason });
        return reply.redirect(`${base(params.supporterId)}?done=withdrawn`, 303);
      });

      scope.post(`/${locale}/account/organisations/:supporterId/contacts/import`, write, async (request, reply) => {
        const { supporterId } = parseParams(organisationParamsSchema, request.params);
        const actor = await getActor(request);
        authorize(actor, contactsPolicies.manage, { supporterId });
        const upload = uploadedText(request.body, 'file', 'text');
        const format = formText(request.body, 'format') === 'rfc2350' ? 'rfc2350' : 'json';
        try {
          if (upload.tooLarge) throw importRefused({ problem: 'import.tooLarge', line: 1 });
          if (!upload.text.trim()) throw importRefused({ problem: 'import.empty', line: 1 });
          await importContacts({ db, actor, publicUrl, supporterId, format, text: upload.text, locale });
        } catch (error) {
          if (error instanceof AppError && (error.code === 'contacts.import-refused' || alerts.has(error.code))) {
            return listPage(request, reply, error.code === 'contacts.import-refused' ? { importError: error.localize(locale) } : { alert: error.localize(locale) }, error.status);
          }
          throw error;
        }
        return reply.redirect(`${base(supporterId)}?done=imported`, 303);
      });

      const download = (name: string, type: string, reply: FastifyReply, body: string) =>
        reply.header('cache-control', 'no-store').header('content-disposition', `attachment; filename="${name}"`).header('x-content-type-options', 'nosniff').type(type).send(body);

      scope.get(`/${locale}/account/organisations/:supporterId/contacts.json`, { schema: { hide: true } }, async (request, reply) => {
        const { supporterId } = parseParams(organisationParamsSchema, request.params);
        const data = await organisationExport({ db, actor: await getActor(request), supporterId });
        return download(`${data.organisation.slug}-contacts.json`, 'application/json; charset=utf-8', reply, JSON.stringify(organisationJson(data, new Date()), null, 2));
      });

      scope.get(`/${locale}/account/organisations/:supporterId/contacts.txt`, { schema: { hide: true } }, async (request, reply) => {
        const { supporterId } = parseParams(organisationParamsSchema, request.params);
        const data = await organisationExport({ db, actor: await getActor(request), supporterId });
        return download(`${data.organisation.slug}-rfc2350.txt`, 'text/plain; charset=utf-8', reply, organisationRfc2350(data, new Date()));
      });
    }
  });
}

