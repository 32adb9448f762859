/**
 * The layers' pages in every language: the list, one layer, its diff against WG6 2021 (public); the framework and
 * correction forms, which write for the secretariat and send a proposal for a verified supporter's representative,
 * and one's own proposals (signed in).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { getActor } from '../../../app/auth/auth.plugin.js';
import { csrfField, verifyCsrf } from '../../../app/auth/csrf.js';
import type { Actor } from '../../../app/authz/actor.js';
import { authorizeBeforeBody } from '../../../app/authz/before-body.js';
import { authorize, can } from '../../../app/authz/policy.js';
import type { AppContext } from '../../../app/context.js';
import { AppError } from '../../../app/http/errors.js';
import { sendPrivatePage } from '../../../app/http/private-page.js';
import { parseNotice, parseParams } from '../../../app/http/validation.js';
import { locales } from '../../../app/i18n/i18n.js';
import { publishedDatasetKey } from '../toolkit.constants.js';
import { toolkitMessages } from '../toolkit.messages.js';
import { toolkitPolicies } from '../toolkit.policies.js';
import { layerImmutable, notAProposer } from './layers.errors.js';
import { correctionFromForm, formValues, frameworkFromForm, type FormErrors, type FormValues } from './layers.forms.js';
import { proposeChange } from './layers.proposals.js';
import { actionTitles, contributorRights, correctionTargets, findLayer, getLayer, listCuratedLayers, listLayers, myProposals } from './layers.queries.js';
import { layerKey, layerParamsSchema } from './layers.schemas.js';
import { addFramework, correctCell } from './layers.usecases.js';
import { CorrectionFormPage } from './views/correction-form-page.js';
import { DiffPage } from './views/diff-page.js';
import { FrameworkFormPage } from './views/framework-form-page.js';
import { LayerPage } from './views/layer-page.js';
import { LayersPage } from './views/layers-page.js';
import { MyProposalsPage } from './views/my-proposals-page.js';

const html = 'text/html; charset=utf-8';
const layerNotices = ['created', 'framework', 'edited', 'corrected'] as const;

/** A public page that shows controls to some visitors: kept out of shared caches once someone is signed in. */
function sendPublic(reply: FastifyReply, actor: Actor, page: JSX.Element) {
  return actor.kind === 'user' ? sendPrivatePage(reply, page) : reply.type(html).send(page);
}

/** Refusals a form shows above its fields (the rest are error pages): the status they answer with and where. */
const formAlerts = new Set(['toolkit.layer.immutable', 'toolkit.proposal.not-allowed', 'toolkit.proposal.rate-limited', 'toolkit.framework.not-found', 'toolkit.layer.not-found']);

export async function registerLayerPages(app: FastifyInstance, context: AppContext): Promise<void> {
  const { db } = context.database;
  const contribute = { ...authorizeBeforeBody(toolkitPolicies.contribute), preHandler: verifyCsrf };

  for (const locale of locales) {
    const t = toolkitMessages(locale);

    app.get(`/${locale}/toolkit/layers`, { schema: { hide: true } }, async (request, reply) => {
      const actor = await getActor(request);
      const page = LayersPage({ locale, layers: await listLayers({ db }), canCreate: can(actor, toolkitPolicies.createLayer, undefined), canModerate: can(actor, toolkitPolicies.moderateProposals, undefined) });
      return sendPublic(reply, actor, page);
    });

    app.get(`/${locale}/toolkit/layers/:key`, { schema: { hide: true } }, async (request, reply) => {
      const { key } = parseParams(layerParamsSchema, request.params);
      const actor = await getActor(request);
      const detail = await getLayer({ db, key });
      const rights = await contributorRights({ db, actor, layer: detail.layer });
      const done = parseNotice(layerNotices, request.query);
      const page = LayerPage({ locale, detail, rights: { write: rights.write, propose: rights.proposeFor.length > 0 }, notice: done ? t(`layers.done.${done}`) : undefined });
      return sendPublic(reply, actor, page);
    });

    app.get(`/${locale}/toolkit/layers/:key/diff`, { schema: { hide: true } }, async (request, reply) => {
      const { key } = parseParams(layerParamsSchema, request.params);
      return reply.type(html).send(DiffPage({ locale, detail: await getLayer({ db, key }) }));
    });

    const frameworkForm = async (request: FastifyRequest, reply: FastifyReply, key: string, state: { values?: FormValues; errors?: FormErrors; alert?: string }, status = 200) => {
      const actor = authorize(await getActor(request), toolkitPolicies.contribute, undefined);
      const layer = await findLayer({ db, key });
      if (layer.immutable) throw layerImmutable();
      const rights = await contributorRights({ db, actor, layer });
      const page = FrameworkFormPage({
        locale,
        layer: { key: layer.key, name: layer.name },
        mode: rights.write ? 'add' : rights.proposeFor.length > 0 ? 'propose' : 'none',
        action: `/${locale}/toolkit/layers/${layer.key}/frameworks/new`,
        actions: await actionTitles({ db }),
        supporters: rights.proposeFor,
        csrfField: csrfField(request, reply),
        values: state.values ?? {},
        errors: state.errors,
        alert: state.alert,
      });
      return sendPrivatePage(reply, page, status);
    };

    app.get(`/${locale}/toolkit/layers/:key/frameworks/new`, { schema: { hide: true } }, async (request, reply) => {
      const { key } = parseParams(layerParamsSchema, request.params);
      return frameworkForm(request, reply, key, {});
    });

    app.post(`/${locale}/toolkit/layers/:key/frameworks/new`, { schema: { hide: true }, ...contribute }, async (request, reply) => {
      const { key } = parseParams(layerParamsSchema, request.params);
      const actor = await getActor(request);
      const parsed = frameworkFromForm(request.body, (await actionTitles({ db })).map((a) => a.code));
      if (!parsed.ok) return frameworkForm(request, reply, key, parsed, 422);
      const values = formValues(request.body);
      try {
        const layer = await findLayer({ db, key });
        const rights = await contributorRights({ db, actor, layer });
        if (rights.write || layer.immutable) {
          await addFramework({ db, actor, layerKey: key, framework: parsed.value });
          return reply.redirect(`/${locale}/toolkit/layers/${key}?done=framework`, 303);
        }
        const supporterId = chosenSupporter(values, rights.proposeFor);
        if (!supporterId) {
          if (rights.proposeFor.length === 0) throw notAProposer();
          return frameworkForm(request, reply, key, { values, errors: { supporter: 'layers.error.supporter' } }, 422);
        }
        await proposeChange({ db, actor, layerKey: key, supporterId, kind: 'framework', framework: parsed.value });
        return reply.redirect(`/${locale}/toolkit/proposals?done=sent`, 303);
      } catch (error) {
        if (error instanceof AppError && formAlerts.has(error.code) && error.code !== 'toolkit.layer.not-found') return frameworkForm(request, reply, key, { values, alert: error.localize(locale) }, error.status);
        throw error;
      }
    });

    const correctionForm = async (request: FastifyRequest, reply: FastifyReply, state: { values?: FormValues; errors?: FormErrors; alert?: string }, status = 200) => {
      const actor = authorize(await getActor(request), toolkitPolicies.contribute, undefined);
      const layers = await listCuratedLayers({ db });
      const chosen = layers.find((l) => l.key === state.values?.layer) ?? layers[0];
      const rights = chosen ? await contributorRights({ db, actor, layer: chosen }) : { write: can(actor, toolkitPolicies.createLayer, undefined), proposeFor: [] };
      const targets = await correctionTargets({ db });
      const page = CorrectionFormPage({
        locale,
        mode: rights.write ? 'correct' : rights.proposeFor.length > 0 ? 'propose' : 'none',
        layers: layers.map((l) => ({ key: l.key, name: l.name })),
        targets: targets.layers,
        actions: targets.actions,
        supporters: rights.proposeFor,
        csrfField: csrfField(request, reply),
        canCreateLayer: can(actor, toolkitPolicies.createLayer, undefined),
        values: state.values ?? {},
        errors: state.errors,
        alert: state.alert,
      });
      return sendPrivatePage(reply, page, status);
    };

    app.get(`/${locale}/toolkit/corrections/new`, { schema: { hide: true } }, async (request, reply) => {
      // The cell page's link names the cell (`?framework=pp-9&action=a4`, in WG6 2021 unless `of` says otherwise).
      const query = formValues(request.query);
      const values: FormValues = {};
      if (query.layer) values.layer = query.layer;
      if (query.framework) values.target = `${query.of ?? publishedDatasetKey}/${query.framework}`;
      if (query.action) values.action = query.action.toUpperCase();
      return correctionForm(request, reply, { values });
    });

    app.post(`/${locale}/toolkit/corrections/new`, { schema: { hide: true }, ...contribute }, async (request, reply) => {
      const actor = await getActor(request);
      const values = formValues(request.body);
      const parsed = correctionFromForm(request.body);
      const layer = layerKey.safeParse(values.layer ?? '');
      if (!parsed.ok || !layer.success) return correctionForm(request, reply, { values, errors: { ...(parsed.ok ? {} : parsed.errors), ...(layer.success ? {} : { layer: 'layers.error.layer' }) } }, 422);
      try {
        const target = await findLayer({ db, key: layer.data });
        const rights = await contributorRights({ db, actor, layer: target });
        if (rights.write || target.immutable) {
          await correctCell({ db, actor, layerKey: target.key, correction: parsed.value });
          return reply.redirect(`/${locale}/toolkit/layers/${target.key}?done=corrected`, 303);
        }
        const supporterId = chosenSupporter(values, rights.proposeFor);
        if (!supporterId) {
          if (rights.proposeFor.length === 0) throw notAProposer();
          return correctionForm(request, reply, { values, errors: { supporter: 'layers.error.supporter' } }, 422);
        }
        await proposeChange({ db, actor, layerKey: target.key, supporterId, kind: 'cell', correction: parsed.value });
        return reply.redirect(`/${locale}/toolkit/proposals?done=sent`, 303);
      } catch (error) {
        if (error instanceof AppError && error.code === 'toolkit.framework.not-found') return correctionForm(request, reply, { values, errors: { target: 'layers.error.target' } }, 422);
        if (error instanceof AppError && error.code === 'toolkit.layer.not-found') return correctionForm(request, reply, { values, errors: { layer: 'layers.error.layer' } }, 422);
        if (error instanceof AppError && formAlerts.has(error.code)) return correctionForm(request, reply, { values, alert: error.localize(locale) }, error.status);
        throw error;
      }
    });

    app.get(`/${locale}/toolkit/proposals`, { schema: { hide: true } }, async (request, reply) => {
      const actor = authorize(await getActor(request), toolkitPolicies.contribute, undefined);
      const done = parseNotice(['sent'] as const, request.query);
      return sendPrivatePage(reply, MyProposalsPage({ locale, proposals: await myProposals({ db, actor }), notice: done ? t('layers.done.sent') : undefined }));
    });
  }
}

/**
 * The supporter a proposal is sent for: the one chosen, if the person may propose for it; the only one when there is
 * one. Null when the choice is missing or not theirs.
 */
function chosenSupporter(values: FormValues, allowed: Array<{ id: string }>): string | null {
  if (values.supporter) return allowed.some((s) => s.id === values.supporter) ? values.supporter : null;
  return allowed.length === 1 ? allowed[0]!.id : null;
}

