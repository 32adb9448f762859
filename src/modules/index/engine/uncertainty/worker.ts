/**
 * Worker-thread entry of the parallel uncertainty analysis (see parallel.ts): builds pipeline variants, evaluates a
 * range of runs into the shared output arrays, or summarises a range of rows, with the same functions as the
 * single-threaded path. The thread persists between analyses (worker-pool.ts): it keeps one analysis's model, design
 * and outputs from its `runs` request to its `release`.
 */
import { parentPort } from 'node:worker_threads';
import type { PipelineStep } from '../pipeline.js';
import type { IndexDataset } from '../types.js';
import { scratchFor } from './kernel.js';
import { computeVariants, type Model, type VariantValues } from './model.js';
import { evaluateRuns, summariseRows, type RowSummary, type RunOutputs } from './monte-carlo.js';
import type { SaltelliDesign } from './sobol.js';

export type WorkerRequest =
  | { kind: 'variants'; dataset: IndexDataset; variants: { index: number; steps: PipelineStep[] }[] }
  /** Runs [from, to); the model, design and outputs stay in the worker for the `rows` request. */
  | { kind: 'runs'; model: Model; design: SaltelliDesign; outputs: RunOutputs; from: number; to: number }
  | { kind: 'rows'; r0: number; r1: number }
  /** The analysis is over: drop its model and outputs (the shared memory is freed once no thread holds it). */
  | { kind: 'release' };

export type WorkerReply =
  | { kind: 'variants'; built: { index: number; units: IndexDataset['data']['units']; values: Float64Array }[] }
  | { kind: 'done' }
  | { kind: 'rows'; summary: RowSummary }
  | { kind: 'error'; name: string; code: string | null; message: string };

const port = parentPort;
if (!port) throw new Error('worker.ts runs in a worker thread');

let state: { model: Model; design: SaltelliDesign; outputs: RunOutputs } | null = null;

port.on('message', (request: WorkerRequest) => {
  try {
    if (request.kind === 'variants') {
      const values = computeVariants(request.dataset, request.variants.map((v) => v.steps));
      const built = request.variants.map((v, i) => ({ index: v.index, ...(values[i] as VariantValues) }));
      port.postMessage({ kind: 'variants', built } satisfies WorkerReply, built.map((b) => b.values.buffer as ArrayBuffer));
    } else if (request.kind === 'runs') {
      state = { model: request.model, design: request.design, outputs: request.outputs };
      evaluateRuns(state.model, state.design, request.from, request.to, state.outputs, scratchFor(state.model));
      port.postMessage({ kind: 'done' } satisfies WorkerReply);
    } else if (request.kind === 'rows') {
      if (!state) throw new Error('worker has no analysis under way');
      port.postMessage({ kind: 'rows', summary: summariseRows(state.model, state.design, state.outputs, request.r0, request.r1) } satisfies WorkerReply);
    } else {
      state = null;
      port.postMessage({ kind: 'done' } satisfies WorkerReply);
    }
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    port.postMessage({ kind: 'error', name: e.name, code: (e as { code?: string }).code ?? null, message: e.message } satisfies WorkerReply);
  }
});
