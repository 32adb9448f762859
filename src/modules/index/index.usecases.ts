/**
 * The life of an index edition. The secretariat creates a draft from COINr iData/iMeta tables and a pipeline
 * configuration (validated by the engine: every problem reported, nothing stored), adjusts the configuration,
 * previews the result (pipeline + Monte Carlo, nothing stored) and publishes: the snapshot and the changes from the
 * previous published edition are stored once and never change again (the use case refuses, and a database trigger
 * refuses any UPDATE or DELETE of a published row). Every change is audited in its transaction.
 */
import { isDeepStrictEqual } from 'node:util';
import { recordAudit } from '../../app/audit/audit.js';
import { actorRef, type Actor } from '../../app/authz/actor.js';
import { authorize } from '../../app/authz/policy.js';
import { indexPolicies } from './index.policies.js';
import type { Database } from '../../app/database/database.js';
import {
  changesFrom, compute, computePublication, computeSnapshot, editionConfigOf, invalid, parseTables, validPipeline, validUncertainty, zodIssues,
  type EditionInputs, type PreviousEdition,
} from './index.compute.js';
import { checkEditionTables } from './io/index.check.js';
import { editionNotFound, editionNotPublished, editionPublished, editionSlugTaken } from './index.errors.js';
import type { EditionChanges } from './index.changes.js';
import type { EditionConfig, EditionSnapshot, StoredTable, WithoutData } from './index.models.js';
import { wg5WithoutData } from './sources/index.wg5-template.js';
import { createIndexRepository, type EditionAdminRow, type EditionStateRow, type EditionSummaryRow, type IndexRepository } from './index.repository.js';
import { changesNoteSchema, editionSlugSchema, editionTitlesSchema, withdrawalReasonSchema } from './index.schemas.js';
import type { IndexEditionRow } from './index.tables.js';

export interface IndexDeps {
  db: Database;
}

/** Who acts on editions: a person (the secretariat) or the system (`cli:<os user>`, first start). */
export type EditionActor = Actor;

/** Refuses anyone but the secretariat and the system (401/403); returns the audit name. */
export function authorizeEditionActor(actor: EditionActor): string {
  return actorRef(authorize(actor, indexPolicies.manageEditions, undefined));
}

const noneWithoutData: WithoutData = { categories: [], indicators: [] };

/** What an uploaded WG5-based iMeta leaves out of the framework (listed publicly as without data); none otherwise. */
const coverageGaps = (iMeta: StoredTable): WithoutData => wg5WithoutData(iMeta.rows) ?? noneWithoutData;

/** The draft, locked until the transaction ends (two secretaries cannot change or publish it at once); 404 or 409 otherwise. */
async function lockedDraft(repository: IndexRepository, slug: string): Promise<IndexEditionRow> {
  const current = await repository.getForUpdate(slug);
  if (!current) throw editionNotFound();
  if (current.status !== 'draft') throw editionPublished();
  return current;
}

/** What a stored edition is computed from. */
const inputsOf = (row: IndexEditionRow): EditionInputs => ({
  iData: row.dataset.iData, iMeta: row.framework.iMeta, source: row.dataset.source, config: row.config, withoutData: row.framework.withoutData,
});

/** A published edition as the base of another's changes. */
const asPrevious = (row: IndexEditionRow | undefined): PreviousEdition | null =>
  row?.snapshot && row.publishedAt ? { id: row.id, slug: row.slug, publishedAt: row.publishedAt, config: row.config, snapshot: row.snapshot } : null;

export interface CreateDraftInput {
  slug: string;
  titles: { en: string; fr: string };
  iData: StoredTable;
  iMeta: StoredTable;
  /** Pipeline configuration (pipeline.json); COINr's defaults when absent. */
  config?: unknown;
  uncertainty?: unknown;
  /** Recorded on every cell as its source, e.g. the file names. */
  source?: string;
  withoutData?: WithoutData;
  /** The pilot computed from open data (`pariscall index publish --pilot`), not an edition adopted by working group 5. */
  isPilot?: boolean;
}

/** Creates a draft edition after the engine has accepted the tables and the configuration; nothing is stored otherwise. */
export async function createDraftEdition(
  deps: IndexDeps,
  actor: EditionActor,
  input: CreateDraftInput,
  options: { computed?: PrecomputedSnapshot } = {},
): Promise<{ edition: IndexEditionRow }> {
  const by = authorizeEditionActor(actor);
  const slug = editionSlugSchema.safeParse(input.slug);
  const titles = editionTitlesSchema.safeParse(input.titles);
  const issues = [...(slug.success ? [] : zodIssues('slug', slug.error)), ...(titles.success ? [] : zodIssues('titles', titles.error))];
  if (issues.length > 0 || !slug.success || !titles.success) return invalid(issues);
  const config = editionConfigOf(input);
  const source = input.source ?? slug.data;
  // A snapshot computed from these very tables and configuration proves that the engine accepts them (it ran the
  // check's pipeline and more); otherwise they are checked, off the main thread for a real index's 130,000 cells.
  const computed = options.computed?.inputs;
  const accepted = computed?.source === source && isDeepStrictEqual([computed.iData, computed.iMeta, computed.config], [input.iData, input.iMeta, config]);
  if (!accepted) await checkEditionTables({ iData: input.iData, iMeta: input.iMeta, source, config });
  return deps.db.transaction(async (tx) => {
    const repository = createIndexRepository(tx);
    if (await repository.slugExists(slug.data)) throw editionSlugTaken();
    const edition = await repository.insert({
      slug: slug.data, titleEn: titles.data.en, titleFr: titles.data.fr, status: 'draft',
      framework: { iMeta: input.iMeta, withoutData: input.withoutData ?? coverageGaps(input.iMeta) },
      dataset: { iData: input.iData, source },
      config, createdBy: by, isPilot: input.isPilot ?? false,
    });
    await recordAudit(tx, {
      actor: by, action: 'index.edition.create', subject: edition.id,
      details: { slug: edition.slug, rows: input.iData.rows.length, indicators: input.iMeta.rows.length },
    });
    return { edition };
  });
}

/** Replaces a draft's pipeline configuration and/or uncertainty settings; published editions are refused. */
export async function updateDraftConfig(
  deps: IndexDeps,
  actor: EditionActor,
  input: { slug: string; config?: unknown; uncertainty?: unknown },
): Promise<{ edition: IndexEditionRow }> {
  const by = authorizeEditionActor(actor);
  return deps.db.transaction(async (tx) => {
    const repository = createIndexRepository(tx);
    const current = await lockedDraft(repository, input.slug);
    const config: EditionConfig = {
      pipeline: input.config === undefined ? current.config.pipeline : validPipeline(input.config),
      uncertainty: input.uncertainty === undefined ? current.config.uncertainty : validUncertainty(input.uncertainty),
    };
    compute(parseTables(current.dataset.iData, current.framework.iMeta, current.dataset.source), config, noneWithoutData, false);
    const edition = await repository.updateDraft(current.id, { config });
    if (!edition) throw editionPublished();
    await recordAudit(tx, { actor: by, action: 'index.edition.configure', subject: current.id, details: { slug: current.slug, before: current.config, after: config } });
    return { edition };
  });
}

/**
 * The snapshot and changes a draft would publish, computed now and not stored, with the edition and the published
 * edition its changes are against (null for a first edition). A published edition gives what it published.
 */
export async function previewEdition(
  deps: IndexDeps,
  actor: EditionActor,
  input: { slug: string },
): Promise<{ edition: IndexEditionRow; snapshot: EditionSnapshot; changes: EditionChanges; previous: IndexEditionRow | null }> {
  authorizeEditionActor(actor);
  const repository = createIndexRepository(deps.db);
  const row = await repository.findBySlug(input.slug);
  if (!row) throw editionNotFound();
  if (row.status !== 'draft' && row.snapshot && row.changes) {
    const previous = row.changes.previous ? await repository.findBySlug(row.changes.previous.slug) : undefined;
    return { edition: row, snapshot: row.snapshot, changes: row.changes, previous: previous ?? null };
  }
  const previous = await repository.latestPublished(row.id);
  const { snapshot, changes } = computePublication(inputsOf(row), asPrevious(previous));
  return { edition: row, snapshot, changes, previous: previous ?? null };
}

/**
 * A snapshot computed before the draft was read, from `inputs`: publication uses it only when the draft's stored inputs
 * are these (equal value by value), since the snapshot is a pure function of them; otherwise it computes its own.
 */
export interface PrecomputedSnapshot {
  inputs: EditionInputs;
  snapshot: EditionSnapshot;
}

/**
 * Publishes a draft: computes its snapshot and its changes from the latest published edition that is not withdrawn
 * (so publishing after withdrawing the pilot replaces it), and freezes it.
 * Secretariat (or operator) only; a published edition is refused.
 */
export async function publishEdition(
  deps: IndexDeps,
  actor: EditionActor,
  input: { slug: string; changesNote?: { en?: string; fr?: string }; computed?: PrecomputedSnapshot },
): Promise<{ edition: IndexEditionRow }> {
  const by = authorizeEditionActor(actor);
  const note = changesNoteSchema.safeParse(input.changesNote ?? {});
  if (!note.success) return invalid(zodIssues('changesNote', note.error));
  return deps.db.transaction(async (tx) => {
    const repository = createIndexRepository(tx);
    const current = await lockedDraft(repository, input.slug);
    const previous = await repository.latestPublished(current.id);
    const inputs = inputsOf(current);
    const snapshot = input.computed && isDeepStrictEqual(input.computed.inputs, inputs) ? input.computed.snapshot : computeSnapshot(inputs);
    const changes = changesFrom(asPrevious(previous), inputs.config, snapshot);
    const published = await repository.publishDraft(current.id, {
      status: 'published', snapshot, changes, publishedAt: new Date(), publishedBy: by, previousEditionId: previous?.id ?? null,
      changesNoteEn: note.data.en ?? null, changesNoteFr: note.data.fr ?? null,
    });
    if (!published) throw editionPublished();
    const edition: IndexEditionRow = { ...published, framework: current.framework, dataset: current.dataset, config: current.config, snapshot, changes };
    await recordAudit(tx, {
      actor: by, action: 'index.edition.publish', subject: edition.id,
      details: { slug: edition.slug, previous: previous?.slug ?? null, units: snapshot.units.length, rows: snapshot.rows.length, configChanges: changes.config.length, unitChanges: changes.units.length },
    });
    return { edition };
  });
}

/** Published editions, newest first, without their snapshots; withdrawn ones are left out. */
export async function listPublishedEditions(deps: IndexDeps): Promise<(EditionSummaryRow & { previousSlug: string | null })[]> {
  return createIndexRepository(deps.db).listPublished();
}

/**
 * A published edition with its snapshot, withdrawn ones included (their addresses are cited: the pages say they were
 * withdrawn, when and why); 404 for drafts and unknown slugs alike (drafts stay hidden).
 */
export async function getPublishedEdition(deps: IndexDeps, slug: string): Promise<IndexEditionRow & { snapshot: EditionSnapshot; changes: EditionChanges; previousSlug: string | null }> {
  const row = await createIndexRepository(deps.db).findPublishedBySlug(slug);
  if (!row || !row.snapshot || !row.changes) throw editionNotFound();
  return { ...row, snapshot: row.snapshot, changes: row.changes };
}

/** Where a public edition stands now (published or withdrawn, when and why); undefined for drafts and unknown slugs. */
export async function getEditionState(deps: IndexDeps, slug: string): Promise<EditionStateRow | undefined> {
  return createIndexRepository(deps.db).findPublicState(slug);
}

/** Every edition, drafts included, for the secretariat's list. */
export async function listEditions(deps: IndexDeps, actor: EditionActor): Promise<EditionAdminRow[]> {
  authorizeEditionActor(actor);
  return createIndexRepository(deps.db).listAll();
}

/** One edition, draft or published, with its inputs: the secretariat's working view. */
export async function getEdition(deps: IndexDeps, actor: EditionActor, slug: string): Promise<IndexEditionRow> {
  authorizeEditionActor(actor);
  const row = await createIndexRepository(deps.db).findBySlug(slug);
  if (!row) throw editionNotFound();
  return row;
}

/**
 * Replaces a draft's iData and iMeta (a corrected file, a new year of data) after the engine has accepted them with
 * the draft's configuration; otherwise nothing changes and every problem is reported.
 */
export async function replaceDraftData(
  deps: IndexDeps,
  actor: EditionActor,
  input: { slug: string; iData: StoredTable; iMeta: StoredTable; source: string },
): Promise<{ edition: IndexEditionRow }> {
  const by = authorizeEditionActor(actor);
  return deps.db.transaction(async (tx) => {
    const repository = createIndexRepository(tx);
    const current = await lockedDraft(repository, input.slug);
    await checkEditionTables({ iData: input.iData, iMeta: input.iMeta, source: input.source, config: current.config });
    const edition = await repository.updateDraft(current.id, {
      framework: { iMeta: input.iMeta, withoutData: coverageGaps(input.iMeta) },
      dataset: { iData: input.iData, source: input.source },
    });
    if (!edition) throw editionPublished();
    await recordAudit(tx, {
      actor: by, action: 'index.edition.data', subject: current.id,
      details: { slug: current.slug, source: input.source, rows: input.iData.rows.length, indicators: input.iMeta.rows.length },
    });
    return { edition };
  });
}

/** Deletes a draft (audited); published editions are refused, they are citable. */
export async function discardDraft(deps: IndexDeps, actor: EditionActor, input: { slug: string }): Promise<void> {
  const by = authorizeEditionActor(actor);
  await deps.db.transaction(async (tx) => {
    const repository = createIndexRepository(tx);
    const current = await lockedDraft(repository, input.slug);
    if (!(await repository.deleteDraft(current.id))) throw editionPublished();
    await recordAudit(tx, { actor: by, action: 'index.edition.discard', subject: current.id, details: { slug: current.slug } });
  });
}

/**
 * Withdraws a published edition (the pilot, or any other): it leaves the public list and stops being the base of the
 * next edition's changes, while its address keeps answering, marked withdrawn with the date and the reason. The row
 * keeps its results (the database admits this change only); publishing a new edition then replaces it.
 */
export async function withdrawEdition(deps: IndexDeps, actor: EditionActor, input: { slug: string; reason: string }): Promise<{ edition: IndexEditionRow }> {
  const by = authorizeEditionActor(actor);
  const reason = withdrawalReasonSchema.safeParse(input.reason);
  if (!reason.success) return invalid(zodIssues('reason', reason.error));
  return deps.db.transaction(async (tx) => {
    const repository = createIndexRepository(tx);
    const current = await repository.getForUpdate(input.slug);
    if (!current) throw editionNotFound();
    if (current.status !== 'published') throw editionNotPublished();
    const edition = await repository.withdraw(current.id, { withdrawnAt: new Date(), withdrawnBy: by, withdrawalReason: reason.data });
    if (!edition) throw editionNotPublished();
    await recordAudit(tx, { actor: by, action: 'index.edition.withdraw', subject: edition.id, reason: reason.data, details: { slug: edition.slug, pilot: edition.isPilot } });
    return { edition };
  });
}
