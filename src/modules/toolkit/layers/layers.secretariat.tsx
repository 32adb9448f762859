/**
 * The secretariat's pages for curated layers: creating a layer, editing a framework a layer added, and the queue of
 * proposals with their decisions. Every route refuses anyone but the secretariat before reading the body.
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
import { toolkitMessages } from '../toolkit.messages.js';
import { toolkitPolicies } from '../toolkit.policies.js';
import { decisionFromForm, formValues, frameworkFromForm, frameworkValues, layerFromForm, type FormErrors, type FormValues } from './layers.forms.js';
import { frameworkInputOf } from './layers.models.js';
import { acceptProposal, rejectProposal } from './layers.proposals.js';
import { actionTitles, findLayer, frameworkForEdit, proposalQueue } from './layers.queries.js';
import { frameworkParamsSchema, proposalParamsSchema } from './layers.schemas.js';
import { createLayer, editFramework } from './layers.usecases.js';
import { FrameworkFormPage } from './views/framework-form-page.js';
import { LayerFormPage } from './views/layer-form-page.js';
import { ProposalsQueuePage } from './views/proposals-queue-page.js';

export async function registerLayerSecretariatPages(app: FastifyInstance, context: AppContext): Promise<void> {
  const { db } = context.database;
  const writer = authorizeBeforeBody(toolkitPolicies.createLayer);
  const moderator = authorizeBeforeBody(toolkitPolicies.moderateProposals);

  for (const locale of locales) {
    const t = toolkitMessages(locale);

    const layerForm = (request: FastifyRequest, reply: FastifyReply, state: { values?: FormValues; errors?: FormErrors }, status = 200) =>
      sendPrivatePage(reply, LayerFormPage({ locale, values: state.values ?? {}, errors: state.errors, csrfField: csrfField(request, reply) }), status);

    app.get(`/${locale}/secretariat/toolkit/layers`, { schema: { hide: true }, ...writer }, async (request, reply) => layerForm(request, reply, {}));

    app.post(`/${locale}/secretariat/toolkit/layers`, { schema: { hide: true }, ...writer, preHandler: verifyCsrf }, async (request, reply) => {
      const parsed = layerFromForm(request.body);
      if (!parsed.ok) return layerForm(request, reply, parsed, 422);
      try {
        const layer = await createLayer({ db, actor: await getActor(request), layer: parsed.value });
        return reply.redirect(`/${locale}/toolkit/layers/${layer.key}?done=created`, 303);
      } catch (error) {
        if (error instanceof AppError && error.code === 'toolkit.layer.key-taken') return layerForm(request, reply, { values: formValues(request.body), errors: { key: 'layers.error.keyInUse' } }, 422);
        throw error;
      }
    });

    const path = `/${locale}/secretariat/toolkit/layers/:key/frameworks/:framework`;
    const editForm = async (request: FastifyRequest, reply: FastifyReply, state: { values?: FormValues; errors?: FormErrors }, status = 200) => {
      const { key, framework: frameworkKey } = parseParams(frameworkParamsSchema, request.params);
      const layer = await findLayer({ db, key });
      const { framework, cells } = await frameworkForEdit({ db, actor: await getActor(request), layer, key: frameworkKey });
      const page = FrameworkFormPage({
        locale,
        layer: { key: layer.key, name: layer.name },
        mode: 'edit',
        action: `/${locale}/secretariat/toolkit/layers/${layer.key}/frameworks/${framework.key}`,
        actions: await actionTitles({ db }),
        supporters: [],
        csrfField: csrfField(request, reply),
        values: state.values ?? frameworkValues(frameworkInputOf(framework, cells)),
        errors: state.errors,
      });
      return sendPrivatePage(reply, page, status);
    };

    app.get(path, { schema: { hide: true }, ...writer }, async (request, reply) => editForm(request, reply, {}));

    app.post(path, { schema: { hide: true }, ...writer, preHandler: verifyCsrf }, async (request, reply) => {
      const { key, framework } = parseParams(frameworkParamsSchema, request.params);
      const parsed = frameworkFromForm(request.body, (await actionTitles({ db })).map((a) => a.code));
      if (!parsed.ok) return editForm(request, reply, parsed, 422);
      await editFramework({ db, actor: await getActor(request), layerKey: key, frameworkKey: framework, framework: parsed.value });
      return reply.redirect(`/${locale}/toolkit/layers/${key}?done=edited`, 303);
    });

    type Failed = { id: string; errors?: FormErrors; values?: FormValues; alert?: string };
    const queue = async (request: FastifyRequest, reply: FastifyReply, state: { notice?: string; failed?: Failed }, status = 200) => {
      const proposals = await proposalQueue({ db, actor: await getActor(request) });
      return sendPrivatePage(reply, ProposalsQueuePage({ locale, proposals, csrfField: csrfField(request, reply), notice: state.notice, failed: state.failed }), status);
    };

    app.get(`/${locale}/secretariat/toolkit/proposals`, { schema: { hide: true }, ...moderator }, async (request, reply) => {
      const done = parseNotice(['accepted', 'rejected'] as const, request.query);
      return queue(request, reply, { notice: done ? t(`layers.done.${done}`) : undefined });
    });

    app.post(`/${locale}/secretariat/toolkit/proposals/:id`, { schema: { hide: true }, ...moderator, preHandler: verifyCsrf }, async (request, reply) => {
      const { id } = parseParams(proposalParamsSchema, request.params);
      const parsed = decisionFromForm(request.body);
      if (!parsed.ok) return queue(request, reply, { failed: { id, errors: parsed.errors, values: parsed.values } }, 422);
      const decision = { db, actor: await getActor(request), proposalId: id, note: parsed.value.note, publicUrl: context.config.publicUrl };
      try {
        await (parsed.value.decision === 'accept' ? acceptProposal(decision) : rejectProposal(decision));
      } catch (error) {
        // Applying it may fail (the framework it corrects is gone): the moderator reads why beside the proposal.
        if (error instanceof AppError && error.status < 500 && error.status !== 401 && error.status !== 403) {
          return queue(request, reply, { failed: { id, values: formValues(request.body), alert: error.localize(locale) } }, error.status);
        }
        throw error;
      }
      return reply.redirect(`/${locale}/secretariat/toolkit/proposals?done=${parsed.value.decision === 'accept' ? 'accepted' : 'rejected'}`, 303);
    });
  }
}
