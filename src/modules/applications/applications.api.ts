import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context.js';
import { requestLocale } from '../../app/http/locale.js';
import { problemSchema } from '../../app/http/problem.schema.js';
import { listWithdrawnSupporters } from '../supporters/supporters.queries.js';
import { applicationMessages } from './applications.messages.js';
import { invalidForm } from './applications.errors.js';
import { applicationFormSchema, parseForm, withdrawnSupporterSchema } from './applications.schemas.js';
import { submitApplication } from './applications.usecases.js';
import { errorText } from './views/form-fields.js';

const tags = ['joining'];

const acceptedSchema = z.object({
  id: z.string().describe('Application id'),
  status: z.literal('pending-confirmation'),
  duplicate: z.boolean().describe('True when the same organisation and executive applied within the last 24 hours: no new application was created'),
});

/**
 * Applying through the API: the same validation and workflow as the form (the executive still confirms by e-mail).
 * It carries no cookie, so it needs no CSRF token; it is rate limited per client address like the form.
 */
export async function registerApplicationApi(root: FastifyInstance, context: AppContext): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();

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
      config: { rateLimit: { max: context.config.joinRateLimitPerHour, timeWindow: '1 hour' } },
    },
    async (request, reply) => {
      const locale = requestLocale(request);
      const body = typeof request.body === 'object' && request.body !== null ? (request.body as Record<string, unknown>) : {};
      const normalised = Object.fromEntries(Object.entries(body).map(([k, v]) => [k, typeof v === 'boolean' ? String(v) : v]));
      const parsed = parseForm(applicationFormSchema, normalised);
      if (!parsed.ok) {
        const t = applicationMessages(locale);
        throw invalidForm({}, Object.entries(parsed.errors).map(([field, key]) => ({ field, code: key, message: errorText(t, key) ?? key })));
      }
      const result = await submitApplication({ db: context.database.db, events: context.events, config: context.config }, { form: parsed.value, locale });
      return reply.code(202).send({ id: result.applicationId, status: 'pending-confirmation' as const, duplicate: result.duplicate });
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
      context.cache.send(request, reply, request.url, 'application/json; charset=utf-8', async () =>
        JSON.stringify({ items: await listWithdrawnSupporters({ db: context.database.db }) }),
      ),
  );
}
