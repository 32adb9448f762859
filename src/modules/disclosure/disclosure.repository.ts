/** All SQL of the disclosure-policy registry, over `db` (a transaction may be passed). No rules here. */
import { and, asc, count, eq, gt, inArray, isNotNull, lte, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../app/database/database.js';
import { expiringSoonDays, freshDays, type FreshnessFilter } from './disclosure.constants.js';
import { disclosurePolicies as policies } from './disclosure.tables.js';

export type PolicyRow = typeof policies.$inferSelect;
export type PolicyInsert = typeof policies.$inferInsert;

export interface PublicFilters {
  q?: string | undefined;
  hasPolicy?: boolean | undefined;
  freshness?: FreshnessFilter | undefined;
  country?: string | undefined;
  category?: string | undefined;
}

const dayMs = 86_400_000;

function freshnessWhere(filter: FreshnessFilter, now: Date): SQL | undefined {
  switch (filter) {
    case 'fresh':
      return and(eq(policies.fetchStatus, 'ok'), gt(policies.lastFetchedAt, new Date(now.getTime() - freshDays * dayMs)));
    case 'expired':
      return lte(policies.expiresAt, now);
    case 'expiring':
      return and(gt(policies.expiresAt, now), lte(policies.expiresAt, new Date(now.getTime() + expiringSoonDays * dayMs)));
    case 'unreachable':
      return eq(policies.fetchStatus, 'unreachable');
  }
}

function publicWhere(filters: PublicFilters, now: Date): SQL | undefined {
  const terms = (filters.q ?? '').split(' ').filter(Boolean).slice(0, 6);
  return and(
    eq(policies.supporterStatus, 'published'),
    ...terms.map((term) => sql`${policies.sortName} like ${`%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`),
    filters.hasPolicy === undefined
      ? undefined
      : filters.hasPolicy
        ? sql`(jsonb_array_length(${policies.policyUrls}) > 0 or jsonb_array_length(coalesce(${policies.summary}->'policy', '[]'::jsonb)) > 0)`
        : sql`(jsonb_array_length(${policies.policyUrls}) = 0 and jsonb_array_length(coalesce(${policies.summary}->'policy', '[]'::jsonb)) = 0)`,
    filters.freshness ? freshnessWhere(filters.freshness, now) : undefined,
    filters.country ? eq(policies.countryCode, filters.country) : undefined,
    filters.category ? eq(policies.category, filters.category) : undefined,
  );
}

export function createDisclosureRepository(db: Executor) {
  return {
    async findById(id: string): Promise<PolicyRow | undefined> {
      const [row] = await db.select().from(policies).where(eq(policies.id, id)).limit(1);
      return row;
    },

    async findBySupporter(supporterId: string): Promise<PolicyRow | undefined> {
      const [row] = await db.select().from(policies).where(eq(policies.supporterId, supporterId)).limit(1);
      return row;
    },

    async findBySlug(slug: string): Promise<PolicyRow | undefined> {
      const [row] = await db.select().from(policies).where(eq(policies.supporterSlug, slug)).limit(1);
      return row;
    },

    /** Creates the supporter's entry unless it has one (then undefined: of two at once, one wins). */
    async insert(row: PolicyInsert): Promise<PolicyRow | undefined> {
      const [inserted] = await db.insert(policies).values(row).onConflictDoNothing().returning();
      return inserted;
    },

    async update(id: string, set: Partial<PolicyInsert>): Promise<PolicyRow | undefined> {
      const [row] = await db.update(policies).set(set).where(eq(policies.id, id)).returning();
      return row;
    },

    async listPublic(filters: PublicFilters, now: Date, page?: { offset: number; limit: number }): Promise<PolicyRow[]> {
      const query = db.select().from(policies).where(publicWhere(filters, now)).orderBy(asc(policies.sortName), asc(policies.id));
      return page ? query.offset(page.offset).limit(page.limit) : query;
    },

    async countPublic(filters: PublicFilters, now: Date): Promise<number> {
      const [row] = await db.select({ n: count() }).from(policies).where(publicWhere(filters, now));
      return row?.n ?? 0;
    },

    /** Entries that have a URL to fetch, by id (the daily refresh). */
    async idsToRefresh(): Promise<string[]> {
      const rows = await db.select({ id: policies.id }).from(policies).where(and(isNotNull(policies.securityTxtUrl), eq(policies.supporterStatus, 'published'))).orderBy(asc(policies.id));
      return rows.map((row) => row.id);
    },

    /** The countries and categories the public entries have, for the filters. */
    async facets(): Promise<{ countries: string[]; categories: string[] }> {
      const published = eq(policies.supporterStatus, 'published');
      const countries = await db.selectDistinct({ value: policies.countryCode }).from(policies).where(and(published, isNotNull(policies.countryCode))).orderBy(asc(policies.countryCode));
      const categories = await db.selectDistinct({ value: policies.category }).from(policies).where(and(published, isNotNull(policies.category))).orderBy(asc(policies.category));
      return { countries: countries.map((r) => r.value as string), categories: categories.map((r) => r.value as string) };
    },

    async findBySupporters(ids: string[]): Promise<PolicyRow[]> {
      if (ids.length === 0) return [];
      return db.select().from(policies).where(inArray(policies.supporterId, ids));
    },
  };
}
