/**
 * The uncertainty analysis across worker threads (node:worker_threads), one per core by default. This wrapper is the
 * only I/O of the analysis: the plan, the sample design, the summary and leave-one-out are computed here with the
 * functions of plan.ts, model.ts and monte-carlo.ts; the workers build the pipeline variants (split between them,
 * transferred back as typed arrays), then each evaluates a contiguous range of runs, writing into typed arrays backed
 * by a SharedArrayBuffer (no copy of the 10⁷-value outputs), then each summarises a range of rows. The model's large
 * arrays (the variants and the design) are shared the same way, so handing the model to a worker copies no bulk data.
 * Every run depends only on the model, the design and its index, and every row summary only on that row's outputs,
 * so the result equals `runUncertainty` with the same seed, bit for bit (tested).
 *
 * The worker threads persist between analyses (worker-pool.ts); `closeUncertaintyWorkers` stops them.
 *
 * From TypeScript sources, workers start from worker-bootstrap.mjs, which registers tsx's loader before loading
 * worker.ts (Node 20 ignores `--import` in a Worker's execArgv for its entry module), so this works under
 * `tsx src/cli.ts`, under Vitest and in the bench alike.
 */
import os from 'node:os';
import type { PipelineConfig } from '../pipeline.js';
import type { IndexDataset } from '../types.js';
import { leaveOneOut, type LeaveOneOutOptions, type LeaveOneOutResult } from './leave-one-out.js';
import { assembleModel, stepsBeforeNormalisation, type Model, type VariantValues } from './model.js';
import { allocateOutputs, designFor, summarise, summariseRuns, type RunOutputs, type RunsSummary, type UncertaintyAnalysis } from './monte-carlo.js';
import { planUncertainty, type UncertaintySpec } from './plan.js';
import { designRuns, type SaltelliDesign } from './sobol.js';
import { closeUncertaintyWorkers as closeWorkers, withUncertaintyWorkers } from './worker-pool.js';

export interface ParallelOptions {
  /** Worker threads; default the available parallelism (2 on the reference machine). */
  workers?: number;
  leaveOneOut?: LeaveOneOutOptions;
  /** Called with the time of each phase (ms), for benchmarks. */
  onPhase?: (phase: 'variants' | 'runs' | 'summary', ms: number) => void;
}

/** A copy backed by a SharedArrayBuffer: structured cloning to a worker then shares it instead of copying it. */
function shared(a: Float64Array): Float64Array {
  const copy = new Float64Array(new SharedArrayBuffer(a.byteLength));
  copy.set(a);
  return copy;
}

/**
 * The shared output arrays of the last analysis, reused by the next one of the same shape: they are hundreds of MB
 * for 10⁴ runs, every cell is written by every analysis, and no result refers to them (the summary copies what it
 * keeps). Without this, each analysis would allocate its own and the last ones would linger until a full GC.
 */
let spareOutputs: RunOutputs | null = null;

function outputsFor(model: Model, runs: number): RunOutputs {
  const spare = spareOutputs;
  const fits = spare !== null && spare.runs === runs && spare.nRows === model.nRows && spare.scores.length === model.targets.length;
  spareOutputs = null;
  return fits ? spare : allocateOutputs(model, runs, true);
}

/** Stops the persistent worker threads and drops the output arrays kept for the next analysis; the next one starts afresh. */
export async function closeUncertaintyWorkers(): Promise<void> {
  await closeWorkers();
  spareOutputs = null;
}

/** `runUncertainty` across worker threads. */
export async function runUncertaintyParallel(
  dataset: IndexDataset, config: PipelineConfig, spec: UncertaintySpec, options: ParallelOptions = {},
): Promise<UncertaintyAnalysis> {
  const plan = planUncertainty(dataset, config, spec);
  const size = Math.max(1, Math.floor(options.workers ?? os.availableParallelism()));
  return withUncertaintyWorkers(size, async (pool) => {
    let t = performance.now();
    const lap = (phase: 'variants' | 'runs' | 'summary') => {
      const now = performance.now();
      options.onPhase?.(phase, now - t);
      t = now;
    };
    const range = (total: number, i: number) => [Math.floor((total * i) / size), Math.floor((total * (i + 1)) / size)] as const;
    try {
      // 1. the pipeline variants, built by the engine in the workers: ordered by their steps before normalisation and
      // dealt in contiguous shares, so that a worker runs those shared steps once for several variants
      const ordered = plan.variantConfigs.map((c, index) => ({ index, steps: c.steps, key: JSON.stringify(stepsBeforeNormalisation(c.steps)) }))
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.index - b.index));
      const share = Array.from({ length: size }, (_, i) => ordered.slice(...range(ordered.length, i)).map(({ index, steps }) => ({ index, steps })));
      const built: VariantValues[] = new Array(plan.variantConfigs.length);
      const replies = await pool.all((i) => ((share[i]?.length ?? 0) > 0 ? { kind: 'variants', dataset, variants: share[i] ?? [] } : null));
      for (const reply of replies) if (reply?.kind === 'variants') for (const b of reply.built) built[b.index] = { units: b.units, values: b.values };
      const assembled = assembleModel(dataset, config, spec, plan, built);
      const model: Model = { ...assembled, variants: assembled.variants.map(shared), logVariants: assembled.logVariants.map(shared) };
      const planned = designFor(model, spec);
      const design: SaltelliDesign = { ...planned, a: shared(planned.a), b: shared(planned.b) };
      lap('variants');

      // 2. the runs, in contiguous ranges, written by the workers into shared output arrays
      const outputs = outputsFor(model, designRuns(design));
      await pool.all((i) => {
        const [from, to] = range(outputs.runs, i);
        return { kind: 'runs', model, design, outputs, from, to };
      });
      lap('runs');

      // 3. per-row bands and Sobol indices, rows split between the workers; meanwhile the rest here
      const rowReplies = pool.all((i) => {
        const [r0, r1] = range(model.nRows, i);
        return { kind: 'rows', r0, r1 };
      });
      let whole: RunsSummary;
      let loo: LeaveOneOutResult;
      try {
        whole = summariseRuns(model, design, spec, outputs);
        loo = leaveOneOut(model, options.leaveOneOut);
      } catch (error) {
        await rowReplies.catch(() => undefined);
        throw error;
      }
      const rows = (await rowReplies).map((reply) => {
        if (reply?.kind !== 'rows') throw new Error('unexpected worker reply');
        return reply.summary;
      });
      const result = { monteCarlo: summarise(model, design, spec, outputs, rows, whole), leaveOneOut: loo };
      lap('summary');
      spareOutputs = outputs;
      return result;
    } finally {
      // the workers stay for the next analysis, but not this one's model and outputs
      if (!pool.broken) await pool.all(() => ({ kind: 'release' })).catch(() => undefined);
    }
  });
}
