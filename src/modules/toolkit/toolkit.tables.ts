import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, jsonb, pgTable, text, unique, uniqueIndex } from 'drizzle-orm/pg-core';
import { idColumn, timestamps } from '../../app/database/columns.js';
import { cellStatuses, frameworkCategories, principleKeys } from './toolkit.constants.js';

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/**
 * A layer of the toolkit's data: the published WG6 2021 mapping, and later curated corrections and additions. A
 * published layer is immutable: its rows are written once, by its import, and never changed.
 */
export const toolkitDatasets = pgTable(
  'toolkit_datasets',
  {
    id: idColumn('tkd'),
    /** Stable public key (`wg6-2021`). */
    key: text('key').notNull(),
    name: text('name').notNull(),
    /** True for a layer as published by its authors: nothing may change it. */
    immutable: boolean('immutable').notNull(),
    /** The source's version date (the workbook's date for WG6). */
    version: date('version', { mode: 'string' }).notNull(),
    /** The files it was read from, by name. */
    source: text('source').notNull(),
    /** sha256 of the workbook read, so a re-import can tell the same file from another. */
    sourceSha256: text('source_sha256').notNull(),
    /** What the importer noticed, with each cell: `[{ cell, kind, detail }]`. */
    anomalies: jsonb('anomalies').notNull().default([]),
    ...timestamps,
  },
  (t) => [uniqueIndex('toolkit_datasets__key').on(t.key)],
);

/** The 25 actions A1–A25 under the six OECD principles: the hub every framework is mapped to. */
export const toolkitActions = pgTable(
  'toolkit_actions',
  {
    id: idColumn('tka'),
    /** `A1` … `A25`. */
    code: text('code').notNull(),
    number: integer('number').notNull(),
    principle: text('principle').notNull(),
    /** The report's canonical title (pp. 13–15), without its `A4: ` prefix. */
    title: text('title').notNull(),
    /** `report p. 13`. */
    titleSource: text('title_source').notNull(),
    /** The title as the workbook's header spells it, typos kept. */
    workbookTitle: text('workbook_title').notNull(),
    workbookTitleSource: text('workbook_title_source').notNull(),
    /** The workbook's header range that files the action under its principle (`Public policy!V3:Y3`). */
    principleSource: text('principle_source').notNull(),
    ...timestamps,
  },
  (t) => [
    // A constraint, not only an index: the cells' foreign key references it.
    unique('toolkit_actions__code').on(t.code),
    uniqueIndex('toolkit_actions__number').on(t.number),
    check('toolkit_actions__principle', sql`${t.principle} in (${inList(principleKeys)})`),
  ],
);

/** A framework of a data set (a law, a standard, a label, a pledge, a UN text), as its layer lists it. */
export const toolkitFrameworks = pgTable(
  'toolkit_frameworks',
  {
    id: idColumn('tkf'),
    datasetId: text('dataset_id').notNull(),
    /** Stable key within the data set: sheet code and row for WG6 (`pp-5`). */
    key: text('key').notNull(),
    name: text('name').notNull(),
    category: text('category').notNull(),
    /** The "Type of document" column as published, free text. */
    documentType: text('document_type').notNull(),
    /** `{ states | private-sector | individuals: { marked, note, source, merged } }`. */
    recipients: jsonb('recipients').notNull(),
    resources: jsonb('resources').$type<string[]>().notNull(),
    /** Order in the source (sheet, then row), from 1. */
    position: integer('position').notNull(),
    /** Cells the name, type and resources were read from: `{ name, type, resources }`. */
    source: jsonb('source').notNull(),
    ...timestamps,
  },
  (t) => [
    foreignKey({ name: 'toolkit_frameworks__dataset', columns: [t.datasetId], foreignColumns: [toolkitDatasets.id] }).onDelete('cascade'),
    uniqueIndex('toolkit_frameworks__dataset_key').on(t.datasetId, t.key),
    index('toolkit_frameworks__dataset_position').on(t.datasetId, t.position),
    check('toolkit_frameworks__category', sql`${t.category} in (${inList(frameworkCategories)})`),
  ],
);

/**
 * A framework × action pair that was reviewed: the quotation found, or `reviewed-absent` when the reviewers found
 * nothing. A pair without a row was not reviewed.
 */
export const toolkitCells = pgTable(
  'toolkit_cells',
  {
    id: idColumn('tkc'),
    frameworkId: text('framework_id').notNull(),
    actionCode: text('action_code').notNull(),
    status: text('status').notNull(),
    quotation: text('quotation'),
    /** The provision cited, from the cell's bold opening ("Article 46 (2)"): a suggestion until reviewed. */
    locator: text('locator'),
    /** `sheet!cell` of this pair, even when the value comes from the first cell of a merge. */
    sourceCell: text('source_cell').notNull(),
    /** The merged range the value spans (`H9:I9`), null when the cell is not merged. */
    mergedRange: text('merged_range'),
    ...timestamps,
  },
  (t) => [
    foreignKey({ name: 'toolkit_cells__framework', columns: [t.frameworkId], foreignColumns: [toolkitFrameworks.id] }).onDelete('cascade'),
    foreignKey({ name: 'toolkit_cells__action', columns: [t.actionCode], foreignColumns: [toolkitActions.code] }).onDelete('restrict'),
    uniqueIndex('toolkit_cells__framework_action').on(t.frameworkId, t.actionCode),
    index('toolkit_cells__action').on(t.actionCode),
    check('toolkit_cells__status', sql`${t.status} in (${inList(cellStatuses)})`),
    check('toolkit_cells__quotation', sql`(${t.status} = 'quoted') = (${t.quotation} is not null)`),
  ],
);
