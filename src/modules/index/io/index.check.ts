/**
 * The engine's check of an edition's tables (every cell parsed, the pipeline run once) before a draft stores them.
 * For a real index, 130,000 cells, it takes a few hundred milliseconds of synchronous work, during which the server
 * answered nothing (/healthz p99 163 ms while a real workbook was uploaded, bench section 8); such tables are checked
 * in the parsing worker (index.parse.ts). Small tables, whose check takes less than a worker takes to start, are
 * checked on the spot.
 */
import { invalid, compute, parseTables } from '../index.compute.js';
import type { StoredTable } from '../index.models.js';
import { inWorker, type CheckResult } from './index.parse.js';
import type { CheckInputs } from './index.parse-worker.js';

/** Cells from which the check moves off the main thread: about 10 ms of checking, the cost of starting the worker. */
export const offThreadCheckCells = 10_000;

const cellsOf = (table: StoredTable) => table.rows.length * table.columns.length;

/** Resolves when the engine accepts the tables under `config`; throws its issues (422) otherwise, as `compute` does. */
export async function checkEditionTables(input: CheckInputs): Promise<void> {
  if (cellsOf(input.iData) + cellsOf(input.iMeta) < offThreadCheckCells) {
    compute(parseTables(input.iData, input.iMeta, input.source), input.config, { categories: [], indicators: [] }, false);
    return;
  }
  const outcome = await inWorker<CheckResult>({ kind: 'check', json: JSON.stringify(input) });
  if (!outcome.ok) throw new Error(`the engine's check of the tables ran out of ${outcome.reason}`);
  const result = outcome.reply;
  if (result.ok) return;
  if ('issues' in result) invalid(result.issues);
  throw new Error(`the engine's check of the tables failed: ${result.error}`);
}
