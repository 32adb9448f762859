/**
 * The working groups' public pages in every language: the list (cached), a group's space (not cached: its parts
 * depend on who reads it), its feed and CSV (cached), a document version's file (as a download, never rendered), and
 * the request to take part and leaving.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { listActivity } from '../../app/activity.js';
import { getActor } from '../../app/auth/auth.plugin.js';
import { csrfField, verifyCsrf } from '../../app/auth/csrf.js';
import { authorizeBeforeBody } from '../../app/authz/before-body.js';
import { listContributions } from '../../app/contributions.js';
import type { AppContext } from '../../app/context.js';
import { sendStoredFile } from '../../app/files/files.http.js';
import { AppError } from '../../app/http/errors.js';
import { formText, sendPrivatePage } from '../../app/http/private-page.js';
import { parseNotice, parseParams } from '../../app/http/validation.js';
import { locales, type Locale } from '../../app/i18n/i18n.js';
import { membershipsCsv } from './groups.csv.js';
import { atomType, groupFeed } from './groups.feed.js';
import { groupsMessages, type GroupsMessageKey } from './groups.messages.js';
import { groupsPolicies } from './groups.policies.js';
import { documentFile, findGroupBySlug, groupSpace, groupsOverview, membershipLines, representedOrganisations } from './groups.queries.js';
import { fileParamsSchema, groupParamsSchema } from './groups.schemas.js';
import { leaveGroup, requestMembership } from './groups.usecases.js';
import { GroupPage } from './views/group-page.js';
import { GroupsListPage } from './views/list-page.js';
import { JoinPage } from './views/join-page.js';
import { groupNotFound } from './groups.errors.js';

const html = 'text/html; charset=utf-8';
const csv = 'text/csv; charset=utf-8';
export const pageNotices = ['requested', 'left', 'accepted', 'declined', 'removed', 'news', 'document', 'version'] as const;

/** A use case's refusal of a form: field errors (catalog keys translated), or a sentence above the form. */
export function formRefusal(error: unknown, locale: Locale): { status: number; errors: Record<string, string>; alert?: string } {
  if (!(error instanceof AppError)) throw error;
  const t = groupsMessages(locale);
  if (error.code === 'groups.invalid') return { status: 422, errors: Object.fromEntries(error.issues.map((i) => [i.field, t(i.message as GroupsMessageKey)])) };
  if (error.code === 'files.refused') return { status: 422, errors: { files: error.localize(locale) } };
  if (['groups.closed', 'groups.already-participating', 'groups.request-decided', 'groups.not-participating', 'groups.not-representative', 'groups.co-chair-gone'].includes(error.code)) {
    return { status: error.status, errors: {}, alert: error.localize(locale) };
  }
  throw error;
}

export async function registerGroupPages(app: FastifyInstance, context: AppContext): Promise<void> {
  const { db } = context.database;
  const signedIn = authorizeBeforeBody(groupsPolicies.useAccount);
  const publicUrl = context.config.publicUrl;

  for (const locale of locales) {
    const t = groupsMessages(locale);
    const groupOf = async (request: FastifyRequest) => {
      const { group: slug } = parseParams(groupParamsSchema, request.params);
      const group = await findGroupBySlug(db, slug);
      if (!group) throw groupNotFound();
      return group;
    };

    app.get(`/${locale}/groups`, { schema: { hide: true } }, async (request, reply) =>
      context.cache.send(request, reply, html, async () => GroupsListPage({ locale, groups: (await groupsOverview({ db })).groups })),
    );

    app.get(`/${locale}/groups/memberships.csv`, { schema: { hide: true } }, async (request, reply) => {
      reply.header('content-disposition', 'attachment; filename="group-memberships.csv"');
      return context.cache.send(request, reply, csv, async () => membershipsCsv(locale, await membershipLines({ db })));
    });

    app.get(`/${locale}/groups/:group`, { schema: { hide: true } }, async (request, reply) => {
      const { group: slug } = parseParams(groupParamsSchema, request.params);
      const space = await groupSpace({ db, actor: await getActor(request), slug });
      const contributions = await listContributions(context.contributions, db, { group: space.group.id }, locale);
      const done = parseNotice(pageNotices, request.query);
      return sendPrivatePage(reply, GroupPage({ locale, space, contributions, csrfField: csrfField(request, reply), notice: done ? t(`done.${done}`) : undefined }));
    });

    app.get(`/${locale}/groups/:group/feed.atom`, { schema: { hide: true } }, async (request, reply) => {
      const group = await groupOf(request);
      return context.cache.send(request, reply, atomType, async () => {
        const items = await listActivity(context.activity, db, { groupIds: [group.id], visibility: 'public', since: new Date(0), until: new Date(Date.now() + 60_000), limit: 50 });
        return groupFeed({ group, items, locale, publicUrl });
      });
    });

    app.get(`/${locale}/groups/:group/memberships.csv`, { schema: { hide: true } }, async (request, reply) => {
      const { group: slug } = parseParams(groupParamsSchema, request.params);
      const lines = await membershipLines({ db, slug });
      reply.header('content-disposition', `attachment; filename="${slug}-memberships.csv"`);
      return context.cache.send(request, reply, csv, async () => membershipsCsv(locale, lines));
    });

    app.get(`/${locale}/groups/:group/documents/:document/versions/:number/:language`, { schema: { hide: true } }, async (request, reply) => {
      const { group, document, number, language } = parseParams(fileParamsSchema, request.params);
      const found = await documentFile({ db, actor: await getActor(request), slug: group, documentId: document, number, language });
      return sendStoredFile(reply, found.file, { name: found.name, audience: found.audience });
    });

    const joinForm = async (request: FastifyRequest, reply: FastifyReply, state: { values?: Record<string, string>; errors?: Record<string, string>; alert?: string | undefined }, status = 200) => {
      const group = await groupOf(request);
      const organisations = await representedOrganisations({ db, actor: await getActor(request) });
      return sendPrivatePage(reply, JoinPage({ locale, group, organisations, csrfField: csrfField(request, reply), ...state }), status);
    };

    app.get(`/${locale}/groups/:group/join`, { schema: { hide: true }, ...signedIn }, async (request, reply) => {
      const group = await groupOf(request);
      return joinForm(request, reply, group.state === 'active' ? {} : { alert: t('error.closed') });
    });

    app.post(`/${locale}/groups/:group/join`, { schema: { hide: true }, ...signedIn, preHandler: verifyCsrf }, async (request, reply) => {
      const group = await groupOf(request);
      const values = { role: formText(request.body, 'role'), supporter: formText(request.body, 'supporter'), message: formText(request.body, 'message') };
      try {
        await requestMembership({ db, actor: await getActor(request), groupId: group.id, role: values.role, supporterId: values.supporter || null, message: values.message, events: context.events, publicUrl });
      } catch (error) {
        const refusal = formRefusal(error, locale);
        return joinForm(request, reply, { values, errors: refusal.errors, alert: refusal.alert }, refusal.status);
      }
      return reply.redirect(`/${locale}/groups/${group.slug}?done=requested`, 303);
    });

    app.post(`/${locale}/groups/:group/leave`, { schema: { hide: true }, ...signedIn, preHandler: verifyCsrf }, async (request, reply) => {
      const group = await groupOf(request);
      try {
        await leaveGroup({ db, actor: await getActor(request), groupId: group.id, events: context.events });
      } catch (error) {
        // A participation already ended (a second click): back to the group; anything else is thrown.
        formRefusal(error, locale);
        return reply.redirect(`/${locale}/groups/${group.slug}`, 303);
      }
      return reply.redirect(`/${locale}/groups/${group.slug}?done=left`, 303);
    });
  }
}
