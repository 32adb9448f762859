import { and, count, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../app/database/database.js';
import { auditLog } from '../../app/audit/audit.tables.js';
import { openStatuses } from './applications.models.js';
import type { QueueFilters } from './applications.schemas.js';
import { applications, type ApplicationRow, type NewApplicationRow } from './applications.tables.js';

export const queuePageSize = 50;

function concerning({ userId, email }: { userId: string; email: string | null }): SQL | undefined {
  const made = eq(applications.applicantUserId, userId);
  return email ? or(made, eq(applications.executiveEmail, email), eq(applications.contactEmail, email)) : made;
}

/** Data access for applications (representatives are scoped roles: app/authz/grants.ts); no rules here, the use cases hold them. */
export function createApplicationsRepository(db: Executor) {
  return {
    async insert(row: NewApplicationRow): Promise<ApplicationRow> {
      const [inserted] = await db.insert(applications).values(row).returning();
      if (!inserted) throw new Error('insert returned no row');
      return inserted;
    },

    async get(id: string): Promise<ApplicationRow | undefined> {
      const [row] = await db.select().from(applications).where(eq(applications.id, id)).limit(1);
      return row;
    },

    /** Locks the row for the rest of the transaction: concurrent decisions on one application queue up here. */
    async getForUpdate(id: string): Promise<ApplicationRow | undefined> {
      const [row] = await db.select().from(applications).where(eq(applications.id, id)).for('update').limit(1);
      return row;
    },

    /**
     * Applies a transition only if the row is still in one of `from` at `version`: of two moderators acting at once,
     * exactly one update matches; the other gets undefined and is told.
     */
    async transition(id: string, expected: { from: readonly string[]; version?: number }, set: Partial<NewApplicationRow>): Promise<ApplicationRow | undefined> {
      const [row] = await db
        .update(applications)
        .set({ ...set, version: sql`${applications.version} + 1` })
        .where(
          and(
            eq(applications.id, id),
            inArray(applications.status, [...expected.from]),
            expected.version === undefined ? undefined : eq(applications.version, expected.version),
          ),
        )
        .returning();
      return row;
    },

    /**
     * Stores signals and duplicates computed from `checked`, only if the application still has the values they were
     * computed from (and is not purged); false otherwise, so a check that raced an edit is not stored.
     */
    async storeChecks(checked: ApplicationRow, set: Pick<NewApplicationRow, 'signals' | 'duplicates'>): Promise<boolean> {
      const rows = await db
        .update(applications)
        .set(set)
        .where(
          and(
            eq(applications.id, checked.id),
            isNull(applications.purgedAt),
            eq(applications.category, checked.category),
            eq(applications.name, checked.name),
            eq(applications.verificationCode, checked.verificationCode),
            sql`${applications.website} is not distinct from ${checked.website}`,
            sql`${applications.executiveEmail} is not distinct from ${checked.executiveEmail}`,
          ),
        )
        .returning({ id: applications.id });
      return rows.length > 0;
    },

    async update(id: string, set: Partial<NewApplicationRow>): Promise<void> {
      await db.update(applications).set(set).where(eq(applications.id, id));
    },

    /** A recent application with the same content and executive, still alive: a duplicate submission. */
    /**
     * Serialises submissions of the same content until the transaction ends: the second of two identical requests
     * arriving together waits, then finds the first (a check without a lock lets both insert on PostgreSQL).
     */
    async lockSubmission(hash: string): Promise<void> {
      await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`applications.submission:${hash}`}))`);
    },

    async findRecentBySubmission(hash: string, since: Date): Promise<ApplicationRow | undefined> {
      const [row] = await db
        .select()
        .from(applications)
        .where(
          and(
            eq(applications.submissionHash, hash),
            inArray(applications.status, ['pending-confirmation', 'submitted', 'info-requested']),
            sql`${applications.createdAt} >= ${since.toISOString()}`,
          ),
        )
        .limit(1);
      return row;
    },

    async queue(filters: QueueFilters): Promise<{ rows: ApplicationRow[]; total: number }> {
      const conditions: Array<SQL | undefined> = [
        filters.status === 'all' ? undefined : filters.status === 'open' ? inArray(applications.status, [...openStatuses]) : eq(applications.status, filters.status),
        filters.kind === 'all' ? undefined : eq(applications.kind, filters.kind),
        filters.category ? eq(applications.category, filters.category) : undefined,
        filters.q ? or(ilike(applications.name, `%${escapeLike(filters.q)}%`), ilike(applications.website, `%${escapeLike(filters.q)}%`)) : undefined,
      ];
      const where = and(...conditions);
      const [rows, [totalRow]] = await Promise.all([
        db
          .select()
          .from(applications)
          .where(where)
          .orderBy(desc(applications.updatedAt), desc(applications.id))
          .limit(queuePageSize)
          .offset((filters.page - 1) * queuePageSize),
        db.select({ total: count() }).from(applications).where(where),
      ]);
      return { rows, total: totalRow?.total ?? 0 };
    },

    async countByStatus(): Promise<Record<string, number>> {
      const rows = await db.select({ status: applications.status, n: count() }).from(applications).groupBy(applications.status);
      return Object.fromEntries(rows.map((r) => [r.status, r.n]));
    },

    async listByApplicant(userId: string): Promise<ApplicationRow[]> {
      return db.select().from(applications).where(eq(applications.applicantUserId, userId)).orderBy(desc(applications.createdAt));
    },

    async listBySupporter(supporterId: string): Promise<ApplicationRow[]> {
      return db.select().from(applications).where(eq(applications.supporterId, supporterId)).orderBy(desc(applications.createdAt));
    },

    /** Applications a person made or is named in (as executive or contact): their part of data export and erasure. */
    async listConcerning(person: { userId: string; email: string | null }): Promise<ApplicationRow[]> {
      return db.select().from(applications).where(concerning(person));
    },

    async updateConcerning(person: { userId: string; email: string | null }, set: Partial<NewApplicationRow>): Promise<void> {
      await db.update(applications).set(set).where(concerning(person));
    },

    async listByEmail(email: string): Promise<ApplicationRow[]> {
      return db
        .select()
        .from(applications)
        .where(or(eq(applications.executiveEmail, email), eq(applications.contactEmail, email)));
    },

    async history(id: string) {
      return db.select().from(auditLog).where(eq(auditLog.subject, id)).orderBy(auditLog.at);
    },

    /** Claims on this entry still waiting for the secretariat (confirmed by their executive), oldest first. */
    async openClaimsFor(supporterId: string): Promise<ApplicationRow[]> {
      return db
        .select()
        .from(applications)
        .where(and(eq(applications.supporterId, supporterId), eq(applications.kind, 'claim'), inArray(applications.status, [...openStatuses])))
        .orderBy(applications.createdAt);
    },

    /** An edit of this supporter already waiting for moderation: a new proposal replaces it rather than piling up. */
    async openEditFor(supporterId: string): Promise<ApplicationRow | undefined> {
      const [row] = await db
        .select()
        .from(applications)
        .where(and(eq(applications.supporterId, supporterId), eq(applications.kind, 'edit'), inArray(applications.status, [...openStatuses])))
        .limit(1);
      return row;
    },
  };
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export type ApplicationsRepository = ReturnType<typeof createApplicationsRepository>;
