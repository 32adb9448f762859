/** All SQL of incidents, the crosswalk and the scoring configurations. No rules here. */
import { and, asc, count, desc, eq, inArray, max, or, type SQL } from 'drizzle-orm';
import { users } from '../../app/auth/auth.tables.js';
import type { Executor } from '../../app/database/database.js';
import { supporterNamesByIds } from '../supporters/supporters.queries.js';
import type { CrosswalkEntry } from './incidents.crosswalk.js';
import type { NcissConfig } from './incidents.nciss.js';
import { incidentCrosswalk, incidentScoringConfigs, incidents, type CrosswalkRow, type IncidentRow, type ScoringConfigRow } from './incidents.tables.js';

/** Which incidents a reader may list, as the use case computed it from their grants (TLP decided there). */
export interface ReadableScope {
  /** Every incident marked with one of these labels. */
  anyOf: string[];
  /** Incidents of these organisations marked with one of `organisationLabels`. */
  organisations: string[];
  organisationLabels: string[];
  /** Incidents this user wrote, whatever their marking. */
  authorUserId: string | null;
}

function scopeWhere(scope: ReadableScope): SQL | undefined {
  const parts: (SQL | undefined)[] = [];
  if (scope.anyOf.length) parts.push(inArray(incidents.tlp, scope.anyOf));
  if (scope.organisations.length && scope.organisationLabels.length) parts.push(and(inArray(incidents.supporterId, scope.organisations), inArray(incidents.tlp, scope.organisationLabels)));
  if (scope.authorUserId) parts.push(eq(incidents.authorUserId, scope.authorUserId));
  const defined = parts.filter((p): p is SQL => p !== undefined);
  return defined.length ? or(...defined) : eq(incidents.id, '');
}

export function createIncidentsRepository(db: Executor) {
  return {
    async crosswalkIsEmpty(): Promise<boolean> {
      const [row] = await db.select({ n: count() }).from(incidentCrosswalk);
      return (row?.n ?? 0) === 0;
    },
    async crosswalkRows(): Promise<CrosswalkRow[]> {
      return db.select().from(incidentCrosswalk).orderBy(asc(incidentCrosswalk.key));
    },
    async findCrosswalkRow(key: string): Promise<CrosswalkRow | undefined> {
      const [row] = await db.select().from(incidentCrosswalk).where(eq(incidentCrosswalk.key, key)).for('update').limit(1);
      return row;
    },
    async insertCrosswalkRow(key: string, entry: CrosswalkEntry): Promise<void> {
      await db.insert(incidentCrosswalk).values({ key, entry });
    },
    async updateCrosswalkRow(key: string, set: { entry: CrosswalkEntry; editedBy?: string; editedAt?: Date }): Promise<void> {
      await db.update(incidentCrosswalk).set({ ...set, updatedAt: new Date() }).where(eq(incidentCrosswalk.key, key));
    },

    async latestConfig(): Promise<ScoringConfigRow | undefined> {
      const [row] = await db.select().from(incidentScoringConfigs).orderBy(desc(incidentScoringConfigs.version)).limit(1);
      return row;
    },
    async configs(): Promise<ScoringConfigRow[]> {
      return db.select().from(incidentScoringConfigs).orderBy(desc(incidentScoringConfigs.version));
    },
    /** Adds the next version (callers serialise: the primary key refuses a concurrent duplicate). */
    async insertConfig(config: NcissConfig, createdBy: string): Promise<ScoringConfigRow> {
      const [top] = await db.select({ v: max(incidentScoringConfigs.version) }).from(incidentScoringConfigs);
      const [row] = await db.insert(incidentScoringConfigs).values({ version: (top?.v ?? 0) + 1, config, createdBy }).returning();
      return row!;
    },

    async find(id: string): Promise<IncidentRow | undefined> {
      const [row] = await db.select().from(incidents).where(eq(incidents.id, id)).limit(1);
      return row;
    },
    async lock(id: string): Promise<IncidentRow | undefined> {
      const [row] = await db.select().from(incidents).where(eq(incidents.id, id)).for('update').limit(1);
      return row;
    },
    async insert(row: typeof incidents.$inferInsert): Promise<IncidentRow> {
      const [inserted] = await db.insert(incidents).values(row).returning();
      return inserted!;
    },
    async update(id: string, set: Partial<typeof incidents.$inferInsert>): Promise<IncidentRow> {
      const [updated] = await db.update(incidents).set({ ...set, updatedAt: new Date() }).where(eq(incidents.id, id)).returning();
      return updated!;
    },
    /** The incidents the scope lets a reader see, newest awareness first, a page of them and how many. */
    async list(scope: ReadableScope, page: { limit: number; offset: number }): Promise<{ rows: IncidentRow[]; total: number }> {
      const where = scopeWhere(scope);
      const [rows, [counted]] = await Promise.all([
        db.select().from(incidents).where(where).orderBy(desc(incidents.awareAt), asc(incidents.id)).limit(page.limit).offset(page.offset),
        db.select({ n: count() }).from(incidents).where(where),
      ]);
      return { rows, total: counted?.n ?? 0 };
    },
    /** Erasing an account: its incidents stay (they are the organisation's), without their author. */
    async forgetAuthor(userId: string): Promise<number> {
      const rows = await db.update(incidents).set({ authorUserId: null }).where(eq(incidents.authorUserId, userId)).returning({ id: incidents.id });
      return rows.length;
    },
    /** Organisation names by id (for the form's choice and the lists), through the registry's read function. */
    supporterNames: (ids: string[]) => supporterNamesByIds({ db, ids }),
    /** Where and in which language to remind the author; null once the account is erased. */
    async authorContact(userId: string): Promise<{ email: string; locale: string } | null> {
      const [row] = await db.select({ email: users.email, locale: users.locale, erasedAt: users.erasedAt }).from(users).where(eq(users.id, userId)).limit(1);
      return row?.email && !row.erasedAt ? { email: row.email, locale: row.locale } : null;
    },
    /** The author's name as their account gives it (shown to readers of the incident, who are in the cooperation space). */
    async authorName(userId: string | null): Promise<string | null> {
      if (!userId) return null;
      const [row] = await db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, userId)).limit(1);
      return row?.name ?? null;
    },
    async authoredBy(userId: string): Promise<IncidentRow[]> {
      return db.select().from(incidents).where(eq(incidents.authorUserId, userId));
    },
  };
}
