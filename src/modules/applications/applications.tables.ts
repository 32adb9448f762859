import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { idColumn, timestamps } from '../../app/database/columns.js';
import { users } from '../../app/auth/auth.tables.js';
import { supporters } from '../supporters/supporters.tables.js';

/** A signal of authority, checked by the platform and shown to moderators. */
export interface ApplicationSignal {
  kind: 'email-domain' | 'well-known' | 'dns-txt' | 'diplomatic-channel';
  /** `pass` proven, `fail` checked and not found, `pending` not checked yet, `info` nothing to prove (diplomatic route). */
  status: 'pass' | 'fail' | 'pending' | 'info';
  checkedAt?: string;
  detail?: string;
}

export interface ApplicationDuplicate {
  supporterId: string;
  slug: string;
  name: string;
  reason: 'similar-name' | 'same-domain';
  similarity?: number;
}

/**
 * An application to join the Call (`kind = 'join'`), a representative's proposed edit of a published entry
 * (`kind = 'edit'`), or an organisation's request to represent an entry already in the registry (`kind = 'claim'`,
 * `supporterId` set from the start). The state machine: pending-confirmation → submitted ⇄ info-requested → approved | rejected;
 * pending-confirmation → expired (personal data purged); withdrawn when the applicant gives up.
 */
export const applications = pgTable(
  'applications',
  {
    id: idColumn('app'),
    kind: text('kind').notNull().default('join'),
    status: text('status').notNull().default('pending-confirmation'),
    /** Language the applicant used: e-mails to them are in it. */
    locale: text('locale').notNull(),
    /** The published supporter this edit is about, or the one an approved application created. */
    supporterId: text('supporter_id').references(() => supporters.id),
    /** The account that proved the executive's e-mail (set at confirmation). */
    applicantUserId: text('applicant_user_id').references(() => users.id),
    // Public fields, as they will be published.
    category: text('category').notNull(),
    name: text('name').notNull(),
    countryCode: text('country_code'),
    nature: text('nature'),
    website: text('website'),
    twitter: text('twitter'),
    linkedin: text('linkedin'),
    statement: text('statement').notNull().default(''),
    statementLocale: text('statement_locale'),
    // Personal data: never public, exported and erased on request.
    executiveName: text('executive_name'),
    executiveEmail: text('executive_email'),
    contactEmail: text('contact_email'),
    acceptedCallAt: timestamp('accepted_call_at', { withTimezone: true, mode: 'date' }),
    acceptedPrivacyAt: timestamp('accepted_privacy_at', { withTimezone: true, mode: 'date' }),
    /** The value to publish at `/.well-known/pariscall-verification.txt` or in a DNS TXT record. */
    verificationCode: text('verification_code').notNull(),
    signals: jsonb('signals').$type<ApplicationSignal[]>().notNull().default([]),
    duplicates: jsonb('duplicates').$type<ApplicationDuplicate[]>().notNull().default([]),
    /** Reference of the note verbale, for states and intergovernmental bodies joining through diplomatic channels. */
    noteVerbale: text('note_verbale'),
    infoRequest: text('info_request'),
    infoResponse: text('info_response'),
    decisionReason: text('decision_reason'),
    decidedBy: text('decided_by').references(() => users.id),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true, mode: 'date' }),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }),
    purgedAt: timestamp('purged_at', { withTimezone: true, mode: 'date' }),
    /** Hash of the normalised submission, so a double-clicked or replayed form creates one application. */
    submissionHash: text('submission_hash'),
    /** Optimistic concurrency: every transition bumps it; a moderator acting on a stale version is told. */
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('applications__status').on(t.status, t.createdAt),
    index('applications__supporter').on(t.supporterId),
    index('applications__applicant').on(t.applicantUserId),
    index('applications__submission_hash').on(t.submissionHash),
    check('applications__kind_valid', sql`${t.kind} in ('join', 'edit', 'claim')`),
    check(
      'applications__status_valid',
      sql`${t.status} in ('pending-confirmation', 'submitted', 'info-requested', 'approved', 'rejected', 'expired', 'withdrawn')`,
    ),
  ],
);

/** Who may manage a published supporter's entry: its verified representatives. */
export type ApplicationRow = typeof applications.$inferSelect;
export type NewApplicationRow = typeof applications.$inferInsert;
