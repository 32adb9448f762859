import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '../../app/database/database.js';
import { supporters } from '../supporters/supporters.tables.js';

/** A withdrawn entry as the public sees it: when it joined and left, nothing personal, no reason. */
export const withdrawnSupporterSchema = z.object({
  slug: z.string(),
  name: z.string(),
  category: z.string().nullable(),
  countryCode: z.string().nullable(),
  joinedOn: z.string().nullable(),
  withdrawnOn: z.string(),
});
export type WithdrawnSupporter = z.infer<typeof withdrawnSupporterSchema>;

export async function listWithdrawn(db: Executor): Promise<WithdrawnSupporter[]> {
  const rows = await db
    .select({
      slug: supporters.slug,
      name: supporters.name,
      category: supporters.category,
      countryCode: supporters.countryCode,
      joinedOn: supporters.joinedOn,
      withdrawnOn: supporters.withdrawnOn,
    })
    .from(supporters)
    .where(eq(supporters.status, 'withdrawn'))
    .orderBy(desc(supporters.withdrawnOn), supporters.sortName);
  return rows.map((r) => ({ ...r, withdrawnOn: r.withdrawnOn ?? '' }));
}
