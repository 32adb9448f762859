/**
 * Imports an instance from a checkout in the official repository's layout (or the official CSV): the registry and
 * the Call's texts in ONE transaction, so an import is all or nothing. Part of the composition root (beside main.ts
 * and cli.ts): it composes two modules' importers, which is why it lives outside both of them and outside `app/`.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { DatabaseHandle } from './app/database/database.js';
import type { EventBus } from './app/events/events.js';
import { systemActor } from './app/authz/actor.js';
import { readCallContent } from './modules/call/call.source.js';
import { importCallContent } from './modules/call/call.usecases.js';
import { parseSupportersCsv } from './modules/supporters/supporters.csv.js';
import { importInvalid } from './modules/supporters/supporters.errors.js';
import { importSupporters, toFieldIssue, type ImportReport, type KeptReason } from './modules/supporters/supporters.import.js';
import { readOfficialSupporters } from './modules/supporters/supporters.source.js';
import { importReferenceGroups, type GroupsImportReport } from './modules/groups/groups.import.js';
import { readReferenceGroups } from './modules/groups/groups.source.js';
import { asImportError, importPublishedDataset, type ToolkitImportReport } from './modules/toolkit/toolkit.import.js';
import type { ParsedDataset } from './modules/toolkit/toolkit.models.js';
import { asPracticeImportError } from './modules/norms/imports/imports.errors.js';
import { formatPracticesReport, type PracticesSiteReport } from './modules/norms/imports/imports.report.js';
import type { ExistingPractices } from './modules/norms/imports/imports.source.js';
import { importPractices } from './modules/norms/imports/imports.usecases.js';
import { formatEventsReport, importOfficialEvents, type EventsImportReport } from './modules/events/events.import.js';
import { readOfficialEvents } from './modules/events/events.source.js';

export interface SiteImportOptions {
  source: string;
  firstSeenCsv?: string;
  skipInvalid?: boolean;
  dryRun?: boolean;
  /** The WG6 report's text folder (default: `reports-text/` beside the official checkout, as in the shared folder). */
  reportsText?: string;
  /** The seed documents' folder, for the G7 synthesis (default: `seeds/` two levels above the checkout, as in the shared folder). */
  seeds?: string;
  /** The operator or process importing (`cli:alice`, `system:first-start`): the system acting, named in the audit log. */
  actor: string;
  events?: EventBus;
}

export interface SiteImportReport extends ImportReport {
  call: { documents: number; principles: number } | null;
  /** The WG6 toolkit's published layer, when the checkout holds its workbook; why not otherwise. */
  toolkit: ToolkitImportReport | { skipped: string } | null;
  /** The practices that exist before anyone reports one: the G7 synthesis and the principles' case studies. */
  practices: PracticesSiteReport | null;
  /** The official site's events (`_events/*.md`): added, updated, unchanged, kept as edited on the platform. */
  events?: EventsImportReport | null;
  /** The Call's six working groups (seed 000 and the site's home page), or why they were not read. */
  groups: GroupsImportReport | { skipped: string } | null;
  durationMs: number;
}

export async function importSite(database: DatabaseHandle, options: SiteImportOptions): Promise<SiteImportReport> {
  const started = performance.now();
  const actor = systemActor(options.actor);
  const stat = await fs.stat(options.source);
  if (stat.isFile()) {
    const parsed = parseSupportersCsv(await fs.readFile(options.source, 'utf8'), path.basename(options.source));
    const report = await importSupporters({ db: database.db, ...parsed, actor, skipInvalid: options.skipInvalid, dryRun: options.dryRun, events: options.events });
    return { ...report, call: null, toolkit: null, practices: null, groups: null, durationMs: performance.now() - started };
  }
  const [parsed, call, toolkit, existing, groupsSource] = await Promise.all([
    readOfficialSupporters(options.source, options.firstSeenCsv ? { firstSeenCsv: options.firstSeenCsv } : {}),
    readCallContent(options.source),
    readToolkit(options.source, options.reportsText),
    readPractices(options.source, options.seeds),
    readReferenceGroups({ seedsDir: options.seeds ?? path.resolve(options.source, '../../seeds'), siteDir: options.source }).catch((error: Error) => ({ skipped: error.message })),
  ]);
  const officialEvents = await readOfficialEvents(options.source);
  let eventsReport: EventsImportReport | null = null;
  const callErrors = call.issues.filter((i) => i.severity === 'error');
  const allErrors = [...parsed.issues.filter((i) => i.severity === 'error'), ...callErrors];
  if (allErrors.length && !options.skipInvalid) {
    // Every problem of the whole source at once, so one run of the command lists everything to fix.
    throw importInvalid({ errors: new Set(allErrors.map((e) => e.source)).size }, allErrors.map(toFieldIssue));
  }
  let report!: ImportReport;
  let groupsReport: SiteImportReport['groups'] = 'skipped' in groupsSource ? groupsSource : null;
  let callReport: SiteImportReport['call'] = null;
  let toolkitReport: SiteImportReport['toolkit'] = 'skipped' in toolkit ? toolkit : null;
  const practicesReport: PracticesSiteReport = {
    g7: 'skipped' in existing.g7 ? existing.g7 : { file: existing.g7.file, practices: existing.g7.practices.length },
    caseStudies: { ...existing.caseStudies, practices: existing.caseStudies.practices.length },
    result: null,
  };
  await database.db.transaction(async (tx) => {
    report = await importSupporters({ db: tx, ...parsed, actor, skipInvalid: options.skipInvalid, dryRun: options.dryRun });
    if (!options.dryRun && (call.documents.length || call.principles.length)) {
      callReport = await importCallContent({ db: tx, parsed: call, actor });
    }
    if (!options.dryRun && 'dataset' in toolkit) toolkitReport = await importPublishedDataset({ db: tx, dataset: toolkit.dataset, actor });
    // After the registry, so the case studies' supporters are matched against this import's entries.
    const practices = [...('practices' in existing.g7 ? existing.g7.practices : []), ...existing.caseStudies.practices];
    if (!options.dryRun && practices.length) practicesReport.result = await importPractices({ db: tx, practices, actor });
    if (!options.dryRun && officialEvents.length) eventsReport = await importOfficialEvents({ db: tx, events: officialEvents, actor });
    // After the registry too: the co-chairs are matched against its entries by name.
    if (!options.dryRun && 'groups' in groupsSource) groupsReport = await importReferenceGroups({ db: tx, actor, groups: groupsSource.groups });
  });
  options.events?.emit('registry.changed', { reason: 'import' });
  report.warnings.push(...call.issues.filter((i) => i.severity === 'warning'));
  report.errors.push(...callErrors);
  return { ...report, call: callReport, toolkit: toolkitReport, practices: practicesReport, events: eventsReport, groups: groupsReport, durationMs: performance.now() - started };
}

/**
 * The G7 synthesis (in the seeds folder beside the checkout, as in the shared folder) and the checkout's case studies,
 * read before the transaction. Either may be absent (a test fixture has no seeds): the report says so. A source that
 * is there but does not read is an error naming its file and line, and nothing is imported.
 */
async function readPractices(source: string, seeds: string | undefined): Promise<ExistingPractices> {
  const { readExistingPractices } = await import('./modules/norms/imports/imports.source.js');
  try {
    return await readExistingPractices({ siteDir: source, seedsDir: seeds ?? path.resolve(source, '../../seeds') });
  } catch (error) {
    throw asPracticeImportError(error);
  }
}

/**
 * The WG6 workbook of the checkout and the report's text, read before the transaction. A checkout without the workbook
 * (a test fixture, an older snapshot) imports without the toolkit and says so; a workbook that does not read is an
 * error naming its sheet and cell, and nothing is imported.
 */
async function readToolkit(source: string, reportsText: string | undefined): Promise<{ dataset: ParsedDataset } | { skipped: string }> {
  const { readWg6FromShared, wg6Files } = await import('./modules/toolkit/io/toolkit.source.js');
  const reportsDir = reportsText ?? path.resolve(source, '../reports-text');
  const exists = (file: string) => fs.access(file).then(() => true, () => false);
  if (!(await exists(path.join(source, wg6Files.workbook)))) return { skipped: `no ${wg6Files.workbook}` };
  if (!(await exists(path.join(reportsDir, wg6Files.reportText)))) return { skipped: `no ${wg6Files.reportText} in ${reportsDir} (give the folder with --reports-text)` };
  try {
    return { dataset: await readWg6FromShared(source, reportsDir) };
  } catch (error) {
    throw asImportError(error);
  }
}

const keptReasonText: Record<KeptReason, string> = {
  withdrawn: 'withdrawn on the platform',
  joined: 'joined through the platform',
  claimed: 'managed by its representatives since its claim was approved',
  edited: 'edit approved on the platform',
};

/** The human-readable report the CLI prints. */
export function formatImportReport(report: SiteImportReport): string {
  const lines = [
    `${report.dryRun ? 'Dry run (nothing written): ' : ''}${report.files} supporter records read in ${Math.round(report.durationMs)} ms`,
    `  added:     ${report.added.length}`,
    `  updated:   ${report.updated.length}${report.updated.length ? ` (${report.updated.slice(0, 20).join(', ')}${report.updated.length > 20 ? ', …' : ''})` : ''}`,
    `  unchanged: ${report.unchanged}`,
  ];
  if (report.skipped.length) lines.push(`  skipped (invalid): ${report.skipped.length}`);
  if (report.kept.length) {
    lines.push(`  kept as changed on the platform: ${report.kept.length}`);
    for (const { slug, reason } of report.kept.slice(0, 20)) lines.push(`    ${slug} (${keptReasonText[reason]})`);
    if (report.kept.length > 20) lines.push(`    … and ${report.kept.length - 20} more (--json lists them all)`);
  }
  if (report.notInSource.length) lines.push(`  in the registry but not in the source (kept): ${report.notInSource.length} (${report.notInSource.slice(0, 10).join(', ')})`);
  if (report.call) lines.push(`  Call texts: ${report.call.documents} documents, ${report.call.principles} principles`);
  if (report.toolkit && 'skipped' in report.toolkit) lines.push(`  WG6 toolkit: not imported (${report.toolkit.skipped})`);
  else if (report.toolkit) {
    const t = report.toolkit;
    lines.push(`  WG6 toolkit: ${t.written ? 'imported' : 'unchanged'}: ${t.frameworks} frameworks, ${t.actions} actions, ${t.cells} reviewed pairs (${t.quoted} quoted), ${t.stakeholderCells} stakeholder cells, ${t.anomalies.length} anomalies (\`pariscall toolkit import\` lists them)`);
  }
  if (report.practices) lines.push(...formatPracticesReport(report.practices));
  if (report.events) lines.push(...formatEventsReport(report.events));
  if (report.groups && 'skipped' in report.groups) lines.push(`  working groups: not imported (${report.groups.skipped})`);
  else if (report.groups) {
    const g = report.groups;
    lines.push(`  working groups: ${g.added.length} added, ${g.updated.length} updated, ${g.keptEdited.length} kept as edited; ${g.coChairs} co-chairs: ${g.matched.length} organisations matched in the registry, shown by name: ${g.unmatched.join(', ') || 'none'}; ${g.documentsAdded} deliverables added`);
  }
  for (const issue of report.errors) lines.push(`  error   ${issue.source}${issue.line ? `:${issue.line}` : ''}: ${issue.message}`);
  for (const issue of report.warnings) lines.push(`  warning ${issue.source}${issue.line ? `:${issue.line}` : ''}: ${issue.message}`);
  return lines.join('\n');
}
