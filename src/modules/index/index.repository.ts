import { and, asc, desc, eq, getTableColumns, inArray, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../app/database/database.js';
import type { EditionChanges } from './index.changes.js';
import type { EditionSnapshot } from './index.models.js';
import { indexEditions, type IndexEditionRow, type NewIndexEditionRow } from './index.tables.js';

/** What the list of editions shows: everything but the heavy inputs and snapshot. */
const editionSummaryColumns = {
  id: indexEditions.id,
  slug: indexEditions.slug,
  titleEn: indexEditions.titleEn,
  titleFr: indexEditions.titleFr,
  publishedAt: indexEditions.publishedAt,
  changesNoteEn: indexEditions.changesNoteEn,
  changesNoteFr: indexEditions.changesNoteFr,
  previousEditionId: indexEditions.previousEditionId,
  isPilot: indexEditions.isPilot,
  status: indexEditions.status,
  withdrawnAt: indexEditions.withdrawnAt,
  withdrawalReason: indexEditions.withdrawalReason,
};
export type EditionSummaryRow = { [K in keyof typeof editionSummaryColumns]: IndexEditionRow[K] };

/** What the secretariat's list shows of every edition, drafts included. */
const editionAdminColumns = {
  ...editionSummaryColumns,
  createdAt: indexEditions.createdAt,
  updatedAt: indexEditions.updatedAt,
  createdBy: indexEditions.createdBy,
  publishedBy: indexEditions.publishedBy,
};
export type EditionAdminRow = { [K in keyof typeof editionAdminColumns]: IndexEditionRow[K] };

const published = eq(indexEditions.status, 'published');
/** Published, then possibly withdrawn: what has a public address. */
const public_ = inArray(indexEditions.status, ['published', 'withdrawn']);

/** Where an edition stands now: read on every public request, since another process may withdraw it. */
const editionStateColumns = { id: indexEditions.id, status: indexEditions.status, withdrawnAt: indexEditions.withdrawnAt, withdrawalReason: indexEditions.withdrawalReason };
export type EditionStateRow = { [K in keyof typeof editionStateColumns]: IndexEditionRow[K] };
const previousEdition = alias(indexEditions, 'previous_edition');

/** Every column but the JSON ones (inputs, configuration, snapshot, changes): what publishing reads back. */
const { framework: _framework, dataset: _dataset, config: _config, snapshot: _snapshot, changes: _changes, ...editionScalarColumns } = getTableColumns(indexEditions);
export type EditionScalarRow = { [K in keyof typeof editionScalarColumns]: IndexEditionRow[K] };

/** All SQL of index editions. A factory over an executor so use cases can pass a transaction. */
export function createIndexRepository(db: Executor) {
  return {
    async insert(row: NewIndexEditionRow): Promise<IndexEditionRow> {
      const [inserted] = await db.insert(indexEditions).values(row).returning();
      return inserted as IndexEditionRow;
    },

    /** Inserts an edition already published (the reference bundle's pilot): no draft stage, the snapshot is given. */
    async insertPublished(row: NewIndexEditionRow & { status: 'published'; snapshot: EditionSnapshot; changes: EditionChanges; publishedAt: Date; publishedBy: string }): Promise<IndexEditionRow> {
      const [inserted] = await db.insert(indexEditions).values(row).returning();
      return inserted as IndexEditionRow;
    },

    /** How many editions exist, drafts included. */
    async countAll(): Promise<number> {
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(indexEditions);
      return row?.n ?? 0;
    },

    /** Marks a published edition withdrawn; undefined when it is not (or no longer) published. */
    async withdraw(id: string, withdrawal: { withdrawnAt: Date; withdrawnBy: string; withdrawalReason: string }): Promise<IndexEditionRow | undefined> {
      const [row] = await db
        .update(indexEditions)
        .set({ status: 'withdrawn', ...withdrawal })
        .where(and(eq(indexEditions.id, id), published))
        .returning();
      return row;
    },

    /** The current state of a public edition (published or withdrawn), without its heavy columns. */
    async findPublicState(slug: string): Promise<EditionStateRow | undefined> {
      const [row] = await db.select(editionStateColumns).from(indexEditions).where(and(eq(indexEditions.slug, slug), public_)).limit(1);
      return row;
    },

    async slugExists(slug: string): Promise<boolean> {
      const [row] = await db.select({ id: indexEditions.id }).from(indexEditions).where(eq(indexEditions.slug, slug)).limit(1);
      return row !== undefined;
    },

    /** The edition, locked until the transaction ends (two secretaries cannot publish it twice). */
    async getForUpdate(slug: string): Promise<IndexEditionRow | undefined> {
      const [row] = await db.select().from(indexEditions).where(eq(indexEditions.slug, slug)).for('update').limit(1);
      return row;
    },

    async findBySlug(slug: string): Promise<IndexEditionRow | undefined> {
      const [row] = await db.select().from(indexEditions).where(eq(indexEditions.slug, slug)).limit(1);
      return row;
    },

    /** Changes a draft; returns undefined when the edition is no longer a draft (it stays as it was). */
    async updateDraft(id: string, patch: Partial<NewIndexEditionRow>): Promise<IndexEditionRow | undefined> {
      const [row] = await db.update(indexEditions).set(patch).where(and(eq(indexEditions.id, id), eq(indexEditions.status, 'draft'))).returning();
      return row;
    },

    /**
     * Publishes a draft with the patch (its snapshot and changes); returns the row without its JSON columns, which the
     * caller holds (reading a megabyte of JSON back costs tens of milliseconds on PGlite); undefined when it is no
     * longer a draft.
     */
    async publishDraft(id: string, patch: Partial<NewIndexEditionRow> & { status: 'published' }): Promise<EditionScalarRow | undefined> {
      const [row] = await db
        .update(indexEditions)
        .set(patch)
        .where(and(eq(indexEditions.id, id), eq(indexEditions.status, 'draft')))
        .returning(editionScalarColumns);
      return row;
    },

    /** The most recently published edition other than `exceptId`, withdrawn ones left out: the base of a new edition's changes. */
    async latestPublished(exceptId: string): Promise<IndexEditionRow | undefined> {
      const [row] = await db
        .select()
        .from(indexEditions)
        .where(and(published, ne(indexEditions.id, exceptId)))
        .orderBy(desc(indexEditions.publishedAt))
        .limit(1);
      return row;
    },

    async listPublished(): Promise<(EditionSummaryRow & { previousSlug: string | null })[]> {
      const rows = await db.select(editionSummaryColumns).from(indexEditions).where(published).orderBy(desc(indexEditions.publishedAt));
      const slugs = new Map(rows.map((r) => [r.id, r.slug]));
      return rows.map((r) => ({ ...r, previousSlug: r.previousEditionId ? (slugs.get(r.previousEditionId) ?? null) : null }));
    },

    /** Every edition, drafts first (most recently changed first), then published ones, newest first. */
    async listAll(): Promise<EditionAdminRow[]> {
      return db
        .select(editionAdminColumns)
        .from(indexEditions)
        .orderBy(asc(indexEditions.status), desc(indexEditions.publishedAt), desc(indexEditions.updatedAt));
    },

    /** Deletes a draft; false when it is not (or no longer) a draft. */
    async deleteDraft(id: string): Promise<boolean> {
      const rows = await db.delete(indexEditions).where(and(eq(indexEditions.id, id), eq(indexEditions.status, 'draft'))).returning({ id: indexEditions.id });
      return rows.length > 0;
    },

    /** A published or withdrawn edition with the slug of the one before it (one query: the API reads this on every request). */
    async findPublishedBySlug(slug: string): Promise<(IndexEditionRow & { previousSlug: string | null }) | undefined> {
      const [row] = await db
        .select({ edition: indexEditions, previousSlug: previousEdition.slug })
        .from(indexEditions)
        .leftJoin(previousEdition, eq(previousEdition.id, indexEditions.previousEditionId))
        .where(and(eq(indexEditions.slug, slug), public_))
        .limit(1);
      return row && { ...row.edition, previousSlug: row.previousSlug };
    },
  };
}

export type IndexRepository = ReturnType<typeof createIndexRepository>;
