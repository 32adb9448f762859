import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCoinr, type RawTable } from '../coinr-format.js';
import { EngineError } from '../data-table.js';
import { runPipeline, type PipelineConfig } from '../pipeline.js';
import type { AggregationMethod } from '../aggregate.js';
import { leaveOneOut } from './leave-one-out.js';
import { nominalRun } from './kernel.js';
import type { UncertaintySpec } from './plan.js';
import { allocateOutputs, buildModel, designFor, evaluateRuns, runChoices, runUncertainty } from './monte-carlo.js';
import { closeUncertaintyWorkers, runUncertaintyParallel } from './parallel.js';
import { designRuns } from './sobol.js';
import { syntheticCoinr } from './synthetic.js';

const raw = syntheticCoinr({ units: 30, years: 3, categories: 3, subPerCategory: 2, indicatorsPerSub: 3, missing: 0.08, seed: 9 });
const parse = (t: { iData: RawTable; iMeta: RawTable }) => {
  const p = parseCoinr(t);
  if (!p.ok) throw new Error(JSON.stringify(p.issues.slice(0, 3)));
  return p.dataset;
};
const dataset = parse(raw);

const CONFIG: PipelineConfig = {
  steps: [{ step: 'denominate' }, { step: 'impute', method: 'mean' }, { step: 'treat' }, { step: 'normalise', method: 'minmax', lower: 1, upper: 100 }],
  aggregate: { method: 'arithmetic' },
};
const SPEC: UncertaintySpec = {
  seed: 42,
  runs: 400,
  imputation: [{ method: 'mean' }, { method: 'median' }, null],
  normalisation: [{ method: 'minmax', lower: 1, upper: 100 }, { method: 'rank' }],
  aggregation: ['arithmetic', 'geometric'],
  weights: [{ level: 1, perturbation: 0.25 }, { level: 2, perturbation: 0.25 }, { level: 3, perturbation: 0.5 }],
  targets: ['Index', 'C1'],
};

const methodsByLevel = (methods: Uint8Array, levels: number[]) => {
  const names: AggregationMethod[] = ['arithmetic', 'geometric', 'harmonic'];
  return Object.fromEntries(levels.map((level, a) => [level, names[methods[a] as number] as AggregationMethod]));
};

describe('the re-aggregation kernel agrees with runPipeline', () => {
  it.each<[string, PipelineConfig]>([
    ['arithmetic (exact)', CONFIG],
    ['geometric', { ...CONFIG, aggregate: { method: 'geometric' } }],
    ['harmonic, a data threshold and weight overrides', { ...CONFIG, steps: CONFIG.steps.filter((s) => s.step !== 'impute'), aggregate: { method: 'harmonic', datThresh: { 2: 0.7 }, weights: { I111: 5 } } }],
    ['per-level methods', { ...CONFIG, aggregate: { method: { 2: 'arithmetic', 3: 'geometric', 4: 'geometric' } } }],
    ['PCA weights, computed once on the nominal run', { ...CONFIG, aggregate: { method: 'arithmetic', weighting: { method: 'pca', levels: [2, 3] } } }],
    ['optimised weights, computed once on the nominal run', { ...CONFIG, aggregate: { method: 'arithmetic', weighting: { method: 'optimised', levels: [4] } } }],
  ])('nominal, %s', (_name, config) => {
    const model = buildModel(dataset, config, { seed: 1, runs: 10, weights: [{ level: 1, perturbation: 0.1 }], targets: ['Index', 'C2', 'S11'] });
    const nominal = nominalRun(model);
    const engine = runPipeline(dataset, config);
    model.targets.forEach((node, t) => {
      const code = model.nodeCodes[node] as string;
      const expected = engine.scores[code] as (number | null)[];
      Array.from(nominal.scores[t] as Float64Array).forEach((v, r) => {
        const e = expected[r] ?? null;
        if (e === null) expect(v).toBeNaN();
        else if (config.aggregate?.method === 'arithmetic') expect(v).toBe(e);
        else expect(Math.abs(v - e)).toBeLessThan(1e-12 * Math.abs(e));
      });
      expect(Array.from(nominal.ranks[t] as Int32Array, (x) => (x === 0 ? null : x))).toEqual(engine.ranks[code]);
    });
  });

  it('each Monte Carlo run equals runPipeline with that run’s imputation, normalisation, method and weights', () => {
    const model = buildModel(dataset, CONFIG, SPEC);
    const design = designFor(model, SPEC);
    const outputs = allocateOutputs(model, designRuns(design));
    evaluateRuns(model, design, 0, outputs.runs, outputs);
    const levels = model.aggregates.map((a) => a.level);
    for (const run of [0, 7, 150, 399 - 1, 300]) {
      const choice = runChoices(model, design, run);
      const weights = Object.fromEntries(model.nodeCodes.map((c, i) => [c, choice.weights[i] as number]));
      const config: PipelineConfig = { steps: model.variantConfigs[choice.variant]?.steps ?? [], aggregate: { method: methodsByLevel(choice.methods, levels), weights } };
      const engine = runPipeline(dataset, config);
      model.targets.forEach((node, t) => {
        const expected = engine.scores[model.nodeCodes[node] as string] as (number | null)[];
        for (let r = 0; r < model.nRows; r++) {
          const v = (outputs.scores[t] as Float64Array)[run * model.nRows + r] as number;
          const e = expected[r] ?? null;
          if (e === null) expect(v).toBeNaN();
          else expect(Math.abs(v - e)).toBeLessThanOrEqual(1e-12 * Math.abs(e));
        }
        expect(Array.from((outputs.ranks[t] as Int32Array).subarray(run * model.nRows, (run + 1) * model.nRows), (x) => (x === 0 ? null : x)))
          .toEqual(engine.ranks[model.nodeCodes[node] as string]);
      });
    }
  });
});

describe('Monte Carlo uncertainty and sensitivity', () => {
  const result = runUncertainty(dataset, CONFIG, SPEC);
  const mc = result.monteCarlo;

  it('makes N·(k + 2) runs for k factors', () => {
    expect(mc.factors.map((f) => f.name)).toEqual(['imputation', 'normalisation', 'aggregation', 'weights, level 1', 'weights, level 2', 'weights, level 3']);
    expect(mc.n).toBe(50);
    expect(mc.runs).toBe(400);
    expect(mc.requestedRuns).toBe(400);
  });

  it('records the runs asked for when the design makes fewer (515 asked, 8 blocks of 64: 512 made)', () => {
    const fewer = runUncertainty(dataset, CONFIG, { ...SPEC, runs: 515 });
    expect(fewer.monteCarlo).toMatchObject({ requestedRuns: 515, runs: 512, n: 64 });
  });

  it('gives every Sobol index a 95 % bootstrap interval around its estimate', () => {
    expect(mc.interval).toEqual({ level: 0.95, resamples: 1000 });
    for (const s of mc.targets[0]?.sensitivity ?? []) {
      for (const [estimate, ci] of [[s.first, s.firstInterval], [s.total, s.totalInterval]] as const) {
        expect(ci.low as number).toBeLessThanOrEqual(ci.high as number);
        // A percentile interval need not contain the estimate, but of indices this size it straddles it.
        expect(ci.low as number).toBeLessThan((estimate as number) + 0.05);
        expect(ci.high as number).toBeGreaterThan((estimate as number) - 0.05);
      }
    }
  });

  it.each([[42, true], [43, false]])('seed %i reproduces the analysis: %s', (seed, same) => {
    const again = runUncertainty(dataset, CONFIG, { ...SPEC, seed });
    if (same) expect(again).toEqual(result);
    else expect(again.monteCarlo.targets[0]?.scoreBands).not.toEqual(mc.targets[0]?.scoreBands);
  });

  it('orders every band: 5 ≤ 50 ≤ 95 for scores and ranks', () => {
    let checked = 0;
    for (const t of mc.targets) {
      for (const bands of [t.scoreBands, t.rankBands]) {
        for (const row of bands) {
          if (row.some((v) => v === null)) continue;
          const [p5, p50, p95] = row as number[];
          expect(p5).toBeLessThanOrEqual(p50 as number);
          expect(p50).toBeLessThanOrEqual(p95 as number);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(4 * 80);
  });

  it('gives Sobol indices in range, first order ≤ total (within sampling error), the factor that matters most first', () => {
    const index = mc.targets[0];
    expect(index?.code).toBe('Index');
    for (const s of index?.sensitivity ?? []) {
      expect(s.total).not.toBeNull();
      expect(s.total as number).toBeGreaterThanOrEqual(0);
      expect(s.first as number).toBeLessThanOrEqual((s.total as number) + 0.15);
    }
  });

  it('a factor that changes nothing has zero indices', () => {
    const inert = runUncertainty(dataset, CONFIG, { ...SPEC, runs: 200, normalisation: [{ method: 'minmax', lower: 1, upper: 100 }, { method: 'minmax', lower: 1, upper: 100 }] });
    const s = inert.monteCarlo.targets[0]?.sensitivity.find((x) => x.factor === 'normalisation');
    expect(s).toEqual({ factor: 'normalisation', first: 0, total: 0, firstInterval: { low: 0, high: 0 }, totalInterval: { low: 0, high: 0 } });
  });

  it.each<[string, Partial<UncertaintySpec>, string]>([
    ['nothing varies', { imputation: [], normalisation: [], aggregation: [], weights: [] }, 'uncertainty.factors.none'],
    ['geometric means of values that can be 0', { normalisation: [{ method: 'minmax' }] }, 'uncertainty.aggregation.non_positive'],
    ['an unknown target', { targets: ['Nope'] }, 'uncertainty.targets.unknown'],
    ['a weight in two factors', { weights: [{ level: 1, perturbation: 0.1 }, { codes: ['I111'], perturbation: 0.1 }] }, 'uncertainty.weights.twice'],
  ])('refuses %s', (_name, change, code) => {
    expect(() => runUncertainty(dataset, CONFIG, { ...SPEC, ...change })).toThrow(expect.objectContaining({ code }) as EngineError);
  });
});

describe('leave one out', () => {
  const model = buildModel(dataset, CONFIG, { seed: 1, runs: 10, weights: [{ level: 1, perturbation: 0.1 }] });
  const loo = leaveOneOut(model);
  const without = (code: string) => {
    const gone = new Set<string | undefined>([code]);
    for (let grew = true; grew; ) {
      const before = gone.size;
      for (const r of raw.iMeta.rows) if (gone.has(r.Parent)) gone.add(r.iCode);
      grew = gone.size > before;
    }
    const iMeta = { ...raw.iMeta, rows: raw.iMeta.rows.filter((r) => !gone.has(r.iCode)) };
    const iData = { columns: raw.iData.columns?.filter((c) => !gone.has(c)), rows: raw.iData.rows.map((r) => Object.fromEntries(Object.entries(r).filter(([c]) => !gone.has(c)))) };
    return runPipeline(parse({ iData, iMeta }), CONFIG);
  };
  const nominal = runPipeline(dataset, CONFIG);

  it('covers every indicator and every category', () => {
    expect(loo.level).toBe(3);
    expect(loo.results.filter((r) => r.kind === 'indicator')).toHaveLength(18);
    expect(loo.results.filter((r) => r.kind === 'aggregate').map((r) => r.removed)).toEqual(['C1', 'C2', 'C3']);
  });

  it.each(['I111', 'I223', 'C2'])('removing %s equals the pipeline on the framework without it', (code) => {
    const engine = without(code);
    const shift = loo.results.find((r) => r.removed === code)?.targets[0];
    expect(shift).toBeDefined();
    const index = engine.scores.Index as (number | null)[];
    const nominalIndex = nominal.scores.Index as (number | null)[];
    shift?.scoreShift.forEach((d, r) => expect(d).toBeCloseTo((index[r] as number) - (nominalIndex[r] as number), 10));
    shift?.rankShift.forEach((d, r) => expect(d).toBe((engine.ranks.Index?.[r] as number) - (nominal.ranks.Index?.[r] as number)));
    expect(shift?.meanAbsRankShift).toBeGreaterThan(0);
  });
});

describe('worker threads', () => {
  afterAll(() => closeUncertaintyWorkers());

  it.each([1, 2, 3])('%i worker(s) give exactly the single-threaded result', async (workers) => {
    const single = runUncertainty(dataset, CONFIG, SPEC);
    const parallel = await runUncertaintyParallel(dataset, CONFIG, SPEC, { workers });
    expect(parallel).toEqual(single);
  });

  it('reports an engine error from a worker as an EngineError', async () => {
    await expect(runUncertaintyParallel(dataset, { ...CONFIG, steps: [{ step: 'impute', method: 'groupMean', group: 'Nope' }] }, SPEC, { workers: 2 }))
      .rejects.toMatchObject({ code: 'impute.group.unknown' });
  });

  it('keeps its workers between analyses: a second analysis with another spec equals its own single-threaded result', async () => {
    const other: UncertaintySpec = { ...SPEC, seed: 7, runs: 250, imputation: [{ method: 'median' }], targets: ['C2'] };
    const first = await runUncertaintyParallel(dataset, CONFIG, SPEC, { workers: 2 });
    const second = await runUncertaintyParallel(dataset, CONFIG, other, { workers: 2 });
    expect(first).toEqual(runUncertainty(dataset, CONFIG, SPEC));
    expect(second).toEqual(runUncertainty(dataset, CONFIG, other));
  });

  it('serves the next analysis after one failed, and after the workers were closed', async () => {
    const single = runUncertainty(dataset, CONFIG, SPEC);
    await expect(runUncertaintyParallel(dataset, { ...CONFIG, steps: [{ step: 'impute', method: 'groupMean', group: 'Nope' }] }, SPEC, { workers: 2 }))
      .rejects.toMatchObject({ code: 'impute.group.unknown' });
    expect(await runUncertaintyParallel(dataset, CONFIG, SPEC, { workers: 2 })).toEqual(single);
    await closeUncertaintyWorkers();
    expect(await runUncertaintyParallel(dataset, CONFIG, SPEC, { workers: 2 })).toEqual(single);
  });

  it('does not keep a process alive: a script that ran an analysis and never closed the workers exits by itself', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uncertainty-exit-'));
    const script = path.join(dir, 'run.mts');
    const here = (file: string) => JSON.stringify(new URL(file, import.meta.url).href);
    fs.writeFileSync(script, [
      `import { parseCoinr } from ${here('../coinr-format.ts')};`,
      `import { runUncertaintyParallel } from ${here('./parallel.ts')};`,
      `import { syntheticCoinr } from ${here('./synthetic.ts')};`,
      `const parsed = parseCoinr(syntheticCoinr(${JSON.stringify({ units: 12, years: 2, categories: 2, subPerCategory: 2, indicatorsPerSub: 2, missing: 0, seed: 3 })}));`,
      `if (!parsed.ok) throw new Error('bad data');`,
      `const r = await runUncertaintyParallel(parsed.dataset, ${JSON.stringify(CONFIG)}, ${JSON.stringify({ seed: 1, runs: 39, weights: [{ level: 1, perturbation: 0.2 }] })}, { workers: 2 });`,
      `console.log('runs', r.monteCarlo.runs);`,
    ].join('\n'));
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect({ code, out: out.trim() }).toEqual({ code: 0, out: 'runs 39' });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
