/**
 * The co-chairs' pages in every language: the requests to answer, the participants, news and documents. Each route
 * refuses an anonymous visitor before reading the body; the use cases refuse whoever is not a co-chair of the group
 * (or the secretariat). A decline or removal without a reason re-renders the page with the error beside the field.
 */
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { getActor } from '../../app/auth/auth.plugin.js';
import { csrfField, verifyCsrf } from '../../app/auth/csrf.js';
import { authorizeBeforeBody } from '../../app/authz/before-body.js';
import type { AppContext } from '../../app/context.js';
import { formText, sendPrivatePage } from '../../app/http/private-page.js';
import { parseNotice, parseParams } from '../../app/http/validation.js';
import { locales } from '../../app/i18n/i18n.js';
import { maxDocumentBytes } from './groups.constants.js';
import { addDocument, addDocumentVersion, postNews, type Upload } from './groups.content.js';
import { groupsMessages } from './groups.messages.js';
import { formRefusal, pageNotices } from './groups.pages.js';
import { groupsPolicies } from './groups.policies.js';
import { chairSpace } from './groups.queries.js';
import { documentParamsSchema, groupParamsSchema, membershipParamsSchema } from './groups.schemas.js';
import { acceptRequest, declineRequest, removeParticipant } from './groups.usecases.js';
import { ManagePage, type ManagePageProps } from './views/manage-page.js';

type FormUpload = { name: string; bytes: Buffer; truncated: boolean };

/** The files sent as `file-en` and `file-fr` (an empty file input sends a nameless empty part: none). */
function uploadsOf(body: unknown): Partial<Record<'en' | 'fr', Upload>> {
  const out: Partial<Record<'en' | 'fr', Upload>> = {};
  for (const language of ['en', 'fr'] as const) {
    const value = (body as Record<string, unknown> | undefined)?.[`file-${language}`] as FormUpload | undefined;
    if (value && typeof value === 'object' && 'bytes' in value && value.name && (value.bytes.length > 0 || value.truncated)) {
      // A file cut at the size limit is sent on with one byte more than the limit, so the files store refuses it by size.
      out[language] = { name: value.name, bytes: value.truncated ? Buffer.alloc(maxDocumentBytes + 1) : value.bytes };
    }
  }
  return out;
}

export async function registerGroupManagePages(app: FastifyInstance, context: AppContext): Promise<void> {
  const { db } = context.database;
  const signedIn = authorizeBeforeBody(groupsPolicies.useAccount);
  const publicUrl = context.config.publicUrl;

  await app.register(async (scope) => {
    await scope.register(multipart, {
      attachFieldsToBody: 'keyValues',
      throwFileSizeLimit: false,
      limits: { fileSize: maxDocumentBytes, files: 2, fields: 20, fieldSize: 100 * 1024, parts: 24 },
      async onFile(part) {
        const bytes = await part.toBuffer();
        (part as unknown as { value: FormUpload }).value = { name: part.filename, bytes, truncated: part.file.truncated };
      },
    });

    for (const locale of locales) {
      const t = groupsMessages(locale);
      const base = (slug: string) => `/${locale}/groups/${slug}`;

      const page = async (request: FastifyRequest, reply: FastifyReply, state: Pick<ManagePageProps, 'notice' | 'alert' | 'form'>, status = 200) => {
        const { group: slug } = parseParams(groupParamsSchema, request.params);
        const space = await chairSpace({ db, actor: await getActor(request), slug });
        return sendPrivatePage(reply, ManagePage({ locale, space, csrfField: csrfField(request, reply), ...state }), status);
      };
      const groupIdOf = async (request: FastifyRequest) => {
        const { group: slug } = parseParams(groupParamsSchema, request.params);
        return (await chairSpace({ db, actor: await getActor(request), slug })).group;
      };

      scope.get(`${base(':group')}/manage`, { schema: { hide: true }, ...signedIn }, async (request, reply) => {
        const done = parseNotice(pageNotices, request.query);
        return page(request, reply, { notice: done ? t(`done.${done}`) : undefined });
      });

      /** Runs a co-chair's form: success → the page with a notice; refusal → the page again, with what was typed. */
      const handle = (formId: (request: FastifyRequest) => string, run: (request: FastifyRequest, groupId: string) => Promise<unknown>, done: (typeof pageNotices)[number]) =>
        async (request: FastifyRequest, reply: FastifyReply) => {
          const group = await groupIdOf(request);
          try {
            await run(request, group.id);
          } catch (error) {
            const refusal = formRefusal(error, locale);
            const values = Object.fromEntries(Object.entries((request.body ?? {}) as Record<string, unknown>).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
            return page(request, reply, { alert: refusal.alert, form: { id: formId(request), errors: refusal.errors, values } }, refusal.status);
          }
          return reply.redirect(`${base(group.slug)}/manage?done=${done}`, 303);
        };
      const membershipOf = (request: FastifyRequest) => parseParams(membershipParamsSchema, request.params).membership;
      const options = { schema: { hide: true }, ...signedIn, preHandler: verifyCsrf };

      scope.post(`${base(':group')}/requests/:membership/accept`, options, handle((r) => `accept-${membershipOf(r)}`, async (request, groupId) =>
        acceptRequest({ db, actor: await getActor(request), groupId, membershipId: membershipOf(request), events: context.events, publicUrl }), 'accepted'));

      scope.post(`${base(':group')}/requests/:membership/decline`, options, handle((r) => `decline-${membershipOf(r)}`, async (request, groupId) =>
        declineRequest({ db, actor: await getActor(request), groupId, membershipId: membershipOf(request), reason: formText(request.body, 'reason'), events: context.events, publicUrl }), 'declined'));

      scope.post(`${base(':group')}/participants/:membership/remove`, options, handle((r) => `remove-${membershipOf(r)}`, async (request, groupId) =>
        removeParticipant({ db, actor: await getActor(request), groupId, membershipId: membershipOf(request), reason: formText(request.body, 'reason'), events: context.events, publicUrl }), 'removed'));

      scope.post(`${base(':group')}/news`, options, handle(() => 'news', async (request, groupId) => {
        const body = request.body;
        return postNews({
          db, actor: await getActor(request), groupId, events: context.events, visibility: formText(body, 'visibility'),
          title: { en: formText(body, 'title-en'), fr: formText(body, 'title-fr') }, body: { en: formText(body, 'body-en'), fr: formText(body, 'body-fr') },
        });
      }, 'news'));

      scope.post(`${base(':group')}/documents`, options, handle(() => 'document', async (request, groupId) => {
        const body = request.body;
        return addDocument({
          db, actor: await getActor(request), groupId, events: context.events, kind: formText(body, 'kind'), visibility: formText(body, 'visibility'),
          title: { en: formText(body, 'title-en'), fr: formText(body, 'title-fr') }, uploads: uploadsOf(body),
        });
      }, 'document'));

      scope.post(`${base(':group')}/documents/:document/versions`, options, handle((r) => `version-${parseParams(documentParamsSchema, r.params).document}`, async (request, groupId) =>
        addDocumentVersion({ db, actor: await getActor(request), groupId, documentId: parseParams(documentParamsSchema, request.params).document, uploads: uploadsOf(request.body), note: formText(request.body, 'note'), events: context.events }), 'version'));
    }
  });
}
