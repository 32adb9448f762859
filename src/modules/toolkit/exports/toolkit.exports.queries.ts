/**
 * Read use cases of the toolkit's exports and of its read API: the published layer whole (what every download is
 * built from), cells filtered and paged, one framework or action with its cells, the layers. Everything read here is
 * public, so nothing authorizes; a layer that is not loaded is a 404, never an empty answer (which the response cache
 * would keep after a later import).
 */
import type { Executor } from '../../../app/database/database.js';
import { publishedDatasetKey, type CellStatus, type PrincipleKey } from '../toolkit.constants.js';
import { actionNotFound, datasetNotLoaded, frameworkNotFound } from './toolkit.exports.errors.js';
import {
  createToolkitExportsRepository,
  type CellFilters,
  type ExportActionRow,
  type ExportCellRow,
  type ExportDatasetRow,
  type ExportFrameworkRow,
} from './toolkit.exports.repository.js';

export type { CellFilters, ExportCellRow } from './toolkit.exports.repository.js';

interface Counts {
  quoted: number;
  reviewedAbsent: number;
}
export type ExportFramework = ExportFrameworkRow & Counts;
export type ExportAction = ExportActionRow & { principle: PrincipleKey } & Counts;

/** The published layer as every export reads it: frameworks in workbook order, the 25 actions, every reviewed cell. */
export interface PublishedToolkit {
  dataset: ExportDatasetRow;
  frameworks: ExportFramework[];
  actions: ExportAction[];
  cells: ExportCellRow[];
}

export const noFilters: CellFilters = { framework: [], action: [], status: [], category: [], principle: [], recipient: [] };

async function publishedDataset(db: Executor): Promise<ExportDatasetRow> {
  const dataset = await createToolkitExportsRepository(db).findDataset(publishedDatasetKey);
  if (!dataset) throw datasetNotLoaded();
  return dataset;
}

function tally(cells: ExportCellRow[], key: (cell: ExportCellRow) => string): Map<string, Counts> {
  const counts = new Map<string, Counts>();
  for (const cell of cells) {
    const entry = counts.get(key(cell)) ?? { quoted: 0, reviewedAbsent: 0 };
    if ((cell.status as CellStatus) === 'quoted') entry.quoted += 1;
    else entry.reviewedAbsent += 1;
    counts.set(key(cell), entry);
  }
  return counts;
}

/** Reads the published layer whole (35 frameworks × 25 actions: small enough to count in memory). */
export async function readPublishedToolkit(input: { db: Executor }): Promise<PublishedToolkit> {
  const repository = createToolkitExportsRepository(input.db);
  const dataset = await publishedDataset(input.db);
  const [frameworks, actions, cells] = await Promise.all([repository.listFrameworks(dataset.id), repository.listActions(), repository.listCells(dataset.id, noFilters)]);
  const none: Counts = { quoted: 0, reviewedAbsent: 0 };
  const byFramework = tally(cells, (cell) => cell.frameworkKey);
  const byAction = tally(cells, (cell) => cell.action);
  return {
    dataset,
    frameworks: frameworks.map((f) => ({ ...f, ...(byFramework.get(f.key) ?? none) })),
    actions: actions.map((a) => ({ ...a, principle: a.principle as PrincipleKey, ...(byAction.get(a.code) ?? none) })),
    cells,
  };
}

/** A page of the published layer's cells matching the filters, with the total. */
export async function listToolkitCells(input: { db: Executor; filters: CellFilters; page: number; pageSize: number }) {
  const repository = createToolkitExportsRepository(input.db);
  const dataset = await publishedDataset(input.db);
  const [total, items] = await Promise.all([
    repository.countCells(dataset.id, input.filters),
    repository.listCells(dataset.id, input.filters, { offset: (input.page - 1) * input.pageSize, limit: input.pageSize }),
  ]);
  return { dataset: dataset.key, total, page: input.page, pageSize: input.pageSize, items };
}

/** Every cell of the published layer matching the filters (the cells.csv download). */
export async function exportToolkitCells(input: { db: Executor; filters: CellFilters }): Promise<ExportCellRow[]> {
  const dataset = await publishedDataset(input.db);
  return createToolkitExportsRepository(input.db).listCells(dataset.id, input.filters);
}

/** One framework of the published layer with its cells; 404 when the key is unknown. */
export async function getToolkitFramework(input: { db: Executor; key: string }): Promise<{ dataset: string; framework: ExportFramework; cells: ExportCellRow[] }> {
  const toolkit = await readPublishedToolkit(input);
  const framework = toolkit.frameworks.find((f) => f.key === input.key);
  if (!framework) throw frameworkNotFound({ key: input.key });
  return { dataset: toolkit.dataset.key, framework, cells: toolkit.cells.filter((cell) => cell.frameworkKey === input.key) };
}

/** One action with its cells in the published layer; 404 when the code is unknown. */
export async function getToolkitAction(input: { db: Executor; code: string }): Promise<{ dataset: string; action: ExportAction; cells: ExportCellRow[] }> {
  const toolkit = await readPublishedToolkit(input);
  const action = toolkit.actions.find((a) => a.code === input.code);
  if (!action) throw actionNotFound({ code: input.code });
  return { dataset: toolkit.dataset.key, action, cells: toolkit.cells.filter((cell) => cell.action === input.code) };
}

/** Every layer of the toolkit, oldest first, with its figures. */
export async function listToolkitDatasets(input: { db: Executor }) {
  return createToolkitExportsRepository(input.db).listDatasets();
}

/** The published frameworks narrowed to keys, categories and marked recipients (frameworks.csv); counts over all actions. */
export async function exportToolkitFrameworks(input: { db: Executor; filters: Pick<CellFilters, 'framework' | 'category' | 'recipient'> }): Promise<ExportFramework[]> {
  const { framework, category, recipient } = input.filters;
  const { frameworks } = await readPublishedToolkit(input);
  const recipients = (f: ExportFramework) => f.recipients as Record<string, { marked: boolean }>;
  return frameworks.filter(
    (f) =>
      (framework.length === 0 || framework.includes(f.key)) &&
      (category.length === 0 || (category as string[]).includes(f.category)) &&
      (recipient.length === 0 || recipient.some((kind) => recipients(f)[kind]?.marked === true)),
  );
}

/** The actions narrowed to codes and principles (actions.csv); counts over all frameworks. */
export async function exportToolkitActions(input: { db: Executor; filters: Pick<CellFilters, 'action' | 'principle'> }): Promise<ExportAction[]> {
  const { action, principle } = input.filters;
  const { actions } = await readPublishedToolkit(input);
  return actions.filter((a) => (action.length === 0 || action.includes(a.code)) && (principle.length === 0 || principle.includes(a.principle)));
}
