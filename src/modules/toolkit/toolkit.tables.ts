import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, jsonb, pgTable, text, timestamp, unique, uniqueIndex } from 'drizzle-orm/pg-core';
import { idColumn, timestamps } from '../../app/database/columns.js';
import { cellStatuses, frameworkCategories, principleKeys, stakeholderKinds } from './toolkit.constants.js';

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
    /** What a curated layer is for, shown with it; null for a published layer. */
    description: text('description'),
    /** Who created a curated layer (`user:…`, `system:…`); null for a published layer, whose authors are its source. */
    createdBy: text('created_by'),
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

/** The 25 × 4 stakeholder groups of the report's matrix (pp. 26–31), in its column order. */
export const toolkitStakeholderRoles = pgTable(
  'toolkit_stakeholder_roles',
  {
    id: idColumn('tks'),
    actionCode: text('action_code').notNull(),
    /** `public-sector`, `international-organizations`, `supply-side`, `demand-side`. */
    stakeholder: text('stakeholder').notNull(),
    marked: boolean('marked').notNull(),
    /** The note after the mark ("if it is a customer of ICT products and services"), as printed, [sic] kept. */
    condition: text('condition'),
    /** The cell says "except for mainstream users" (only meaningful on the demand side). */
    excludesMainstreamUsers: boolean('excludes_mainstream_users').notNull().default(false),
    /** The stakeholder columns one merged cell spans, this one included; null when the cell is not merged. */
    mergedWith: jsonb('merged_with').$type<string[]>(),
    /** `report p. 27`. */
    source: text('source').notNull(),
    ...timestamps,
  },
  (t) => [
    foreignKey({ name: 'toolkit_stakeholder_roles__action', columns: [t.actionCode], foreignColumns: [toolkitActions.code] }).onDelete('cascade'),
    uniqueIndex('toolkit_stakeholder_roles__action_stakeholder').on(t.actionCode, t.stakeholder),
    check('toolkit_stakeholder_roles__stakeholder', sql`${t.stakeholder} in (${inList(stakeholderKinds)})`),
  ],
);

/**
 * A correction a curated layer makes to a cell of another layer's framework (or a cell of its own frameworks): the
 * published layer stays as it was, the correction is shown beside it with its author and reason.
 */
export const toolkitCellCorrections = pgTable(
  'toolkit_cell_corrections',
  {
    id: idColumn('tkr'),
    /** The curated layer the correction belongs to. */
    datasetId: text('dataset_id').notNull(),
    frameworkId: text('framework_id').notNull(),
    actionCode: text('action_code').notNull(),
    status: text('status').notNull(),
    quotation: text('quotation'),
    locator: text('locator'),
    /** Why: shown with the correction. */
    reason: text('reason').notNull(),
    createdBy: text('created_by').notNull(),
    ...timestamps,
  },
  (t) => [
    foreignKey({ name: 'toolkit_cell_corrections__dataset', columns: [t.datasetId], foreignColumns: [toolkitDatasets.id] }).onDelete('cascade'),
    foreignKey({ name: 'toolkit_cell_corrections__framework', columns: [t.frameworkId], foreignColumns: [toolkitFrameworks.id] }).onDelete('cascade'),
    foreignKey({ name: 'toolkit_cell_corrections__action', columns: [t.actionCode], foreignColumns: [toolkitActions.code] }).onDelete('restrict'),
    uniqueIndex('toolkit_cell_corrections__dataset_cell').on(t.datasetId, t.frameworkId, t.actionCode),
    check('toolkit_cell_corrections__status', sql`${t.status} in (${inList(cellStatuses)})`),
    check('toolkit_cell_corrections__quotation', sql`(${t.status} = 'quoted') = (${t.quotation} is not null)`),
  ],
);

/**
 * A verified supporter's proposal for a curated layer (a newer framework or a corrected cell), held for the
 * secretariat's moderation; applying it writes into the layer through the same use cases as the secretariat's edits.
 */
export const toolkitProposals = pgTable(
  'toolkit_proposals',
  {
    id: idColumn('tkp'),
    datasetId: text('dataset_id').notNull(),
    /** `framework` or `cell`. */
    kind: text('kind').notNull(),
    /** The proposed framework or cell, as its form's schema parsed it. */
    payload: jsonb('payload').notNull(),
    /** `pending`, `accepted`, `rejected`. */
    status: text('status').notNull().default('pending'),
    proposedBy: text('proposed_by').notNull(),
    /** The supporter the proposer represents. */
    supporterId: text('supporter_id').notNull(),
    decidedBy: text('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    decisionNote: text('decision_note'),
    ...timestamps,
  },
  (t) => [
    foreignKey({ name: 'toolkit_proposals__dataset', columns: [t.datasetId], foreignColumns: [toolkitDatasets.id] }).onDelete('cascade'),
    index('toolkit_proposals__status').on(t.status, t.createdAt),
    check('toolkit_proposals__kind', sql`${t.kind} in ('framework', 'cell')`),
    check('toolkit_proposals__status', sql`${t.status} in ('pending', 'accepted', 'rejected')`),
  ],
);

/**
 * A self-assessment its author chose to keep behind a private link. The link's token is never stored: the row is
 * found by the token's hash and its content is sealed under a key derived from the token, so neither a database dump
 * nor the platform's secret key reveals an organisation's answers. Deleting the row forgets them.
 */
export const toolkitSavedAssessments = pgTable(
  'toolkit_saved_assessments',
  {
    id: idColumn('tkv'),
    /** sha256 of the link's token, base64url. */
    lookup: text('lookup').notNull(),
    /** The assessment and its earlier versions, sealed (AES-256-GCM) under the token. */
    sealed: text('sealed').notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex('toolkit_saved_assessments__lookup').on(t.lookup)],
);
