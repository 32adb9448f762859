/**
 * The secretariat's crosswalk pages: the links with the form to add one, one link's rationale, and its removal (a
 * ticked confirmation). Every route refuses anyone but the secretariat before reading the body; forms carry a CSRF
 * token; bad input is shown beside its field (422) and changes nothing; a change redirects (303) with its notice.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { getActor } from '../../../app/auth/auth.plugin.js';
import { csrfField, verifyCsrf } from '../../../app/auth/csrf.js';
import { authorizeBeforeBody } from '../../../app/authz/before-body.js';
import type { AppContext } from '../../../app/context.js';
import { AppError } from '../../../app/http/errors.js';
import { sendPrivatePage } from '../../../app/http/private-page.js';
import { parseNotice, parseParams } from '../../../app/http/validation.js';
import { locales } from '../../../app/i18n/i18n.js';
import { listPrinciples } from '../../call/call.usecases.js';
import { formValues, parseForm } from '../norms.fields.js';
import { listNorms } from '../norms.usecases.js';
import { crosswalkMessages } from './crosswalk.messages.js';
import { linkKey } from './crosswalk.models.js';
import { crosswalkPolicies } from './crosswalk.policies.js';
import { linkParamsSchema, newLinkFormSchema, rationaleFormSchema, removeFormSchema } from './crosswalk.schemas.js';
import { addCrosswalkLink, editCrosswalkLink, getCrosswalkLink, listCrosswalk, removeCrosswalkLink } from './crosswalk.usecases.js';
import { CrosswalkEditPage, LinkEditPage, type FormState } from './views/crosswalk-edit-pages.js';

const notices = ['added', 'edited', 'removed'] as const;
const invalid = 'crosswalk.error.invalid';
/** A refusal of the use case that concerns the norm chosen: shown beside that field. */
const normFieldErrors: Record<string, string> = { 'norms.crosswalk.exists': 'crosswalk.error.exists', 'norms.crosswalk.unknown-norm': 'crosswalk.error.norm' };

export async function registerCrosswalkSecretariatPages(app: FastifyInstance, context: AppContext): Promise<void> {
  const { db } = context.database;
  const { events } = context;
  const editor = authorizeBeforeBody(crosswalkPolicies.editLinks);
  const writer = { ...editor, preHandler: verifyCsrf };

  for (const locale of locales) {
    const t = crosswalkMessages(locale);

    const listPage = async (request: FastifyRequest, reply: FastifyReply, form: FormState, status = 200, notice?: string) => {
      const [links, principles, norms] = await Promise.all([listCrosswalk({ db }), listPrinciples({ db }), listNorms({ db })]);
      const page = CrosswalkEditPage({ locale, links: links.items, principles, norms: norms.items, csrfField: csrfField(request, reply), form, notice });
      return sendPrivatePage(reply, page, status);
    };

    app.get(`/${locale}/secretariat/crosswalk`, { schema: { hide: true }, ...editor }, async (request, reply) => {
      const done = parseNotice(notices, request.query);
      return listPage(request, reply, { values: {} }, 200, done ? t(`crosswalk.done.${done}`) : undefined);
    });

    app.post(`/${locale}/secretariat/crosswalk`, { schema: { hide: true }, ...writer }, async (request, reply) => {
      const parsed = parseForm(newLinkFormSchema, request.body, 'crosswalk.error.', invalid);
      if (!parsed.ok) return listPage(request, reply, parsed, 422);
      try {
        await addCrosswalkLink({ db, events, actor: await getActor(request), link: parsed.value });
      } catch (error) {
        const field = error instanceof AppError ? normFieldErrors[error.code] : undefined;
        if (field) return listPage(request, reply, { values: formValues(request.body), errors: { norm: field } }, 422);
        throw error;
      }
      return reply.redirect(`/${locale}/secretariat/crosswalk?done=added`, 303);
    });

    const linkPage = async (request: FastifyRequest, reply: FastifyReply, state: { form?: FormState; removal?: FormState }, status = 200, notice?: string) => {
      const { principle, norm } = parseParams(linkParamsSchema, request.params);
      const link = await getCrosswalkLink({ db, principleNumber: principle, normCode: norm });
      const form = state.form ?? { values: { rationaleEn: link.rationale.en, rationaleFr: link.rationale.fr ?? '' } };
      const page = LinkEditPage({ locale, link, csrfField: csrfField(request, reply), form, removal: state.removal ?? { values: {} }, notice });
      return sendPrivatePage(reply, page, status);
    };
    const linkPath = `/${locale}/secretariat/crosswalk/:principle/:norm`;

    app.get(linkPath, { schema: { hide: true }, ...editor }, async (request, reply) => {
      const done = parseNotice(notices, request.query);
      return linkPage(request, reply, {}, 200, done ? t(`crosswalk.done.${done}`) : undefined);
    });

    app.post(linkPath, { schema: { hide: true }, ...writer }, async (request, reply) => {
      const { principle, norm } = parseParams(linkParamsSchema, request.params);
      const parsed = parseForm(rationaleFormSchema, request.body, 'crosswalk.error.', invalid);
      if (!parsed.ok) return linkPage(request, reply, { form: parsed }, 422);
      const link = await editCrosswalkLink({ db, events, actor: await getActor(request), principleNumber: principle, normCode: norm, rationale: parsed.value });
      return reply.redirect(`/${locale}/secretariat/crosswalk/${linkKey(link)}?done=edited`, 303);
    });

    app.post(`${linkPath}/remove`, { schema: { hide: true }, ...writer }, async (request, reply) => {
      const { principle, norm } = parseParams(linkParamsSchema, request.params);
      const parsed = parseForm(removeFormSchema, request.body, 'crosswalk.error.', invalid);
      if (!parsed.ok) return linkPage(request, reply, { removal: parsed }, 422);
      await removeCrosswalkLink({ db, events, actor: await getActor(request), principleNumber: principle, normCode: norm });
      return reply.redirect(`/${locale}/secretariat/crosswalk?done=removed`, 303);
    });
  }
}
