/**
 * What an edition computes, without a database: its inputs checked by the engine (every problem reported as a
 * field issue), the snapshot (pipeline + Monte Carlo) and the changes from the previous published edition. The use
 * cases call this inside their transactions; the reference bundle calls it to build the pilot from the open data,
 * so a bundled edition and a published one are the same computation.
 */
import type { FieldIssue } from '../../app/http/errors.js';
import { parseCoinr } from './engine/coinr-format.js';
import { EngineError } from './engine/data-table.js';
import { DEFAULT_PIPELINE, runPipeline, type PipelineConfig } from './engine/pipeline.js';
import type { IndexDataset } from './engine/types.js';
import { runUncertainty } from './engine/uncertainty/index.js';
import { parsePipelineConfig } from './io/index.pipeline-config.schemas.js';
import { diffEditions, type EditionChanges } from './index.changes.js';
import { editionInputInvalid } from './index.errors.js';
import {
  buildSnapshot, DEFAULT_UNCERTAINTY, uncertaintySpec,
  type EditionConfig, type EditionSnapshot, type StoredTable, type UncertaintySettings, type WithoutData,
} from './index.models.js';
import { uncertaintySettingsSchema } from './index.schemas.js';

/** Refuses the input with every problem found (422, nothing stored). */
export function invalid(issues: FieldIssue[]): never {
  throw editionInputInvalid({ count: issues.length }, issues);
}

export function zodIssues(prefix: string, error: { issues: { path: PropertyKey[]; message: string; code: string }[] }): FieldIssue[] {
  return error.issues.map((i) => ({ field: [prefix, ...i.path.map(String)].filter(Boolean).join('.'), message: i.message, code: `validation.${i.code}` }));
}

/** Parses stored tables into the engine's dataset, or throws every problem as `iData row 3, column press: …`. */
export function parseTables(iData: StoredTable, iMeta: StoredTable, source: string): IndexDataset {
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

export function validPipeline(input: unknown): PipelineConfig {
  const parsed = parsePipelineConfig(input);
  if (parsed.ok) return parsed.config;
  return invalid(parsed.problems.map((p) => ({ field: `config.${p.split(':')[0]}`, message: p.slice(p.indexOf(':') + 1).trim(), code: 'index.config.invalid' })));
}

export function validUncertainty(input: unknown): UncertaintySettings {
  const parsed = uncertaintySettingsSchema.safeParse(input);
  return parsed.success ? parsed.data : invalid(zodIssues('uncertainty', parsed.error));
}

/** A draft's configuration from what was given (pipeline.json and uncertainty settings), COINr's defaults where absent. */
export function editionConfigOf(input: { config?: unknown; uncertainty?: unknown }): EditionConfig {
  return { pipeline: validPipeline(input.config ?? DEFAULT_PIPELINE), uncertainty: validUncertainty(input.uncertainty ?? DEFAULT_UNCERTAINTY) };
}

/** Runs the pipeline (and, when asked, the uncertainty analysis); an engine stop becomes a problem report. */
export function compute(dataset: IndexDataset, config: EditionConfig, withoutData: WithoutData, withUncertainty: true): EditionSnapshot;
export function compute(dataset: IndexDataset, config: EditionConfig, withoutData: WithoutData, withUncertainty: false): null;
export function compute(dataset: IndexDataset, config: EditionConfig, withoutData: WithoutData, withUncertainty: boolean): EditionSnapshot | null {
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

/** What an edition is computed from: its stored inputs and configuration. */
export interface EditionInputs {
  iData: StoredTable;
  iMeta: StoredTable;
  source: string;
  config: EditionConfig;
  withoutData: WithoutData;
}

/** The published edition a new one is compared with (null for the first). */
export interface PreviousEdition {
  id: string;
  slug: string;
  publishedAt: Date;
  config: EditionConfig;
  snapshot: EditionSnapshot;
}

/** The snapshot of an edition's inputs (pipeline and Monte Carlo bands). */
export function computeSnapshot(inputs: EditionInputs): EditionSnapshot {
  return compute(parseTables(inputs.iData, inputs.iMeta, inputs.source), inputs.config, inputs.withoutData, true);
}

/** The changes of a snapshot from the previous published edition (none for the first). */
export function changesFrom(previous: PreviousEdition | null, config: EditionConfig, snapshot: EditionSnapshot): EditionChanges {
  return diffEditions({ previous, config, snapshot });
}

/** What publishing the inputs stores: the snapshot and its changes from `previous`. Pure and deterministic. */
export function computePublication(inputs: EditionInputs, previous: PreviousEdition | null): { snapshot: EditionSnapshot; changes: EditionChanges } {
  const snapshot = computeSnapshot(inputs);
  return { snapshot, changes: changesFrom(previous, inputs.config, snapshot) };
}
