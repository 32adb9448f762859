/**
 * The account's practice pages in every language: one's organisations' practices, the form to report one, a
 * practice's versions and decisions, editing, submitting, withdrawing. The forms are multipart (evidence documents);
 * every route refuses an anonymous visitor before reading the body, and a practice's pages answer 404 to whoever is
 * neither of its organisation nor the secretariat, before anything else.
 */
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { getActor } from '../../../app/auth/auth.plugin.js';
import { csrfField, verifyCsrf } from '../../../app/auth/csrf.js';
import { authorizeBeforeBody } from '../../../app/authz/before-body.js';
import type { AppContext } from '../../../app/context.js';
import { AppError } from '../../../app/http/errors.js';
import { sendPrivatePage } from '../../../app/http/private-page.js';
import { parseNotice, parseParams } from '../../../app/http/validation.js';
import { locales, type Locale } from '../../../app/i18n/i18n.js';
import { maxAttachmentBytes, maxAttachments } from './practices.constants.js';
import { contentValues, formValues, one, practiceFromForm, type FormErrors, type FormUpload, type FormValues } from './practices.forms.js';
import { practicesMessages, type PracticesMessageKey } from './practices.messages.js';
import { practicesPolicies } from './practices.policies.js';
import { frameworkChoices, managedPractice, myPractices, representedOrganisations, type ManagedPractice } from './practices.queries.js';
import { practiceParamsSchema } from './practices.schemas.js';
import { createPractice, savePractice, submitPractice, withdrawPractice } from './practices.usecases.js';
import { titleOf } from './views/practice-parts.js';
import { ManagedPracticePage } from './views/managed-practice-page.js';
import { MyPracticesPage } from './views/my-practices-page.js';
import { PracticeFormPage } from './views/practice-form-page.js';

const notices = ['saved', 'submitted', 'withdrawn'] as const;

/** A use case's refusal of a form: problems beside their fields, or a sentence above the form; anything else is thrown. */
export function formRefusal(error: unknown, locale: Locale): { status: number; errors: FormErrors; alert?: string } {
  if (!(error instanceof AppError)) throw error;
  const t = practicesMessages(locale);
  if (error.code === 'practices.invalid') return { status: 422, errors: Object.fromEntries(error.issues.map((i) => [i.field, t(i.message as PracticesMessageKey)])) };
  if (error.code === 'files.refused') return { status: 422, errors: { attachments: error.localize(locale) } };
  if (['practices.not-allowed', 'practices.in-moderation', 'practices.nothing-to-submit', 'practices.already-withdrawn'].includes(error.code)) {
    return { status: error.status, errors: {}, alert: error.localize(locale) };
  }
  throw error;
}

export async function registerPracticeAccountPages(app: FastifyInstance, context: AppContext): Promise<void> {
  const { db } = context.database;
  const signedIn = authorizeBeforeBody(practicesPolicies.useAccount);
  await app.register(async (scope) => {
    await scope.register(multipart, {
      attachFieldsToBody: 'keyValues',
      throwFileSizeLimit: false,
      // Countries are a multiple select: up to every country of the list, each its own field.
      limits: { fileSize: maxAttachmentBytes, files: maxAttachments, fields: 600, fieldSize: 100 * 1024, parts: 620 },
      async onFile(part) {
        const bytes = await part.toBuffer();
        (part as unknown as { value: FormUpload }).value = { name: part.filename, bytes, truncated: part.file.truncated };
      },
    });

    for (const locale of locales) {
      const t = practicesMessages(locale);
      const account = `/${locale}/account/practices`;

      scope.get(account, { schema: { hide: true }, ...signedIn }, async (request, reply) => {
        const done = parseNotice(notices, request.query);
        const mine = await myPractices({ db, actor: await getActor(request) });
        return sendPrivatePage(reply, MyPracticesPage({ locale, ...mine, notice: done ? t(`done.${done}`) : undefined }));
      });

      const newForm = async (request: FastifyRequest, reply: FastifyReply, state: { values?: FormValues; errors?: FormErrors; alert?: string }, status = 200) => {
        const organisations = (await representedOrganisations({ db, actor: await getActor(request) })).filter((o) => o.mayWrite);
        const values = state.values ?? { original: locale, year: String(new Date().getUTCFullYear()), implementationStatus: 'in-force' };
        const page = PracticeFormPage({
          locale, mode: 'new', action: `${account}/new`, csrfField: csrfField(request, reply), values, errors: state.errors, framework: await frameworkChoices({ db }),
          organisations, attachments: [], mayWrite: organisations.length > 0, alert: state.alert ?? (organisations.length ? undefined : t('form.noOrganisation')),
        });
        return sendPrivatePage(reply, page, status);
      };

      scope.get(`${account}/new`, { schema: { hide: true }, ...signedIn }, async (request, reply) => newForm(request, reply, {}));

      scope.post(`${account}/new`, { schema: { hide: true }, ...signedIn, preHandler: verifyCsrf }, async (request, reply) => {
        const actor = await getActor(request);
        const parsed = await practiceFromForm(request.body, locale);
        const organisations = (await representedOrganisations({ db, actor })).filter((o) => o.mayWrite);
        const chosen = one(parsed.values, 'supporter') || (organisations.length === 1 ? organisations[0]!.id : '');
        const supporter = organisations.find((o) => o.id === chosen);
        const errors = { ...(parsed.ok ? {} : parsed.errors), ...(supporter ? {} : { supporter: t('error.organisation') }) };
        if (!parsed.ok || !supporter) return newForm(request, reply, { values: parsed.values, errors }, 422);
        const submit = one(parsed.values, 'intent') === 'submit';
        try {
          const { practice } = await createPractice({ db, actor, supporterId: supporter.id, draft: parsed.draft, submit });
          return reply.redirect(`${account}/${practice.id}?done=${submit ? 'submitted' : 'saved'}`, 303);
        } catch (error) {
          const refusal = formRefusal(error, locale);
          return newForm(request, reply, { values: parsed.values, errors: refusal.errors, ...(refusal.alert ? { alert: refusal.alert } : {}) }, refusal.status);
        }
      });

      const managedPage = async (request: FastifyRequest, reply: FastifyReply, managed: ManagedPractice, state: { notice?: string; withdrawError?: string }, status = 200) =>
        sendPrivatePage(reply, ManagedPracticePage({ locale, managed, framework: await frameworkChoices({ db }), csrfField: csrfField(request, reply), ...state }), status);

      /** The practice named by the path, if the actor may see its revisions (404 otherwise: before reading anything else). */
      const managedOf = async (request: FastifyRequest) => {
        const { id } = parseParams(practiceParamsSchema, request.params);
        return managedPractice({ db, actor: await getActor(request), practiceId: id });
      };

      scope.get(`${account}/:id`, { schema: { hide: true }, ...signedIn }, async (request, reply) => {
        const done = parseNotice(notices, request.query);
        return managedPage(request, reply, await managedOf(request), { ...(done ? { notice: t(`done.${done}`) } : {}) });
      });

      const editForm = async (request: FastifyRequest, reply: FastifyReply, managed: ManagedPractice, state: { values?: FormValues; errors?: FormErrors; alert?: string }, status = 200) => {
        const { practice, open, current } = managed;
        const last = managed.revisions.at(-1);
        const waiting = open?.state === 'submitted';
        const decision = open?.state === 'information-requested' ? open : !open && last?.state === 'rejected' ? last : undefined;
        const page = PracticeFormPage({
          locale, mode: 'edit', action: `${account}/${practice.id}/edit`, csrfField: csrfField(request, reply),
          values: state.values ?? (current ? contentValues(current) : { original: locale }), errors: state.errors, framework: await frameworkChoices({ db }),
          organisations: [], practice: { id: practice.id, title: current ? titleOf(current, locale) : practice.id, published: practice.state === 'published' },
          decision: decision?.decisionReason ? { kind: decision.state as 'information-requested' | 'rejected', reason: decision.decisionReason } : undefined,
          attachments: current?.attachments ?? [], mayWrite: managed.mayWrite && !waiting,
          alert: state.alert ?? (waiting ? t('error.inModeration') : managed.mayWrite ? undefined : t('form.cannotWrite')),
        });
        return sendPrivatePage(reply, page, status);
      };

      scope.get(`${account}/:id/edit`, { schema: { hide: true }, ...signedIn }, async (request, reply) => editForm(request, reply, await managedOf(request), {}));

      scope.post(`${account}/:id/edit`, { schema: { hide: true }, ...signedIn, preHandler: verifyCsrf }, async (request, reply) => {
        const managed = await managedOf(request);
        const parsed = await practiceFromForm(request.body, locale);
        if (!parsed.ok) return editForm(request, reply, managed, parsed, 422);
        const submit = one(parsed.values, 'intent') === 'submit';
        try {
          await savePractice({ db, actor: await getActor(request), practiceId: managed.practice.id, draft: parsed.draft, submit });
          return reply.redirect(`${account}/${managed.practice.id}?done=${submit ? 'submitted' : 'saved'}`, 303);
        } catch (error) {
          const refusal = formRefusal(error, locale);
          return editForm(request, reply, managed, { values: parsed.values, errors: refusal.errors, ...(refusal.alert ? { alert: refusal.alert } : {}) }, refusal.status);
        }
      });

      scope.post(`${account}/:id/submit`, { schema: { hide: true }, ...signedIn, preHandler: verifyCsrf }, async (request, reply) => {
        const managed = await managedOf(request);
        try {
          await submitPractice({ db, actor: await getActor(request), practiceId: managed.practice.id });
          return reply.redirect(`${account}/${managed.practice.id}?done=submitted`, 303);
        } catch (error) {
          const refusal = formRefusal(error, locale);
          return managedPage(request, reply, managed, { notice: refusal.alert ?? '' }, refusal.status);
        }
      });

      scope.post(`${account}/:id/withdraw`, { schema: { hide: true }, ...signedIn, preHandler: verifyCsrf }, async (request, reply) => {
        const managed = await managedOf(request);
        const values = formValues(request.body);
        const reason = one(values, 'reason').trim();
        // Withdrawing is not undone by a click: the box must be ticked.
        if (one(values, 'confirm') !== 'yes') return managedPage(request, reply, managed, { withdrawError: t('error.confirm') }, 422);
        if (reason.length > 2000 || /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(reason)) return managedPage(request, reply, managed, { withdrawError: t('error.reason') }, 422);
        try {
          await withdrawPractice({ db, actor: await getActor(request), practiceId: managed.practice.id, reason: reason || null, events: context.events });
          return reply.redirect(`${account}/${managed.practice.id}?done=withdrawn`, 303);
        } catch (error) {
          const refusal = formRefusal(error, locale);
          return managedPage(request, reply, managed, { notice: refusal.alert ?? '' }, refusal.status);
        }
      });
    }
  });
}
