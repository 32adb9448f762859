/** Read use cases of the toolkit: everything it holds is public, so nothing here authorizes. */
import type { Executor } from '../../app/database/database.js';
import { publishedDatasetKey, type CellStatus, type PrincipleKey, type StakeholderKind } from './toolkit.constants.js';
import { cellNotFound } from './toolkit.errors.js';
import { addressedTo, keepsAction, keepsFramework, type MatrixFilter } from './toolkit.filters.js';
import { applicableActions, recipientOf, type Applicability, type OrganisationProfile } from './toolkit.applicability.js';
import { computeCoverage, type Coverage } from './toolkit.coverage.js';
import {
  createToolkitRepository,
  type ToolkitActionRow,
  type ToolkitCellRow,
  type ToolkitDatasetRow,
  type ToolkitFrameworkRow,
} from './toolkit.repository.js';
import { createStakeholderRolesRepository, type ToolkitStakeholderRoleRow } from './toolkit.stakeholders.repository.js';
import { findTerms, passageAround, queryTerms, type Passage } from './toolkit.search.js';

/** True when no data set has been imported: the reference bundle is loaded only then. */
export async function isToolkitEmpty(input: { db: Executor }): Promise<boolean> {
  return (await createToolkitRepository(input.db).countDatasets()) === 0;
}

export type FrameworkView = ToolkitFrameworkRow & { quoted: number; reviewedAbsent: number };
export type ActionView = ToolkitActionRow & { principle: PrincipleKey; quoted: number; reviewedAbsent: number };

/** The whole matrix of the published data set: frameworks in workbook order, actions, and each reviewed pair's state. */
export interface ToolkitMatrix {
  dataset: ToolkitDatasetRow | null;
  /** The frameworks the filter keeps, each counting the actions kept that it quotes something for. */
  frameworks: FrameworkView[];
  /** The actions the filter keeps, each counting the frameworks kept that quote something for it. */
  actions: ActionView[];
  /** `frameworkKey` → action code → status; a pair absent from the map was not reviewed. */
  cells: Map<string, Map<string, CellStatus>>;
  /** Every framework and action of the data set, before filtering, for the filter form and its counts. */
  all: { frameworks: ToolkitFrameworkRow[]; actions: Array<ToolkitActionRow & { principle: PrincipleKey }> };
}

/** The published layer's rows, read whole (35 × 25 pairs: small enough to count and search in memory). */
interface PublishedRows {
  dataset: ToolkitDatasetRow;
  frameworks: ToolkitFrameworkRow[];
  actions: Array<ToolkitActionRow & { principle: PrincipleKey }>;
  cells: Array<ToolkitCellRow & { frameworkKey: string }>;
}

async function readPublished(db: Executor): Promise<PublishedRows | null>;
async function readPublished(db: Executor, options: { text: false }): Promise<(Omit<PublishedRows, 'cells'> & { cells: Array<{ frameworkKey: string; actionCode: string; status: string }> }) | null>;
/** `text: false` leaves the quotations out (the matrix shows only each cell's state). */
async function readPublished(db: Executor, options: { text: boolean } = { text: true }) {
  const repository = createToolkitRepository(db);
  const dataset = await repository.findDataset(publishedDatasetKey);
  if (!dataset) return null;
  const [frameworks, actions, cells] = await Promise.all([
    repository.listFrameworks(dataset.id, { offset: 0, limit: 10_000 }),
    repository.listActions(),
    options.text ? repository.listCells(dataset.id) : repository.listCellStatuses(dataset.id),
  ]);
  return { dataset, frameworks, actions: actions.map((a) => ({ ...a, principle: a.principle as PrincipleKey })), cells };
}

/** The matrix of the published layer, optionally filtered; the totals count only the frameworks and actions kept. */
export async function toolkitMatrix(input: { db: Executor; filter?: MatrixFilter }): Promise<ToolkitMatrix> {
  const rows = await readPublished(input.db, { text: false });
  if (!rows) return { dataset: null, frameworks: [], actions: [], cells: new Map(), all: { frameworks: [], actions: [] } };
  const filter = input.filter ?? {};
  const frameworkRows = rows.frameworks.filter((f) => keepsFramework(filter, f));
  const actionRows = rows.actions.filter((a) => keepsAction(filter, a));
  const keptFrameworks = new Set(frameworkRows.map((f) => f.key));
  const keptActions = new Set(actionRows.map((a) => a.code));
  const cells = new Map<string, Map<string, CellStatus>>();
  const tally = (map: Map<string, { quoted: number; reviewedAbsent: number }>, key: string, status: CellStatus) => {
    const counts = map.get(key) ?? { quoted: 0, reviewedAbsent: 0 };
    if (status === 'quoted') counts.quoted += 1;
    else counts.reviewedAbsent += 1;
    map.set(key, counts);
  };
  const byFramework = new Map<string, { quoted: number; reviewedAbsent: number }>();
  const byAction = new Map<string, { quoted: number; reviewedAbsent: number }>();
  for (const cell of rows.cells) {
    if (!keptFrameworks.has(cell.frameworkKey) || !keptActions.has(cell.actionCode)) continue;
    const status = cell.status as CellStatus;
    if (!cells.has(cell.frameworkKey)) cells.set(cell.frameworkKey, new Map());
    cells.get(cell.frameworkKey)!.set(cell.actionCode, status);
    tally(byFramework, cell.frameworkKey, status);
    tally(byAction, cell.actionCode, status);
  }
  const none = { quoted: 0, reviewedAbsent: 0 };
  return {
    dataset: rows.dataset,
    frameworks: frameworkRows.map((f) => ({ ...f, ...(byFramework.get(f.key) ?? none) })),
    actions: actionRows.map((a) => ({ ...a, ...(byAction.get(a.code) ?? none) })),
    cells,
    all: { frameworks: rows.frameworks, actions: rows.actions },
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

/** A framework × action pair that quotes a provision, with both ends. */
export interface QuotedPair {
  framework: ToolkitFrameworkRow;
  action: ToolkitActionRow & { principle: PrincipleKey };
  cell: ToolkitCellRow;
}

/** One action across every framework: what each quotes, who was reviewed with nothing found, who was not reviewed. */
export interface ActionDetail {
  dataset: ToolkitDatasetRow;
  action: ToolkitActionRow & { principle: PrincipleKey };
  quoted: QuotedPair[];
  reviewedAbsent: ToolkitFrameworkRow[];
  notReviewed: ToolkitFrameworkRow[];
  /** The action's row of the report's stakeholder matrix (empty until the matrix is imported). */
  roles: ToolkitStakeholderRoleRow[];
}

/** The action page's content; 404 when the action or the published data set is unknown. */
export async function getToolkitAction(input: { db: Executor; code: string }): Promise<ActionDetail> {
  const rows = await readPublished(input.db);
  const action = rows?.actions.find((a) => a.code === input.code);
  if (!rows || !action) throw cellNotFound();
  const byFramework = new Map(rows.cells.filter((c) => c.actionCode === action.code).map((c) => [c.frameworkKey, c]));
  const roles = (await createStakeholderRolesRepository(input.db).listRoles()).filter((r) => r.actionCode === action.code);
  return {
    dataset: rows.dataset,
    action,
    quoted: rows.frameworks.flatMap((framework) => {
      const cell = byFramework.get(framework.key);
      return cell?.status === 'quoted' ? [{ framework, action, cell }] : [];
    }),
    reviewedAbsent: rows.frameworks.filter((f) => byFramework.get(f.key)?.status === 'reviewed-absent'),
    notReviewed: rows.frameworks.filter((f) => !byFramework.has(f.key)),
    roles,
  };
}

/** One framework across the 25 actions. */
export interface FrameworkDetail {
  dataset: ToolkitDatasetRow;
  framework: ToolkitFrameworkRow;
  quoted: QuotedPair[];
  reviewedAbsent: Array<ToolkitActionRow & { principle: PrincipleKey }>;
  notReviewed: Array<ToolkitActionRow & { principle: PrincipleKey }>;
}

/** The framework page's content; 404 when the framework is not in the published data set. */
export async function getToolkitFramework(input: { db: Executor; key: string }): Promise<FrameworkDetail> {
  const rows = await readPublished(input.db);
  const framework = rows?.frameworks.find((f) => f.key === input.key);
  if (!rows || !framework) throw cellNotFound();
  const byAction = new Map(rows.cells.filter((c) => c.frameworkKey === framework.key).map((c) => [c.actionCode, c]));
  return {
    dataset: rows.dataset,
    framework,
    quoted: rows.actions.flatMap((action) => {
      const cell = byAction.get(action.code);
      return cell?.status === 'quoted' ? [{ framework, action, cell }] : [];
    }),
    reviewedAbsent: rows.actions.filter((a) => byAction.get(a.code)?.status === 'reviewed-absent'),
    notReviewed: rows.actions.filter((a) => !byAction.has(a.code)),
  };
}

/** Two or three frameworks side by side, action by action. */
export interface Comparison {
  dataset: ToolkitDatasetRow | null;
  /** Every framework, for the form's selects. */
  choices: ToolkitFrameworkRow[];
  /** The frameworks asked for and found, in the order asked. */
  frameworks: ToolkitFrameworkRow[];
  /** Keys asked for that name no framework. */
  unknown: string[];
  actions: Array<ToolkitActionRow & { principle: PrincipleKey }>;
  /** framework key → action code → cell; a pair missing was not reviewed. */
  cells: Map<string, Map<string, ToolkitCellRow>>;
}

/** Reads the frameworks to compare; how many may be compared is the page's rule, not this read's. */
export async function compareToolkitFrameworks(input: { db: Executor; keys: string[] }): Promise<Comparison> {
  const rows = await readPublished(input.db);
  if (!rows) return { dataset: null, choices: [], frameworks: [], unknown: input.keys, actions: [], cells: new Map() };
  const byKey = new Map(rows.frameworks.map((f) => [f.key, f]));
  const frameworks = input.keys.flatMap((key) => byKey.get(key) ?? []);
  const cells = new Map<string, Map<string, ToolkitCellRow>>(frameworks.map((f) => [f.key, new Map()]));
  for (const cell of rows.cells) cells.get(cell.frameworkKey)?.set(cell.actionCode, cell);
  return { dataset: rows.dataset, choices: rows.frameworks, frameworks, unknown: input.keys.filter((k) => !byKey.has(k)), actions: rows.actions, cells };
}

/** A quotation that holds every word of a search, with the passage to show. */
export interface SearchHit extends QuotedPair {
  passage: Passage;
}

/**
 * Quotations holding every word of the query, accent- and case-insensitively ("securite" finds "sécurité"), in
 * framework then action order. Folded in memory (see toolkit.search.ts): no extension, the same on both databases.
 */
export async function searchToolkit(input: { db: Executor; q: string }): Promise<{ dataset: ToolkitDatasetRow | null; terms: string[]; hits: SearchHit[] }> {
  const terms = queryTerms(input.q);
  const rows = await readPublished(input.db);
  if (!rows || terms.length === 0) return { dataset: rows?.dataset ?? null, terms, hits: [] };
  const frameworks = new Map(rows.frameworks.map((f) => [f.key, f]));
  const actions = new Map(rows.actions.map((a) => [a.code, a]));
  const hits: SearchHit[] = [];
  for (const cell of rows.cells) {
    if (cell.quotation === null) continue;
    const ranges = findTerms(cell.quotation, terms);
    if (!ranges) continue;
    hits.push({ framework: frameworks.get(cell.frameworkKey)!, action: actions.get(cell.actionCode)!, cell, passage: passageAround(cell.quotation, ranges) });
  }
  return { dataset: rows.dataset, terms, hits };
}

/** Coverage of the actions by the published frameworks (see toolkit.coverage.ts for the definition). */
export async function toolkitCoverage(input: { db: Executor }): Promise<{ dataset: ToolkitDatasetRow | null; coverage: Coverage }> {
  const rows = await readPublished(input.db);
  return { dataset: rows?.dataset ?? null, coverage: computeCoverage(rows ?? { frameworks: [], actions: [], cells: [] }) };
}

/** The report's stakeholder matrix: the 25 actions, each with its row of marks (empty until the matrix is imported). */
export interface StakeholderMatrix {
  actions: Array<ToolkitActionRow & { principle: PrincipleKey; roles: ToolkitStakeholderRoleRow[] }>;
  /** False when no row of the matrix has been imported yet. */
  loaded: boolean;
}

export async function toolkitStakeholderMatrix(input: { db: Executor }): Promise<StakeholderMatrix> {
  const [actions, roles] = await Promise.all([createToolkitRepository(input.db).listActions(), createStakeholderRolesRepository(input.db).listRoles()]);
  return {
    actions: actions.map((a) => ({ ...a, principle: a.principle as PrincipleKey, roles: roles.filter((r) => r.actionCode === a.code) })),
    loaded: roles.length > 0,
  };
}

/** One action as it concerns an organisation: whether, why, and the frameworks addressed to its kind that cover it. */
export interface RoleAction {
  action: ToolkitActionRow & { principle: PrincipleKey };
  applicability: Applicability;
  /** Frameworks whose recipients include the organisation's kind and that quote a provision for the action. */
  frameworks: ToolkitFrameworkRow[];
}

/**
 * The "my role" lens: the 25 actions read against an organisation profile by `applicableActions` (the report's
 * matrix and its conditions), each with the published frameworks addressed to that kind of organisation
 * (`recipientOf`) that quote a provision for it.
 */
export async function toolkitMyRole(input: { db: Executor; profile: OrganisationProfile }): Promise<{ loaded: boolean; actions: RoleAction[] }> {
  const [rows, roles] = await Promise.all([readPublished(input.db), createStakeholderRolesRepository(input.db).listRoles()]);
  if (!rows || roles.length === 0) return { loaded: false, actions: [] };
  // The column is CHECKed against `stakeholderKinds` by the database.
  const cells = roles.map((r) => ({ ...r, stakeholder: r.stakeholder as StakeholderKind }));
  const answers = applicableActions(input.profile, rows.actions.map((a) => a.code), cells);
  const recipient = recipientOf(input.profile);
  const addressed = rows.frameworks.filter((f) => addressedTo(f.recipients, recipient));
  const quoted = new Set(rows.cells.filter((c) => c.status === 'quoted').map((c) => `${c.frameworkKey} ${c.actionCode}`));
  return {
    loaded: true,
    actions: rows.actions.map((action, i) => ({ action, applicability: answers[i]!, frameworks: addressed.filter((f) => quoted.has(`${f.key} ${action.code}`)) })),
  };
}
