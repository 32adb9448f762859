import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../../app/auth/auth.tables.js';
import { idColumn, timestamps } from '../../app/database/columns.js';
import { supporters } from '../supporters/supporters.tables.js';

/** One weekly opening slot in the contact's own time zone: `day` 1 (Monday) … 7 (Sunday), `HH:MM` local times. */
export interface WeeklySlot {
  day: number;
  opens: string;
  closes: string;
}

/**
 * The points of contact an organisation of the registry designates for the cooperation space (norm 13(h)): nominated by
 * one of its representatives, addressed to a person (or a duty desk) by e-mail, active once that person accepts with an
 * account of theirs (who then holds the scoped role `contact` on the organisation). A contact is personal data: only
 * what the contact chose to publish leaves the space, and it is erased with the account.
 */
export const contacts = pgTable(
  'contacts',
  {
    id: idColumn('poc'),
    supporterId: text('supporter_id').notNull().references(() => supporters.id, { onDelete: 'cascade' }),
    /** `diplomatic`, `technical`, `policy`, `legal` or `psirt`. */
    role: text('role').notNull(),
    /** The person's or the desk's name, as the organisation gives it. */
    name: text('name').notNull(),
    title: text('title'),
    /** Where the nomination went; the account that accepted it is `user_id`. */
    email: text('email').notNull(),
    userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
    /**
     * `invited` (nominated, not accepted), `active`, `stale` (its attestation is overdue: flagged, and tried after the
     * organisation's active contacts), `withdrawn` (by its organisation or by itself; kept for the history of pings
     * and requests, its personal fields emptied).
     */
    state: text('state').notNull().default('invited'),
    /** IANA time zone its hours are in. */
    timeZone: text('time_zone').notNull(),
    weeklyHours: jsonb('weekly_hours').$type<WeeklySlot[]>().notNull().default([]),
    /** BCP 47 language tags, most preferred first. */
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    rfc2350Url: text('rfc2350_url'),
    securityTxtUrl: text('security_txt_url'),
    cvdPolicyUrl: text('cvd_policy_url'),
    /** The contact's own choice to appear in the public directory (with its published channels only). */
    published: boolean('published').notNull().default(false),
    /** Order within the organisation when a ping or request escalates (lowest first). */
    escalationOrder: integer('escalation_order').notNull().default(0),
    /** Days between attestations (90 unless the organisation says otherwise). */
    attestationDays: integer('attestation_days').notNull().default(90),
    attestedAt: timestamp('attested_at', { withTimezone: true, mode: 'date' }),
    nominatedBy: text('nominated_by').notNull(),
    /** Bumped on every change: a form posted from an older version is refused (409), not applied over the newer one. */
    version: integer('version').notNull().default(1),
    /** The organisation's country (ISO alpha-3, as the registry), copied when the contact is saved: the directory's filter. */
    countryCode: text('country_code'),
    /** Folded (no accents, lower case) name, title, organisation and country, for the directory's search. */
    searchText: text('search_text').notNull().default(''),
    /** When the attestation became overdue and the contact was flagged (null while fresh). */
    staleSince: timestamp('stale_since', { withTimezone: true, mode: 'date' }),
    /** The due date a reminder was last sent for: one reminder per due date, however often the job runs. */
    remindedFor: timestamp('reminded_for', { withTimezone: true, mode: 'date' }),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true, mode: 'date' }),
    withdrawnReason: text('withdrawn_reason'),
    ...timestamps,
  },
  (t) => [
    index('contacts__supporter').on(t.supporterId),
    index('contacts__user').on(t.userId),
    index('contacts__search_text_trgm').using('gin', sql`${t.searchText} gin_trgm_ops`),
    index('contacts__name').on(t.name, t.id),
    index('contacts__country').on(t.countryCode),
    check('contacts__role_valid', sql`${t.role} in ('diplomatic', 'technical', 'policy', 'legal', 'psirt')`),
    check('contacts__state_valid', sql`${t.state} in ('invited', 'active', 'stale', 'withdrawn')`),
    check('contacts__attestation_days_valid', sql`${t.attestationDays} between 7 and 400`),
  ],
);

export type ContactRow = typeof contacts.$inferSelect;

/** How a contact is reached, in the order it is tried: `email`, `phone`, `sms`, `portal` (a URL) or `signal`. */
export const contactChannels = pgTable(
  'contact_channels',
  {
    id: idColumn('pch'),
    contactId: text('contact_id').notNull().references(() => contacts.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    value: text('value').notNull(),
    /** Answered at any hour, not only in the contact's weekly hours. */
    is24x7: boolean('is_24x7').notNull().default(false),
    position: integer('position').notNull().default(0),
    /** Shown in the public directory when the contact is published. */
    published: boolean('published').notNull().default(false),
    ...timestamps,
  },
  (t) => [
    index('contact_channels__contact').on(t.contactId),
    check('contact_channels__kind_valid', sql`${t.kind} in ('email', 'phone', 'sms', 'portal', 'signal')`),
  ],
);

export type ContactChannelRow = typeof contactChannels.$inferSelect;

/** A contact's OpenPGP public keys, as parsed by openpgp when uploaded (the armored key is kept to be served). */
export const contactKeys = pgTable(
  'contact_keys',
  {
    id: idColumn('pgk'),
    contactId: text('contact_id').notNull().references(() => contacts.id, { onDelete: 'cascade' }),
    /** Upper-case hexadecimal, as `gpg --fingerprint` prints it without spaces. */
    fingerprint: text('fingerprint').notNull(),
    algorithm: text('algorithm').notNull(),
    userIds: jsonb('user_ids').$type<string[]>().notNull().default([]),
    keyCreatedAt: timestamp('key_created_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** Null: the key does not expire. */
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }),
    armored: text('armored').notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex('contact_keys__contact_fingerprint').on(t.contactId, t.fingerprint)],
);

export type ContactKeyRow = typeof contactKeys.$inferSelect;
