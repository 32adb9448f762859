import { and, eq, ilike, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../app/database/database.js';
import { sortName } from '../supporters/supporters.models.js';
import { supporters } from '../supporters/supporters.tables.js';
import type { ApplicationDuplicate } from './applications.tables.js';
import { registrableDomain } from './applications.verification.js';

/** Names this similar (trigram similarity of folded names) are flagged: "Société Générale" vs "Societe Generale SA". */
export const similarityThreshold = 0.45;

/**
 * Published supporters that may be the same organisation: a similar name, or a website on the same registrable
 * domain. Shown to moderators, never decided automatically (two universities may share a domain with their faculty).
 */
export async function findDuplicates(
  db: Executor,
  input: { name: string; website?: string | null; excludeSupporterId?: string | null },
): Promise<ApplicationDuplicate[]> {
  const folded = sortName(input.name);
  const published = and(eq(supporters.status, 'published'), input.excludeSupporterId ? ne(supporters.id, input.excludeSupporterId) : undefined);
  const similarity = sql<number>`similarity(${supporters.sortName}, ${folded})`;
  const byName = folded
    ? await db
        .select({ id: supporters.id, slug: supporters.slug, name: supporters.name, similarity })
        .from(supporters)
        .where(and(published, sql`${similarity} >= ${similarityThreshold}`))
        .orderBy(sql`${similarity} desc`)
        .limit(5)
    : [];
  const found: ApplicationDuplicate[] = byName.map((r) => ({ supporterId: r.id, slug: r.slug, name: r.name, reason: 'similar-name', similarity: Math.round(Number(r.similarity) * 100) / 100 }));
  const domain = input.website ? registrableDomain(input.website) : null;
  if (domain) {
    const candidates = await db
      .select({ id: supporters.id, slug: supporters.slug, name: supporters.name, website: supporters.website })
      .from(supporters)
      .where(and(published, ilike(supporters.website, `%${domain.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)))
      .limit(20);
    for (const c of candidates) {
      if (c.website && registrableDomain(c.website) === domain && !found.some((f) => f.supporterId === c.id)) {
        found.push({ supporterId: c.id, slug: c.slug, name: c.name, reason: 'same-domain' });
      }
    }
  }
  return found.slice(0, 5);
}
