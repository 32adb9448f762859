/**
 * The WG6 sources read together into one data set: the workbook's frameworks and cells, the report's action titles,
 * and the principle of each action as both sources give it (they must agree, or nothing is imported).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { publishedDatasetKey } from '../toolkit.constants.js';
import type { ParsedAction, ParsedDataset } from '../toolkit.models.js';
import { readStakeholderMatrix } from './toolkit.report-matrix.js';
import { readReportActions } from './toolkit.report-text.js';
import { ToolkitSourceError } from './toolkit.source-error.js';
import { readWorkbookBytes } from './toolkit.xlsx.js';

/** Where the WG6 files sit in a checkout of the official site and in the shared text extractions. */
export const wg6Files = {
  workbook: 'assets/files/Paris-Call-WG6-Supply-chain-security-mapping-version-2021-11-10.xlsx',
  reportText: '2021-11-12-Paris-Call-Working-Group6-Report-SecuringICTSupplyChain.txt',
} as const;

export interface Wg6Sources {
  workbook: Buffer;
  /** The name shown in provenance (the workbook's file name). */
  workbookName: string;
  reportText: string;
  reportName: string;
}

/** Reads both sources; throws `ToolkitSourceError` naming the cell or line of the first thing that does not fit. */
export async function readWg6Dataset(sources: Wg6Sources): Promise<ParsedDataset> {
  const workbook = await readWorkbookBytes(sources.workbook);
  const report = readReportActions(sources.reportText, sources.reportName);
  const anomalies = [...workbook.anomalies];
  const actions: ParsedAction[] = report.map((action) => {
    const filed = workbook.actionPrinciples.find((p) => p.action === action.code);
    const header = workbook.actionHeaders.find((h) => h.action === action.code);
    if (!filed || !header) throw new ToolkitSourceError(sources.workbookName, `no column for ${action.code}`);
    if (filed.principle !== action.principle) {
      throw new ToolkitSourceError(filed.source, `files ${action.code} under ${filed.principle}, the report (${sources.reportName}:${action.line}) under ${action.principle}`);
    }
    const workbookTitle = header.text.replace(/^A\d+\s*:\s*/, '');
    if (workbookTitle.replace(/\s+/g, ' ') !== action.title) {
      anomalies.push({ cell: header.source, kind: 'title-differs', detail: `the workbook's title of ${action.code} differs from the report's (p. ${action.page}); the report's is used` });
    }
    return {
      code: action.code,
      number: action.number,
      principle: action.principle,
      title: action.title,
      titleSource: `report p. ${action.page}`,
      workbookTitle,
      workbookTitleSource: header.source,
      principleSource: filed.source,
    };
  });
  const stakeholderRoles = readStakeholderMatrix(sources.reportText, sources.reportName, new Map(report.map((action) => [action.code, action.title])));
  const date = /(\d{4}-\d{2}-\d{2})/.exec(sources.workbookName)?.[1];
  if (!date) throw new ToolkitSourceError(sources.workbookName, 'the file name carries no version date (YYYY-MM-DD)');
  return {
    key: publishedDatasetKey,
    name: 'WG6 2021 as published',
    version: date,
    source: `${sources.workbookName}; ${sources.reportName}`,
    sourceSha256: createHash('sha256').update(sources.workbook).digest('hex'),
    frameworks: workbook.frameworks,
    actions,
    cells: workbook.cells,
    stakeholderRoles,
    anomalies,
  };
}

/** Reads the WG6 files from a checkout of the official site and the folder of report texts. */
export async function readWg6FromShared(officialSiteDir: string, reportsTextDir: string): Promise<ParsedDataset> {
  return readWg6Files(path.join(officialSiteDir, wg6Files.workbook), path.join(reportsTextDir, wg6Files.reportText));
}

/**
 * Where the report's text is expected when only the workbook is named: the `reports-text/` folder beside the official
 * site's checkout (`<shared>/data/pariscall.international/assets/files/x.xlsx` → `<shared>/data/reports-text/`).
 */
export function defaultReportPath(workbookPath: string): string {
  return path.resolve(path.dirname(workbookPath), '../../../reports-text', wg6Files.reportText);
}

/** Reads a WG6 workbook and the report's text from two paths. */
export async function readWg6Files(workbookPath: string, reportPath: string): Promise<ParsedDataset> {
  return readWg6Dataset({
    workbook: await fs.readFile(workbookPath),
    workbookName: path.basename(workbookPath),
    reportText: await fs.readFile(reportPath, 'utf8'),
    reportName: path.basename(reportPath),
  });
}
