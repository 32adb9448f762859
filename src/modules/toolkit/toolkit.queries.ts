/** Read use cases of the toolkit: everything it holds is public, so nothing here authorizes. */
import type { Executor } from '../../app/database/database.js';
import { publishedDatasetKey, type CellStatus, type PrincipleKey } from './toolkit.constants.js';
import { cellNotFound } from './toolkit.errors.js';
import { createToolkitRepository, type ToolkitActionRow, type ToolkitCellRow, type ToolkitDatasetRow, type ToolkitFrameworkRow } from './toolkit.repository.js';

/** True when no data set has been imported: the reference bundle is loaded only then. */
export async function isToolkitEmpty(input: { db: Executor }): Promise<boolean> {
  return (await createToolkitRepository(input.db).countDatasets()) === 0;
}

export type FrameworkView = ToolkitFrameworkRow & { quoted: number; reviewedAbsent: number };
export type ActionView = ToolkitActionRow & { principle: PrincipleKey; quoted: number; reviewedAbsent: number };

/** The whole matrix of the published data set: frameworks in workbook order, actions, and each reviewed pair's state. */
export interface ToolkitMatrix {
  dataset: ToolkitDatasetRow | null;
  frameworks: FrameworkView[];
  actions: ActionView[];
  /** `frameworkKey` → action code → status; a pair absent from the map was not reviewed. */
  cells: Map<string, Map<string, CellStatus>>;
}

/** Reads the published layer whole (35 × 25 pairs: small enough to count in memory). */
export async function toolkitMatrix(input: { db: Executor }): Promise<ToolkitMatrix> {
  const repository = createToolkitRepository(input.db);
  const dataset = (await repository.findDataset(publishedDatasetKey)) ?? null;
  if (!dataset) return { dataset, frameworks: [], actions: [], cells: new Map() };
  const [frameworkRows, actionRows, cellRows] = await Promise.all([
    repository.listFrameworks(dataset.id, { offset: 0, limit: 10_000 }),
    repository.listActions(),
    repository.listCells(dataset.id),
  ]);
  const cells = new Map<string, Map<string, CellStatus>>();
  const tally = (map: Map<string, { quoted: number; reviewedAbsent: number }>, key: string, status: CellStatus) => {
    const counts = map.get(key) ?? { quoted: 0, reviewedAbsent: 0 };
    if (status === 'quoted') counts.quoted += 1;
    else counts.reviewedAbsent += 1;
    map.set(key, counts);
  };
  const byFramework = new Map<string, { quoted: number; reviewedAbsent: number }>();
  const byAction = new Map<string, { quoted: number; reviewedAbsent: number }>();
  for (const cell of cellRows) {
    const status = cell.status as CellStatus;
    if (!cells.has(cell.frameworkKey)) cells.set(cell.frameworkKey, new Map());
    cells.get(cell.frameworkKey)!.set(cell.actionCode, status);
    tally(byFramework, cell.frameworkKey, status);
    tally(byAction, cell.actionCode, status);
  }
  const none = { quoted: 0, reviewedAbsent: 0 };
  return {
    dataset,
    frameworks: frameworkRows.map((f) => ({ ...f, ...(byFramework.get(f.key) ?? none) })),
    actions: actionRows.map((a) => ({ ...a, principle: a.principle as PrincipleKey, ...(byAction.get(a.code) ?? none) })),
    cells,
  };
}

/** A page of the published frameworks (or of the actions), with the total, as the registry's API pages. */
export async function listToolkitPage<T extends 'frameworks' | 'actions'>(input: { db: Executor; of: T; page: number; pageSize: number }) {
  const matrix = await toolkitMatrix({ db: input.db });
  const all = (input.of === 'frameworks' ? matrix.frameworks : matrix.actions) as T extends 'frameworks' ? FrameworkView[] : ActionView[];
  const offset = (input.page - 1) * input.pageSize;
  return { dataset: matrix.dataset?.key ?? null, total: all.length, page: input.page, pageSize: input.pageSize, items: all.slice(offset, offset + input.pageSize) as typeof all };
}

export interface CellDetail {
  dataset: ToolkitDatasetRow;
  framework: ToolkitFrameworkRow;
  action: ToolkitActionRow & { principle: PrincipleKey };
  /** null when the pair was not reviewed. */
  cell: ToolkitCellRow | null;
}

/** One framework × action pair of the published data set, with its quotation and provenance; 404 when either is unknown. */
export async function getToolkitCell(input: { db: Executor; framework: string; action: string }): Promise<CellDetail> {
  const repository = createToolkitRepository(input.db);
  const dataset = await repository.findDataset(publishedDatasetKey);
  const framework = dataset ? await repository.findFramework(dataset.id, input.framework) : undefined;
  const action = (await repository.listActions()).find((a) => a.code === input.action);
  if (!dataset || !framework || !action) throw cellNotFound();
  return { dataset, framework, action: { ...action, principle: action.principle as PrincipleKey }, cell: (await repository.findCell(framework.id, action.code)) ?? null };
}
