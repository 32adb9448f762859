/**
 * Read use cases of curated layers. Layers, their frameworks and corrections are public (credited to the secretariat or
 * to the supporter whose proposal was accepted, never to a person); the proposal queue is the secretariat's and
 * authorizes; a person's own proposals are read by their own reference only.
 */
import { actorRef, type Actor } from '../../../app/authz/actor.js';
import { authorize, can } from '../../../app/authz/policy.js';
import type { Executor } from '../../../app/database/database.js';
import { listSupportersByIds } from '../../supporters/supporters.usecases.js';
import { publishedDatasetKey } from '../toolkit.constants.js';
import { toolkitPolicies, type ProposingSupporter } from '../toolkit.policies.js';
import { frameworkNotFound, layerNotFound } from './layers.errors.js';
import { cellState, type Author, type CellState } from './layers.models.js';
import { createLayersRepository, type CorrectionWithTarget, type LayerCellRow, type LayerFrameworkRow, type LayerRow, type ProposalRow } from './layers.repository.js';

export type LayerSummary = LayerRow & { frameworks: number; corrections: number; author: Author };

export interface LayerFramework {
  framework: LayerFrameworkRow;
  cells: LayerCellRow[];
  author: Author;
}

export interface LayerCorrection extends CorrectionWithTarget {
  beforeState: CellState;
  afterState: CellState;
  author: Author;
}

export interface LayerDetail {
  layer: LayerRow;
  author: Author;
  frameworks: LayerFramework[];
  corrections: LayerCorrection[];
}

/** Credits for `user:…`/`system:…` references: a proposer by the supporter they proposed for, else the secretariat. */
async function authorsOf(db: Executor, refs: Iterable<string>): Promise<(ref: string | null) => Author> {
  const unique = [...new Set(refs)];
  const proposers = await createLayersRepository(db).supportersOfProposers(unique.filter((ref) => ref.startsWith('user:')));
  const supporters = new Map((await listSupportersByIds(db, [...new Set(proposers.values())])).map((s) => [s.id, s.name]));
  return (ref) => {
    if (ref === null) return { kind: 'publisher' };
    if (!ref.startsWith('user:')) return { kind: 'platform' };
    const name = supporters.get(proposers.get(ref) ?? '');
    return name ? { kind: 'supporter', name } : { kind: 'secretariat' };
  };
}

/** Every layer, the published one first, with its counts and who made it. */
export async function listLayers(input: { db: Executor }): Promise<LayerSummary[]> {
  const rows = await createLayersRepository(input.db).listLayers();
  const author = await authorsOf(input.db, rows.flatMap((row) => (row.createdBy ? [row.createdBy] : [])));
  return rows.map((row) => ({ ...row, author: author(row.createdBy) }));
}

/** One layer whole: the frameworks it lists with their cells, and the cells it corrects (before and after). */
export async function getLayer(input: { db: Executor; key: string }): Promise<LayerDetail> {
  const repository = createLayersRepository(input.db);
  const layer = await repository.findLayer(input.key);
  if (!layer) throw layerNotFound();
  const frameworks = await repository.listFrameworks(layer.id);
  const [cells, corrections, frameworkAuthors] = await Promise.all([
    repository.listCells(frameworks.map((f) => f.id)),
    repository.listCorrections({ datasetId: layer.id }),
    layer.immutable ? Promise.resolve(new Map<string, string>()) : repository.frameworkAuthors(frameworks.map((f) => f.id)),
  ]);
  const author = await authorsOf(input.db, [...(layer.createdBy ? [layer.createdBy] : []), ...frameworkAuthors.values(), ...corrections.map((c) => c.correction.createdBy)]);
  const cellsOf = new Map<string, LayerCellRow[]>();
  for (const cell of cells) cellsOf.set(cell.frameworkId, [...(cellsOf.get(cell.frameworkId) ?? []), cell]);
  return {
    layer,
    author: author(layer.createdBy),
    frameworks: frameworks.map((framework) => ({
      framework,
      cells: cellsOf.get(framework.id) ?? [],
      author: layer.immutable ? author(null) : author(frameworkAuthors.get(framework.id) ?? layer.createdBy),
    })),
    corrections: corrections.map((c) => ({ ...c, beforeState: cellState(c.before), afterState: cellState(c.correction), author: author(c.correction.createdBy) })),
  };
}

export interface CellCorrectionView extends LayerCorrection {
  layerName: string;
}

/** The corrections curated layers make to one cell of the published layer (for its cell page). */
export async function correctionsOfPublishedCell(input: { db: Executor; framework: string; action: string }): Promise<CellCorrectionView[]> {
  const repository = createLayersRepository(input.db);
  const published = await repository.findLayer(publishedDatasetKey);
  const framework = published ? await repository.findFramework(published.id, input.framework) : undefined;
  if (!framework) return [];
  const rows = await repository.listCorrections({ frameworkId: framework.id, actionCode: input.action });
  const layers = new Map((await repository.listLayers()).map((layer) => [layer.key, layer.name]));
  const author = await authorsOf(input.db, rows.map((row) => row.correction.createdBy));
  return rows.map((c) => ({ ...c, layerName: layers.get(c.layerKey) ?? c.layerKey, beforeState: cellState(c.before), afterState: cellState(c.correction), author: author(c.correction.createdBy) }));
}

/** The supporters the actor represents, as the proposing rule sees them, with their names. */
export async function representedSupporters(input: { db: Executor; actor: Actor }): Promise<Array<ProposingSupporter & { name: string }>> {
  if (input.actor.kind !== 'user') return [];
  const ids = input.actor.grants.filter((g) => g.role === 'representative').map((g) => g.scopeId);
  if (ids.length === 0) return [];
  return (await listSupportersByIds(input.db, ids)).map((s) => ({ id: s.id, name: s.name, status: s.status, verificationLevel: s.verificationLevel }));
}

/**
 * What the actor may do on a layer: write in it (the secretariat, curated layers only), or propose for one of the
 * supporters listed (the verified ones they represent). Views show forms and links from this; use cases decide again.
 */
export async function contributorRights(input: { db: Executor; actor: Actor; layer: Pick<LayerRow, 'immutable'> }) {
  const supporters = await representedSupporters(input);
  return {
    write: can(input.actor, toolkitPolicies.writeLayer, { immutable: input.layer.immutable }),
    proposeFor: supporters.filter((supporter) => can(input.actor, toolkitPolicies.propose, { immutable: input.layer.immutable, supporter })),
  };
}

/** The curated layers (where corrections can go), oldest first. */
export async function listCuratedLayers(input: { db: Executor }): Promise<LayerRow[]> {
  return (await createLayersRepository(input.db).listLayers()).filter((layer) => !layer.immutable);
}

export type ProposalView = ProposalRow & { layerKey: string; layerName: string; supporterName: string };

async function withSupporterNames(db: Executor, rows: Array<ProposalRow & { layerKey: string; layerName: string }>): Promise<ProposalView[]> {
  const names = new Map((await listSupportersByIds(db, [...new Set(rows.map((row) => row.supporterId))])).map((s) => [s.id, s.name]));
  return rows.map((row) => ({ ...row, supporterName: names.get(row.supporterId) ?? row.supporterId }));
}

/** The secretariat's queue: pending proposals, oldest first. */
export async function proposalQueue(input: { db: Executor; actor: Actor }): Promise<ProposalView[]> {
  authorize(input.actor, toolkitPolicies.moderateProposals, undefined);
  return withSupporterNames(input.db, await createLayersRepository(input.db).listProposals({ status: 'pending' }));
}

export async function countPendingProposals(input: { db: Executor }): Promise<number> {
  return createLayersRepository(input.db).countPendingProposals();
}

/** The actor's own proposals, newest first (nobody else's: filtered by their reference). */
export async function myProposals(input: { db: Executor; actor: Actor }): Promise<ProposalView[]> {
  if (input.actor.kind !== 'user') return [];
  return withSupporterNames(input.db, await createLayersRepository(input.db).listProposals({ proposedBy: actorRef(input.actor) }));
}

/** The frameworks and actions a correction form offers: every layer's frameworks, by layer. */
export async function correctionTargets(input: { db: Executor }): Promise<{ layers: Array<{ key: string; name: string; frameworks: Array<{ key: string; name: string }> }>; actions: Array<{ code: string; title: string }> }> {
  const repository = createLayersRepository(input.db);
  const layers = await repository.listLayers();
  return {
    layers: await Promise.all(layers.map(async (layer) => ({ key: layer.key, name: layer.name, frameworks: (await repository.listFrameworks(layer.id)).map((f) => ({ key: f.key, name: f.name })) }))),
    actions: await repository.listActions(),
  };
}

/** A layer's row by key; 404 when there is none. */
export async function findLayer(input: { db: Executor; key: string }): Promise<LayerRow> {
  const layer = await createLayersRepository(input.db).findLayer(input.key);
  if (!layer) throw layerNotFound();
  return layer;
}

/** The 25 actions with their titles, for the framework form. */
export async function actionTitles(input: { db: Executor }): Promise<Array<{ code: string; title: string }>> {
  return createLayersRepository(input.db).listActions();
}

/** A framework a curated layer lists, with its cells, for the edit form; 404 when the layer does not list it. */
export async function frameworkForEdit(input: { db: Executor; actor: Actor; layer: LayerRow; key: string }): Promise<{ framework: LayerFrameworkRow; cells: LayerCellRow[] }> {
  authorize(input.actor, toolkitPolicies.writeLayer, { immutable: input.layer.immutable });
  const repository = createLayersRepository(input.db);
  const framework = await repository.findFramework(input.layer.id, input.key);
  if (!framework) throw frameworkNotFound({ key: input.key });
  return { framework, cells: await repository.listCells([framework.id]) };
}
