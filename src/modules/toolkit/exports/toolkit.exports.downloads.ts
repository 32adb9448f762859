/**
 * The toolkit's downloads, declared once: the routes serve them and the downloads page lists them (with their real
 * size, measured by building each one). Each is built from the published layer by a read use case, for a language
 * (headers, titles and links in it; the data as published).
 */
import type { z } from 'zod';
import type { Executor } from '../../../app/database/database.js';
import type { Locale } from '../../../app/i18n/i18n.js';
import { actionColumns, cellColumns, frameworkColumns, toolkitCsv } from './toolkit.exports.csv.js';
import { exportToolkitActions, exportToolkitCells, exportToolkitFrameworks, readPublishedToolkit } from './toolkit.exports.queries.js';
import { actionFiltersSchema, cellFiltersSchema, frameworkFiltersSchema } from './toolkit.exports.schemas.js';
import { writeToolkitWorkbook, xlsxType } from './toolkit.exports.xlsx.js';
import { actionsCatalog, provisionsCatalog } from './toolkit.oscal.catalogs.js';
import { mappingCollection } from './toolkit.oscal.mapping.js';

export const csvType = 'text/csv; charset=utf-8';
const jsonType = 'application/json; charset=utf-8';

/** An OSCAL document built from the published layer, as indented JSON (files meant to be read as well as parsed). */
const oscal =
  (build: (toolkit: Awaited<ReturnType<typeof readPublishedToolkit>>, locale: Locale, publicUrl: string) => unknown) =>
  async ({ db, locale, publicUrl }: BuildInput<unknown>) =>
    `${JSON.stringify(build(await readPublishedToolkit({ db }), locale, publicUrl), null, 2)}\n`;

export interface BuildInput<F> {
  db: Executor;
  locale: Locale;
  filters: F;
  /** The site's public address, for links back to it. */
  publicUrl: string;
}

export interface Download<S extends z.ZodType = z.ZodType> {
  /** File name, and the last segment of its address `/{locale}/toolkit/export/…`. */
  file: string;
  format: 'csv' | 'xlsx' | 'oscal';
  contentType: string;
  /** The query it accepts (filters); none when absent. */
  filters?: S;
  build(input: BuildInput<z.output<S>>): Promise<string | Buffer>;
}

const download = <S extends z.ZodType>(d: Download<S>): Download => d as unknown as Download;

export const toolkitDownloads: Download[] = [
  download({
    file: 'frameworks.csv',
    format: 'csv',
    contentType: csvType,
    filters: frameworkFiltersSchema,
    build: async ({ db, locale, filters }) => toolkitCsv(locale, frameworkColumns, await exportToolkitFrameworks({ db, filters })),
  }),
  download({
    file: 'actions.csv',
    format: 'csv',
    contentType: csvType,
    filters: actionFiltersSchema,
    build: async ({ db, locale, filters }) => toolkitCsv(locale, actionColumns, await exportToolkitActions({ db, filters })),
  }),
  download({
    file: 'cells.csv',
    format: 'csv',
    contentType: csvType,
    filters: cellFiltersSchema,
    build: async ({ db, locale, filters }) => toolkitCsv(locale, cellColumns, await exportToolkitCells({ db, filters })),
  }),
  download({
    file: 'wg6-2021.xlsx',
    format: 'xlsx',
    contentType: xlsxType,
    build: async ({ db, locale, publicUrl }) => writeToolkitWorkbook(await readPublishedToolkit({ db }), locale, publicUrl),
  }),
  download({ file: 'oscal/catalog.json', format: 'oscal', contentType: jsonType, build: oscal(actionsCatalog) }),
  download({ file: 'oscal/provisions.json', format: 'oscal', contentType: jsonType, build: oscal(provisionsCatalog) }),
  download({ file: 'oscal/mapping.json', format: 'oscal', contentType: jsonType, build: oscal(mappingCollection) }),
];
