import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { idColumn, timestamps } from '../../app/database/columns.js';

/** The public registry: one row per supporter, as published. */
export const supporters = pgTable(
  'supporters',
  {
    id: idColumn('sup'),
    /** Stable public key: the official file name without `.md` (e.g. `abb-private-sector-SWE`). */
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    /** null when the source leaves it empty; shown as "uncategorised". */
    category: text('category'),
    /** The official sub-type, French free text as published (trimmed, NFC). */
    nature: text('nature'),
    /** `nature` folded for grouping: lower case, no accents, single spaces ("Université" and "université" meet). */
    natureKey: text('nature_key'),
    /** ISO 3166-1 alpha-3 after correcting ROM/SCG/MTG; null for the EU, INTERPOL and entries without a country. */
    countryCode: text('country_code'),
    /** The code exactly as the source had it, kept for the CSV export and for audit. */
    sourceCountryCode: text('source_country_code'),
    website: text('website'),
    twitter: text('twitter'),
    linkedin: text('linkedin'),
    dateSigned: date('date_signed', { mode: 'string' }),
    /** First commit of the official repository that listed the supporter (on or before 2019-09-16 for the first 735). */
    firstSeen: date('first_seen', { mode: 'string' }),
    /** date_signed, else first_seen: the date used for "joined" filters and the growth chart. */
    joinedOn: date('joined_on', { mode: 'string' }),
    joinedOnSource: text('joined_on_source'),
    joinedYear: integer('joined_year'),
    /** The supporter's own "why we join" statement, Markdown as written (rendered sanitized). */
    statement: text('statement').notNull().default(''),
    /** Folded text searched by the registry: name, country names in every language, sub-type. */
    searchText: text('search_text').notNull(),
    /** Folded name for a stable, accent-insensitive alphabetical order on any database collation. */
    sortName: text('sort_name').notNull(),
    /** Language of the statement when the supporter wrote it on the platform; null for imported entries (unknown). */
    statementLocale: text('statement_locale'),
    status: text('status').notNull().default('published'),
    /** Set when the entry left the registry; the public history keeps this date, nothing personal. */
    withdrawnOn: date('withdrawn_on', { mode: 'string' }),
    /** Where the row came from (file name or CSV line) and a hash of its content, for idempotent imports. */
    source: text('source'),
    sourceHash: text('source_hash'),
    /**
     * Why an import must leave this entry alone: `joined` (published through the platform), `claimed` (a representative
     * was approved for it), `edited` (an edit was approved). Null for entries only the official source has touched.
     */
    platformChange: text('platform_change'),
    platformChangedAt: timestamp('platform_changed_at', { withTimezone: true, mode: 'date' }),
    /**
     * How the entry was verified (supporters.constants.ts `verificationLevels`), shown to the public with `verified_on`:
     * `official-registry` for imported entries (the default: a row the platform did not approve came from the official
     * registry), else what the secretariat's evidence proved when it approved the entry.
     */
    verificationLevel: text('verification_level').notNull().default('official-registry'),
    /** The day of that verification: the first-seen (else join) date of an imported entry, the approval day otherwise. */
    verifiedOn: date('verified_on', { mode: 'string' }),
    ...timestamps,
  },
  // Also `supporters__facets`, a partial covering index for the facet counts, created by hand (migrations/0003, 0013).
  (t) => [
    uniqueIndex('supporters__slug').on(t.slug),
    index('supporters__category').on(t.category),
    index('supporters__country').on(t.countryCode),
    index('supporters__joined_year').on(t.joinedYear),
    index('supporters__sort_name').on(t.sortName, t.slug),
    // Match the ORDER BY of the "joined" and "country" sorts, so a page is read from the index without sorting.
    index('supporters__joined_on_sort').on(t.joinedOn.asc().nullsLast(), t.sortName),
    index('supporters__joined_on_desc_sort').on(t.joinedOn.desc().nullsLast(), t.sortName),
    index('supporters__country_sort').on(t.countryCode.asc().nullsLast(), t.sortName),
    index('supporters__search_text_trgm').using('gin', sql`${t.searchText} gin_trgm_ops`),
    check(
      'supporters__category_valid',
      sql`${t.category} is null or ${t.category} in ('state', 'public-authority', 'private-sector', 'civil-society')`,
    ),
    check('supporters__status_valid', sql`${t.status} in ('published', 'withdrawn')`),
    check('supporters__platform_change_valid', sql`${t.platformChange} is null or ${t.platformChange} in ('joined', 'claimed', 'edited')`),
    check(
      'supporters__verification_level_valid',
      sql`${t.verificationLevel} in ('official-registry', 'secretariat-review', 'email-domain', 'website', 'diplomatic-route')`,
    ),
    check('supporters__joined_on_source_valid', sql`${t.joinedOnSource} is null or ${t.joinedOnSource} in ('signed', 'first-seen')`),
  ],
);

/**
 * Counts of supporters that dated public statements gave (the launch, one year on, January 2022), drawn on the growth
 * chart beside the registry's own curve. Loaded from the reference bundle; each row cites its source.
 */
export const registryMilestones = pgTable(
  'registry_milestones',
  {
    /** Stable key (`launch`, `first-anniversary`, `2022-01`), also the key of its label in the locale catalogs. */
    key: text('key').primaryKey(),
    /** The date the statement was made, or the first day of the month when the source gives only a month. */
    on: date('on', { mode: 'string' }).notNull(),
    /** `day`, or `month` when the source gives only the month (`on` is then its first day). */
    onPrecision: text('on_precision').notNull().default('day'),
    /** Supporters in all, when the source gives it. */
    total: integer('total'),
    /** Counts per registry category the source gives (`state`, `civil-society`, `private-sector`). */
    byCategory: jsonb('by_category').$type<Partial<Record<string, number>>>().notNull().default({}),
    /** True when the source says "more than": the counts are lower bounds. */
    atLeast: boolean('at_least').notNull().default(false),
    /** Citation of the source (publisher, title, date) and its address when it has one. */
    source: text('source').notNull(),
    sourceUrl: text('source_url'),
    ...timestamps,
  },
  (t) => [check('registry_milestones__on_precision_valid', sql`${t.onPrecision} in ('day', 'month')`)],
);

export type RegistryMilestoneRow = typeof registryMilestones.$inferSelect;
export type NewRegistryMilestoneRow = typeof registryMilestones.$inferInsert;
export type SupporterRow = typeof supporters.$inferSelect;
export type NewSupporterRow = typeof supporters.$inferInsert;
