/**
 * The secretariat's pages of the working groups, in every language: opening a group, editing it (name, mandate, closed
 * or active), appointing and removing the people who act as its co-chairs. Every route refuses anyone but the
 * secretariat before reading the body; forms carry a CSRF token; bad input re-renders the page with the errors beside
 * the fields (422) and changes nothing; success redirects (303) with a notice. The account page links here.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { getActor } from '../../app/auth/auth.plugin.js';
import { csrfField, verifyCsrf } from '../../app/auth/csrf.js';
import { authorizeBeforeBody } from '../../app/authz/before-body.js';
import { can } from '../../app/authz/policy.js';
import type { AppContext } from '../../app/context.js';
import { formText, sendPrivatePage } from '../../app/http/private-page.js';
import { parseNotice, parseParams } from '../../app/http/validation.js';
import { escaping, locales } from '../../app/i18n/i18n.js';
import { registerAccountSection } from '../accounts/accounts.sections.js';
import { addCoChairOrganisation, removeCoChairOrganisation } from './groups.co-chairs.js';
import { appointCoChair, editGroup, groupForSecretariat, openGroup, removeCoChair } from './groups.admin.js';
import { groupsMessages } from './groups.messages.js';
import { formRefusal } from './groups.pages.js';
import { groupsPolicies } from './groups.policies.js';
import { createGroupsRepository } from './groups.repository.js';
import { groupParamsSchema } from './groups.schemas.js';
import { SecretariatGroupPage, type SecretariatForm } from './views/secretariat-page.js';
import { groupTitle } from './views/parts.js';

const notices = ['opened', 'saved', 'appointed', 'coChairRemoved', 'organisationAdded', 'organisationRemoved'] as const;
const coChairParamsSchema = groupParamsSchema.extend({ user: z.string().regex(/^usr_[A-Za-z0-9_-]{1,40}$/) });
const organisationParamsSchema = groupParamsSchema.extend({ coChair: z.string().regex(/^gcc_[A-Za-z0-9_-]{1,40}$/) });

/** The strings of a form body (what was typed, to show again). */
const typedValues = (body: unknown) => Object.fromEntries(Object.entries((body ?? {}) as Record<string, unknown>).filter(([k, v]) => typeof v === 'string' && k !== '_csrf')) as Record<string, string>;

const texts = (body: unknown, field: 'name' | 'mandate') => ({ en: formText(body, `${field}-en`), fr: formText(body, `${field}-fr`) });

export async function registerGroupSecretariatPages(app: FastifyInstance, context: AppContext): Promise<void> {
  const { db } = context.database;
  const secretariat = authorizeBeforeBody(groupsPolicies.administer);
  const options = { schema: { hide: true }, ...secretariat };
  const posting = { ...options, preHandler: verifyCsrf };

  registerAccountSection({
    name: 'groups-secretariat',
    order: 27,
    render: async ({ actor, locale, db: database }) => {
      if (!can(actor, groupsPolicies.administer, undefined)) return '';
      const safeT = escaping(groupsMessages(locale));
      const all = await createGroupsRepository(database).list();
      return (
        <section aria-labelledby="account-groups-secretariat">
          <h2 id="account-groups-secretariat">{safeT('secretariat.account')}</h2>
          <p>
            <a href={`/${locale}/secretariat/groups/new`}>{safeT('secretariat.new')}</a>
          </p>
          <p>{safeT('secretariat.accountHint')}</p>
          <ul>
            {all.map((group) => (
              <li>
                <a href={`/${locale}/secretariat/groups/${group.slug}/edit`} safe>
                  {groupTitle(group, locale)}
                </a>
              </li>
            ))}
          </ul>
        </section>
      );
    },
  });

  for (const locale of locales) {
    const t = groupsMessages(locale);
    const base = `/${locale}/secretariat/groups`;
    const slugOf = (request: FastifyRequest) => parseParams(groupParamsSchema, request.params).group;

    const editPage = async (request: FastifyRequest, reply: FastifyReply, state: { notice?: string | undefined; alert?: string | undefined; form?: SecretariatForm }, status = 200) => {
      const { group, people, organisations } = await groupForSecretariat({ db, actor: await getActor(request), slug: slugOf(request) });
      return sendPrivatePage(reply, SecretariatGroupPage({ locale, group, people, organisations, csrfField: csrfField(request, reply), ...state }), status);
    };

    app.get(`${base}/new`, options, async (request, reply) => sendPrivatePage(reply, SecretariatGroupPage({ locale, csrfField: csrfField(request, reply) })));

    app.post(`${base}/new`, posting, async (request, reply) => {
      const body = request.body;
      try {
        const { group } = await openGroup({
          db, actor: await getActor(request), events: context.events, slug: formText(body, 'slug'), number: formText(body, 'number'), name: texts(body, 'name'), mandate: texts(body, 'mandate'),
        });
        return reply.redirect(`${base}/${group.slug}/edit?done=opened`, 303);
      } catch (error) {
        const refusal = formRefusal(error, locale);
        const page = SecretariatGroupPage({ locale, csrfField: csrfField(request, reply), alert: refusal.alert, form: { id: 'group', errors: refusal.errors, values: typedValues(body) } });
        return sendPrivatePage(reply, page, refusal.status);
      }
    });

    app.get(`${base}/:group/edit`, options, async (request, reply) => {
      const done = parseNotice(notices, request.query);
      return editPage(request, reply, { notice: done ? t(`done.${done}`) : undefined });
    });

    /** Runs a form of the edit page: success → the page with a notice; refusal → the page again with what was typed. */
    const handle = (formId: (request: FastifyRequest) => string, run: (request: FastifyRequest, groupId: string) => Promise<unknown>, done: (typeof notices)[number]) =>
      async (request: FastifyRequest, reply: FastifyReply) => {
        const { group } = await groupForSecretariat({ db, actor: await getActor(request), slug: slugOf(request) });
        try {
          await run(request, group.id);
        } catch (error) {
          const refusal = formRefusal(error, locale);
          return editPage(request, reply, { alert: refusal.alert, form: { id: formId(request), errors: refusal.errors, values: typedValues(request.body) } }, refusal.status);
        }
        return reply.redirect(`${base}/${group.slug}/edit?done=${done}`, 303);
      };

    app.post(`${base}/:group/edit`, posting, handle(() => 'group', async (request, groupId) =>
      editGroup({ db, actor: await getActor(request), events: context.events, groupId, name: texts(request.body, 'name'), mandate: texts(request.body, 'mandate'), state: formText(request.body, 'state') }), 'saved'));

    app.post(`${base}/:group/co-chairs`, posting, handle(() => 'appoint', async (request, groupId) =>
      appointCoChair({ db, actor: await getActor(request), events: context.events, groupId, email: formText(request.body, 'email') }), 'appointed'));

    app.post(`${base}/:group/co-chairs/:user/remove`, posting, handle((r) => `remove-${parseParams(coChairParamsSchema, r.params).user}`, async (request, groupId) =>
      removeCoChair({ db, actor: await getActor(request), events: context.events, groupId, userId: parseParams(coChairParamsSchema, request.params).user, reason: formText(request.body, 'reason') }), 'coChairRemoved'));

    app.post(`${base}/:group/co-chair-organisations`, posting, handle(() => 'organisation', async (request, groupId) =>
      addCoChairOrganisation({ db, actor: await getActor(request), events: context.events, groupId, supporterSlug: formText(request.body, 'organisation-slug'), name: { en: formText(request.body, 'organisation-en'), fr: formText(request.body, 'organisation-fr') } }), 'organisationAdded'));

    app.post(`${base}/:group/co-chair-organisations/:coChair/remove`, posting, handle(() => 'organisation-remove', async (request, groupId) =>
      removeCoChairOrganisation({ db, actor: await getActor(request), events: context.events, groupId, coChairId: parseParams(organisationParamsSchema, request.params).coChair }), 'organisationRemoved'));
  }
}
