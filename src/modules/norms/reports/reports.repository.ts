/**
 * All SQL of implementation reports, over `db` (a transaction may be passed). No rules here: who may read or write,
 * and what a refused save means, are the use cases'. The organisation's practices are read here too (same module),
 * never written.
 */
import { and, asc, count, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../app/database/database.js';
import { practices } from '../practices/practices.tables.js';
import type { PracticeRef } from './reports.models.js';
import { implementationReportSections as sections, implementationReports as reports, type ReportSectionContent } from './reports.tables.js';

export type ReportRow = typeof reports.$inferSelect;
export type SectionRow = typeof sections.$inferSelect;


/** Filters of the published reports' lists: one organisation, one year, reports with a section on one subject. */
export interface PublishedFilters {
  supporterId?: string | undefined;
  year?: number | undefined;
  subject?: string | undefined;
}

function publishedWhere(filters: PublishedFilters): SQL | undefined {
  return and(
    eq(reports.state, 'published'),
    filters.supporterId ? eq(reports.supporterId, filters.supporterId) : undefined,
    filters.year ? eq(reports.year, filters.year) : undefined,
    filters.subject
      ? sql`exists (select 1 from ${sections} where ${sections.reportId} = ${reports.id} and ${sections.subject} = ${filters.subject} and ${sections.visibility} = 'public')`
      : undefined,
  );
}

export function createReportsRepository(db: Executor) {
  return {
    async findReport(supporterId: string, year: number): Promise<ReportRow | undefined> {
      const [row] = await db.select().from(reports).where(and(eq(reports.supporterId, supporterId), eq(reports.year, year))).limit(1);
      return row;
    },

    /** The organisations' reports, newest year first. */
    async listReportsOf(supporterIds: string[]): Promise<ReportRow[]> {
      if (supporterIds.length === 0) return [];
      return db.select().from(reports).where(inArray(reports.supporterId, supporterIds)).orderBy(desc(reports.year));
    },

    /** The organisation's latest report before `year` (in any state, or published only). */
    async latestBefore(supporterId: string, year: number, options: { published?: boolean } = {}): Promise<ReportRow | undefined> {
      const [row] = await db
        .select()
        .from(reports)
        .where(and(eq(reports.supporterId, supporterId), lt(reports.year, year), options.published ? eq(reports.state, 'published') : undefined))
        .orderBy(desc(reports.year))
        .limit(1);
      return row;
    },

    /** Creates the report unless the organisation has one for the year already (then undefined: of two at once, one wins). */
    async insertReport(row: { supporterId: string; year: number; original: string; createdBy: string }): Promise<ReportRow | undefined> {
      const [inserted] = await db.insert(reports).values(row).onConflictDoNothing().returning();
      return inserted;
    },

    /** Publishes a draft; undefined when it was published already. */
    async publish(reportId: string, at: Date): Promise<ReportRow | undefined> {
      const [row] = await db
        .update(reports)
        .set({ state: 'published', publishedAt: at })
        .where(and(eq(reports.id, reportId), eq(reports.state, 'draft')))
        .returning();
      return row;
    },

    async listSections(reportId: string): Promise<SectionRow[]> {
      return db.select().from(sections).where(eq(sections.reportId, reportId)).orderBy(asc(sections.subject));
    },

    async findSection(reportId: string, subject: string): Promise<SectionRow | undefined> {
      const [row] = await db.select().from(sections).where(and(eq(sections.reportId, reportId), eq(sections.subject, subject))).limit(1);
      return row;
    },

    /** Adds sections the report does not have yet; returns the subjects added (a colleague may have added one first). */
    async insertSections(rows: Array<{ reportId: string; subject: string; visibility: string; content: ReportSectionContent; updatedBy: string }>): Promise<string[]> {
      if (rows.length === 0) return [];
      const inserted = await db.insert(sections).values(rows).onConflictDoNothing().returning({ subject: sections.subject });
      return inserted.map((row) => row.subject);
    },

    /**
     * The optimistic save: one statement that writes the section only if it is still at the version the form was loaded
     * from, and moves it to the next version. Undefined when someone saved it meanwhile (or it is gone): nothing written.
     */
    async saveSection(input: { reportId: string; subject: string; expectedVersion: number; content: ReportSectionContent; visibility: string; updatedBy: string }): Promise<SectionRow | undefined> {
      const [row] = await db
        .update(sections)
        .set({ content: input.content, visibility: input.visibility, updatedBy: input.updatedBy, version: sql`${sections.version} + 1` })
        .where(and(eq(sections.reportId, input.reportId), eq(sections.subject, input.subject), eq(sections.version, input.expectedVersion)))
        .returning();
      return row;
    },

    /** Removes a section still at `expectedVersion` (never one a colleague has just saved); whether it was removed. */
    async deleteSection(reportId: string, subject: string, expectedVersion: number): Promise<boolean> {
      const rows = await db
        .delete(sections)
        .where(and(eq(sections.reportId, reportId), eq(sections.subject, subject), eq(sections.version, expectedVersion)))
        .returning({ subject: sections.subject });
      return rows.length > 0;
    },

    /** The organisation's published practices with what they implement. */
    async publishedPracticesOf(supporterId: string): Promise<PracticeRef[]> {
      const rows = await db
        .select({ id: practices.id, title: practices.title, norms: practices.norms, principles: practices.principles })
        .from(practices)
        .where(and(eq(practices.supporterId, supporterId), eq(practices.state, 'published')))
        .orderBy(asc(practices.publishedAt), asc(practices.id));
      return rows.map((row) => ({ ...row, title: row.title ?? {} }));
    },

    /** Published reports, newest first (then by organisation), a page of them. */
    async listPublished(filters: PublishedFilters, page?: { offset: number; limit: number }): Promise<ReportRow[]> {
      const query = db.select().from(reports).where(publishedWhere(filters)).orderBy(desc(reports.year), desc(reports.publishedAt), asc(reports.id));
      return page ? query.offset(page.offset).limit(page.limit) : query;
    },

    async countPublished(filters: PublishedFilters): Promise<number> {
      const [row] = await db.select({ n: count() }).from(reports).where(publishedWhere(filters));
      return row?.n ?? 0;
    },

    /** The sections of these reports that have one of the visibilities (the public lists pass `public` only). */
    async sectionsOf(reportIds: string[], visibilities: readonly string[]): Promise<SectionRow[]> {
      if (reportIds.length === 0 || visibilities.length === 0) return [];
      return db.select().from(sections).where(and(inArray(sections.reportId, reportIds), inArray(sections.visibility, [...visibilities])));
    },
  };
}
