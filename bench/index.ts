/**
 * Goal 7 (issue 5, goals tightened by issue 20): the Cyberstability Index engine. A synthetic 200 units × 60
 * indicators × 10 years dataset with a 3-level tree (60 indicators → 15 sub-dimensions → 5 categories → index),
 * written as COINr iData/iMeta CSV files and read back by both implementations:
 *  - the full pipeline (denominate, impute, treat, normalise, aggregate, rank) with runPipeline: goal under 50 ms;
 *  - a 10,000-run Monte Carlo uncertainty and sensitivity analysis (imputation × normalisation × aggregation × three
 *    groups of weights, Saltelli design, bands and Sobol indices, plus leave-one-out) on 2 worker threads of the
 *    persistent pool: goal under 3 s, bit for bit the single-thread result, and faster than
 *    bench/index-reference.py, the same method in numpy, run in the same bench on the same files; with the
 *    process's peak memory (RSS, worker threads included) during the analyses.
 * The country page goal (50 ms server time) is measured by bench/index-pages.ts on the real pilot edition.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { benchCountryPages } from './index-pages.js';
import { parseCoinr } from '../src/modules/index/engine/coinr-format.js';
import { runPipeline, type PipelineConfig } from '../src/modules/index/engine/pipeline.js';
import type { UncertaintySpec } from '../src/modules/index/engine/uncertainty/plan.js';
import { runUncertainty } from '../src/modules/index/engine/uncertainty/monte-carlo.js';
import { closeUncertaintyWorkers, runUncertaintyParallel } from '../src/modules/index/engine/uncertainty/parallel.js';
import { SYNTHETIC_BENCH, syntheticCoinr } from '../src/modules/index/engine/uncertainty/synthetic.js';
import { benchDir } from './lib/paths.js';
import { runChecked, runCommand } from './lib/proc.js';
import { type Figure, type GoalResult, figure } from './lib/results.js';
import { formatMs, median, percentile, round } from './lib/stats.js';
import { makeTempDir } from './lib/tempdir.js';

export interface IndexOptions {
  pipelineRuns: number;
  /** Timed repetitions of the parallel Monte Carlo (the median is the figure). */
  monteCarloRepeats: number;
  runs: number;
  workers: number;
}

export const indexDefaults: IndexOptions = { pipelineRuns: 20, monteCarloRepeats: 5, runs: 10_000, workers: 2 };

const CONFIG: PipelineConfig = {
  steps: [{ step: 'denominate' }, { step: 'impute', method: 'mean' }, { step: 'treat' }, { step: 'normalise', method: 'minmax', lower: 1, upper: 100 }],
  aggregate: { method: 'arithmetic' },
};

const SPEC: UncertaintySpec = {
  seed: 2026,
  runs: 10_000,
  imputation: [{ method: 'mean' }, { method: 'median' }, { method: 'groupMean', group: 'Grp' }],
  normalisation: [{ method: 'minmax', lower: 1, upper: 100 }, { method: 'zscore', mean: 100, sd: 10 }, { method: 'rank' }],
  aggregation: ['arithmetic', 'geometric'],
  weights: [{ level: 1, perturbation: 0.25 }, { level: 2, perturbation: 0.25 }, { level: 3, perturbation: 0.25 }],
};

/** numpy from Debian (PyPI is not reachable), installed like nginx and wrk when missing. */
async function ensureNumpy(): Promise<string> {
  const probe = () => runCommand('python3', ['-c', 'import numpy; print(numpy.__version__)']);
  let found = await probe();
  if (found.code !== 0) {
    console.log('  installing python3-numpy with apt-get');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    await runChecked('apt-get', ['update'], { env, timeoutMs: 300_000 });
    await runChecked('apt-get', ['install', '-y', '--no-install-recommends', 'python3-numpy'], { env, timeoutMs: 600_000 });
    found = await probe();
    if (found.code !== 0) throw new Error(`numpy still missing after apt-get: ${found.stderr}`);
  }
  return found.stdout.trim();
}

/** The process's peak resident memory so far (VmHWM, every thread included), in MB. */
function peakRssMb(): number {
  const status = fs.readFileSync('/proc/self/status', 'utf8');
  const kb = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? Number.NaN);
  return Number.isFinite(kb) ? kb / 1024 : process.resourceUsage().maxRSS / 1024;
}

/** Resets the peak (Linux `clear_refs` 5), so that the next reading is the peak of what runs in between. */
function resetPeakRss(): boolean {
  try {
    fs.writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

interface Reference {
  numpy: string;
  runs: number;
  ms: { variants: number; runs: number; summary: number; total: number };
  scoreBands: (number | null)[][];
  rankBands: (number | null)[][];
  sensitivity: { first: number; total: number }[];
}

export async function benchIndex(options: IndexOptions): Promise<GoalResult> {
  const numpy = await ensureNumpy();
  const dir = makeTempDir('index');
  const raw = syntheticCoinr(SYNTHETIC_BENCH);
  const dataPath = path.join(dir, 'iData.csv');
  const metaPath = path.join(dir, 'iMeta.csv');
  const specPath = path.join(dir, 'spec.json');
  const outPath = path.join(dir, 'numpy.json');
  const write = (file: string, t: typeof raw.iData) => fs.writeFileSync(file, stringify(t.rows, { header: true, columns: t.columns }));
  write(dataPath, raw.iData);
  write(metaPath, raw.iMeta);
  const spec: UncertaintySpec = { ...SPEC, runs: options.runs };
  fs.writeFileSync(specPath, JSON.stringify({ ...spec, nominal: { impute: { method: 'mean' }, normalise: { method: 'minmax', lower: 1, upper: 100 } } }));

  const read = (file: string) => parse(fs.readFileSync(file, 'utf8'), { columns: true }) as Record<string, string>[];
  let t = performance.now();
  const parsed = parseCoinr({ iData: { columns: raw.iData.columns, rows: read(dataPath) }, iMeta: { rows: read(metaPath) } });
  const parseMs = performance.now() - t;
  if (!parsed.ok) throw new Error(`synthetic data rejected: ${JSON.stringify(parsed.issues.slice(0, 3))}`);
  const dataset = parsed.dataset;
  const indicators = dataset.framework.nodes.filter((n) => n.type === 'Indicator').length;
  console.log(`  ${dataset.data.units.length} rows (units × years), ${indicators} indicators; CSV read and checked in ${formatMs(parseMs)}`);

  // 1. the full pipeline
  for (let i = 0; i < 3; i++) runPipeline(dataset, CONFIG);
  const pipeline: number[] = [];
  for (let i = 0; i < options.pipelineRuns; i++) {
    t = performance.now();
    runPipeline(dataset, CONFIG);
    pipeline.push(performance.now() - t);
  }
  console.log(`  pipeline: median ${formatMs(median(pipeline))}, p95 ${formatMs(percentile(pipeline, 95))}`);

  // 2. Monte Carlo on the persistent worker threads (the figure: the first repeat starts them, the others reuse them),
  // and once on one thread for the speed-up and an identity check
  const parallel: number[] = [];
  const phases: Record<string, number>[] = [];
  let result: Awaited<ReturnType<typeof runUncertaintyParallel>> | null = null;
  const peakReset = resetPeakRss();
  const rssBefore = peakRssMb();
  for (let i = 0; i < options.monteCarloRepeats; i++) {
    const phase: Record<string, number> = {};
    t = performance.now();
    result = await runUncertaintyParallel(dataset, CONFIG, spec, { workers: options.workers, onPhase: (p, ms) => (phase[p] = round(ms, 0)) });
    parallel.push(performance.now() - t);
    phases.push(phase);
    console.log(`  Monte Carlo, ${options.workers} workers${i === 0 ? ' (starting them)' : ''}: ${formatMs(parallel.at(-1) ?? 0)} (${JSON.stringify(phase)})`);
  }
  const peakMb = peakRssMb();
  await closeUncertaintyWorkers();
  console.log(`  peak RSS during the parallel analyses: ${round(peakMb, 0)} MB (${rssBefore.toFixed(0)} MB before)`);
  t = performance.now();
  const single = runUncertainty(dataset, CONFIG, spec);
  const singleMs = performance.now() - t;
  console.log(`  Monte Carlo, 1 thread: ${formatMs(singleMs)}`);
  const mc = result!.monteCarlo;
  const identical = JSON.stringify(single) === JSON.stringify(result);

  // 3. the numpy reference, same files, same seed
  t = performance.now();
  await runChecked('python3', [path.join(benchDir, 'index-reference.py'), dataPath, metaPath, specPath, outPath], { timeoutMs: 600_000 });
  const pythonWall = performance.now() - t;
  const ref = JSON.parse(fs.readFileSync(outPath, 'utf8')) as Reference;
  console.log(`  numpy reference: ${formatMs(ref.ms.total)} (${JSON.stringify(ref.ms)}), process ${formatMs(pythonWall)}`);

  // agreement between the two implementations
  const index = mc.targets[0]!;
  let maxScoreDiff = 0;
  let rankBandDiffs = 0;
  index.scoreBands.forEach((row, r) => row.forEach((v, p) => (maxScoreDiff = Math.max(maxScoreDiff, Math.abs((v ?? 0) - (ref.scoreBands[r]?.[p] ?? 0))))));
  index.rankBands.forEach((row, r) => row.forEach((v, p) => (rankBandDiffs += v === (ref.rankBands[r]?.[p] ?? null) ? 0 : 1)));
  const sobolDiff = Math.max(...index.sensitivity.map((s, i) => Math.max(Math.abs((s.first ?? 0) - (ref.sensitivity[i]?.first ?? 0)), Math.abs((s.total ?? 0) - (ref.sensitivity[i]?.total ?? 0)))));

  // 4. the country page of the real pilot edition, served by the server
  const country = await benchCountryPages();

  const mcMs = median(parallel);
  const figures: Figure[] = [
    figure('Full pipeline, 200 units × 60 indicators × 10 years (median of 20)', median(pipeline), 'ms',
      `${formatMs(median(pipeline))} (p95 ${formatMs(percentile(pipeline, 95))})`, '< 50 ms', median(pipeline) < 50),
    figure(`Monte Carlo uncertainty + Sobol sensitivity, ${mc.runs.toLocaleString('en')} runs, ${options.workers} worker threads of the persistent pool (median of ${options.monteCarloRepeats})`, mcMs, 'ms',
      `${formatMs(mcMs)} (${mc.pipelinesBuilt} pipelines built, then re-aggregation; first analysis, starting the workers: ${formatMs(parallel[0] ?? Number.NaN)})`, '< 3 s', mcMs < 3_000),
    figure('Peak memory of the process during the parallel analyses (RSS, worker threads included)', peakMb, 'MB',
      `${round(peakMb, 0)} MB (${round(rssBefore, 0)} MB before them${peakReset ? '' : '; peak since the bench started: clear_refs unavailable'})`, '–', null),
    figure('Same analysis, numpy reference (bench/index-reference.py, excluding CSV reading)', ref.ms.total, 'ms',
      `${formatMs(ref.ms.total)}: TypeScript is ${round(ref.ms.total / mcMs, 2)}× as fast`, 'TypeScript faster', mcMs < ref.ms.total),
    figure('Same analysis on 1 thread', singleMs, 'ms', `${formatMs(singleMs)} (speed-up on ${options.workers} threads ${round(singleMs / mcMs, 2)}×)`, 'workers = single thread, bit for bit', identical),
    figure('Agreement with numpy: largest difference of a 5/50/95 % score band', maxScoreDiff, 'points',
      `${maxScoreDiff.toExponential(1)} (0–100 scale); rank-band cells differing: ${rankBandDiffs} of ${index.rankBands.length * 3}; largest Sobol index difference ${sobolDiff.toExponential(1)}`, '–', null),
    country.figure,
  ];
  const notes = [
    `Synthetic data (src/modules/index/engine/uncertainty/synthetic.ts, seed ${SYNTHETIC_BENCH.seed}): ${dataset.data.units.length} unit-years, ${indicators} indicators (every fifth log-normal, so outlier treatment acts; some negative-direction, some divided by a population denominator), ${SYNTHETIC_BENCH.missing * 100} % missing cells, 4 groups; written to CSV in the COINr iData/iMeta layout and read back by both implementations.`,
    'Pipeline: denominate → impute (column mean per year) → treat (COINr defaults: winsorise up to 5 points, else log) → normalise (min-max 1–100) → arithmetic aggregation → ranks per year.',
    `Monte Carlo: ${mc.factors.length} uncertain factors (imputation mean/median/group mean; normalisation min-max 1–100 / z-score 100±10 / rank; arithmetic or geometric aggregation; weights ±25 % per indicator, per sub-dimension and per category as three groups); Saltelli design with N = ${mc.n}, N·(k + 2) = ${mc.runs} runs; xoshiro128** seed ${spec.seed}. Each of the ${mc.pipelinesBuilt} distinct imputation × normalisation pipelines is built once by the engine; every run re-aggregates and re-ranks. The workers are a persistent pool (started by the first analysis, reused by the next ones, closed at the end); each timed analysis includes building the variants in the workers, 5/50/95 % bands of the index score and rank of every unit-year, Sobol indices of the mean absolute rank shift and of every score, and leave-one-out of every indicator and category. Phases per repeat (ms): ${phases.map((p) => JSON.stringify(p)).join(', ')}.`,
    `numpy ${ref.numpy || numpy} (Debian package), the same method vectorised over units and indicators with a Python loop over runs, as a COINr user would write it; its process took ${formatMs(pythonWall)} including start-up and CSV reading. Its phases (ms): ${JSON.stringify(ref.ms)}.`,
    `Sobol indices of the mean absolute rank shift (first / total): ${index.sensitivity.map((s) => `${s.factor} ${round(s.first ?? Number.NaN, 2)} / ${round(s.total ?? Number.NaN, 2)}`).join('; ')}.`,
  ];
  return {
    id: 'index',
    title: '7. Cyberstability Index engine: pipeline and uncertainty analysis',
    figures,
    notes: [...notes, ...country.notes],
    details: { ...country.details, pipelineMs: pipeline, monteCarloMs: parallel, phases, peakRssMb: peakMb, rssBeforeMb: rssBefore, singleThreadMs: singleMs, identical, numpy: ref.ms, pythonWallMs: pythonWall, maxScoreDiff, rankBandDiffs, sobolDiff },
  };
}
