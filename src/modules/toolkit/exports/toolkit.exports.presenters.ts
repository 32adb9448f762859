/** Response shapes of the toolkit's read API beyond the two lists: cells, one framework or action with its cells, layers. */
import type { z } from 'zod';
import type { CellStatus, PrincipleKey } from '../toolkit.constants.js';
import type { ExportDatasetRow } from './toolkit.exports.repository.js';
import type { ExportCellRow } from './toolkit.exports.queries.js';
import type { cellSchema, datasetSchema } from './toolkit.exports.schemas.js';

export function presentCell(cell: ExportCellRow): z.infer<typeof cellSchema> {
  return {
    framework: cell.frameworkKey,
    frameworkName: cell.frameworkName,
    category: cell.category,
    action: cell.action,
    principle: cell.principle as PrincipleKey,
    status: cell.status as CellStatus,
    quotation: cell.quotation,
    locator: cell.locator,
    source: cell.sourceCell,
    mergedRange: cell.mergedRange,
  };
}

export function presentDataset(row: ExportDatasetRow & { frameworks: number; cells: number }): z.infer<typeof datasetSchema> {
  return {
    key: row.key,
    name: row.name,
    immutable: row.immutable,
    version: row.version,
    source: row.source,
    sha256: row.sourceSha256,
    anomalies: Array.isArray(row.anomalies) ? row.anomalies.length : 0,
    frameworks: row.frameworks,
    cells: row.cells,
    description: row.description,
  };
}
