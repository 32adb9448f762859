/** All SQL of the working groups themselves. No rules here. */
import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../../app/database/database.js';
import { groups, type GroupRow } from './groups.tables.js';

export function createGroupsRepository(db: Executor) {
  return {
    async findBySlug(slug: string): Promise<GroupRow | undefined> {
      const [row] = await db.select().from(groups).where(eq(groups.slug, slug)).limit(1);
      return row;
    },

    async findById(id: string): Promise<GroupRow | undefined> {
      const [row] = await db.select().from(groups).where(eq(groups.id, id)).limit(1);
      return row;
    },

    /** Every group, numbered ones first (1–6), then the others by name. */
    async list(): Promise<GroupRow[]> {
      return db.select().from(groups).orderBy(asc(groups.number), asc(groups.slug));
    },
  };
}
