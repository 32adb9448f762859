import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { idColumn, timestamps } from '../../app/database/columns.js';
import type { Problem } from './disclosure.security-txt.js';

/** An OpenPGP key the organisation publishes for reports: what is shown of it, and the key itself (to verify signatures). */
export interface ContactKey {
  fingerprint: string;
  algorithm: string;
  createdAt: string;
  /** ISO date-time, or null when the key does not expire. */
  expiresAt: string | null;
  armored: string;
}

/** What a security.txt said, as shown (every value is the organisation's own public statement). */
export interface SecurityTxtSummary {
  contact: string[];
  encryption: string[];
  policy: string[];
  acknowledgments: string[];
  preferredLanguages: string[];
  canonical: string[];
  hiring: string[];
  csaf: string[];
  /** The file carried an OpenPGP cleartext signature. */
  signed: boolean;
  /** `verified` with one of the entry's keys, `failed`, or `unverified` (no key at hand, or unsigned). */
  signature: 'verified' | 'failed' | 'unverified';
}

/**
 * One supporter's entry in the disclosure-policy registry (one per supporter). The registry fields (slug, name,
 * country, category, whether the supporter is published) are a copy read through the supporters module when the entry
 * is saved or refreshed: the public list filters and sorts on them without reaching into another module's tables.
 */
export const disclosurePolicies = pgTable(
  'disclosure_policies',
  {
    id: idColumn('dsc'),
    supporterId: text('supporter_id').notNull(),
    supporterSlug: text('supporter_slug').notNull(),
    supporterName: text('supporter_name').notNull(),
    /** Folded name for search and order. */
    sortName: text('sort_name').notNull(),
    countryCode: text('country_code'),
    category: text('category'),
    /** The supporter is in the public registry (`published`): withdrawn supporters' entries are not listed. */
    supporterStatus: text('supporter_status').notNull(),
    /** Where the security.txt is fetched from (default https://<website>/.well-known/security.txt); null: upload only. */
    securityTxtUrl: text('security_txt_url'),
    /** Links to the organisation's coordinated vulnerability disclosure policy (https). */
    policyUrls: jsonb('policy_urls').$type<string[]>().notNull().default([]),
    contactKeys: jsonb('contact_keys').$type<ContactKey[]>().notNull().default([]),
    /** `never` (not fetched yet), `ok`, `invalid` (fetched but does not parse), `unreachable`. */
    fetchStatus: text('fetch_status').notNull().default('never'),
    /** Why the last fetch failed (network reason, HTTP status), worded for the representative. */
    fetchError: text('fetch_error'),
    lastFetchedAt: timestamp('last_fetched_at', { withTimezone: true, mode: 'date' }),
    /** When the security.txt content last changed (fetched or uploaded). */
    lastChangedAt: timestamp('last_changed_at', { withTimezone: true, mode: 'date' }),
    /** `fetched` or `uploaded`: where the current content came from. */
    contentSource: text('content_source'),
    /** The last security.txt that parsed without error, as served (at most 32 KB). */
    content: text('content'),
    contentHash: text('content_hash'),
    summary: jsonb('summary').$type<SecurityTxtSummary>(),
    /** Problems of the last file read (fetched or uploaded), with their lines. */
    problems: jsonb('problems').$type<Problem[]>().notNull().default([]),
    /** The Expires of the current content. */
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }),
    /** `user:…` of the last person who edited the entry: never public. */
    updatedBy: text('updated_by').notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('disclosure_policies__supporter').on(t.supporterId),
    uniqueIndex('disclosure_policies__slug').on(t.supporterSlug),
    index('disclosure_policies__sort').on(t.sortName),
    check('disclosure_policies__fetch_status_valid', sql`${t.fetchStatus} in ('never', 'ok', 'invalid', 'unreachable')`),
    check('disclosure_policies__content_source_valid', sql`${t.contentSource} is null or ${t.contentSource} in ('fetched', 'uploaded')`),
  ],
);
