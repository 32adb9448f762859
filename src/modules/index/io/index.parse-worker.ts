/**
 * Worker-thread entry that parses iData/iMeta files (see index.parse.ts): the main thread keeps serving while a
 * workbook is read, and a file that needs more memory than the worker is given ends the worker, not the server.
 */
import { parentPort } from 'node:worker_threads';
import type { RawTable } from '../engine/coinr-format.js';
import { readCsvTable } from './index.csv.js';
import { readXlsxTables } from './index.xlsx.js';

/** One file to parse: a CSV (its one table), or the named sheets of a workbook, read together. */
export interface ParseJob {
  format: 'csv' | 'xlsx';
  bytes: Uint8Array;
  sheets: string[];
}

/** Per job: the tables (a sheet absent from the workbook is undefined; a CSV's table is under `csv`), or why it is malformed. */
export type ParseResult = { ok: true; tables: Record<string, RawTable | undefined> } | { ok: false; message: string };

async function parseJob(job: ParseJob): Promise<ParseResult> {
  try {
    const bytes = Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength);
    if (job.format === 'csv') return { ok: true, tables: { csv: readCsvTable(bytes.toString('utf8')) } };
    return { ok: true, tables: await readXlsxTables(bytes, job.sheets) };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

const port = parentPort;
if (!port) throw new Error('index.parse-worker.ts runs in a worker thread');

port.once('message', async (jobs: ParseJob[]) => {
  const results: ParseResult[] = [];
  // One file after another: the worker's memory cap is for the largest file, not for all of them at once.
  for (const job of jobs) results.push(await parseJob(job));
  port.postMessage(results);
});
