/** All SQL of the working groups. No rules here. */
import { and, asc, count, desc, eq, gte, inArray, lt, max, sql } from 'drizzle-orm';
import type { Executor } from '../../app/database/database.js';
import {
  groupCoChairs,
  groupDocuments,
  groupDocumentVersions,
  groupMemberships,
  groupNews,
  groups,
  type GroupCoChairRow,
  type GroupDocumentRow,
  type GroupDocumentVersionRow,
  type GroupMembershipRow,
  type GroupNewsRow,
  type GroupRow,
} from './groups.tables.js';

export type { GroupCoChairRow, GroupDocumentRow, GroupDocumentVersionRow, GroupMembershipRow, GroupNewsRow, GroupRow };

const visibleTo = (members: boolean) => (members ? ['public', 'members'] : ['public']);

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

    async findBySourceKey(sourceKey: string): Promise<GroupRow | undefined> {
      const [row] = await db.select().from(groups).where(eq(groups.sourceKey, sourceKey)).limit(1);
      return row;
    },

    async findByNumber(number: number): Promise<GroupRow | undefined> {
      const [row] = await db.select().from(groups).where(eq(groups.number, number)).limit(1);
      return row;
    },

    async lockById(id: string): Promise<GroupRow | undefined> {
      const [row] = await db.select().from(groups).where(eq(groups.id, id)).for('update');
      return row;
    },

    /** Every group, numbered ones first (1–6), then the others by name. */
    async list(): Promise<GroupRow[]> {
      return db.select().from(groups).orderBy(asc(groups.number), asc(groups.slug));
    },

    async page(offset: number, limit: number): Promise<{ rows: GroupRow[]; total: number }> {
      const rows = await db.select().from(groups).orderBy(asc(groups.number), asc(groups.slug)).offset(offset).limit(limit);
      const [row] = await db.select({ total: count() }).from(groups);
      return { rows, total: row?.total ?? 0 };
    },

    async countGroups(): Promise<number> {
      const [row] = await db.select({ total: count() }).from(groups);
      return row?.total ?? 0;
    },

    async insertGroup(values: typeof groups.$inferInsert): Promise<GroupRow> {
      const [row] = await db.insert(groups).values(values).returning();
      return row!;
    },

    async updateGroup(id: string, values: Partial<typeof groups.$inferInsert>): Promise<void> {
      await db.update(groups).set(values).where(eq(groups.id, id));
    },

    async coChairsOf(groupIds: readonly string[]): Promise<GroupCoChairRow[]> {
      if (groupIds.length === 0) return [];
      return db.select().from(groupCoChairs).where(inArray(groupCoChairs.groupId, [...groupIds])).orderBy(asc(groupCoChairs.groupId), asc(groupCoChairs.position));
    },

    async replaceCoChairs(groupId: string, rows: Array<typeof groupCoChairs.$inferInsert>): Promise<void> {
      await db.delete(groupCoChairs).where(eq(groupCoChairs.groupId, groupId));
      if (rows.length) await db.insert(groupCoChairs).values(rows);
    },

    async insertCoChair(values: Omit<typeof groupCoChairs.$inferInsert, 'position'>): Promise<GroupCoChairRow> {
      const [last] = await db.select({ n: max(groupCoChairs.position) }).from(groupCoChairs).where(eq(groupCoChairs.groupId, values.groupId));
      const [row] = await db.insert(groupCoChairs).values({ ...values, position: (last?.n ?? -1) + 1 }).returning();
      return row!;
    },

    async deleteCoChair(groupId: string, id: string): Promise<GroupCoChairRow | undefined> {
      const [row] = await db.delete(groupCoChairs).where(and(eq(groupCoChairs.groupId, groupId), eq(groupCoChairs.id, id))).returning();
      return row;
    },

    async insertMembership(values: typeof groupMemberships.$inferInsert): Promise<GroupMembershipRow> {
      const [row] = await db.insert(groupMemberships).values(values).returning();
      return row!;
    },

    async openMembershipOf(groupId: string, userId: string): Promise<GroupMembershipRow | undefined> {
      const [row] = await db
        .select()
        .from(groupMemberships)
        .where(and(eq(groupMemberships.groupId, groupId), eq(groupMemberships.userId, userId), inArray(groupMemberships.state, ['requested', 'accepted'])))
        .limit(1);
      return row;
    },

    async lockMembership(id: string): Promise<GroupMembershipRow | undefined> {
      const [row] = await db.select().from(groupMemberships).where(eq(groupMemberships.id, id)).for('update');
      return row;
    },

    async updateMembership(id: string, values: Partial<typeof groupMemberships.$inferInsert>): Promise<GroupMembershipRow> {
      const [row] = await db.update(groupMemberships).set(values).where(eq(groupMemberships.id, id)).returning();
      return row!;
    },

    async membershipsOf(groupId: string, states: readonly string[]): Promise<GroupMembershipRow[]> {
      return db
        .select()
        .from(groupMemberships)
        .where(and(eq(groupMemberships.groupId, groupId), inArray(groupMemberships.state, [...states])))
        .orderBy(asc(groupMemberships.createdAt));
    },

    /** Accepted memberships of the groups (all groups when none is named), oldest first. */
    async acceptedMemberships(groupIds?: readonly string[]): Promise<GroupMembershipRow[]> {
      const accepted = eq(groupMemberships.state, 'accepted');
      return db
        .select()
        .from(groupMemberships)
        .where(groupIds ? and(accepted, inArray(groupMemberships.groupId, [...groupIds])) : accepted)
        .orderBy(asc(groupMemberships.groupId), asc(groupMemberships.decidedAt));
    },

    async insertDocument(values: typeof groupDocuments.$inferInsert): Promise<GroupDocumentRow> {
      const [row] = await db.insert(groupDocuments).values(values).returning();
      return row!;
    },

    async documentBySourceKey(sourceKey: string): Promise<GroupDocumentRow | undefined> {
      const [row] = await db.select().from(groupDocuments).where(eq(groupDocuments.sourceKey, sourceKey)).limit(1);
      return row;
    },

    async findDocument(groupId: string, id: string): Promise<GroupDocumentRow | undefined> {
      const [row] = await db.select().from(groupDocuments).where(and(eq(groupDocuments.groupId, groupId), eq(groupDocuments.id, id))).limit(1);
      return row;
    },

    async documentsOf(groupId: string, members: boolean): Promise<GroupDocumentRow[]> {
      return db
        .select()
        .from(groupDocuments)
        .where(and(eq(groupDocuments.groupId, groupId), inArray(groupDocuments.visibility, visibleTo(members))))
        .orderBy(desc(groupDocuments.publishedOn), asc(groupDocuments.createdAt));
    },

    async countPublicDocuments(): Promise<Map<string, number>> {
      const rows = await db.select({ groupId: groupDocuments.groupId, n: count() }).from(groupDocuments).where(eq(groupDocuments.visibility, 'public')).groupBy(groupDocuments.groupId);
      return new Map(rows.map((r) => [r.groupId, r.n]));
    },

    async versionsOf(documentIds: readonly string[]): Promise<GroupDocumentVersionRow[]> {
      if (documentIds.length === 0) return [];
      return db.select().from(groupDocumentVersions).where(inArray(groupDocumentVersions.documentId, [...documentIds])).orderBy(asc(groupDocumentVersions.documentId), desc(groupDocumentVersions.number));
    },

    async findVersion(documentId: string, number: number): Promise<GroupDocumentVersionRow | undefined> {
      const [row] = await db.select().from(groupDocumentVersions).where(and(eq(groupDocumentVersions.documentId, documentId), eq(groupDocumentVersions.number, number))).limit(1);
      return row;
    },

    /** Adds the document's next version (numbers follow each other; the caller holds the group's lock). */
    async insertVersion(values: Omit<typeof groupDocumentVersions.$inferInsert, 'number'>): Promise<GroupDocumentVersionRow> {
      const [last] = await db.select({ n: max(groupDocumentVersions.number) }).from(groupDocumentVersions).where(eq(groupDocumentVersions.documentId, values.documentId));
      const [row] = await db.insert(groupDocumentVersions).values({ ...values, number: (last?.n ?? 0) + 1 }).returning();
      return row!;
    },

    async insertNews(values: typeof groupNews.$inferInsert): Promise<GroupNewsRow> {
      const [row] = await db.insert(groupNews).values(values).returning();
      return row!;
    },

    async newsOf(groupId: string, members: boolean, limit = 20): Promise<GroupNewsRow[]> {
      return db
        .select()
        .from(groupNews)
        .where(and(eq(groupNews.groupId, groupId), inArray(groupNews.visibility, visibleTo(members))))
        .orderBy(desc(groupNews.createdAt))
        .limit(limit);
    },

    /** News of the groups (all when none is named) posted in [since, until). */
    async newsBetween(query: { groupIds?: readonly string[] | undefined; since: Date; until: Date; members: boolean; limit?: number | undefined }): Promise<GroupNewsRow[]> {
      const where = [gte(groupNews.createdAt, query.since), lt(groupNews.createdAt, query.until), inArray(groupNews.visibility, visibleTo(query.members))];
      if (query.groupIds) where.push(inArray(groupNews.groupId, [...query.groupIds]));
      return db.select().from(groupNews).where(and(...where)).orderBy(desc(groupNews.createdAt)).limit(query.limit ?? 1000);
    },

    /** Document versions added in [since, until), with their document. */
    async versionsBetween(query: { groupIds?: readonly string[] | undefined; since: Date; until: Date; members: boolean; limit?: number | undefined }) {
      const where = [gte(groupDocumentVersions.createdAt, query.since), lt(groupDocumentVersions.createdAt, query.until), inArray(groupDocuments.visibility, visibleTo(query.members))];
      if (query.groupIds) where.push(inArray(groupDocuments.groupId, [...query.groupIds]));
      return db
        .select({ version: groupDocumentVersions, document: groupDocuments })
        .from(groupDocumentVersions)
        .innerJoin(groupDocuments, eq(groupDocuments.id, groupDocumentVersions.documentId))
        .where(and(...where))
        .orderBy(desc(groupDocumentVersions.createdAt))
        .limit(query.limit ?? 1000);
    },

    /** True when no group exists yet (the reference bundle is loaded only then). */
    async isEmpty(): Promise<boolean> {
      const [row] = await db.select({ one: sql<number>`1` }).from(groups).limit(1);
      return !row;
    },
  };
}

/** A person's requests and memberships, for their personal-data export and erasure. */
export function createGroupsPersonalDataRepository(db: Executor) {
  return {
    async membershipsOf(userId: string) {
      return db
        .select({
          groupId: groupMemberships.groupId, role: groupMemberships.role, supporterId: groupMemberships.supporterId, state: groupMemberships.state,
          message: groupMemberships.message, reason: groupMemberships.reason, requestedAt: groupMemberships.createdAt, decidedAt: groupMemberships.decidedAt,
        })
        .from(groupMemberships)
        .where(eq(groupMemberships.userId, userId));
    },
    async eraseMemberships(userId: string): Promise<number> {
      return (await db.delete(groupMemberships).where(eq(groupMemberships.userId, userId)).returning({ id: groupMemberships.id })).length;
    },
  };
}
