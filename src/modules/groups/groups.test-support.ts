/** Working groups for tests of the modules that work inside one (consultations, events, notifications). */
import { grantRole } from '../../app/authz/grants.js';
import type { Executor } from '../../app/database/database.js';
import { groups, type GroupRow } from './groups.tables.js';

let serial = 0;

/** Inserts a group and grants the given people their roles in it (scoped roles, audited like any grant). */
export async function seedGroup(
  db: Executor,
  options: { slug?: string; number?: number; name?: { en: string; fr: string }; coChairs?: string[]; members?: string[]; observers?: string[] } = {},
): Promise<GroupRow> {
  const slug = options.slug ?? `test-group-${++serial}-${Date.now().toString(36)}`;
  const [group] = await db
    .insert(groups)
    .values({ slug, number: options.number ?? null, name: options.name ?? { en: `Group ${slug}`, fr: `Groupe ${slug}` }, createdBy: 'test:setup' })
    .returning();
  for (const [role, userIds] of [['co-chair', options.coChairs], ['member', options.members], ['observer', options.observers]] as const) {
    for (const userId of userIds ?? []) await grantRole(db, 'test:setup', { userId, role, scopeId: group!.id });
  }
  return group!;
}
