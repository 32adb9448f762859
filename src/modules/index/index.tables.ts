import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, index, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { idColumn, timestamps } from '../../app/database/columns.js';
import type { EditionChanges } from './index.changes.js';
import type { EditionConfig, EditionDataset, EditionFramework, EditionSnapshot } from './index.models.js';

/**
 * An edition's workflow: a draft is edited and previewed; publishing freezes it (a trigger refuses later writes, except
 * withdrawal: the row stays, citable, marked withdrawn with the date, who and why).
 */
export const editionStatuses = ['draft', 'published', 'withdrawn'] as const;
export type EditionStatus = (typeof editionStatuses)[number];

/**
 * One edition of a composite index: its inputs in the COINr convention (so it can be re-run exactly), its
 * configuration and, once published, the presentation-ready result and what changed since the previous edition.
 * Published rows are immutable (migration `index_editions_immutable`): a correction is a new edition.
 */
export const indexEditions = pgTable(
  'index_editions',
  {
    id: idColumn('ied'),
    /** Stable public key used in URLs and citations (`pilot-2025`). */
    slug: text('slug').notNull(),
    titleEn: text('title_en').notNull(),
    titleFr: text('title_fr').notNull(),
    status: text('status').$type<EditionStatus>().notNull().default('draft'),
    /** iMeta as parsed (columns and text cells) plus the framework parts listed without data (coverage). */
    framework: jsonb('framework').$type<EditionFramework>().notNull(),
    /** iData as parsed (columns and text cells), and the source name recorded on every cell. */
    dataset: jsonb('dataset').$type<EditionDataset>().notNull(),
    /** Pipeline configuration and uncertainty settings. */
    config: jsonb('config').$type<EditionConfig>().notNull(),
    /** The published result (see `EditionSnapshot`); null while a draft. */
    snapshot: jsonb('snapshot').$type<EditionSnapshot>(),
    /** Differences from the previous published edition, computed at publication; null while a draft. */
    changes: jsonb('changes').$type<EditionChanges>(),
    /** Why this edition differs from the previous one, in the secretariat's words. */
    changesNoteEn: text('changes_note_en'),
    changesNoteFr: text('changes_note_fr'),
    /** Audit name of the creator: `user:<id>` or `cli:<os user>`. */
    createdBy: text('created_by').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }),
    publishedBy: text('published_by'),
    /** The edition published before this one (the base of `changes`), null for the first. */
    previousEditionId: text('previous_edition_id'),
    /** The pilot computed from open data (shipped in the reference bundle), not an edition adopted by working group 5. */
    isPilot: boolean('is_pilot').notNull().default(false),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true, mode: 'date' }),
    withdrawnBy: text('withdrawn_by'),
    withdrawalReason: text('withdrawal_reason'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('index_editions__slug').on(t.slug),
    index('index_editions__published_at').on(t.status, t.publishedAt),
    foreignKey({ name: 'index_editions__previous_fk', columns: [t.previousEditionId], foreignColumns: [t.id] }).onDelete('restrict'),
    check('index_editions__status_valid', sql`${t.status} in ('draft', 'published', 'withdrawn')`),
    check(
      'index_editions__published_complete',
      sql`${t.status} = 'draft' or (${t.snapshot} is not null and ${t.changes} is not null and ${t.publishedAt} is not null and ${t.publishedBy} is not null)`,
    ),
    check('index_editions__withdrawn_complete', sql`${t.status} <> 'withdrawn' or (${t.withdrawnAt} is not null and ${t.withdrawnBy} is not null)`),
  ],
);

export type IndexEditionRow = typeof indexEditions.$inferSelect;
export type NewIndexEditionRow = typeof indexEditions.$inferInsert;
