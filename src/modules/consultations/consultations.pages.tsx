/**
 * The consultations' pages, in every language, without JavaScript: the list, a consultation (its text, inputs and
 * comment forms), the co-chairs' new-consultation form and disposition table, and the synthesis. Form posts redirect
 * (303) with a notice; bad input is shown again beside its field (422) with what was typed, and nothing is written; a
 * phase refusal (the deadline passed meanwhile) is shown above the page with its status. Pages carry forms and
 * per-reader content, so they are private (never cached).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { getActor } from '../../app/auth/auth.plugin.js';
import { csrfField, verifyCsrf } from '../../app/auth/csrf.js';
import { authorize } from '../../app/authz/policy.js';
import { authorizeBeforeBody } from '../../app/authz/before-body.js';
import type { AppContext } from '../../app/context.js';
import { AppError } from '../../app/http/errors.js';
import { sendPrivatePage } from '../../app/http/private-page.js';
import { parseNotice, parseParams } from '../../app/http/validation.js';
import { locales } from '../../app/i18n/i18n.js';
import { findGroupBySlug } from '../groups/groups.queries.js';
import { listSupportersByIds } from '../supporters/supporters.usecases.js';
import { groupNotFound } from './consultations.errors.js';
import { conclusionFromForm, dispositionFromForm, inputFromForm, newConsultationFromForm, type FormErrors, type FormValues } from './consultations.forms.js';
import { consultationsMessages } from './consultations.messages.js';
import { consultationsPolicies } from './consultations.policies.js';
import { consultationView, dispositionTable, heldConsultation, listConsultations, synthesisView } from './consultations.queries.js';
import { consultationParamsSchema, groupParamsSchema, inputParamsSchema, listPageQuerySchema } from './consultations.schemas.js';
import { createConsultation, disposeInput, openConsultation, publishSynthesis, sendInput } from './consultations.usecases.js';
import { ConsultationPage } from './views/consultation-page.js';
import { DispositionsPage } from './views/dispositions-page.js';
import { ListPage } from './views/list-page.js';
import { NewPage } from './views/new-page.js';
import { SynthesisPage } from './views/synthesis-page.js';

/** Refusals of a write shown above the page (the rest are error pages). */
const pageAlerts = new Set(['consultations.not-open', 'consultations.closed', 'consultations.not-a-supporter', 'consultations.before-deadline', 'consultations.concluded', 'consultations.undisposed', 'consultations.group.closed']);
const notices = ['created', 'opened', 'sent', 'disposed', 'concluded'] as const;

export async function registerConsultationPages(app: FastifyInstance, context: AppContext): Promise<void> {
  const { db } = context.database;
  const { events } = context;
  const publicUrl = context.config.publicUrl;
  const write = { ...authorizeBeforeBody(consultationsPolicies.signedIn), preHandler: verifyCsrf };
  const alertOf = (error: unknown): AppError | null => (error instanceof AppError && pageAlerts.has(error.code) ? error : null);

  for (const locale of locales) {
    const t = consultationsMessages(locale);
    const noticeOf = (request: FastifyRequest) => {
      const done = parseNotice(notices, request.query);
      return done ? t(`consultations.done.${done}`) : undefined;
    };

    app.get(`/${locale}/consultations`, { schema: { hide: true } }, async (request, reply) => {
      const filters = listPageQuerySchema.parse(request.query ?? {});
      const group = filters.group ? await findGroupBySlug(db, filters.group) : null;
      const now = new Date();
      const { items, total, groups } = await listConsultations({ db, now, filters: { phase: filters.phase || undefined, groupId: filters.group ? (group?.id ?? 'none') : undefined } });
      const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== '')).toString();
      return sendPrivatePage(reply, ListPage({ locale, items, total, groups, filters, query: query ? `?${query}` : '' }));
    });

    const consultationPage = async (request: FastifyRequest, reply: FastifyReply, id: string, state: { alert?: string; failed?: { paragraph: number | null; values: FormValues; errors: FormErrors } }, status = 200) => {
      const actor = await getActor(request);
      const now = new Date();
      const view = await consultationView({ db, actor, id, now });
      const page = ConsultationPage({ locale, view, now, csrfField: csrfField(request, reply), signedIn: actor.kind === 'user', notice: noticeOf(request), ...state });
      return sendPrivatePage(reply, page, status);
    };

    app.get(`/${locale}/consultations/:consultation`, { schema: { hide: true } }, async (request, reply) => {
      const { consultation } = parseParams(consultationParamsSchema, request.params);
      return consultationPage(request, reply, consultation, {});
    });

    app.post(`/${locale}/consultations/:consultation/inputs`, { schema: { hide: true }, ...write }, async (request, reply) => {
      const { consultation } = parseParams(consultationParamsSchema, request.params);
      const actor = await getActor(request);
      await heldConsultation(db, actor, consultation, new Date());
      const parsed = inputFromForm(request.body);
      const paragraph = parsed.ok ? parsed.value.paragraph : /^\d+$/.test(parsed.values.paragraph ?? '') ? Number(parsed.values.paragraph) : null;
      if (!parsed.ok) return consultationPage(request, reply, consultation, { failed: { paragraph, values: parsed.values, errors: parsed.errors } }, 422);
      const values = Object.fromEntries(Object.entries(parsed.value).map(([k, v]) => [k, v === null ? '' : String(v)]));
      const organisation = parsed.value.supporterId ? (await listSupportersByIds(db, [parsed.value.supporterId]))[0] : undefined;
      try {
        const input = await sendInput({ db, actor, consultationId: consultation, draft: parsed.value, supporterName: organisation?.name ?? null });
        return reply.redirect(`/${locale}/consultations/${consultation}?done=sent#input-${input.number}`, 303);
      } catch (error) {
        if (error instanceof AppError && error.code === 'consultations.organisation') return consultationPage(request, reply, consultation, { failed: { paragraph, values: { ...values, body: parsed.value.body }, errors: { organisation: { key: 'consultations.error.organisation' } } } }, 422);
        if (error instanceof AppError && error.code === 'consultations.paragraph') return consultationPage(request, reply, consultation, { failed: { paragraph: null, values, errors: { body: { key: 'consultations.error.paragraph' } } } }, 422);
        const alert = alertOf(error);
        if (!alert) throw error;
        return consultationPage(request, reply, consultation, { alert: alert.localize(locale) }, alert.status);
      }
    });

    app.post(`/${locale}/consultations/:consultation/open`, { schema: { hide: true }, ...write }, async (request, reply) => {
      const { consultation } = parseParams(consultationParamsSchema, request.params);
      const actor = await getActor(request);
      const held = await heldConsultation(db, actor, consultation, new Date());
      authorize(actor, consultationsPolicies.manage, held.consultation);
      try {
        await openConsultation({ db, events, actor, consultationId: consultation });
        return reply.redirect(`/${locale}/consultations/${consultation}?done=opened`, 303);
      } catch (error) {
        const alert = alertOf(error);
        if (!alert) throw error;
        return consultationPage(request, reply, consultation, { alert: alert.localize(locale) }, alert.status);
      }
    });

    const groupOf = async (request: FastifyRequest) => {
      const { group: slug } = parseParams(groupParamsSchema, request.params);
      const group = await findGroupBySlug(db, slug);
      if (!group) throw groupNotFound();
      return group;
    };
    const newPage = async (request: FastifyRequest, reply: FastifyReply, state: { values: FormValues; errors?: FormErrors; alert?: string }, status = 200) => {
      const group = await groupOf(request);
      authorize(await getActor(request), consultationsPolicies.manage, { groupId: group.id });
      return sendPrivatePage(reply, NewPage({ locale, group, csrfField: csrfField(request, reply), ...state }), status);
    };

    app.get(`/${locale}/groups/:group/consultations/new`, { schema: { hide: true } }, async (request, reply) => newPage(request, reply, { values: {} }));

    app.post(`/${locale}/groups/:group/consultations`, { schema: { hide: true }, ...write }, async (request, reply) => {
      const group = await groupOf(request);
      const actor = await getActor(request);
      authorize(actor, consultationsPolicies.manage, { groupId: group.id });
      const parsed = newConsultationFromForm(request.body, new Date());
      if (!parsed.ok) return newPage(request, reply, parsed, 422);
      try {
        const created = await createConsultation({ db, actor, groupSlug: group.slug, consultation: parsed.value });
        return reply.redirect(`/${locale}/consultations/${created.id}?done=created`, 303);
      } catch (error) {
        const alert = alertOf(error);
        if (!alert) throw error;
        return newPage(request, reply, { values: {}, alert: alert.localize(locale) }, alert.status);
      }
    });

    const dispositionsPage = async (request: FastifyRequest, reply: FastifyReply, id: string, state: Omit<Parameters<typeof DispositionsPage>[0], 'locale' | 'table' | 'now' | 'csrfField'>, status = 200) => {
      const now = new Date();
      const table = await dispositionTable({ db, actor: await getActor(request), id, now });
      return sendPrivatePage(reply, DispositionsPage({ locale, table, now, csrfField: csrfField(request, reply), notice: noticeOf(request), ...state }), status);
    };

    app.get(`/${locale}/consultations/:consultation/dispositions`, { schema: { hide: true } }, async (request, reply) => {
      const { consultation } = parseParams(consultationParamsSchema, request.params);
      return dispositionsPage(request, reply, consultation, {});
    });

    app.post(`/${locale}/consultations/:consultation/inputs/:input/disposition`, { schema: { hide: true }, ...write }, async (request, reply) => {
      const { consultation, input } = parseParams(inputParamsSchema, request.params);
      const actor = await getActor(request);
      const held = await heldConsultation(db, actor, consultation, new Date());
      authorize(actor, consultationsPolicies.manage, held.consultation);
      const parsed = dispositionFromForm(request.body);
      if (!parsed.ok) return dispositionsPage(request, reply, consultation, { failed: { inputId: input, values: parsed.values, errors: parsed.errors } }, 422);
      try {
        const saved = await disposeInput({ db, events, actor, consultationId: consultation, inputId: input, ...parsed.value, publicUrl });
        return reply.redirect(`/${locale}/consultations/${consultation}/dispositions?done=disposed#disposition-${saved.inputId}`, 303);
      } catch (error) {
        const alert = alertOf(error);
        if (!alert) throw error;
        return dispositionsPage(request, reply, consultation, { alert: alert.localize(locale) }, alert.status);
      }
    });

    app.get(`/${locale}/consultations/:consultation/synthesis`, { schema: { hide: true } }, async (request, reply) => {
      const { consultation } = parseParams(consultationParamsSchema, request.params);
      const view = await synthesisView({ db, actor: await getActor(request), id: consultation, now: new Date() });
      return sendPrivatePage(reply, SynthesisPage({ locale, ...view, notice: noticeOf(request) }));
    });

    app.post(`/${locale}/consultations/:consultation/synthesis`, { schema: { hide: true }, ...write }, async (request, reply) => {
      const { consultation } = parseParams(consultationParamsSchema, request.params);
      const actor = await getActor(request);
      const held = await heldConsultation(db, actor, consultation, new Date());
      authorize(actor, consultationsPolicies.manage, held.consultation);
      const parsed = conclusionFromForm(request.body, held.consultation.kind);
      if (!parsed.ok) return dispositionsPage(request, reply, consultation, { conclusion: parsed }, 422);
      try {
        await publishSynthesis({ db, events, actor, consultationId: consultation, conclusion: parsed.value, publicUrl });
        return reply.redirect(`/${locale}/consultations/${consultation}/synthesis?done=concluded`, 303);
      } catch (error) {
        const values = Object.fromEntries(['synthesisEn', 'synthesisFr', 'revised', 'changes'].map((name) => [name, String((request.body as Record<string, unknown>)[name] ?? '')]));
        if (error instanceof AppError && error.code === 'consultations.changes') return dispositionsPage(request, reply, consultation, { conclusion: { values, errors: { changes: { key: 'consultations.error.changesRefs' } } } }, 422);
        const alert = alertOf(error);
        if (!alert) throw error;
        return dispositionsPage(request, reply, consultation, { alert: alert.localize(locale), conclusion: { values } }, alert.status);
      }
    });
  }
}
