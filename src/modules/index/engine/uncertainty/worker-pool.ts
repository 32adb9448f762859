/**
 * The persistent worker threads of the parallel uncertainty analysis (parallel.ts). Starting a worker from the
 * TypeScript sources costs about as much as a whole analysis of the pilot, so the threads are started by the first
 * analysis and reused by the next ones instead of being started per analysis.
 *
 * They never keep a process alive: a worker is unref'd whenever it has no request in flight, so a CLI command or a
 * test file ends on its own once its work is done. `closeUncertaintyWorkers()` stops them explicitly (server
 * shutdown, test teardown). Analyses take turns (a worker holds one analysis's model between requests); a worker
 * that crashed or exited is never reused: the next analysis starts a fresh pool.
 */
import { Worker } from 'node:worker_threads';
import { EngineError } from '../data-table.js';
import type { WorkerReply, WorkerRequest } from './worker.js';
import { workerEntry } from '../../../../app/workers/worker-entry.js';

export class WorkerPool {
  private readonly workers: Worker[];
  /** A worker failed (uncaught error, exit): the pool must not be used again. */
  broken = false;

  constructor(size: number) {
    const url = workerEntry(import.meta.url, 'worker');
    this.workers = Array.from({ length: size }, () => {
      const worker = new Worker(url);
      worker.unref();
      // Without a listener an 'error' event would be thrown in this thread; a pending `ask` rejects with it anyway.
      worker.on('error', () => (this.broken = true));
      worker.on('exit', () => (this.broken = true));
      return worker;
    });
  }

  get size(): number {
    return this.workers.length;
  }

  /** Sends one request to worker i and waits for its reply; the worker holds the process open only meanwhile. */
  ask(i: number, request: WorkerRequest): Promise<WorkerReply> {
    const worker = this.workers[i] as Worker;
    return new Promise((resolve, reject) => {
      const settle = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        worker.unref();
      };
      const onMessage = (reply: WorkerReply) => {
        settle();
        if (reply.kind === 'error') reject(reply.code ? new EngineError(reply.code, reply.message) : new Error(`${reply.name}: ${reply.message}`));
        else resolve(reply);
      };
      const onError = (error: Error) => {
        settle();
        reject(error);
      };
      const onExit = (code: number) => {
        settle();
        reject(new Error(`uncertainty worker exited with code ${code}`));
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.ref();
      worker.postMessage(request);
    });
  }

  /**
   * One request per worker (`request(i)`, or none when it gives null), all in flight together. Waits for every
   * reply, also when one fails, so that no request is left in flight when the analysis ends; then throws the first
   * failure.
   */
  async all(request: (i: number) => WorkerRequest | null): Promise<(WorkerReply | null)[]> {
    const settled = await Promise.allSettled(this.workers.map((_, i) => {
      const r = request(i);
      return r === null ? Promise.resolve(null) : this.ask(i, r);
    }));
    const failed = settled.find((s) => s.status === 'rejected');
    if (failed) throw (failed as PromiseRejectedResult).reason;
    return settled.map((s) => (s as PromiseFulfilledResult<WorkerReply | null>).value);
  }

  async close(): Promise<void> {
    this.broken = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

let current: WorkerPool | null = null;
/** The analyses in turn: each starts when the previous one has settled. */
let turn: Promise<void> = Promise.resolve();

/** Runs `task` on the shared pool of `size` workers (started, or restarted with another size, when needed), in turn. */
export function withUncertaintyWorkers<T>(size: number, task: (pool: WorkerPool) => Promise<T>): Promise<T> {
  const result = turn.then(async () => {
    if (!current || current.broken || current.size !== size) {
      await current?.close();
      current = new WorkerPool(size);
    }
    return task(current);
  });
  turn = result.then(() => undefined, () => undefined);
  return result;
}

/** Stops the uncertainty worker threads, after the analysis under way if any. The next analysis starts new ones. */
export function closeUncertaintyWorkers(): Promise<void> {
  const closing = turn.then(async () => {
    const pool = current;
    current = null;
    await pool?.close();
  });
  turn = closing.then(() => undefined, () => undefined);
  return closing;
}
