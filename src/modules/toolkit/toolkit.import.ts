/**
 * Importing a published data set (WG6 2021): authorized for the secretariat and the system, all or nothing in one
 * transaction, recorded in the audit log. The layer is immutable: importing the same file again changes nothing and
 * says so; another file under the same key is refused, since a correction belongs in a layer of its own.
 */
import { actorRef, type Actor } from '../../app/authz/actor.js';
import { authorize } from '../../app/authz/policy.js';
import { recordAudit } from '../../app/audit/audit.js';
import type { Executor } from '../../app/database/database.js';
import { ToolkitSourceError } from './io/toolkit.source-error.js';
import { datasetImmutable, sourceInvalid } from './toolkit.errors.js';
import type { ImportAnomaly, ParsedDataset } from './toolkit.models.js';
import { toolkitPolicies } from './toolkit.policies.js';
import { createToolkitRepository } from './toolkit.repository.js';
import { createStakeholderRolesRepository } from './toolkit.stakeholders.repository.js';

export interface ToolkitImportReport {
  dataset: string;
  /** False when the same file was already imported: nothing was written. */
  written: boolean;
  frameworks: number;
  actions: number;
  /** Reviewed framework × action pairs, and those with a quotation. */
  cells: number;
  quoted: number;
  /** Cells of the report's 25 × 4 stakeholder matrix, and those marked. */
  stakeholderCells: number;
  stakeholderMarks: number;
  anomalies: ImportAnomaly[];
}

/** Turns a source reader's refusal into the module's error (sheet and cell in the message), other errors pass. */
export function asImportError(error: unknown): unknown {
  return error instanceof ToolkitSourceError ? sourceInvalid({ where: error.where, problem: error.problem }) : error;
}

/** Writes a published data set read by `readWg6Dataset`, once. */
export async function importPublishedDataset(input: { db: Executor; dataset: ParsedDataset; actor: Actor }): Promise<ToolkitImportReport> {
  authorize(input.actor, toolkitPolicies.importPublished, undefined);
  const { dataset } = input;
  const report: ToolkitImportReport = {
    dataset: dataset.key,
    written: false,
    frameworks: dataset.frameworks.length,
    actions: dataset.actions.length,
    cells: dataset.cells.length,
    quoted: dataset.cells.filter((cell) => cell.status === 'quoted').length,
    stakeholderCells: dataset.stakeholderRoles.length,
    stakeholderMarks: dataset.stakeholderRoles.filter((role) => role.marked).length,
    anomalies: dataset.anomalies,
  };
  return input.db.transaction(async (tx) => {
    const repository = createToolkitRepository(tx);
    const roles = createStakeholderRolesRepository(tx);
    const existing = await repository.findDataset(dataset.key);
    if (existing) {
      if (existing.sourceSha256 !== dataset.sourceSha256) throw datasetImmutable({ key: dataset.key });
      // A layer imported before the stakeholder matrix was read gets it now: it is the report's, not an edit.
      if ((await roles.countRoles()) > 0) return report;
      await roles.insertRoles(dataset.stakeholderRoles);
      await recordAudit(tx, { actor: actorRef(input.actor), action: 'toolkit.import-stakeholder-matrix', subject: existing.id, details: { cells: dataset.stakeholderRoles.length } });
      return { ...report, written: true };
    }
    const { frameworks, actions, cells, stakeholderRoles, ...meta } = dataset;
    const row = await repository.insertDataset(meta, true);
    await repository.insertMissingActions(actions);
    const frameworkIds = await repository.insertFrameworks(row.id, frameworks);
    await repository.insertCells(frameworkIds, cells);
    await roles.insertRoles(stakeholderRoles);
    await recordAudit(tx, {
      actor: actorRef(input.actor),
      action: 'toolkit.import-published',
      subject: row.id,
      details: { key: dataset.key, source: dataset.source, sha256: dataset.sourceSha256, frameworks: frameworks.length, cells: cells.length, stakeholderCells: stakeholderRoles.length, anomalies: dataset.anomalies.length },
    });
    return { ...report, written: true };
  });
}
