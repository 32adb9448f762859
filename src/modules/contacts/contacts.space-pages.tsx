/**
 * The cooperation space's pages, in every language: the hub (public intro; members see the space's links), the
 * directory (designated contacts and the secretariat) with each contact's page and key downloads, the contact's own
 * forms on their page (details and publication, keys, attestation), the e-mailed links (accept a nomination, attest),
 * and the public directory with its CSV (only what contacts published). A form from an older version of the record
 * gets the 409 page: it is checked first, as anyone in the space can see the record and its version.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { getActor, signIn } from '../../app/auth/auth.plugin.js';
import { csrfField, verifyCsrf } from '../../app/auth/csrf.js';
import { peekToken } from '../../app/auth/tokens.js';
import { authorizeBeforeBody } from '../../app/authz/before-body.js';
import { can } from '../../app/authz/policy.js';
import type { AppContext } from '../../app/context.js';
import { AppError } from '../../app/http/errors.js';
import { formText, sendPrivatePage } from '../../app/http/private-page.js';
import { parseNotice, parseOrThrow, parseParams } from '../../app/http/validation.js';
import { locales, type Locale } from '../../app/i18n/i18n.js';
import { attestByLink, attestContact } from './contacts.attestation.js';
import { contactLimits, directoryPageSize } from './contacts.constants.js';
import { publicDirectoryCsv } from './contacts.csv.js';
import { contactChanged, keyRefused } from './contacts.errors.js';
import { rawFromForm, valuesOfBody, valuesOfContact, type FormErrors, type FormValues } from './contacts.forms.js';
import { addContactKey, removeContactKey } from './contacts.keyring.js';
import { contactsMessages } from './contacts.messages.js';
import { checkDetails } from './contacts.models.js';
import { contactsPolicies } from './contacts.policies.js';
import { contactInSpace, contactKey, searchDirectory } from './contacts.queries.js';
import { createContactsRepository } from './contacts.repository.js';
import { contactParamsSchema, directoryQuerySchema, keyParamsSchema, tokenQuerySchema } from './contacts.schemas.js';
import { registerUploads, uploadedText } from './contacts.uploads.js';
import { acceptNomination, updateContact } from './contacts.usecases.js';
import { ContactPage, DirectoryPage, HubPage, LinkPage } from './views/cooperation-pages.js';

const notices = ['attested', 'updated', 'keyAdded', 'keyRemoved'] as const;

/** The directory's query as the form sent it, to fill the form and the paging links again. */
const queryValues = (query: unknown): Record<string, string> =>
  Object.fromEntries(Object.entries((query ?? {}) as Record<string, unknown>).filter(([k, v]) => typeof v === 'string' && v !== '' && k !== 'page')) as Record<string, string>;

export async function registerSpacePages(app: FastifyInstance, context: AppContext): Promise<void> {
  const { db } = context.database;
  const publicUrl = context.config.publicUrl;
  const post = { schema: { hide: true }, preHandler: verifyCsrf };
  // The contact's own forms refuse a visitor before reading the body; each then authorizes its subject.
  const ownPost = { ...post, ...authorizeBeforeBody(contactsPolicies.useAccount) };

  await app.register(async (scope) => {
    await registerUploads(scope, contactLimits.keyBytes);
    for (const locale of locales) {
      const t = contactsMessages(locale);

      scope.get(`/${locale}/cooperation`, { schema: { hide: true } }, async (request, reply) =>
        // Per visitor (the members' links), so never in the shared cache.
        sendPrivatePage(reply, HubPage({ locale, member: can(await getActor(request), contactsPolicies.viewDirectory, undefined) })),
      );

      const directory = (audience: 'members' | 'public') => async (request: FastifyRequest, reply: FastifyReply) => {
        const query = parseOrThrow(directoryQuerySchema, request.query, locale);
        const found = await searchDirectory({ db, actor: await getActor(request), audience, filter: query, page: query.page, pageSize: directoryPageSize });
        const page = DirectoryPage({ locale, audience, query: queryValues(request.query), entries: found.entries, total: found.total, page: query.page, pages: found.pages, counts: found.counts, now: new Date() });
        return sendPrivatePage(reply, page);
      };
      scope.get(`/${locale}/cooperation/contacts`, { schema: { hide: true } }, directory('members'));
      scope.get(`/${locale}/points-of-contact`, { schema: { hide: true } }, directory('public'));

      scope.get(`/${locale}/points-of-contact.csv`, { schema: { hide: true } }, async (request, reply) => {
        const found = await searchDirectory({ db, actor: await getActor(request), audience: 'public', filter: {}, page: 1, pageSize: 100_000 });
        return reply.header('cache-control', 'no-store').header('content-disposition', 'attachment; filename="points-of-contact.csv"').type('text/csv; charset=utf-8').send(publicDirectoryCsv(locale, found.entries));
      });

      const contactPage = async (request: FastifyRequest, reply: FastifyReply, state: { values?: FormValues; errors?: FormErrors; keyError?: string; notice?: string; alert?: string }, status = 200) => {
        const { contact: contactId } = parseParams(contactParamsSchema, request.params);
        const found = await contactInSpace({ db, actor: await getActor(request), contactId });
        const values = { ...valuesOfContact(found.contact, found.channels), ...(state.values ?? {}), version: String(found.contact.version) };
        return sendPrivatePage(reply, ContactPage({ locale, ...found, csrfField: csrfField(request, reply), values, errors: state.errors, keyError: state.keyError, notice: state.notice, alert: state.alert, now: new Date() }), status);
      };

      scope.get(`/${locale}/cooperation/contacts/:contact`, { schema: { hide: true } }, async (request, reply) => {
        const done = parseNotice(notices, request.query);
        return contactPage(request, reply, done ? { notice: t(`done.${done}`) } : {});
      });

      scope.get(`/${locale}/cooperation/contacts/:contact/keys/:key`, { schema: { hide: true } }, async (request, reply) => {
        const params = parseParams(keyParamsSchema, request.params);
        const key = await contactKey({ db, actor: await getActor(request), contactId: params.contact, keyId: params.key });
        return reply
          .header('cache-control', 'no-store')
          .header('x-content-type-options', 'nosniff')
          .header('content-disposition', `attachment; filename="${key.fingerprint}.asc"`)
          .type('text/plain; charset=utf-8')
          .send(key.armored);
      });

      /** Runs one of the contact's own forms: the version is checked first, then the use case; refusals re-show the page. */
      const own = (run: (request: FastifyRequest, contactId: string) => Promise<unknown>, done: (typeof notices)[number], onError: (error: AppError, request: FastifyRequest) => Parameters<typeof contactPage>[2] | null) =>
        async (request: FastifyRequest, reply: FastifyReply) => {
          const { contact: contactId } = parseParams(contactParamsSchema, request.params);
          const found = await contactInSpace({ db, actor: await getActor(request), contactId });
          try {
            if (Number(formText(request.body, 'version')) !== found.contact.version) throw contactChanged();
            await run(request, contactId);
          } catch (error) {
            if (!(error instanceof AppError)) throw error;
            const state = onError(error, request) ?? (error.status < 500 && error.status !== 404 ? { alert: error.localize(locale) } : null);
            if (!state) throw error;
            return contactPage(request, reply, state, error.status);
          }
          return reply.redirect(`/${locale}/cooperation/contacts/${contactId}?done=${done}`, 303);
        };

      scope.post(`/${locale}/cooperation/contacts/:contact/attest`, ownPost, own(async (request, contactId) => attestContact({ db, actor: await getActor(request), contactId }), 'attested', () => null));

      scope.post(`/${locale}/cooperation/contacts/:contact/edit`, ownPost, own(async (request, contactId) => {
        const checked = checkDetails(rawFromForm(request.body));
        if (!checked.ok) throw Object.assign(new AppError('contacts.invalid', 422, (l) => contactsMessages(l)('error.invalid')), { errors: checked.errors });
        return updateContact({ db, actor: await getActor(request), publicUrl, contactId, version: Number(formText(request.body, 'version')), details: checked.value, published: formText(request.body, 'published') === 'yes' });
      }, 'updated', (error, request) => (error.code === 'contacts.invalid' ? { values: valuesOfBody(request.body), errors: (error as AppError & { errors: FormErrors }).errors } : null)));

      scope.post(`/${locale}/cooperation/contacts/:contact/keys`, ownPost, own(async (request, contactId) => {
        const upload = uploadedText(request.body, 'keyFile', 'armored');
        if (upload.tooLarge) throw keyRefused({ problem: 'key.tooLarge' });
        return addContactKey({ db, actor: await getActor(request), contactId, armored: upload.text });
      }, 'keyAdded', (error, request) => (error.code === 'contacts.key-refused' ? { keyError: error.localize(locale), values: { armored: formText(request.body, 'armored') } } : null)));

      scope.post(`/${locale}/cooperation/contacts/:contact/keys/:key/remove`, ownPost, own(async (request, contactId) =>
        removeContactKey({ db, actor: await getActor(request), contactId, keyId: parseParams(keyParamsSchema, request.params).key }), 'keyRemoved', () => null));

      // ——— The e-mailed links ———
      const linkGet = (kind: 'accept' | 'attest', purpose: string) => async (request: FastifyRequest, reply: FastifyReply) => {
        const { token } = parseOrThrow(tokenQuerySchema, request.query, locale);
        const peek = await peekToken(db, purpose, token);
        if (peek.status !== 'ok') return sendPrivatePage(reply, LinkPage({ locale, kind, outcome: peek.status }), 410);
        const contact = await createContactsRepository(db).findById(peek.token.subjectId);
        if (!contact || contact.state === 'withdrawn') return sendPrivatePage(reply, LinkPage({ locale, kind, outcome: 'expired' }), 410);
        return sendPrivatePage(reply, LinkPage({ locale, kind, outcome: 'form', token, csrfField: csrfField(request, reply), name: contact.name }));
      };
      scope.get(`/${locale}/cooperation/accept`, { schema: { hide: true } }, linkGet('accept', 'contact.accept'));
      scope.get(`/${locale}/cooperation/attest`, { schema: { hide: true } }, linkGet('attest', 'contact.attest'));

      scope.post(`/${locale}/cooperation/accept`, post, async (request, reply) => {
        const token = formText(request.body, 'token');
        const result = await acceptNomination({ db, actor: await getActor(request), token, locale: locale as Locale });
        if (result.status !== 'ok') return sendPrivatePage(reply, LinkPage({ locale, kind: 'accept', outcome: result.status }), 410);
        if (result.signIn) await signIn(request, reply, { userId: result.userId, method: 'email-link' });
        return sendPrivatePage(reply, LinkPage({ locale, kind: 'accept', outcome: 'done', name: result.contact.name, contactPath: `/${locale}/cooperation/contacts/${result.contact.id}` }));
      });

      scope.post(`/${locale}/cooperation/attest`, post, async (request, reply) => {
        const result = await attestByLink({ db, token: formText(request.body, 'token') });
        if (result.status !== 'ok') return sendPrivatePage(reply, LinkPage({ locale, kind: 'attest', outcome: result.status }), 410);
        return sendPrivatePage(reply, LinkPage({ locale, kind: 'attest', outcome: 'done', name: result.contact.name }));
      });
    }
  });
}
