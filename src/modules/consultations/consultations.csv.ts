/**
 * The public disposition table and the published inputs as CSV. Text cells are neutralised against formula injection.
 * Built from the API's shapes, so the CSV holds nothing the JSON does not (no private input, no anonymous name, no
 * e-mail address).
 */
import { stringify } from 'csv-stringify/sync';
import type { z } from 'zod';
import { neutraliseCell } from '../../app/csv/csv-cells.js';
import type { publicDispositionSchema, publicInputSchema } from './consultations.schemas.js';

export const dispositionCsvColumns = ['input', 'paragraph', 'author', 'organisation', 'outcome', 'reason', 'version', 'decided_at', 'earlier_versions'] as const;
export const inputCsvColumns = ['input', 'paragraph', 'publication', 'author', 'organisation', 'language', 'text', 'sent_at'] as const;

const cell = (value: string | number | null) => neutraliseCell(value === null ? '' : String(value));

export function dispositionsToCsv(items: Array<z.infer<typeof publicDispositionSchema>>): string {
  const rows = items.map((item) =>
    [item.input, item.paragraph, item.author, item.organisation, item.outcome, item.reason, item.version, item.decidedAt, item.history.slice(0, -1).map((v) => `v${v.version} ${v.outcome}: ${v.reason}`).join(' | ')].map(cell),
  );
  return stringify([[...dispositionCsvColumns], ...rows]);
}

export function inputsToCsv(items: Array<z.infer<typeof publicInputSchema>>): string {
  const rows = items.map((item) => [item.number, item.paragraph, item.publication, item.author, item.organisation, item.language, item.body, item.createdAt].map(cell));
  return stringify([[...inputCsvColumns], ...rows]);
}
