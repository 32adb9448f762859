/**
 * The toolkit's part of the reference bundle: the WG6 2021 data set (its frameworks, the 25 actions and every
 * reviewed framework × action cell, with the cell each value was read from). Built from the shared snapshot by the
 * same readers as the import, loaded through the same use case, so the bundle and an import write identical rows.
 */
import path from 'node:path';
import { z } from 'zod';
import { systemActor } from '../../app/authz/actor.js';
import type { Executor } from '../../app/database/database.js';
import { formatBundleFile, readBundleFile, type Provenance } from '../../app/reference/bundle-file.js';
import type { ReferencePart } from '../../app/reference/reference.js';
import { cellStatuses, frameworkCategories, principleKeys, recipientKinds, stakeholderKinds } from './toolkit.constants.js';
import { importPublishedDataset } from './toolkit.import.js';
import type { ImportAnomaly, ParsedAction, ParsedCell, ParsedDataset, ParsedFramework, ParsedStakeholderRole } from './toolkit.models.js';
import { isToolkitEmpty } from './toolkit.queries.js';

export const toolkitFiles = {
  dataset: 'toolkit/dataset.jsonl',
  actions: 'toolkit/actions.jsonl',
  frameworks: 'toolkit/frameworks.jsonl',
  cells: 'toolkit/cells.jsonl',
  stakeholderRoles: 'toolkit/stakeholder-roles.jsonl',
} as const;

const licence =
  'EUPL-1.2 (the official repository of pariscall.international, see its LICENSE); the quotations are short extracts of the frameworks as published by Paris Call working group 6 (Cigref, Kaspersky, with GEODE)';

const anomalySchema = z.strictObject({
  cell: z.string().min(1),
  kind: z.enum(['formula-cached-value', 'whitespace-only', 'whitespace-trimmed', 'merged-actions', 'merged-recipients', 'recipient-without-mark', 'no-recipient', 'resource-without-hyperlink', 'resource-without-scheme', 'resource-missing', 'title-differs']),
  detail: z.string().min(1),
}) satisfies z.ZodType<ImportAnomaly>;

const datasetSchema = z.strictObject({
  key: z.string().min(1),
  name: z.string().min(1),
  version: z.iso.date(),
  source: z.string().min(1),
  sourceSha256: z.string().regex(/^[0-9a-f]{64}$/),
  anomalies: z.array(anomalySchema),
});

const actionSchema = z.strictObject({
  code: z.string().regex(/^A\d{1,2}$/),
  number: z.number().int().min(1),
  principle: z.enum(principleKeys),
  title: z.string().min(1),
  titleSource: z.string().min(1),
  workbookTitle: z.string().min(1),
  workbookTitleSource: z.string().min(1),
  principleSource: z.string().min(1),
}) satisfies z.ZodType<ParsedAction>;

const recipientSchema = z.strictObject({ marked: z.boolean(), note: z.string().min(1).nullable(), source: z.string().min(1), merged: z.string().min(1).nullable() });

const frameworkSchema = z.strictObject({
  key: z.string().regex(/^[a-z]+-\d+$/),
  name: z.string().min(1),
  category: z.enum(frameworkCategories as [string, ...string[]]),
  documentType: z.string(),
  recipients: z.strictObject(Object.fromEntries(recipientKinds.map((kind) => [kind, recipientSchema])) as Record<(typeof recipientKinds)[number], typeof recipientSchema>),
  resources: z.array(z.string().min(1)),
  position: z.number().int().min(1),
  source: z.strictObject({ name: z.string().min(1), type: z.string().min(1), resources: z.string().min(1) }),
}) satisfies z.ZodType<Omit<ParsedFramework, 'category'> & { category: string }>;

const cellSchema = z.strictObject({
  frameworkKey: z.string().min(1),
  action: z.string().regex(/^A\d{1,2}$/),
  status: z.enum(cellStatuses),
  quotation: z.string().min(1).nullable(),
  locator: z.string().min(1).nullable(),
  source: z.string().min(1),
  mergedRange: z.string().min(1).nullable(),
}) satisfies z.ZodType<ParsedCell>;

const stakeholderRoleSchema = z.strictObject({
  action: z.string().regex(/^A\d{1,2}$/),
  stakeholder: z.enum(stakeholderKinds),
  marked: z.boolean(),
  condition: z.string().min(1).nullable(),
  excludesMainstreamUsers: z.boolean(),
  mergedWith: z.array(z.enum(stakeholderKinds)).min(2).nullable(),
  source: z.string().regex(/^report p\. \d+$/),
}) satisfies z.ZodType<ParsedStakeholderRole>;

export const toolkitReference: ReferencePart<ParsedDataset> = {
  name: 'toolkit',

  async build(sharedDir) {
    // The readers (and exceljs) are loaded here only: a start that loads the bundle does not need them.
    const { readWg6FromShared, wg6Files } = await import('./io/toolkit.source.js');
    const dataset = await readWg6FromShared(path.join(sharedDir, 'data/pariscall.international'), path.join(sharedDir, 'data/reports-text'));
    const { frameworks, actions, cells, stakeholderRoles, ...meta } = dataset;
    const common = {
      source: `pariscall.international repository: ${wg6Files.workbook} (sha256 ${meta.sourceSha256}); the report's text: reports-text/${wg6Files.reportText}`,
      version: meta.version,
      licence,
    };
    const provenance = (file: string, contents: string): Omit<Provenance, 'records'> => ({ file, contents, ...common });
    return {
      [toolkitFiles.dataset]: formatBundleFile(provenance(toolkitFiles.dataset, 'the data set "WG6 2021 as published" and every anomaly the importer noticed, with its cell'), [meta]),
      [toolkitFiles.actions]: formatBundleFile(provenance(toolkitFiles.actions, 'the 25 actions A1–A25 with their OECD principle and their titles in the report and the workbook'), actions),
      [toolkitFiles.frameworks]: formatBundleFile(provenance(toolkitFiles.frameworks, 'the 35 frameworks mapped by working group 6, with category, type, recipients and resource links'), frameworks),
      [toolkitFiles.cells]: formatBundleFile(provenance(toolkitFiles.cells, 'every framework × action pair reviewed by working group 6: the quotation, or reviewed with nothing found, with its cell'), cells),
      [toolkitFiles.stakeholderRoles]: formatBundleFile(
        provenance(toolkitFiles.stakeholderRoles, "the report's 25 × 4 matrix of actions × stakeholder groups (pp. 26–31): marks, conditions as printed, merged cells, page"),
        stakeholderRoles,
      ),
    };
  },

  async read(bundleDir) {
    const [dataset, actions, frameworks, cells, stakeholderRoles] = await Promise.all([
      readBundleFile(bundleDir, toolkitFiles.dataset, datasetSchema),
      readBundleFile(bundleDir, toolkitFiles.actions, actionSchema),
      readBundleFile(bundleDir, toolkitFiles.frameworks, frameworkSchema),
      readBundleFile(bundleDir, toolkitFiles.cells, cellSchema),
      readBundleFile(bundleDir, toolkitFiles.stakeholderRoles, stakeholderRoleSchema),
    ]);
    const meta = dataset.records[0];
    if (!meta || dataset.records.length !== 1) throw new Error(`reference/${toolkitFiles.dataset}: expected exactly one data set`);
    return { ...meta, actions: actions.records, frameworks: frameworks.records as ParsedFramework[], cells: cells.records, stakeholderRoles: stakeholderRoles.records };
  },

  isEmpty: (db: Executor) => isToolkitEmpty({ db }),

  async load(tx, parsed, actor) {
    const report = await importPublishedDataset({ db: tx, dataset: parsed, actor: systemActor(actor) });
    return { frameworks: report.frameworks, actions: report.actions, cells: report.cells };
  },
};
