/**
 * A layer as downloaded: JSON (its zod schema documents the API and is the JSON Schema clients can validate against)
 * and CSV (one row per cell the layer states: its frameworks' cells, then its corrections with before and after).
 */
import { stringify } from 'csv-stringify/sync';
import { neutraliseCell } from '../../../app/csv/csv-cells.js';
import { z } from 'zod';
import { cellStatuses, frameworkCategories, recipientKinds } from '../toolkit.constants.js';
import type { Author, CellState } from './layers.models.js';
import { cellState } from './layers.models.js';
import type { LayerDetail, LayerSummary } from './layers.queries.js';

const authorSchema = z
  .object({
    kind: z.enum(['publisher', 'secretariat', 'supporter', 'platform']).describe('`publisher`: the published layer\'s authors (WG6); `supporter`: a supporter\'s accepted proposal'),
    name: z.string().nullable().describe('The supporter\'s name for `supporter`, else null'),
  })
  .describe('Who the change is credited to (never a person)');

const cellStateSchema = z.object({
  status: z.enum([...cellStatuses, 'not-reviewed']),
  quotation: z.string().nullable().describe('As published, in English'),
  locator: z.string().nullable().describe('The provision cited'),
});

const layerSummarySchema = z.object({
  key: z.string().describe('`wg6-2021` for the published layer'),
  name: z.string(),
  kind: z.enum(['published', 'curated']).describe('A published layer never changes; a curated one adds frameworks and corrects cells beside it'),
  description: z.string().nullable(),
  author: authorSchema,
  date: z.string().describe('The published version\'s date, or the day a curated layer was created (YYYY-MM-DD)'),
  frameworks: z.number().int(),
  corrections: z.number().int(),
});

export const layerListSchema = z.object({ items: z.array(layerSummarySchema) });

export const layerDownloadSchema = layerSummarySchema.extend({
  frameworkList: z
    .array(
      z.object({
        key: z.string().describe('`pp-5` in WG6 2021, `nf-1` in a curated layer'),
        name: z.string(),
        category: z.enum(frameworkCategories as [string, ...string[]]),
        documentType: z.string(),
        recipients: z.object(Object.fromEntries(recipientKinds.map((kind) => [kind, z.boolean()])) as Record<(typeof recipientKinds)[number], z.ZodBoolean>),
        resources: z.array(z.string()),
        author: authorSchema,
        added: z.string().describe('When the layer listed it (ISO 8601)'),
        cells: z.array(cellStateSchema.extend({ action: z.string().describe('`A1` … `A25`') })).describe('The reviewed actions; an action absent here was not reviewed'),
      }),
    )
    .describe('The frameworks the layer lists'),
  correctionList: z
    .array(
      z.object({
        layer: z.string().describe('Key of the layer whose framework is corrected'),
        framework: z.string(),
        frameworkName: z.string(),
        action: z.string(),
        before: cellStateSchema.describe('The cell as its own layer states it'),
        after: cellStateSchema,
        reason: z.string(),
        author: authorSchema,
        date: z.string().describe('ISO 8601'),
      }),
    )
    .describe('The cells the layer corrects'),
});
export type LayerDownload = z.infer<typeof layerDownloadSchema>;

const presentAuthor = (author: Author): z.infer<typeof authorSchema> => ({ kind: author.kind, name: author.kind === 'supporter' ? author.name : null });
const presentState = (state: CellState) => ({ status: state.status, quotation: state.quotation, locator: state.locator });

export function presentLayerSummary(layer: LayerSummary): z.infer<typeof layerSummarySchema> {
  return {
    key: layer.key,
    name: layer.name,
    kind: layer.immutable ? 'published' : 'curated',
    description: layer.description,
    author: presentAuthor(layer.author),
    date: layer.immutable ? layer.version : layer.createdAt.toISOString().slice(0, 10),
    frameworks: layer.frameworks,
    corrections: layer.corrections,
  };
}

export function presentLayer(detail: LayerDetail): LayerDownload {
  const { layer } = detail;
  return {
    ...presentLayerSummary({ ...layer, author: detail.author, frameworks: detail.frameworks.length, corrections: detail.corrections.length }),
    frameworkList: detail.frameworks.map(({ framework, cells, author }) => ({
      key: framework.key,
      name: framework.name,
      category: framework.category,
      documentType: framework.documentType,
      recipients: Object.fromEntries(recipientKinds.map((kind) => [kind, (framework.recipients as Record<string, { marked?: boolean }>)[kind]?.marked === true])) as Record<(typeof recipientKinds)[number], boolean>,
      resources: framework.resources,
      author: presentAuthor(author),
      added: framework.createdAt.toISOString(),
      cells: cells.map((cell) => ({ action: cell.actionCode, ...presentState(cellState(cell)) })),
    })),
    correctionList: detail.corrections.map((c) => ({
      layer: c.frameworkLayerKey,
      framework: c.framework.key,
      frameworkName: c.framework.name,
      action: c.correction.actionCode,
      before: presentState(c.beforeState),
      after: presentState(c.afterState),
      reason: c.correction.reason,
      author: presentAuthor(c.author),
      date: c.correction.updatedAt.toISOString(),
    })),
  };
}

export const layerCsvColumns = ['layer', 'change', 'framework_layer', 'framework', 'framework_name', 'action', 'status', 'quotation', 'locator', 'before_status', 'before_quotation', 'reason', 'author', 'date'] as const;

/** The CSV download: `change` is `cell` for a cell of a framework the layer lists, `correction` for a corrected cell. */
export function layerCsv(download: LayerDownload): string {
  const credit = (a: z.infer<typeof authorSchema>) => (a.kind === 'supporter' ? `supporter: ${a.name}` : a.kind);
  const rows = [
    ...download.frameworkList.flatMap((f) =>
      f.cells.map((c) => [download.key, 'cell', download.key, f.key, f.name, c.action, c.status, c.quotation, c.locator, null, null, null, credit(f.author), f.added.slice(0, 10)]),
    ),
    ...download.correctionList.map((c) => [
      download.key,
      'correction',
      c.layer,
      c.framework,
      c.frameworkName,
      c.action,
      c.after.status,
      c.after.quotation,
      c.after.locator,
      c.before.status,
      c.before.quotation,
      c.reason,
      credit(c.author),
      c.date.slice(0, 10),
    ]),
  ];
  // Quotations and reasons are typed by people: a cell that looks like a formula is neutralised, as in every export.
  return stringify([[...layerCsvColumns], ...rows.map((row) => row.map((value) => (typeof value === 'string' ? neutraliseCell(value) : value)))]);
}
