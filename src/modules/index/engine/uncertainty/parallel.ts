/**
 * The uncertainty analysis across worker threads (node:worker_threads), one per core by default. This wrapper is the
 * only I/O of the analysis: the plan, the sample design, the summary and leave-one-out are computed here with the
 * functions of plan.ts, model.ts and monte-carlo.ts; the workers build the pipeline variants (split between them, transferred
 * back as typed arrays), then each evaluates a contiguous range of runs, writing into typed arrays backed by a
 * SharedArrayBuffer (no copy of the 10⁷-value outputs), then each summarises a range of rows. Every run depends only
 * on the model, the design and its index, and every row summary only on that row's outputs, so the result equals
 * `runUncertainty` with the same seed, bit for bit (tested).
 *
 * From TypeScript sources, workers start from worker-bootstrap.mjs, which registers tsx's loader before loading
 * worker.ts (Node 20 ignores `--import` in a Worker's execArgv for its entry module), so this works under
 * `tsx src/cli.ts`, under Vitest and in the bench alike.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { EngineError } from '../data-table.js';
import type { PipelineConfig } from '../pipeline.js';
import type { IndexDataset } from '../types.js';
import { leaveOneOut, type LeaveOneOutOptions } from './leave-one-out.js';
import { assembleModel, type Model, type VariantValues } from './model.js';
import { allocateOutputs, designFor, summarise, type UncertaintyAnalysis } from './monte-carlo.js';
import { planUncertainty, type UncertaintySpec } from './plan.js';
import { designRuns } from './sobol.js';
import type { WorkerReply, WorkerRequest } from './worker.js';

export interface ParallelOptions {
  /** Worker threads; default the available parallelism (2 on the reference machine). */
  workers?: number;
  leaveOneOut?: LeaveOneOutOptions;
  /** Called with the time of each phase (ms), for benchmarks. */
  onPhase?: (phase: 'variants' | 'runs' | 'summary', ms: number) => void;
}

function workerUrl(): URL {
  const here = import.meta.url;
  return new URL(here.endsWith('.ts') ? './worker-bootstrap.mjs' : './worker.js', here);
}

class Pool {
  private readonly workers: Worker[];

  constructor(size: number) {
    const url = workerUrl();
    this.workers = Array.from({ length: size }, () => new Worker(url));
  }

  get size(): number {
    return this.workers.length;
  }

  /** Sends one request to worker i and waits for its reply. */
  ask(i: number, request: WorkerRequest): Promise<WorkerReply> {
    const worker = this.workers[i] as Worker;
    return new Promise((resolve, reject) => {
      const cleanup = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      const onMessage = (reply: WorkerReply) => {
        cleanup();
        if (reply.kind === 'error') reject(reply.code ? new EngineError(reply.code, reply.message) : new Error(`${reply.name}: ${reply.message}`));
        else resolve(reply);
      };
      const onError = (error: Error) => {
        cleanup();
        reject(error);
      };
      const onExit = (code: number) => {
        cleanup();
        reject(new Error(`uncertainty worker exited with code ${code}`));
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** `runUncertainty` across worker threads. */
export async function runUncertaintyParallel(
  dataset: IndexDataset, config: PipelineConfig, spec: UncertaintySpec, options: ParallelOptions = {},
): Promise<UncertaintyAnalysis> {
  const plan = planUncertainty(dataset, config, spec);
  const size = Math.max(1, Math.floor(options.workers ?? os.availableParallelism()));
  const pool = new Pool(size);
  try {
    let t = performance.now();
    const lap = (phase: 'variants' | 'runs' | 'summary') => {
      const now = performance.now();
      options.onPhase?.(phase, now - t);
      t = now;
    };
    const all = <T>(f: (i: number) => Promise<T>) => Promise.all(Array.from({ length: size }, (_, i) => f(i)));
    const range = (total: number, i: number) => [Math.floor((total * i) / size), Math.floor((total * (i + 1)) / size)] as const;

    // 1. the pipeline variants, dealt round-robin, built by the engine in the workers
    const share = Array.from({ length: size }, () => [] as { index: number; steps: PipelineConfig['steps'] }[]);
    plan.variantConfigs.forEach((c, index) => share[index % size]?.push({ index, steps: c.steps }));
    const built: VariantValues[] = new Array(plan.variantConfigs.length);
    const replies = await all((i) => ((share[i]?.length ?? 0) > 0 ? pool.ask(i, { kind: 'variants', dataset, variants: share[i] ?? [] }) : Promise.resolve(null)));
    for (const reply of replies) if (reply?.kind === 'variants') for (const b of reply.built) built[b.index] = { units: b.units, values: b.values };
    const model: Model = assembleModel(dataset, config, spec, plan, built);
    const design = designFor(model, spec);
    lap('variants');

    // 2. the runs, in contiguous ranges, written by the workers into shared output arrays
    const outputs = allocateOutputs(model, designRuns(design), true);
    await all((i) => pool.ask(i, { kind: 'setup', model, design, outputs }));
    await all((i) => {
      const [from, to] = range(outputs.runs, i);
      return pool.ask(i, { kind: 'runs', from, to });
    });
    lap('runs');

    // 3. per-row bands and Sobol indices, rows split between the workers; the rest here
    const rows = await all(async (i) => {
      const [r0, r1] = range(model.nRows, i);
      const reply = await pool.ask(i, { kind: 'rows', r0, r1 });
      if (reply.kind !== 'rows') throw new Error('unexpected worker reply');
      return reply.summary;
    });
    const result = { monteCarlo: summarise(model, design, spec, outputs, rows), leaveOneOut: leaveOneOut(model, options.leaveOneOut) };
    lap('summary');
    return result;
  } finally {
    await pool.close();
  }
}
