import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context.js';
import { requestLocale } from '../../app/http/locale.js';
import { parseOrThrow } from '../../app/http/validation.js';
import type { Locale } from '../../app/i18n/i18n.js';
import { slugParamsSchema } from '../supporters/supporters.schemas.js';
import { problemSchema } from '../../app/http/problem.schema.js';
import { listWithdrawnSupporters } from '../supporters/supporters.queries.js';
import { applicationMessages } from './applications.messages.js';
import { invalidForm } from './applications.errors.js';
import { applicationFormSchema, claimFormSchema, parseForm, withdrawnSupporterSchema } from './applications.schemas.js';
import { getClaimTarget, findEntriesLike, submitClaim } from './applications.claims.js';
import { submitApplication, type ApplicationsDeps } from './applications.usecases.js';
import { errorText } from './views/form-fields.js';
import { joinBudget } from './applications.http.js';

const tags = ['joining'];

const matchSchema = z.object({
  slug: z.string().describe('Slug of the entry already in the registry'),
  name: z.string(),
  reason: z.enum(['similar-name', 'same-domain']).describe('Why it matches: a similar name, or a website on the same registrable domain'),
  claim: z.string().describe('Where to apply to represent this entry instead (POST, same people fields)'),
});

const acceptedSchema = z.object({
  id: z.string().describe('Application id'),
  status: z.literal('pending-confirmation'),
  duplicate: z.boolean().describe('True when the same organisation and executive applied within the last 24 hours: no new application was created'),
  matches: z
    .array(matchSchema)
    .describe('Entries already in the registry that look like this organisation. If one is yours, claim it rather than joining twice; the secretariat sees the matches too'),
});

const claimAcceptedSchema = z.object({
  id: z.string().describe('Id of the claim (an application of kind "claim")'),
  status: z.literal('pending-confirmation'),
  duplicate: z.boolean().describe('True when the same executive claimed this entry within the last 24 hours: no new claim was created'),
  supporter: z.object({ slug: z.string(), name: z.string() }).describe('The entry claimed'),
});

const claimPath = (slug: string) => `/api/v1/supporters/${encodeURIComponent(slug)}/claims`;

/** Form-style booleans: the API takes JSON `true`, the shared schema the form's "true"/"on". */
function normaliseBody(body: unknown): Record<string, unknown> {
  const object = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  return Object.fromEntries(Object.entries(object).map(([k, v]) => [k, typeof v === 'boolean' ? String(v) : v]));
}

function invalid(locale: Locale, errors: Record<string, string>) {
  const t = applicationMessages(locale);
  return invalidForm({}, Object.entries(errors).map(([field, key]) => ({ field, code: key, message: errorText(t, key) ?? key })));
}

/**
 * Applying through the API: the same validation and workflow as the form (the executive still confirms by e-mail), to
 * join or to represent an entry already in the registry (a claim).
 * It carries no cookie, so it needs no CSRF token; it is rate limited per client address like the form.
 */
export async function registerApplicationApi(root: FastifyInstance, context: AppContext): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const deps: ApplicationsDeps = { db: context.database.db, events: context.events, config: context.config };
  const joinLimit = joinBudget(context);

  app.post(
    '/api/v1/applications',
    {
      schema: {
        tags,
        summary: 'Apply to join the Call',
        description:
          'Creates an application waiting for confirmation: a link valid 7 days is e-mailed to `executiveEmail`. Names and e-mail addresses are never published. `acceptCall` and `acceptPrivacy` must be "true".',
        body: applicationFormSchema,
        response: { 202: acceptedSchema, 400: problemSchema, 422: problemSchema, 429: problemSchema },
      },
      // The body is validated below with localized messages, not by the route's compiler.
      validatorCompiler: () => (data) => ({ value: data }),
      onRequest: joinLimit,
    },
    async (request, reply) => {
      const locale = requestLocale(request);
      const parsed = parseForm(applicationFormSchema, normaliseBody(request.body));
      if (!parsed.ok) throw invalid(locale, parsed.errors);
      const result = await submitApplication(deps, { form: parsed.value, locale });
      const matches = await findEntriesLike(deps.db, parsed.value);
      return reply.code(202).send({
        id: result.applicationId,
        status: 'pending-confirmation' as const,
        duplicate: result.duplicate,
        matches: matches.map((m) => ({ slug: m.slug, name: m.name, reason: m.reason, claim: claimPath(m.slug) })),
      });
    },
  );

  app.post(
    '/api/v1/supporters/:slug/claims',
    {
      schema: {
        tags,
        summary: 'Apply to represent an entry already in the registry',
        description:
          'Creates a claim waiting for confirmation: a link valid 7 days is e-mailed to `executiveEmail`; once confirmed, the secretariat checks the same evidence as for joining (e-mail domain, verification file or DNS record at the entry\'s website, note verbale for states) and approves or rejects it. If the entry already has representatives, they are told and the secretariat decides between the parties. A withdrawn entry cannot be claimed (410). `acceptPrivacy` must be "true".',
        params: slugParamsSchema,
        body: claimFormSchema,
        response: { 202: claimAcceptedSchema, 400: problemSchema, 404: problemSchema, 410: problemSchema, 422: problemSchema, 429: problemSchema },
      },
      validatorCompiler: () => (data) => ({ value: data }),
      onRequest: joinLimit,
    },
    async (request, reply) => {
      const locale = requestLocale(request);
      const { slug } = parseOrThrow(slugParamsSchema, request.params, locale);
      const parsed = parseForm(claimFormSchema, normaliseBody(request.body));
      if (!parsed.ok) {
        await getClaimTarget(deps.db, slug); // a missing or withdrawn entry is said first: correcting the fields would not help
        throw invalid(locale, parsed.errors);
      }
      const result = await submitClaim(deps, { slug, form: parsed.value, locale });
      return reply.code(202).send({ id: result.applicationId, status: 'pending-confirmation' as const, duplicate: result.duplicate, supporter: { slug: result.entry.slug, name: result.entry.name } });
    },
  );

  app.get(
    '/api/v1/withdrawals',
    {
      schema: {
        tags: ['supporters'],
        summary: 'Supporters that withdrew',
        description: 'The public history of withdrawals: name, category, country, and the dates the supporter joined and withdrew.',
        response: { 200: z.object({ items: z.array(withdrawnSupporterSchema) }) },
      },
    },
    async (request, reply) =>
      context.cache.send(request, reply, 'application/json; charset=utf-8', async () =>
        JSON.stringify({ items: await listWithdrawnSupporters({ db: context.database.db }) }),
      ),
  );
}
