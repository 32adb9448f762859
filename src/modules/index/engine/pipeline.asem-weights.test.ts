/**
 * Data-driven weights on COINr's ASEM example, end to end (same data and configuration as pipeline.asem.test.ts).
 * PCA reference figures were computed with numpy 2.4.6 from this engine's own aggregated ASEM data set (the
 * normalised indicators and the aggregates with iMeta weights, 51 units, no missing values), i.e. COINr's
 * `get_PCA(coin, dset = "Aggregated", Level = …)`: `v = numpy.linalg.eigh(numpy.corrcoef(X, rowvar=False))[1][:, -1]`,
 * oriented so that `v.sum() > 0`; variance explained = λ₁ / Σλ.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { needsShared, sharedPaths } from '../../../../test/helpers/shared-data.js';
import type { AggregateDetails, AggregateOptions } from './aggregate.js';
import { parseCoinr } from './coinr-format.js';
import { COINR_ASEM_EXAMPLE, runPipeline } from './pipeline.js';
import type { IndexDataset, StepRecord } from './types.js';
import { pearson } from './weights-optimise.js';

const asem = needsShared('data-driven weights on the COINr ASEM example', sharedPaths.coinrAsem);
const DIR = asem.path;
const read = (file: string) => {
  const text = readFileSync(join(DIR, file), 'utf8');
  return { columns: (parse(text, { to_line: 1 }) as string[][])[0] ?? [], rows: parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[] };
};

/** numpy PC1 loadings (12 significant digits) and variance explained; see the header. */
const NUMPY = {
  Physical: [{ LPI: 0.447730902881, Flights: 0.387238487511, Ship: 0.00418465685744, Bord: 0.409908757001, Elec: 0.344810656608, Gas: 0.103238612926, ConSpeed: 0.346438306793, Cov4G: 0.481631177825 }, 0.362657460701],
  Environ: [{ Renew: 0.489571372155, PrimEner: 0.277724990105, CO2: 0.584942051669, MatCon: 0.534581900856, Forest: -0.235061032296 }, 0.480066432382],
  Conn: [{ Physical: 0.51179702534, ConEcFin: 0.304992608726, Political: 0.354767147353, Instit: 0.508153980575, P2P: 0.510845491964 }, 0.588690584694],
  Sust: [{ Environ: 0.651318823161, Social: -0.744367730808, SusEcFin: 0.147310800448 }, 0.372125498308],
} as const;

describe.skipIf(!asem.available)(asem.title('data-driven weights on the COINr ASEM example'), () => {
  // Read when the suite runs, not when it is collected: a skipped suite is still collected.
  let dataset: IndexDataset;
  beforeAll(() => {
    const parsed = parseCoinr({ iData: read('ASEM_iData.csv'), iMeta: read('ASEM_iMeta.csv'), source: 'COINr ASEM example' });
    dataset = (parsed.ok ? parsed.dataset : undefined) as IndexDataset;
  });
  const run = (weighting: AggregateOptions['weighting']) => {
    const result = runPipeline(dataset, { ...COINR_ASEM_EXAMPLE, aggregate: { method: 'arithmetic', weighting } });
    return { result, record: result.records.at(-1) as StepRecord<AggregateDetails> };
  };
  const expectLoadings = (record: StepRecord<AggregateDetails>, group: keyof typeof NUMPY) => {
    const [loadings, explained] = NUMPY[group];
    const pca = record.details.weighting?.pca.find((g) => g.aggregate === group);
    for (const [code, w] of Object.entries(loadings)) expect(pca?.weights[code], `${group} ${code}`).toBeCloseTo(w, 10);
    expect(pca?.varianceExplained).toBeCloseTo(explained, 10);
    expect(record.details.weights[group]).toEqual(pca?.weights);
  };

  it('PCA on levels 2 and 3: level-2 loadings agree with numpy, every aggregate lists its weights, negative ones are named', () => {
    const { result, record } = run({ method: 'pca', levels: [2, 3] });
    expectLoadings(record, 'Physical');
    expectLoadings(record, 'Environ');
    expect(record.details.weighting).toMatchObject({ method: 'pca', levels: [2, 3], time: 2018, rows: 51 });
    expect(record.details.weighting?.pca).toHaveLength(10);
    expect(record.details.weighting?.negative).toEqual(expect.arrayContaining(['Forest', 'Social']));
    expect(record.details.weights.Index).toEqual({ Conn: 1, Sust: 1 });
    expect(result.config.aggregate?.weighting).toEqual({ method: 'pca', levels: [2, 3] });
    expect(result.scores.Index?.every((s) => s !== null)).toBe(true);
  });

  it('PCA on every level stops at the index: PCA-weighted Sust is anti-correlated with Conn, so PC1 is (1, −1)/√2', () => {
    expect(() => run({ method: 'pca' })).toThrow('aggregate.weighting: the "pca" weights of Index sum to zero (Conn 0.707, Sust -0.707)');
  });

  it('PCA on level 3 only works on the aggregates built with iMeta weights (COINr dset = "Aggregated", Level = 2)', () => {
    const { record } = run({ method: 'pca', levels: [3] });
    expectLoadings(record, 'Conn');
    expectLoadings(record, 'Sust');
    expect(record.details.weights.Physical).toEqual({ LPI: 1, Flights: 1, Ship: 1, Bord: 1, Elec: 1, Gas: 1, ConSpeed: 1, Cov4G: 1 });
  });

  it('balance optimisation of the index’s children makes their correlations with the index equal', () => {
    const { result, record } = run({ method: 'optimised', levels: [4], toler: 1e-10, maxiter: 5000 });
    const opt = record.details.weighting?.optimisation[0];
    expect(opt).toMatchObject({ level: 4, optype: 'balance', targets: { Conn: 0.5, Sust: 0.5 }, converged: true });
    expect(Math.abs((opt?.correlations.Conn as number) - (opt?.correlations.Sust as number))).toBeLessThan(1e-8);
    // Recomputed independently from the scores of the run.
    const index = result.scores.Index ?? [];
    expect(pearson(result.scores.Conn ?? [], index)).toBeCloseTo(pearson(result.scores.Sust ?? [], index), 8);
    expect(record.details.weights.Index).toEqual(opt?.weights);
    expect((opt?.weights.Conn as number) + (opt?.weights.Sust as number)).toBeCloseTo(1, 12);
  });

  it('optimisation with COINr’s defaults runs on every level and records weights, correlations and convergence', () => {
    const { record } = run({ method: 'optimised' });
    const opts = record.details.weighting?.optimisation ?? [];
    expect(opts.map((o) => [o.level, Object.keys(o.weights).length, typeof o.converged])).toEqual([[2, 49, 'boolean'], [3, 8, 'boolean'], [4, 2, 'boolean']]);
    expect(record.options.weighting).toEqual({ method: 'optimised', levels: [2, 3, 4], optype: 'balance', toler: 0.1, maxiter: 500 });
    for (const o of opts) expect(Object.values(o.correlations).every(Number.isFinite)).toBe(true);
  });

  it('infomax raises the sum of the pillars’ correlations with the index above that of equal weights', () => {
    const { record } = run({ method: 'optimised', optype: 'infomax', levels: [3], toler: 1e-6, maxiter: 2000 });
    const opt = record.details.weighting?.optimisation[0];
    const { result: equal } = run({ method: 'equal' });
    const index = equal.scores.Index ?? [];
    const sumEqual = ['Physical', 'ConEcFin', 'Political', 'Instit', 'P2P', 'Environ', 'Social', 'SusEcFin'].reduce((s, c) => s + pearson(equal.scores[c] ?? [], index), 0);
    expect(Object.values(opt?.correlations ?? {}).reduce((a, b) => a + b, 0)).toBeGreaterThan(sumEqual);
    expect(opt?.targets).toBeNull();
  });

  it('equal and manual weighting reproduce the iMeta run (all ASEM weights are 1)', () => {
    const baseline = runPipeline(dataset, COINR_ASEM_EXAMPLE).scores;
    expect(run({ method: 'equal' }).result.scores).toEqual(baseline);
    expect(run({ method: 'manual' }).result.scores).toEqual(baseline);
  });
});
