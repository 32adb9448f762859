/**
 * Worker-thread entry that parses iData/iMeta files (see index.parse.ts), and runs the engine's check of an edition's
 * tables (see index.check.ts): the main thread keeps serving while a workbook is read or 130,000 cells are checked,
 * and a file that needs more memory than the worker is given ends the worker, not the server.
 */
import { parentPort } from 'node:worker_threads';
import { AppError, type FieldIssue } from '../../../app/http/errors.js';
import { compute, parseTables } from '../index.compute.js';
import type { EditionConfig, StoredTable } from '../index.models.js';
import { readCsvTable, type TextTable } from './index.csv.js';
import { checkCsv, checkXlsx, type LimitBreach } from './index.precheck.js';
import { readXlsxTables } from './index.xlsx.js';

/** One file to parse: a CSV (its one table), or the named sheets of a workbook, read together. */
export interface ParseJob {
  format: 'csv' | 'xlsx';
  bytes: Uint8Array;
  sheets: string[];
}

/** Why a file is refused unparsed: the first cap it passes, or a workbook that is not even a zip. */
export type Refusal = { breach: LimitBreach } | { malformed: string };

/**
 * Per job: the tables (a sheet absent from the workbook is undefined; a CSV's table is under `csv`), or why it is
 * malformed. When any file of the request is refused before parsing, none is parsed: each job then has its refusal,
 * or `unread`.
 */
export type ParseResult =
  | { ok: true; tables: Record<string, TextTable | undefined> }
  | { ok: false; message: string }
  | { ok: false; refused: Refusal }
  | { ok: false; unread: true };

/** An edition's tables and configuration to check, as JSON: one string crosses to the worker faster than 130,000 cells. */
export interface CheckInputs {
  iData: StoredTable;
  iMeta: StoredTable;
  source: string;
  config: EditionConfig;
}

/** The engine's verdict: accepted, refused with its issues, or failed with an unexpected error. */
export type CheckResult = { ok: true } | { ok: false; issues: FieldIssue[] } | { ok: false; error: string };

export type WorkerRequest = { kind: 'parse'; jobs: ParseJob[] } | { kind: 'check'; json: string };

const bytesOf = (job: ParseJob) => Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength);

/** The cap a file passes, found without parsing it (index.precheck.ts), or why a workbook is not even a zip. */
async function precheck(job: ParseJob): Promise<Refusal | null> {
  try {
    const breach = job.format === 'csv' ? checkCsv(bytesOf(job)) : await checkXlsx(bytesOf(job));
    return breach && { breach };
  } catch (error) {
    return { malformed: (error as Error).message };
  }
}

async function parseJob(job: ParseJob): Promise<ParseResult> {
  try {
    const bytes = bytesOf(job);
    if (job.format === 'csv') return { ok: true, tables: { csv: readCsvTable(bytes.toString('utf8')) } };
    return { ok: true, tables: await readXlsxTables(bytes, job.sheets) };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

function check(json: string): CheckResult {
  const { iData, iMeta, source, config } = JSON.parse(json) as CheckInputs;
  try {
    compute(parseTables(iData, iMeta, source), config, { categories: [], indicators: [] }, false);
    return { ok: true };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, issues: error.issues };
    return { ok: false, error: (error as Error).stack ?? String(error) };
  }
}

const port = parentPort;
if (!port) throw new Error('index.parse-worker.ts runs in a worker thread');

port.once('message', async (request: WorkerRequest) => {
  if (request.kind === 'check') {
    port.postMessage(check(request.json));
    return;
  }
  // Every file is checked against the caps before any is parsed (streaming a sheet to count its cells takes a few hundred
  // milliseconds for a file near the cap, which is why it happens here and not on the main thread).
  const refused: Array<Refusal | null> = [];
  for (const job of request.jobs) refused.push(await precheck(job));
  if (refused.some((r) => r !== null)) {
    port.postMessage(JSON.stringify(refused.map((r): ParseResult => (r ? { ok: false, refused: r } : { ok: false, unread: true }))));
    return;
  }
  const results: ParseResult[] = [];
  // One file after another: the worker's memory cap is for the largest file, not for all of them at once.
  for (const job of request.jobs) results.push(await parseJob(job));
  // As JSON text: the main thread parses 130,000 cells from JSON two to three times faster than it deserializes the
  // structured clone of as many objects (a pause every other request waits for).
  port.postMessage(JSON.stringify(results));
});
