/**
 * The toolkit's CSV downloads: frameworks, actions and cells of the published layer. As the registry's CSV: UTF-8, one
 * header row, `\n` line ends, formula-like cells neutralised. Headers are in the page's language; values are the
 * stable machine values of the API (`public-policy`, `quoted`, `true`), so a French and an English file hold the same
 * data, and texts are as published (in English).
 */
import { neutraliseCell } from '../../../app/csv/csv-cells.js';
import { stringify } from 'csv-stringify/sync';
import type { Locale } from '../../../app/i18n/i18n.js';
import { recipientKinds, type RecipientKind } from '../toolkit.constants.js';
import type { Recipient } from '../toolkit.models.js';
import { toolkitMessages } from '../toolkit.messages.js';
import type { ExportAction, ExportCellRow, ExportFramework } from './toolkit.exports.queries.js';

type Label = Parameters<ReturnType<typeof toolkitMessages>>[0];
type Value = string | number | boolean | null;
interface Column<T> {
  label: Label;
  value: (row: T) => Value;
}

const recipientsOf = (f: ExportFramework) => f.recipients as Record<RecipientKind, Recipient>;
const recipientColumns = recipientKinds.flatMap((kind): Array<Column<ExportFramework>> => [
  { label: `export.csv.recipient.${kind}`, value: (f) => recipientsOf(f)[kind].marked },
  { label: `export.csv.recipient.${kind}.note`, value: (f) => recipientsOf(f)[kind].note },
]);

export const frameworkColumns: Array<Column<ExportFramework>> = [
  { label: 'export.csv.framework.key', value: (f) => f.key },
  { label: 'export.csv.framework.name', value: (f) => f.name },
  { label: 'export.csv.category', value: (f) => f.category },
  { label: 'export.csv.framework.type', value: (f) => f.documentType },
  ...recipientColumns,
  { label: 'export.csv.framework.resources', value: (f) => f.resources.join(' ') },
  { label: 'export.csv.quoted', value: (f) => f.quoted },
  { label: 'export.csv.reviewedAbsent', value: (f) => f.reviewedAbsent },
  { label: 'export.csv.sourceCell', value: (f) => (f.source as { name: string }).name },
];

export const actionColumns: Array<Column<ExportAction>> = [
  { label: 'export.csv.action.code', value: (a) => a.code },
  { label: 'export.csv.principle', value: (a) => a.principle },
  { label: 'export.csv.action.title', value: (a) => a.title },
  { label: 'export.csv.action.titleSource', value: (a) => a.titleSource },
  { label: 'export.csv.action.workbookTitle', value: (a) => a.workbookTitle },
  { label: 'export.csv.quoted', value: (a) => a.quoted },
  { label: 'export.csv.reviewedAbsent', value: (a) => a.reviewedAbsent },
];

export const cellColumns: Array<Column<ExportCellRow>> = [
  { label: 'export.csv.framework.key', value: (c) => c.frameworkKey },
  { label: 'export.csv.framework.name', value: (c) => c.frameworkName },
  { label: 'export.csv.category', value: (c) => c.category },
  { label: 'export.csv.action.code', value: (c) => c.action },
  { label: 'export.csv.principle', value: (c) => c.principle },
  { label: 'export.csv.status', value: (c) => c.status },
  { label: 'export.csv.locator', value: (c) => c.locator },
  { label: 'export.csv.quotation', value: (c) => c.quotation },
  { label: 'export.csv.sourceCell', value: (c) => c.sourceCell },
  { label: 'export.csv.mergedRange', value: (c) => c.mergedRange },
];


/** Rows as CSV with the header row in the locale's language; null is an empty cell. */
export function toolkitCsv<T>(locale: Locale, columns: Array<Column<T>>, rows: T[]): string {
  const t = toolkitMessages(locale);
  const cell = (value: Value) => (value === null ? '' : typeof value === 'string' ? neutraliseCell(value) : String(value));
  return stringify([columns.map((c) => t(c.label)), ...rows.map((row) => columns.map((c) => cell(c.value(row))))]);
}
