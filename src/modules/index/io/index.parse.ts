/**
 * Parses iData/iMeta files in a worker thread held to `parseWorkerLimits`: a workbook takes ExcelJS a second or more
 * and a few hundred bytes per cell, which on the main thread froze every request and kept the memory after. A worker
 * runs per read and exits after it, giving its heap back; one runs at a time, so two uploads cannot add their
 * memory up. A worker that passes its memory cap or its time dies alone and the read is refused.
 *
 * From TypeScript sources (tsx, Vitest), the worker starts from index.parse-worker-bootstrap.mjs, which registers
 * tsx's loader first; from dist/ it is index.parse-worker.js (the build emits one JavaScript file per source file).
 */
import { Worker } from 'node:worker_threads';
import type { CheckResult, ParseJob, ParseResult, Refusal, WorkerRequest } from './index.parse-worker.js';
import { parseWorkerLimits } from './index.upload-limits.js';
import { workerEntry } from '../../../app/workers/worker-entry.js';

export type { CheckResult, ParseJob, ParseResult, Refusal };

/** The worker's reply, or why it ended without one. */
export type WorkerOutcome<T> = { ok: true; reply: T } | { ok: false; reason: 'memory' | 'time' };

/** The results, one per job, or why the worker ended without them. */
export type ParseOutcome = { ok: true; results: ParseResult[] } | { ok: false; reason: 'memory' | 'time' };

type WorkerLimits = { [K in keyof typeof parseWorkerLimits]: number };

function runWorker<T>(request: WorkerRequest, limits: WorkerLimits): Promise<WorkerOutcome<T>> {
  const { timeoutMs, ...resourceLimits } = limits;
  const worker = new Worker(workerEntry(import.meta.url, 'index.parse-worker'), { resourceLimits });
  return new Promise<WorkerOutcome<T>>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: WorkerOutcome<T> | Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    const timer = setTimeout(() => settle({ ok: false, reason: 'time' }), timeoutMs);
    worker.once('message', (reply: T) => settle({ ok: true, reply }));
    worker.once('error', (error: Error & { code?: string }) => {
      settle(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { ok: false, reason: 'memory' } : error);
    });
    worker.once('exit', (code) => settle(new Error(`the parsing worker exited with code ${code} before replying`)));
    worker.postMessage(request);
  });
}

let queue: Promise<unknown> = Promise.resolve();

/** Runs one request in a worker, after any request already running has finished. */
export function inWorker<T>(request: WorkerRequest, limits: WorkerLimits = parseWorkerLimits): Promise<WorkerOutcome<T>> {
  const run = queue.then(() => runWorker<T>(request, limits));
  queue = run.catch(() => undefined);
  return run;
}

/** Parses the files in one worker, after any read already running has finished; `limits` are the worker's (tests lower them). */
export async function parseInWorker(jobs: ParseJob[], limits: WorkerLimits = parseWorkerLimits): Promise<ParseOutcome> {
  // The worker replies with JSON text (index.parse-worker.ts says why).
  const outcome = await inWorker<string>({ kind: 'parse', jobs }, limits);
  return outcome.ok ? { ok: true, results: JSON.parse(outcome.reply) as ParseResult[] } : outcome;
}
