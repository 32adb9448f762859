/**
 * The cases' pages in every language (work without JavaScript): the reader's cases, opening one, a case with its
 * forms, and the public advisories. A refused or invalid form re-renders the case page with the error beside its
 * field (422) or as an alert (409), with what was typed.
 */
import { listSupportersByIds } from '../supporters/supporters.usecases.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { getActor } from '../../app/auth/auth.plugin.js';
import { csrfField, verifyCsrf } from '../../app/auth/csrf.js';
import { authorize } from '../../app/authz/policy.js';
import { authorizeBeforeBody } from '../../app/authz/before-body.js';
import { isSecretariat } from '../../app/authz/rules.js';
import type { AppContext } from '../../app/context.js';
import { AppError } from '../../app/http/errors.js';
import { formText, sendPrivatePage } from '../../app/http/private-page.js';
import { parseNotice, parseOrThrow, parseParams } from '../../app/http/validation.js';
import { locales, type Locale } from '../../app/i18n/i18n.js';
import { casesMessages } from './cases.messages.js';
import { casesPolicies } from './cases.policies.js';
import { caseDetail, findAdvisory, listAdvisories, listMyCases } from './cases.queries.js';
import { acknowledgeEmbargo, addVulnerability, answer, contactOrganisations, inviteParticipant, openCase, setEmbargo, type CaseDeps } from './cases.usecases.js';
import { publishCase, reviewStatement, saveStatement } from './cases.publication.js';
import { advisoryParamsSchema, caseParamsSchema, caseQuerySchema } from './cases.schemas.js';
import { AdvisoryListPage, AdvisoryPage } from './views/advisory-pages.js';
import { CaseFormPage } from './views/case-form-page.js';
import { CasePage } from './views/case-page.js';
import { CasesListPage } from './views/cases-list-page.js';
import type { FormErrors, FormValues } from './views/parts.js';

const notices = ['opened', 'invited', 'answered', 'embargo', 'acknowledged', 'statement', 'reviewed', 'vulnerability', 'published'] as const;
type Done = (typeof notices)[number];

/** The text fields of a posted form. */
function values(body: unknown): FormValues {
  const out: FormValues = {};
  for (const [key, value] of Object.entries((body ?? {}) as Record<string, unknown>)) if (typeof value === 'string' && key !== '_csrf') out[key] = value;
  return out;
}

const errorsOf = (error: AppError): FormErrors => Object.fromEntries(error.issues.map((i) => [i.field === 'vulnerabilityTitle' ? 'vulnTitle' : i.field, i.message]));

export async function registerCasePages(app: FastifyInstance, context: AppContext): Promise<void> {
  const { db } = context.database;
  const publicUrl = context.config.publicUrl;
  const page = { schema: { hide: true } };
  const signedIn = authorizeBeforeBody(casesPolicies.signedIn);
  const html = 'text/html; charset=utf-8';

  for (const locale of locales) {
    const t = casesMessages(locale);
    const deps = async (request: FastifyRequest): Promise<CaseDeps> => ({ db, actor: await getActor(request), locale, publicUrl });

    app.get(`/${locale}/cooperation/cases`, { ...page, ...signedIn }, async (request, reply) => {
      const cases = await listMyCases({ db, actor: await getActor(request) });
      const done = parseNotice(notices, request.query);
      return sendPrivatePage(reply, CasesListPage({ locale, cases, ...(done ? { notice: t(`done.${done}`) } : {}) }));
    });

    const formPage = async (request: FastifyRequest, reply: FastifyReply, state: { values: FormValues; errors?: FormErrors; alert?: string }, status = 200) => {
      const actor = authorize(await getActor(request), casesPolicies.open, undefined);
      const organisations = (await listSupportersByIds(db, contactOrganisations(actor))).map((entry): [string, string] => [entry.id, entry.name]);
      return sendPrivatePage(reply, CaseFormPage({ locale, csrfField: csrfField(request, reply), organisations, secretariat: isSecretariat(actor), ...state }), status);
    };

    app.get(`/${locale}/cooperation/cases/new`, { ...page, ...signedIn }, async (request, reply) => formPage(request, reply, { values: {} }));

    app.post(`/${locale}/cooperation/cases/new`, { ...page, ...signedIn, preHandler: verifyCsrf }, async (request, reply) => {
      const v = values(request.body);
      try {
        const row = await openCase({
          ...(await deps(request)), ...(v.as ? { as: v.as } : {}),
          input: { title: v.title ?? '', summary: v.summary ?? '', language: v.language ?? '', marking: v.marking ?? 'AMBER', products: v.products ?? '', vulnerability: { title: v.vulnTitle ?? '', cwe: v.cwe ?? '', cve: v.cve ?? '', cvss31: v.cvss31 ?? '', cvss40: v.cvss40 ?? '' } },
        });
        return reply.redirect(`/${locale}/cooperation/cases/${row.id}?done=opened`, 303);
      } catch (error) {
        if (error instanceof AppError && error.status === 422) return formPage(request, reply, { values: v, errors: errorsOf(error), alert: error.localize(locale) }, 422);
        throw error;
      }
    });

    const casePage = async (request: FastifyRequest, reply: FastifyReply, state: { values?: FormValues; errors?: FormErrors; notice?: string; alert?: string }, status = 200) => {
      const { case: caseId } = parseParams(caseParamsSchema, request.params);
      const { page: n } = parseOrThrow(caseQuerySchema, request.query, locale);
      const detail = await caseDetail({ db, actor: await getActor(request), caseId, page: n });
      return sendPrivatePage(reply, CasePage({ locale, detail, csrfField: csrfField(request, reply), ...state }), status);
    };

    app.get(`/${locale}/cooperation/cases/:case`, { ...page, ...signedIn }, async (request, reply) => {
      const done = parseNotice(notices, request.query);
      return casePage(request, reply, done ? { notice: t(`done.${done}`) } : {});
    });

    /** A case form: runs the use case, then back to the case page with its notice, or the page again with the error. */
    const action = (path: string, done: Done, run: (d: CaseDeps, caseId: string, v: FormValues, request: FastifyRequest) => Promise<unknown>) =>
      app.post(`/${locale}/cooperation/cases/:case${path}`, { ...page, ...signedIn, preHandler: verifyCsrf }, async (request, reply) => {
        const { case: caseId } = parseParams(caseParamsSchema, request.params);
        const v = values(request.body);
        try {
          await run(await deps(request), caseId, v, request);
          return reply.redirect(`/${locale}/cooperation/cases/${caseId}?done=${done}`, 303);
        } catch (error) {
          if (error instanceof AppError && (error.status === 422 || error.status === 409)) {
            return casePage(request, reply, { values: v, errors: errorsOf(error), alert: error.localize(locale) }, error.status);
          }
          throw error;
        }
      });

    action('/answers', 'answered', (d, caseId, v) =>
      answer({ ...d, caseId, answers: Object.fromEntries(Object.entries(v).filter(([k, s]) => k.startsWith('state-') && s).map(([k, s]) => [k.slice(6), s])) }));
    action('/embargo', 'embargo', (d, caseId, v) => setEmbargo({ ...d, caseId, local: v.embargoAt ?? '', timeZone: v.timeZone ?? '' }));
    action('/acknowledge', 'acknowledged', (d, caseId) => acknowledgeEmbargo({ ...d, caseId }));
    action('/statement', 'statement', (d, caseId, v) => saveStatement({ ...d, caseId, text: v.statement ?? '', language: v.statementLanguage ?? 'en', submit: v.submit === 'yes' }));
    action('/statements/:participant/review', 'reviewed', (d, caseId, v, request) => {
      const participantId = String((request.params as { participant?: string }).participant ?? '');
      return reviewStatement({ ...d, caseId, participantId, decision: v.decision === 'changes' ? 'changes' : 'approve', review: v[`review-${participantId}`] ?? v.review ?? '' });
    });
    action('/participants', 'invited', (d, caseId, v) => inviteParticipant({ ...d, caseId, organisation: v.organisation ?? '', products: v.products ?? '' }));
    action('/vulnerabilities', 'vulnerability', (d, caseId, v) => addVulnerability({ ...d, caseId, input: { title: v.vulnTitle ?? '', cwe: v.cwe ?? '', cve: v.cve ?? '', cvss31: v.cvss31 ?? '', cvss40: v.cvss40 ?? '' } }));
    action('/publish', 'published', (d, caseId) => publishCase({ ...d, caseId }));

    app.get(`/${locale}/advisories`, page, async (_request, reply) => {
      const { items } = await listAdvisories({ db, page: 1, pageSize: 100 });
      return reply.type(html).send(AdvisoryListPage({ locale, items: items.map((c) => ({ trackingId: c.trackingId!, title: c.title, publishedAt: c.publishedAt! })) }));
    });

    app.get(`/${locale}/advisories/:id`, page, async (request, reply) => {
      const { id } = parseParams(advisoryParamsSchema, request.params);
      const advisory = await findAdvisory({ db, id });
      return reply.type(html).send(AdvisoryPage({ locale, csaf: advisory.csaf, publishedAt: advisory.publishedAt }));
    });
  }
}

export type { Locale };
