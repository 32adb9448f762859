/**
 * Pure rules of curated layers: how a framework a layer adds is stored (its keys, its provenance), how a stored one is
 * read back into the form, and what a correction changes.
 */
import type { CellStatus, FrameworkCategory, RecipientKind } from '../toolkit.constants.js';
import { recipientKinds } from '../toolkit.constants.js';
import { addedFrameworkPrefix } from './layers.constants.js';
import type { LayerCellRow, LayerFrameworkRow, NewCellRow, NewFrameworkRow } from './layers.repository.js';
import type { CellInput, FrameworkInput } from './layers.schemas.js';

/** Where a curated value comes from, in the `source` columns that say `sheet!cell` for WG6: the layer itself. */
export const curatedProvenance = (layerKey: string): string => `layer ${layerKey}`;

/** The key of the n-th framework a layer adds (`nf-3`). */
export const addedFrameworkKey = (position: number): string => `${addedFrameworkPrefix}-${position}`;

/** The stored columns of a framework a layer adds. */
export function frameworkColumns(input: FrameworkInput, layerKey: string): Pick<NewFrameworkRow, 'name' | 'category' | 'documentType' | 'recipients' | 'resources' | 'source'> {
  const source = curatedProvenance(layerKey);
  return {
    name: input.name,
    category: input.category,
    documentType: input.documentType,
    recipients: Object.fromEntries(recipientKinds.map((kind) => [kind, { marked: input.recipients[kind], note: null, source, merged: null }])),
    resources: input.resources,
    source: { name: source, type: source, resources: source },
  };
}

export function cellColumns(cells: CellInput[], layerKey: string): NewCellRow[] {
  return cells.map((cell) => ({
    actionCode: cell.action,
    status: cell.status,
    quotation: cell.quotation,
    locator: cell.locator,
    sourceCell: curatedProvenance(layerKey),
    mergedRange: null,
  }));
}

/** A stored framework as the form states it (to edit it). */
export function frameworkInputOf(framework: LayerFrameworkRow, cells: LayerCellRow[]): FrameworkInput {
  const recipients = framework.recipients as Record<RecipientKind, { marked: boolean }>;
  return {
    name: framework.name,
    category: framework.category as FrameworkCategory,
    documentType: framework.documentType,
    recipients: Object.fromEntries(recipientKinds.map((kind) => [kind, recipients[kind]?.marked === true])) as Record<RecipientKind, boolean>,
    resources: framework.resources,
    cells: cells.map((cell) => ({ action: cell.actionCode, status: cell.status as CellStatus, quotation: cell.quotation, locator: cell.locator })),
  };
}

/** A cell's state as a page or a download shows it: `not-reviewed` when the pair has no row. */
export interface CellState {
  status: CellStatus | 'not-reviewed';
  quotation: string | null;
  locator: string | null;
}

export function cellState(cell: Pick<LayerCellRow, 'status' | 'quotation' | 'locator'> | null | undefined): CellState {
  return cell ? { status: cell.status as CellStatus, quotation: cell.quotation, locator: cell.locator } : { status: 'not-reviewed', quotation: null, locator: null };
}

/** Who a change is credited to on public pages: the secretariat, a supporter (its proposal accepted), or the platform. */
export type Author = { kind: 'secretariat' } | { kind: 'supporter'; name: string } | { kind: 'platform' } | { kind: 'publisher' };
