import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, real, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../../app/auth/auth.tables.js';
import { idColumn, timestamps } from '../../app/database/columns.js';
import { supporters } from '../supporters/supporters.tables.js';
import type { CrosswalkEntry } from './incidents.crosswalk.js';
import type { Classification, IncidentFacts } from './incidents.models.js';
import type { NcissConfig } from './incidents.nciss.js';

/**
 * The crosswalk between the classification frames, one row per mapping (`level:5`, `root-cause:intrusions`). Loaded
 * from the reference bundle; `edited_at` set: the secretariat changed it, and a re-import leaves the row alone.
 */
export const incidentCrosswalk = pgTable('incident_crosswalk', {
  key: text('key').primaryKey(),
  entry: jsonb('entry').$type<CrosswalkEntry>().notNull(),
  /** Who last edited it on the platform (`user:…`); null while it is the bundle's. */
  editedBy: text('edited_by'),
  editedAt: timestamp('edited_at', { withTimezone: true, mode: 'date' }),
  ...timestamps,
});
export type CrosswalkRow = typeof incidentCrosswalk.$inferSelect;

/** The NCISS weights and bands, versioned: a new version per edit, each incident keeps the version it was scored with. */
export const incidentScoringConfigs = pgTable(
  'incident_scoring_configs',
  {
    version: integer('version').primaryKey(),
    config: jsonb('config').$type<NcissConfig>().notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [check('incident_scoring_configs__version_positive', sql`${t.version} > 0`)],
);
export type ScoringConfigRow = typeof incidentScoringConfigs.$inferSelect;

/**
 * An incident an organisation's designated contact records, classified in every frame when recorded (or edited) with
 * the scoring configuration of `config_version`. Read as its TLP marking allows (incidents.policies.ts). Times are
 * instants in UTC with the IANA zone the reporter gave them in. The NIS2 clocks run from `aware_at`.
 */
export const incidents = pgTable(
  'incidents',
  {
    id: idColumn('inc'),
    supporterId: text('supporter_id').notNull().references(() => supporters.id, { onDelete: 'cascade' }),
    /** The contact who recorded it (TLP:RED's only reader); null once their account is erased. */
    authorUserId: text('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    description: text('description').notNull(),
    /** The language the title and description are written in (`en`, `fr`). */
    language: text('language').notNull(),
    tlp: text('tlp').notNull(),
    detectedAt: timestamp('detected_at', { withTimezone: true, mode: 'date' }).notNull(),
    awareAt: timestamp('aware_at', { withTimezone: true, mode: 'date' }).notNull(),
    timeZone: text('time_zone').notNull(),
    /** NIS2 sectors affected (incidents.nis.ts). */
    sectors: jsonb('sectors').$type<string[]>().notNull().default([]),
    /** ISO 3166-1 alpha-2 codes of the countries affected. */
    countries: jsonb('countries').$type<string[]>().notNull().default([]),
    usersAffected: integer('users_affected'),
    outlook: text('outlook').notNull(),
    facts: jsonb('facts').$type<IncidentFacts>().notNull(),
    configVersion: integer('config_version').notNull().references(() => incidentScoringConfigs.version, { onDelete: 'restrict' }),
    classification: jsonb('classification').$type<Classification>().notNull(),
    /** The NCISS score, copied out of `classification` for sorting. */
    score: real('score').notNull(),
    earlyWarningSentAt: timestamp('early_warning_sent_at', { withTimezone: true, mode: 'date' }),
    notificationSentAt: timestamp('notification_sent_at', { withTimezone: true, mode: 'date' }),
    finalReportSentAt: timestamp('final_report_sent_at', { withTimezone: true, mode: 'date' }),
    ...timestamps,
  },
  (t) => [
    index('incidents__supporter_aware').on(t.supporterId, t.awareAt),
    check('incidents__tlp_valid', sql`${t.tlp} in ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED')`),
    check('incidents__language_valid', sql`${t.language} in ('en', 'fr')`),
    check('incidents__outlook_valid', sql`${t.outlook} in ('improving', 'stable', 'worsening')`),
    check('incidents__aware_after_detected', sql`${t.awareAt} >= ${t.detectedAt}`),
  ],
);
export type IncidentRow = typeof incidents.$inferSelect;
