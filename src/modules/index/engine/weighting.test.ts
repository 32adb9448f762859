import { describe, expect, it } from 'vitest';
import { aggregate, type AggregateDetails, type AggregateOptions } from './aggregate.js';
import { parseCoinr } from './coinr-format.js';
import { buildDataset, DATA_COLUMNS, META, table } from './fixtures.test-helpers.js';
import { runPipeline } from './pipeline.js';
import type { IndexDataset, StepRecord } from './types.js';
import { pcaWeights } from './weights-pca.js';

const aggRecord = (options: AggregateOptions, dataset: IndexDataset = buildDataset()) =>
  runPipeline(dataset, { steps: [{ step: 'normalise' }], aggregate: options }).records.at(-1) as StepRecord<AggregateDetails>;

describe('aggregate.weighting on the small fixture (a, b → P1; c → P2; P1, P2 → Index)', () => {
  it('manual weighting is what runs without it: iMeta weights and overrides', () => {
    const plain = runPipeline(buildDataset(), { steps: [], aggregate: { weights: { a: 3 } } });
    const manual = runPipeline(buildDataset(), { steps: [], aggregate: { weights: { a: 3 }, weighting: { method: 'manual' } } });
    expect(manual.scores).toEqual(plain.scores);
    expect(manual.records.at(-1)?.options.weighting).toEqual({ method: 'manual', levels: [2, 3] });
  });

  it('equal weighting of level 2 gives each child weight 1 there and keeps iMeta weights above', () => {
    expect(aggRecord({ weighting: { method: 'equal', levels: [2] } }).details.weights).toEqual({ P1: { a: 1, b: 1 }, P2: { c: 1 }, Index: { P1: 1, P2: 1 } });
  });

  it('PCA weighting records the loadings used per aggregate, the rows dropped for missing data, and a single child weighs 1', () => {
    const record = aggRecord({ weighting: { method: 'pca' } });
    const { weights, weighting } = record.details;
    expect(record.options.weighting).toEqual({ method: 'pca', levels: [2, 3] });
    expect(weighting?.pca.map((g) => [g.aggregate, g.rowsUsed, g.rowsDropped])).toEqual([['P1', 3, 1], ['P2', 3, 1], ['Index', 3, 1]]);
    for (const group of weighting?.pca ?? []) expect(weights[group.aggregate]).toEqual(group.weights);
    expect(weights.P2).toEqual({ c: 1 });
    // Two children: PC1 of a 2 × 2 correlation matrix is (1, ±1)/√2 whatever r is.
    expect(Object.values(weights.P1 ?? {}).map(Math.abs)).toEqual([Math.SQRT1_2, Math.SQRT1_2].map((x) => expect.closeTo(x, 12)));
  });

  it.each<[string, AggregateOptions, string]>([
    ['a level that does not exist', { weighting: { method: 'pca', levels: [5] } }, 'aggregate.weighting.levels: there is no level 5; the aggregate levels are 2, 3'],
    ['an override on a data-weighted level', { weights: { a: 2 }, weighting: { method: 'equal', levels: [2] } }, 'aggregate.weights: a belongs to level 2, whose weights come from "equal"'],
  ])('stops on %s with a message naming the field', (_n, options, message) => {
    expect(() => aggRecord(options)).toThrow(message);
  });

  it('keeps overrides on the levels not weighted from the data', () => {
    expect(aggRecord({ weights: { P1: 3 }, weighting: { method: 'equal', levels: [2] } }).details.weights.Index).toEqual({ P1: 3, P2: 1 });
  });

  it('with panel data, computes the weights from the latest time point and uses them for every time point', () => {
    const rows = [
      ['U1', 'One', '2020', 'x', '10', '9', '1', '5'], ['U2', 'Two', '2020', 'x', '20', '1', '50', '6'], ['U3', 'Three', '2020', 'y', '10', '5', '25', '7'],
      ['U1', 'One', '2021', 'x', '10', '1', '10', '5'], ['U2', 'Two', '2021', 'x', '20', '2', '20', '8'],
      ['U3', 'Three', '2021', 'y', '10', '3', '30', '7'], ['U4', 'Four', '2021', 'y', '5', '4', '45', '9'],
    ];
    const parsed = parseCoinr({ iData: table(DATA_COLUMNS, rows), iMeta: META, source: 'panel' });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const { data, framework } = parsed.dataset;
    const { record } = aggregate(data, framework, { weighting: { method: 'pca', levels: [2] } });
    expect({ time: record.details.weighting?.time, rows: record.details.weighting?.rows }).toEqual({ time: 2021, rows: 4 });
    const on = (rows: number[]) => pcaWeights(['a', 'b'].map((c) => rows.map((r) => data.columns[c]?.values[r] ?? null)), ['a', 'b'], 'P1').weights;
    // a and b agree in 2021 but not when 2020 is pooled in: the weights show which rows were used.
    expect(on([0, 1, 2, 3, 4, 5, 6])[1]).toBeLessThan(0);
    expect(Object.values(record.details.weights.P1 ?? {})).toEqual(on([3, 4, 5, 6]));
    expect(on([3, 4, 5, 6])[1]).toBeGreaterThan(0);
  });
});
