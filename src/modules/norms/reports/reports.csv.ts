/**
 * The public sections of published reports as CSV: one row per section, each question in each language in its own
 * column (empty where not answered or not translated). Text cells are neutralised against formula injection.
 */
import { stringify } from 'csv-stringify/sync';
import { neutraliseCell } from '../../../app/csv/csv-cells.js';
import { reportLanguages, sectionFields } from './reports.constants.js';
import type { sectionExportSchema } from './reports.schemas.js';
import type { z } from 'zod';

const snake = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

export const sectionCsvColumns = [
  'supporter',
  'supporter_name',
  'year',
  'original_language',
  'subject',
  ...sectionFields.flatMap((field) => reportLanguages.map((language) => `${snake(field)}_${language}`)),
  'practice_ids',
  'updated_at',
  'report_path',
] as const;

export function sectionsToCsv(items: z.infer<typeof sectionExportSchema>['items']): string {
  const rows = items.map((item) => [
    item.supporter.slug,
    item.supporter.name,
    String(item.year),
    item.original,
    item.subject,
    ...sectionFields.flatMap((field) => reportLanguages.map((language) => item[field][language] ?? '')),
    item.practiceIds.join(' '),
    item.updatedAt,
    `/reports/${item.supporter.slug}/${item.year}`,
  ].map(neutraliseCell));
  return stringify([[...sectionCsvColumns], ...rows]);
}
