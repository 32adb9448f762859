/** The working groups' read API: the list (paged, with `total`) and one group with its public documents and news. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { anonymous } from '../../app/authz/actor.js';
import type { AppContext } from '../../app/context.js';
import { problemSchema } from '../../app/http/problem.schema.js';
import { groupSpace, groupsOverview, type GroupSummary } from './groups.queries.js';
import { groupDetailSchema, groupListQuerySchema, groupListSchema, groupParamsSchema, type groupSummarySchema } from './groups.schemas.js';

const presentSummary = ({ group, coChairs, members, documents }: GroupSummary): z.infer<typeof groupSummarySchema> => ({
  slug: group.slug,
  number: group.number,
  name: group.name,
  state: group.state as 'active' | 'closed',
  coChairs,
  memberOrganisations: members,
  documents,
});

export async function registerGroupsApi(root: FastifyInstance, context: AppContext): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = context.database;
  app.get(
    '/api/v1/working-groups',
    {
      schema: {
        tags: ['working-groups'],
        summary: 'The Call\'s working groups',
        description: 'Each group with its co-chair organisations (linked to the registry where they are supporters) and its counts. Member organisations as CSV: /{locale}/groups/memberships.csv.',
        querystring: groupListQuerySchema,
        response: { 200: groupListSchema, 400: problemSchema },
      },
    },
    async (request) => {
      const { page, pageSize } = request.query;
      const { groups, total } = await groupsOverview({ db, page, pageSize });
      return { total, page, pageSize, items: groups.map(presentSummary) } satisfies z.infer<typeof groupListSchema>;
    },
  );
  app.get(
    '/api/v1/working-groups/:group',
    {
      schema: {
        tags: ['working-groups'],
        summary: 'One working group',
        description: 'Its mandate, co-chairs, member organisations (no person), public documents with their versions, and public news.',
        params: groupParamsSchema,
        response: { 200: groupDetailSchema, 400: problemSchema, 404: problemSchema },
      },
    },
    async (request) => {
      const space = await groupSpace({ db, actor: anonymous, slug: request.params.group });
      const { group } = space;
      return {
        slug: group.slug,
        number: group.number,
        name: group.name,
        state: group.state as 'active' | 'closed',
        mandate: group.mandate,
        coChairs: space.coChairs,
        memberOrganisations: space.members.map((m) => ({ name: m.name, supporterSlug: m.supporterSlug })),
        documents: space.documents.map(({ document, versions }) => ({
          id: document.id,
          kind: document.kind as 'draft' | 'deliverable',
          title: document.title,
          officialUrl: document.officialUrl,
          publishedOn: document.publishedOn,
          versions: versions.map((v) => ({ number: v.number, createdAt: v.createdAt.toISOString(), languages: (['en', 'fr'] as const).filter((l) => v.files[l]) })),
        })),
        news: space.news.map((n) => ({ id: n.id, title: n.title, body: n.body, createdAt: n.createdAt.toISOString() })),
      } satisfies z.infer<typeof groupDetailSchema>;
    },
  );
}
