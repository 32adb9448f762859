/**
 * The life of an index edition. The secretariat creates a draft from COINr iData/iMeta tables and a pipeline
 * configuration (validated by the engine: every problem reported, nothing stored), adjusts the configuration,
 * previews the result (pipeline + Monte Carlo, nothing stored) and publishes: the snapshot and the changes from the
 * previous published edition are stored once and never change again (the use case refuses, and a database trigger
 * refuses any UPDATE or DELETE of a published row). Every change is audited in its transaction.
 */
import { recordAudit } from '../../app/audit/audit.js';
import { actorRef, type Actor } from '../../app/authz/actor.js';
import { requireSecretariat } from '../../app/authz/guards.js';
import type { Database } from '../../app/database/database.js';
import type { FieldIssue } from '../../app/http/errors.js';
import { parseCoinr } from './engine/coinr-format.js';
import { EngineError } from './engine/data-table.js';
import { DEFAULT_PIPELINE, runPipeline, type PipelineConfig } from './engine/pipeline.js';
import type { IndexDataset } from './engine/types.js';
import { runUncertainty } from './engine/uncertainty/index.js';
import { parsePipelineConfig } from './io/index.pipeline-config.schemas.js';
import { editionInputInvalid, editionNotFound, editionPublished, editionSlugTaken } from './index.errors.js';
import { diffEditions, type EditionChanges } from './index.changes.js';
import {
  buildSnapshot, DEFAULT_UNCERTAINTY, uncertaintySpec,
  type EditionConfig, type EditionSnapshot, type StoredTable, type UncertaintySettings, type WithoutData,
} from './index.models.js';
import { wg5WithoutData } from './sources/index.wg5-template.js';
import { createIndexRepository, type EditionAdminRow, type EditionSummaryRow, type IndexRepository } from './index.repository.js';
import { changesNoteSchema, editionSlugSchema, editionTitlesSchema, uncertaintySettingsSchema } from './index.schemas.js';
import type { IndexEditionRow } from './index.tables.js';

export interface IndexDeps {
  db: Database;
}

/**
 * Someone with direct access to the database (the CLI, `cli:<os user>`): trusted like the secretariat. Kept here
 * rather than in the app's `Actor`: no request ever resolves to it, and only these use cases both authorize and
 * accept the command line (the other CLI commands call functions that take an audit name and authorize nothing).
 */
export interface OperatorActor {
  kind: 'operator';
  ref: string;
}
export type EditionActor = Actor | OperatorActor;

/** Secretariat (passkey session, the app's guard) or operator; returns the audit name. Everyone else: 401/403. */
export function authorizeEditionActor(actor: EditionActor): string {
  return actor.kind === 'operator' ? actor.ref : actorRef(requireSecretariat(actor));
}

const noneWithoutData: WithoutData = { categories: [], indicators: [] };

/** What an uploaded WG5-based iMeta leaves out of the framework (listed publicly as without data); none otherwise. */
const coverageGaps = (iMeta: StoredTable): WithoutData => wg5WithoutData(iMeta.rows.map((r) => r.iCode ?? '')) ?? noneWithoutData;

function invalid(issues: FieldIssue[]): never {
  throw editionInputInvalid({ count: issues.length }, issues);
}

function zodIssues(prefix: string, error: { issues: { path: PropertyKey[]; message: string; code: string }[] }): FieldIssue[] {
  return error.issues.map((i) => ({ field: [prefix, ...i.path.map(String)].filter(Boolean).join('.'), message: i.message, code: `validation.${i.code}` }));
}

/** Parses stored tables into the engine's dataset, or throws every problem as `iData row 3, column press: …`. */
function parseTables(iData: StoredTable, iMeta: StoredTable, source: string): IndexDataset {
  const parsed = parseCoinr({ iData, iMeta, source });
  if (parsed.ok) return parsed.dataset;
  return invalid(
    parsed.issues.map((i) => ({
      field: [i.table, i.row === null ? null : `row ${i.row}`, i.column === null ? null : `column ${i.column}`].filter(Boolean).join(', '),
      message: i.message,
      code: i.code,
    })),
  );
}

function validPipeline(input: unknown): PipelineConfig {
  const parsed = parsePipelineConfig(input);
  if (parsed.ok) return parsed.config;
  return invalid(parsed.problems.map((p) => ({ field: `config.${p.split(':')[0]}`, message: p.slice(p.indexOf(':') + 1).trim(), code: 'index.config.invalid' })));
}

function validUncertainty(input: unknown): UncertaintySettings {
  const parsed = uncertaintySettingsSchema.safeParse(input);
  return parsed.success ? parsed.data : invalid(zodIssues('uncertainty', parsed.error));
}

/** Runs the pipeline (and, when asked, the uncertainty analysis); an engine stop becomes a problem report. */
function compute(dataset: IndexDataset, config: EditionConfig, withoutData: WithoutData, withUncertainty: true): EditionSnapshot;
function compute(dataset: IndexDataset, config: EditionConfig, withoutData: WithoutData, withUncertainty: false): null;
function compute(dataset: IndexDataset, config: EditionConfig, withoutData: WithoutData, withUncertainty: boolean): EditionSnapshot | null {
  try {
    const result = runPipeline(dataset, config.pipeline);
    if (!withUncertainty) return null;
    const { monteCarlo } = runUncertainty(dataset, config.pipeline, uncertaintySpec(dataset, config.uncertainty), { indicators: false });
    return buildSnapshot({ dataset, result, uncertainty: monteCarlo, withoutData });
  } catch (error) {
    if (error instanceof EngineError) return invalid([{ field: 'config', message: error.message, code: error.code }]);
    throw error;
  }
}

/** The draft, locked until the transaction ends (two secretaries cannot change or publish it at once); 404 or 409 otherwise. */
async function lockedDraft(repository: IndexRepository, slug: string): Promise<IndexEditionRow> {
  const current = await repository.getForUpdate(slug);
  if (!current) throw editionNotFound();
  if (current.status !== 'draft') throw editionPublished();
  return current;
}

function snapshotOf(row: IndexEditionRow): EditionSnapshot {
  const dataset = parseTables(row.dataset.iData, row.framework.iMeta, row.dataset.source);
  return compute(dataset, row.config, row.framework.withoutData, true);
}

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
}

/** Creates a draft edition after the engine has accepted the tables and the configuration; nothing is stored otherwise. */
export async function createDraftEdition(deps: IndexDeps, actor: EditionActor, input: CreateDraftInput): Promise<{ edition: IndexEditionRow }> {
  const by = authorizeEditionActor(actor);
  const slug = editionSlugSchema.safeParse(input.slug);
  const titles = editionTitlesSchema.safeParse(input.titles);
  const issues = [...(slug.success ? [] : zodIssues('slug', slug.error)), ...(titles.success ? [] : zodIssues('titles', titles.error))];
  if (issues.length > 0 || !slug.success || !titles.success) return invalid(issues);
  const config: EditionConfig = { pipeline: validPipeline(input.config ?? DEFAULT_PIPELINE), uncertainty: validUncertainty(input.uncertainty ?? DEFAULT_UNCERTAINTY) };
  const source = input.source ?? slug.data;
  compute(parseTables(input.iData, input.iMeta, source), config, noneWithoutData, false);
  return deps.db.transaction(async (tx) => {
    const repository = createIndexRepository(tx);
    if (await repository.slugExists(slug.data)) throw editionSlugTaken();
    const edition = await repository.insert({
      slug: slug.data, titleEn: titles.data.en, titleFr: titles.data.fr, status: 'draft',
      framework: { iMeta: input.iMeta, withoutData: input.withoutData ?? coverageGaps(input.iMeta) },
      dataset: { iData: input.iData, source },
      config, createdBy: by,
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
  if (row.status === 'published' && row.snapshot && row.changes) {
    const previous = row.changes.previous ? await repository.findBySlug(row.changes.previous.slug) : undefined;
    return { edition: row, snapshot: row.snapshot, changes: row.changes, previous: previous ?? null };
  }
  const previous = await repository.latestPublished(row.id);
  const snapshot = snapshotOf(row);
  return { edition: row, snapshot, changes: changesFrom(previous, row.config, snapshot), previous: previous ?? null };
}

function changesFrom(previous: IndexEditionRow | undefined, config: EditionConfig, snapshot: EditionSnapshot): EditionChanges {
  const base = previous?.snapshot && previous.publishedAt ? { id: previous.id, slug: previous.slug, publishedAt: previous.publishedAt, config: previous.config, snapshot: previous.snapshot } : null;
  return diffEditions({ previous: base, config, snapshot });
}

/**
 * Publishes a draft: computes its snapshot and its changes from the latest published edition, and freezes it.
 * Secretariat (or operator) only; a published edition is refused.
 */
export async function publishEdition(
  deps: IndexDeps,
  actor: EditionActor,
  input: { slug: string; changesNote?: { en?: string; fr?: string } },
): Promise<{ edition: IndexEditionRow }> {
  const by = authorizeEditionActor(actor);
  const note = changesNoteSchema.safeParse(input.changesNote ?? {});
  if (!note.success) return invalid(zodIssues('changesNote', note.error));
  return deps.db.transaction(async (tx) => {
    const repository = createIndexRepository(tx);
    const current = await lockedDraft(repository, input.slug);
    const previous = await repository.latestPublished(current.id);
    const snapshot = snapshotOf(current);
    const changes = changesFrom(previous, current.config, snapshot);
    const edition = await repository.updateDraft(current.id, {
      status: 'published', snapshot, changes, publishedAt: new Date(), publishedBy: by, previousEditionId: previous?.id ?? null,
      changesNoteEn: note.data.en ?? null, changesNoteFr: note.data.fr ?? null,
    });
    if (!edition) throw editionPublished();
    await recordAudit(tx, {
      actor: by, action: 'index.edition.publish', subject: edition.id,
      details: { slug: edition.slug, previous: previous?.slug ?? null, units: snapshot.units.length, rows: snapshot.rows.length, configChanges: changes.config.length, unitChanges: changes.units.length },
    });
    return { edition };
  });
}

/** Published editions, newest first, without their snapshots. */
export async function listPublishedEditions(deps: IndexDeps): Promise<(EditionSummaryRow & { previousSlug: string | null })[]> {
  return createIndexRepository(deps.db).listPublished();
}

/** A published edition with its snapshot; 404 for drafts and unknown slugs alike (drafts stay hidden). */
export async function getPublishedEdition(deps: IndexDeps, slug: string): Promise<IndexEditionRow & { snapshot: EditionSnapshot; changes: EditionChanges; previousSlug: string | null }> {
  const row = await createIndexRepository(deps.db).findPublishedBySlug(slug);
  if (!row || !row.snapshot || !row.changes) throw editionNotFound();
  return { ...row, snapshot: row.snapshot, changes: row.changes };
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
    compute(parseTables(input.iData, input.iMeta, input.source), current.config, noneWithoutData, false);
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
