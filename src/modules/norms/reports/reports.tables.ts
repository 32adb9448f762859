import { sql } from 'drizzle-orm';
import { check, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { idColumn, timestamps } from '../../../app/database/columns.js';
import type { Localized } from '../practices/practices.tables.js';

/** A section's answers; each field per language (the other language, when present, a translation of `original`). */
export interface ReportSectionContent {
  inPlace: Localized;
  lessons: Localized;
  challenges: Localized;
  assistanceNeeded: Localized;
  assistanceOffered: Localized;
  /** Practices of the organisation the section points to (ids). */
  practiceIds: string[];
}

/** One organisation's implementation report for one year. */
export const implementationReports = pgTable(
  'implementation_reports',
  {
    id: idColumn('rpt'),
    supporterId: text('supporter_id').notNull(),
    year: integer('year').notNull(),
    /** The language the report is written in; the other, when filled, is a translation. */
    original: text('original').notNull(),
    /** `draft` while being written; `published` once its public and members' sections may be shown. */
    state: text('state').notNull().default('draft'),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }),
    createdBy: text('created_by').notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('implementation_reports__supporter_year').on(t.supporterId, t.year),
    check('implementation_reports__state_valid', sql`${t.state} in ('draft', 'published')`),
  ],
);

/**
 * One section per norm (`norm:13a`) or principle (`principle:6`). `version` grows by one on each save: a save names
 * the version it was edited from, and a save from an older version is refused (optimistic concurrency), so two
 * representatives never overwrite each other, and each section can be edited independently.
 */
export const implementationReportSections = pgTable(
  'implementation_report_sections',
  {
    reportId: text('report_id')
      .notNull()
      .references(() => implementationReports.id, { onDelete: 'cascade' }),
    subject: text('subject').notNull(),
    /** `public` | `members` (Call members: any signed-in representative) | `secretariat`. */
    visibility: text('visibility').notNull().default('secretariat'),
    content: jsonb('content').$type<ReportSectionContent>().notNull(),
    version: integer('version').notNull().default(1),
    updatedBy: text('updated_by').notNull(),
    ...timestamps,
  },
  (t) => [
    primaryKey({ name: 'implementation_report_sections__pk', columns: [t.reportId, t.subject] }),
    check('implementation_report_sections__visibility_valid', sql`${t.visibility} in ('public', 'members', 'secretariat')`),
    check('implementation_report_sections__subject_valid', sql`${t.subject} ~ '^(norm:13[a-k]|principle:[1-9])$'`),
  ],
);
