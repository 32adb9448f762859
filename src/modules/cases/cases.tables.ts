import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../../app/auth/auth.tables.js';
import { idColumn, timestamps } from '../../app/database/columns.js';
import { supporters } from '../supporters/supporters.tables.js';

/**
 * A multi-party coordinated vulnerability disclosure case (norm 13(j)). Opened by a designated contact in the name of
 * their organisation (`coordinator_supporter_id`: peer-initiated, any participant may open one) or by the secretariat
 * (null: the secretariat coordinates). Embargoed until published: its content is TLP-marked (`marking`, AMBER unless
 * chosen otherwise) and read through src/app/authz/tlp.ts; nothing of it is public before `published_at`.
 */
export const cvdCases = pgTable(
  'cvd_cases',
  {
    id: idColumn('cas'),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    /** BCP 47 language of the title and summary (the advisory's `document.lang`). */
    language: text('language').notNull(),
    /** TLP 2.0 label of the case before publication. */
    marking: text('marking').notNull().default('AMBER'),
    coordinatorSupporterId: text('coordinator_supporter_id').references(() => supporters.id, { onDelete: 'restrict' }),
    openedBy: text('opened_by').references(() => users.id, { onDelete: 'set null' }),
    state: text('state').notNull().default('open'),
    /** The embargo's end, in UTC; `embargo_zone` is the IANA zone it was given in (shown beside it). */
    embargoAt: timestamp('embargo_at', { withTimezone: true, mode: 'date' }),
    embargoZone: text('embargo_zone'),
    /** Bumped on every change of the embargo: acknowledgements of an older version no longer count. */
    embargoVersion: integer('embargo_version').notNull().default(0),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }),
    /** CSAF `tracking.id` once published (`PCP-CVD-2026-…`), unique. */
    trackingId: text('tracking_id'),
    /** The published CSAF 2.0 document, as validated at publication. */
    csaf: jsonb('csaf').$type<Record<string, unknown>>(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('cvd_cases__tracking_id').on(t.trackingId),
    index('cvd_cases__published').on(t.publishedAt),
    check('cvd_cases__state_valid', sql`${t.state} in ('open', 'published')`),
    check('cvd_cases__marking_valid', sql`${t.marking} in ('GREEN', 'AMBER', 'AMBER+STRICT', 'RED')`),
  ],
);
export type CvdCaseRow = typeof cvdCases.$inferSelect;

/** One vulnerability of a case: CVSS vectors as validated by ae-cvss-calculator, with their base scores. */
export const cvdVulnerabilities = pgTable(
  'cvd_vulnerabilities',
  {
    id: idColumn('vul'),
    caseId: text('case_id').notNull().references(() => cvdCases.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    cwe: text('cwe'),
    cve: text('cve'),
    cvss31Vector: text('cvss31_vector'),
    cvss31Score: text('cvss31_score'),
    cvss40Vector: text('cvss40_vector'),
    cvss40Score: text('cvss40_score'),
    position: integer('position').notNull().default(0),
    ...timestamps,
  },
  (t) => [index('cvd_vulnerabilities__case').on(t.caseId)],
);
export type CvdVulnerabilityRow = typeof cvdVulnerabilities.$inferSelect;

/**
 * An organisation taking part in a case (the coordinator's own included): invited by the coordinator, it acknowledges
 * the embargo (`ack_version` = the case's `embargo_version` it agreed to) and drafts its statement, which the
 * coordinator approves before it can go into the advisory.
 */
export const cvdParticipants = pgTable(
  'cvd_participants',
  {
    id: idColumn('cpt'),
    caseId: text('case_id').notNull().references(() => cvdCases.id, { onDelete: 'cascade' }),
    supporterId: text('supporter_id').notNull().references(() => supporters.id, { onDelete: 'restrict' }),
    invitedBy: text('invited_by').notNull(),
    ackVersion: integer('ack_version'),
    ackAt: timestamp('ack_at', { withTimezone: true, mode: 'date' }),
    ackBy: text('ack_by').references(() => users.id, { onDelete: 'set null' }),
    statement: text('statement').notNull().default(''),
    statementLanguage: text('statement_language').notNull().default('en'),
    statementState: text('statement_state').notNull().default('none'),
    /** The coordinator's request for changes, shown to the participant. */
    statementReview: text('statement_review').notNull().default(''),
    /** Reminders sent while some answer is still missing. */
    reminders: integer('reminders').notNull().default(0),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('cvd_participants__case_supporter').on(t.caseId, t.supporterId),
    index('cvd_participants__supporter').on(t.supporterId),
    check('cvd_participants__statement_state_valid', sql`${t.statementState} in ('none', 'draft', 'submitted', 'changes-requested', 'approved')`),
  ],
);
export type CvdParticipantRow = typeof cvdParticipants.$inferSelect;

/** A product of a participant named in the case (the advisory's product tree). */
export const cvdProducts = pgTable(
  'cvd_products',
  {
    id: idColumn('cpr'),
    caseId: text('case_id').notNull().references(() => cvdCases.id, { onDelete: 'cascade' }),
    participantId: text('participant_id').notNull().references(() => cvdParticipants.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    ...timestamps,
  },
  (t) => [index('cvd_products__case').on(t.caseId)],
);
export type CvdProductRow = typeof cvdProducts.$inferSelect;

/**
 * A participant's answer for one vulnerability, one row per pair made when either is added, `no-response` until the
 * organisation answers. Each change is in the audit log (who, when, from, to).
 */
export const cvdStates = pgTable(
  'cvd_states',
  {
    id: idColumn('cst'),
    caseId: text('case_id').notNull().references(() => cvdCases.id, { onDelete: 'cascade' }),
    participantId: text('participant_id').notNull().references(() => cvdParticipants.id, { onDelete: 'cascade' }),
    vulnerabilityId: text('vulnerability_id').notNull().references(() => cvdVulnerabilities.id, { onDelete: 'cascade' }),
    state: text('state').notNull().default('no-response'),
    changedBy: text('changed_by').references(() => users.id, { onDelete: 'set null' }),
    changedAt: timestamp('changed_at', { withTimezone: true, mode: 'date' }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('cvd_states__participant_vulnerability').on(t.participantId, t.vulnerabilityId),
    index('cvd_states__case').on(t.caseId),
    check('cvd_states__state_valid', sql`${t.state} in ('no-response', 'under-investigation', 'affected', 'not-affected', 'fixed')`),
  ],
);
export type CvdStateRow = typeof cvdStates.$inferSelect;
