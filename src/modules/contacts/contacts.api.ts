/**
 * The directory's read API, with the same authorization as its pages: `/api/v1/contacts` for the cooperation space
 * (designated contacts and the secretariat: every contact not withdrawn, all channels), `/api/v1/points-of-contact`
 * for everyone (published contacts with their published channels only).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { getActor } from '../../app/auth/auth.plugin.js';
import type { AppContext } from '../../app/context.js';
import { problemSchema } from '../../app/http/problem.schema.js';
import type { ChannelKind, ContactRole, ContactState } from './contacts.constants.js';
import { attestationDue } from './contacts.models.js';
import { searchDirectory } from './contacts.queries.js';
import { contactListSchema, directoryQuerySchema, type contactSummarySchema } from './contacts.schemas.js';

type Entry = Awaited<ReturnType<typeof searchDirectory>>['entries'][number];

const present = ({ contact, organisation, channels }: Entry): z.infer<typeof contactSummarySchema> => ({
  id: contact.id,
  name: contact.name,
  title: contact.title,
  role: contact.role as ContactRole,
  organisation: { name: organisation.name, slug: organisation.slug, countryCode: organisation.countryCode },
  languages: contact.languages,
  timeZone: contact.timeZone,
  weeklyHours: contact.weeklyHours,
  channels: channels.map((c) => ({ kind: c.kind as ChannelKind, value: c.value, is24x7: c.is24x7, priority: c.position })),
  state: contact.state as ContactState,
  lastAttested: contact.attestedAt?.toISOString() ?? null,
  attestationDueAt: attestationDue(contact)?.toISOString() ?? null,
  rfc2350Url: contact.rfc2350Url,
  securityTxtUrl: contact.securityTxtUrl,
  cvdPolicyUrl: contact.cvdPolicyUrl,
});

export async function registerContactsApi(root: FastifyInstance, context: AppContext): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = context.database;
  const list = (audience: 'members' | 'public') => async (request: FastifyRequest<{ Querystring: z.infer<typeof directoryQuerySchema> }>) => {
    const { page, pageSize, ...filter } = request.query;
    const found = await searchDirectory({ db, actor: await getActor(request), audience, filter, page, pageSize });
    return { total: found.total, page, pageSize, items: found.entries.map(present) } satisfies z.infer<typeof contactListSchema>;
  };
  app.get(
    '/api/v1/contacts',
    {
      schema: {
        tags: ['cooperation'],
        summary: 'The points-of-contact directory (cooperation space)',
        description: 'For the designated contacts of any organisation and the secretariat (session cookie): every contact not withdrawn, with all its channels, hours, languages and freshness. Others: 401 or 403.',
        querystring: directoryQuerySchema,
        response: { 200: contactListSchema, 400: problemSchema, 401: problemSchema, 403: problemSchema },
      },
    },
    list('members'),
  );
  app.get(
    '/api/v1/points-of-contact',
    {
      schema: {
        tags: ['cooperation'],
        summary: 'The public points-of-contact directory',
        description: 'Only the contacts that chose to publish, with only the channels they published. Also as CSV: /{locale}/points-of-contact.csv.',
        querystring: directoryQuerySchema,
        response: { 200: contactListSchema, 400: problemSchema },
      },
    },
    list('public'),
  );
}
