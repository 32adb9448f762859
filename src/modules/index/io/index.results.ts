/**
 * The pipeline's results as an analyst downloads them: one row per unit (and time), the score and rank of every
 * aggregate from the index down (`Index`, `Index_rank`, …). CSV and XLSX hold the table; JSON adds the
 * configuration as run and each step's record, so the numbers can be traced.
 */
import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { formatNumber } from '../engine/coinr-cells.js';
import { aggregateNodes } from '../engine/data-table.js';
import type { PipelineResult } from '../engine/pipeline.js';
import type { Framework } from '../engine/types.js';
import { writeCsvTable, type TextTable } from './index.csv.js';
import { writeXlsxTables } from './index.xlsx.js';

/** Aggregates from the top level down, iMeta order within a level. */
function aggregateCodes(framework: Framework): string[] {
  return aggregateNodes(framework)
    .map((n, i) => ({ n, i }))
    .sort((a, b) => b.n.level - a.n.level || a.i - b.i)
    .map(({ n }) => n.code);
}

/** The results table: uCode, uName, Time (when the data have one), then score and rank per aggregate. */
export function resultsTable(result: PipelineResult, framework: Framework): TextTable {
  const codes = aggregateCodes(framework);
  const hasTime = result.units.some((u) => u.time !== null);
  const columns = ['uCode', 'uName', ...(hasTime ? ['Time'] : []), ...codes.flatMap((c) => [c, `${c}_rank`])];
  const rows = result.units.map((u, i) => {
    const row: Record<string, string> = { uCode: u.uCode, uName: u.uName ?? 'NA' };
    if (hasTime) row.Time = formatNumber(u.time);
    for (const c of codes) {
      row[c] = formatNumber(result.scores[c]?.[i] ?? null);
      row[`${c}_rank`] = formatNumber(result.ranks[c]?.[i] ?? null);
    }
    return row;
  });
  return { columns, rows };
}

/** The JSON download: configuration as run, step records, and per-unit scores and ranks. */
function resultsJson(result: PipelineResult, framework: Framework): unknown {
  const codes = aggregateCodes(framework);
  return {
    config: result.config,
    steps: result.records,
    results: result.units.map((u, i) => ({
      uCode: u.uCode,
      uName: u.uName,
      time: u.time,
      scores: Object.fromEntries(codes.map((c) => [c, result.scores[c]?.[i] ?? null])),
      ranks: Object.fromEntries(codes.map((c) => [c, result.ranks[c]?.[i] ?? null])),
    })),
  };
}

export const RESULT_FORMATS = ['.csv', '.xlsx', '.json'] as const;

/** Writes the results in the format the file name asks for (.csv, .xlsx or .json). */
export async function writeResults(file: string, result: PipelineResult, framework: Framework): Promise<void> {
  const ext = extname(file).toLowerCase();
  if (ext === '.json') return writeFile(file, `${JSON.stringify(resultsJson(result, framework), null, 2)}\n`);
  const table = resultsTable(result, framework);
  if (ext === '.csv') return writeFile(file, writeCsvTable(table));
  if (ext === '.xlsx') {
    const numeric = new Set(table.columns.filter((c) => c !== 'uCode' && c !== 'uName'));
    return writeFile(file, await writeXlsxTables([{ name: 'Results', table, numericColumns: numeric }]));
  }
  throw new Error(`${file}: results are written as ${RESULT_FORMATS.join(', ')}`);
}
