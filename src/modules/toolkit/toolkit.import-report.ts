/** The import report the command line prints: what was found, whether anything was written, every anomaly with its cell. */
import type { ToolkitImportReport } from './toolkit.import.js';

export function formatToolkitImportReport(report: ToolkitImportReport): string {
  const lines = [
    `Toolkit data set ${report.dataset}: ${report.written ? 'imported' : 'already imported from this file, nothing written'}`,
    `  frameworks:          ${report.frameworks}`,
    `  actions:             ${report.actions}`,
    `  reviewed pairs:      ${report.cells} (${report.quoted} with a quotation, ${report.cells - report.quoted} reviewed with nothing found)`,
    `  stakeholder matrix:  ${report.stakeholderCells} cells, ${report.stakeholderMarks} marked`,
    `  anomalies:           ${report.anomalies.length}`,
  ];
  for (const anomaly of report.anomalies) lines.push(`    ${anomaly.cell}  ${anomaly.kind}: ${anomaly.detail}`);
  return lines.join('\n');
}
