import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { idColumn, timestamps } from '../../../app/database/columns.js';

/** Text per language; a missing language is absent, never an empty string ("not yet translated"). */
export type Localized = Partial<Record<'en' | 'fr', string>>;

/** A link given with a practice (its law, its programme's site…). */
export interface PracticeLink {
  url: string;
  label?: Localized;
}

/** An evidence document: a file of the content-addressed store (`files`), under the name it was sent with. */
export interface PracticeAttachment {
  sha256: string;
  name: string;
  mediaType: string;
  size: number;
}

/** Where an imported practice comes from, precisely enough to find it in the source. */
export interface PracticeSourceRef {
  /** `g7-synthesis-2019` or `case-studies`. */
  document: string;
  /** e.g. `Norme 3, bullet 2` or `principle-6.md, "### Microsoft"`. */
  locator: string;
  /** The public address of the source, when it has one. */
  url?: string;
}

/**
 * Everything a representative writes about a practice. Stored whole in each revision; the practice row holds the
 * published one's fields as columns for search. `original` is the language the practice was written in: the other
 * language, when present, is a translation and is shown as one.
 */
export interface PracticeContent {
  title: Localized;
  description: Localized;
  original: string;
  kind: string;
  implementationStatus: string;
  startedOn: string | null;
  endedOn: string | null;
  year: number;
  principles: number[];
  norms: string[];
  sectors: string[];
  countries: string[];
  links: PracticeLink[];
  attachments: PracticeAttachment[];
}

/**
 * The practice library: what a supporter does to implement the principles and the norms. A row exists from the first
 * draft; its content columns hold the last published revision (null title while never published), so public reads
 * never see a draft. Imported practices (the G7 synthesis, the principles' case studies) carry a `source_key` that
 * makes the import idempotent; a practice edited on the platform (`edited_by`) is never overwritten by an import.
 */
export const practices = pgTable(
  'practices',
  {
    id: idColumn('prc'),
    /** `g7-synthesis` | `case-study` | `platform`. */
    origin: text('origin').notNull(),
    /** `g7-2019/13c/2`, `case-study/principle-6/1`: stable across imports. Null for practices written on the platform. */
    sourceKey: text('source_key'),
    sourceRef: jsonb('source_ref').$type<PracticeSourceRef>(),
    /** The registry entry behind it, when there is one. */
    supporterId: text('supporter_id'),
    /** The name shown when no registry entry is linked ("G7 states", a company absent from the registry). */
    attribution: jsonb('attribution').$type<Localized>(),
    /** Category of the supporter behind it (registry categories), kept for filtering when there is no registry link. */
    category: text('category'),
    /** `draft` (never published), `published`, `withdrawn`. The revisions carry the moderation states. */
    state: text('state').notNull().default('draft'),
    title: jsonb('title').$type<Localized>(),
    description: jsonb('description').$type<Localized>(),
    original: text('original'),
    kind: text('kind'),
    implementationStatus: text('implementation_status'),
    startedOn: date('started_on', { mode: 'string' }),
    endedOn: date('ended_on', { mode: 'string' }),
    year: integer('year'),
    principles: integer('principles').array().notNull().default(sql`'{}'::integer[]`),
    norms: text('norms').array().notNull().default(sql`'{}'::text[]`),
    sectors: text('sectors').array().notNull().default(sql`'{}'::text[]`),
    countries: text('countries').array().notNull().default(sql`'{}'::text[]`),
    links: jsonb('links').$type<PracticeLink[]>().notNull().default([]),
    attachments: jsonb('attachments').$type<PracticeAttachment[]>().notNull().default([]),
    /** Folded (no accents, lower case) title, description and attribution in every language, for the library's search. */
    searchText: text('search_text').notNull().default(''),
    publishedRevision: integer('published_revision'),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }),
    /** Who last changed it on the platform (`user:…`); an import leaves such a practice alone. */
    editedBy: text('edited_by'),
    createdBy: text('created_by').notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('practices__source_key').on(t.sourceKey),
    index('practices__supporter').on(t.supporterId),
    index('practices__published').on(t.state, t.publishedAt),
    index('practices__principles').using('gin', t.principles),
    index('practices__norms').using('gin', t.norms),
    index('practices__countries').using('gin', t.countries),
    index('practices__search_text_trgm').using('gin', sql`${t.searchText} gin_trgm_ops`),
    // The library's filters and its "year" sort read only published rows (bench/practices-search.ts measured each).
    index('practices__published_year').on(t.year.desc().nullsLast(), t.publishedAt.desc().nullsFirst(), t.id.desc().nullsFirst()).where(sql`${t.state} = 'published'`),
    index('practices__published_kind').on(t.kind).where(sql`${t.state} = 'published'`),
    index('practices__published_status').on(t.implementationStatus).where(sql`${t.state} = 'published'`),
    index('practices__published_category').on(t.category).where(sql`${t.state} = 'published'`),
    check('practices__origin_valid', sql`${t.origin} in ('g7-synthesis', 'case-study', 'platform')`),
    check('practices__state_valid', sql`${t.state} in ('draft', 'published', 'withdrawn')`),
  ],
);

/**
 * Every version of a practice, from draft to decision: the visible, diffable history. A revision is `draft` while its
 * author edits it, `submitted` in the moderation queue, `information-requested` when the secretariat asks for more,
 * then `published` (its content copied onto the practice), `rejected` (with a reason), or `superseded` by a later one.
 */
export const practiceRevisions = pgTable(
  'practice_revisions',
  {
    practiceId: text('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    content: jsonb('content').$type<PracticeContent>().notNull(),
    state: text('state').notNull(),
    /** What changed, in the author's words (optional). */
    changeNote: text('change_note'),
    /** The secretariat's reason or question, for `information-requested` and `rejected`. */
    decisionReason: text('decision_reason'),
    authoredBy: text('authored_by').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    decidedBy: text('decided_by'),
    ...timestamps,
  },
  (t) => [
    primaryKey({ name: 'practice_revisions__pk', columns: [t.practiceId, t.number] }),
    index('practice_revisions__queue').on(t.state, t.submittedAt),
    check(
      'practice_revisions__state_valid',
      sql`${t.state} in ('draft', 'submitted', 'information-requested', 'published', 'rejected', 'superseded')`,
    ),
  ],
);
