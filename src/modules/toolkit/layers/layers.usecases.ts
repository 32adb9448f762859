/**
 * Writing curated layers. The secretariat creates a layer, adds or edits the frameworks it lists and corrects cells of
 * any layer's frameworks; a published layer (WG6 2021) refuses every write, whoever asks (the `writeLayer` rule). Each
 * use case authorizes, runs in one transaction and records the change in the audit log. An accepted proposal goes
 * through the same use cases, with the proposer as `author` and the moderator as the actor who decided.
 */
import { actorRef, type Actor } from '../../../app/authz/actor.js';
import { authorize } from '../../../app/authz/policy.js';
import { recordAudit } from '../../../app/audit/audit.js';
import type { Executor } from '../../../app/database/database.js';
import { toolkitPolicies } from '../toolkit.policies.js';
import { curatedSource } from './layers.constants.js';
import { frameworkNotFound, layerKeyTaken, layerNotFound } from './layers.errors.js';
import { addedFrameworkKey, cellColumns, cellState, frameworkColumns } from './layers.models.js';
import { createLayersRepository, type CorrectionRow, type LayerFrameworkRow, type LayerRow, type LayersRepository } from './layers.repository.js';
import type { CorrectionInput, FrameworkInput, LayerInput } from './layers.schemas.js';

/** Who acts, and whom the change is credited to when it is not the actor (an accepted proposal's author). */
export interface LayerChange {
  db: Executor;
  actor: Actor;
  /** `user:…` of the proposer whose proposal is applied; the actor by default. */
  author?: string;
  /** The accepted proposal being applied, for the audit entry. */
  proposalId?: string;
}

const today = () => new Date().toISOString().slice(0, 10);

/** Loads a layer by key, locks it, and checks the actor may write in it (never in a published layer). */
async function writableLayer(repository: LayersRepository, actor: Actor, key: string): Promise<LayerRow> {
  const layer = await repository.findLayer(key);
  if (!layer) throw layerNotFound();
  authorize(actor, toolkitPolicies.writeLayer, { immutable: layer.immutable });
  await repository.lockLayer(layer.id);
  return layer;
}

/** Creates an empty curated layer; its key is refused if any layer (published or curated) has it. */
export async function createLayer(input: { db: Executor; actor: Actor; layer: LayerInput }): Promise<LayerRow> {
  authorize(input.actor, toolkitPolicies.createLayer, undefined);
  return input.db.transaction(async (tx) => {
    const repository = createLayersRepository(tx);
    if (await repository.findLayer(input.layer.key)) throw layerKeyTaken({ key: input.layer.key });
    const row = await repository.insertLayer({
      key: input.layer.key,
      name: input.layer.name,
      description: input.layer.description,
      version: today(),
      source: curatedSource,
      sourceSha256: '',
      createdBy: actorRef(input.actor),
    });
    if (!row) throw layerKeyTaken({ key: input.layer.key });
    await recordAudit(tx, { actor: actorRef(input.actor), action: 'toolkit.layer.create', subject: row.id, details: { key: row.key, name: row.name } });
    return row;
  });
}

/** Adds a framework (with the cells it was reviewed for) to a curated layer, under the next `nf-<n>` key. */
export async function addFramework(input: LayerChange & { layerKey: string; framework: FrameworkInput }): Promise<LayerFrameworkRow> {
  return input.db.transaction(async (tx) => {
    const repository = createLayersRepository(tx);
    const layer = await writableLayer(repository, input.actor, input.layerKey);
    const position = await repository.nextFrameworkPosition(layer.id);
    const key = addedFrameworkKey(position);
    const framework = await repository.insertFramework({ datasetId: layer.id, key, position, ...frameworkColumns(input.framework, layer.key) });
    await repository.replaceCells(framework.id, cellColumns(input.framework.cells, layer.key));
    const author = input.author ?? actorRef(input.actor);
    await recordAudit(tx, {
      actor: actorRef(input.actor),
      action: 'toolkit.layer.add-framework',
      subject: framework.id,
      details: { layer: layer.key, framework: key, name: framework.name, cells: input.framework.cells.length, author, proposal: input.proposalId ?? null },
    });
    return framework;
  });
}

/** Rewrites a framework a curated layer added: its fields and its whole review (cells not given are unreviewed). */
export async function editFramework(input: LayerChange & { layerKey: string; frameworkKey: string; framework: FrameworkInput }): Promise<void> {
  await input.db.transaction(async (tx) => {
    const repository = createLayersRepository(tx);
    const layer = await writableLayer(repository, input.actor, input.layerKey);
    const existing = await repository.findFramework(layer.id, input.frameworkKey);
    if (!existing) throw frameworkNotFound({ key: input.frameworkKey });
    const before = await repository.listCells([existing.id]);
    const { source: _source, ...fields } = frameworkColumns(input.framework, layer.key);
    await repository.updateFramework(existing.id, fields);
    await repository.replaceCells(existing.id, cellColumns(input.framework.cells, layer.key));
    await recordAudit(tx, {
      actor: actorRef(input.actor),
      action: 'toolkit.layer.edit-framework',
      subject: existing.id,
      details: {
        layer: layer.key,
        framework: existing.key,
        before: { name: existing.name, category: existing.category, documentType: existing.documentType, resources: existing.resources, cells: before.map((c) => [c.actionCode, c.status]) },
        after: { name: fields.name, category: fields.category, documentType: fields.documentType, resources: fields.resources, cells: input.framework.cells.map((c) => [c.action, c.status]) },
      },
    });
  });
}

/**
 * Records a curated layer's correction of one cell of a framework of any layer (WG6 2021's included: the correction
 * sits beside the published cell, which stays as it was). A second correction of the same cell in the same layer
 * replaces the first; the audit log keeps both.
 */
export async function correctCell(input: LayerChange & { layerKey: string; correction: CorrectionInput }): Promise<CorrectionRow> {
  return input.db.transaction(async (tx) => {
    const repository = createLayersRepository(tx);
    const layer = await writableLayer(repository, input.actor, input.layerKey);
    const { of, framework: frameworkKey, action, status, quotation, locator, reason } = input.correction;
    const target = await findTarget(repository, of, frameworkKey, action);
    const previous = await repository.findCorrection(layer.id, target.id, action);
    const author = input.author ?? actorRef(input.actor);
    const written = await repository.upsertCorrection({ datasetId: layer.id, frameworkId: target.id, actionCode: action, status, quotation, locator, reason, createdBy: author });
    await recordAudit(tx, {
      actor: actorRef(input.actor),
      action: 'toolkit.layer.correct-cell',
      subject: written.id,
      reason,
      details: {
        layer: layer.key,
        of,
        framework: frameworkKey,
        action,
        before: cellState(await repository.findCell(target.id, action)),
        replaced: previous ? cellState(previous) : null,
        after: { status, quotation, locator },
        author,
        proposal: input.proposalId ?? null,
      },
    });
    return written;
  });
}

/** The framework a correction names, in the layer it names, for an action that exists. */
export async function findTarget(repository: LayersRepository, of: string, frameworkKey: string, action: string): Promise<LayerFrameworkRow> {
  const owner = await repository.findLayer(of);
  const framework = owner ? await repository.findFramework(owner.id, frameworkKey) : undefined;
  if (!framework || !(await repository.actionCodes()).includes(action)) throw frameworkNotFound({ key: `${of}/${frameworkKey}` });
  return framework;
}
