import { describe, expect, it } from 'vitest';
import { aggregate, weightedMean, type AggregationMethod } from './aggregate.js';
import { buildDataset } from './fixtures.test-helpers.js';
import { runPipeline } from './pipeline.js';

describe('weightedMean (COINr a_amean / a_gmean / a_hmean)', () => {
  it.each<[AggregationMethod, (number | null)[], number[], number | null]>([
    ['arithmetic', [50, null, 100], [1, 1, 2], 250 / 3],
    ['arithmetic', [null, null], [1, 1], null],
    ['geometric', [1, 100], [1, 1], 10],
    ['geometric', [4, null, 16], [1, 5, 1], 8],
    ['harmonic', [1, 4], [1, 1], 1.6],
  ])('%s of %j with weights %j is %d (missing values and their weights dropped)', (method, x, w, expected) => {
    const r = weightedMean(x, w, method);
    if (expected === null) expect(r).toBeNull();
    else expect(r).toBeCloseTo(expected, 12);
  });
  it.each<[AggregationMethod, number[]]>([['geometric', [0, 1]], ['harmonic', [0, 1]]])('%s stops on %j, as COINr does', (method, x) => {
    expect(() => weightedMean(x, [1, 1], method)).toThrow();
  });
});

describe('aggregate up the tree', () => {
  // raw a = [1,2,3,4], b = [10,40,NA,5], c = [5,NA,7,9]; P1 = mean(a, b), P2 = c, Index = mean(P1, P2)
  it('re-normalises weights over the available children at every level', () => {
    const { data, framework } = buildDataset();
    const { data: out } = aggregate(data, framework);
    expect(out.columns.P1?.values).toEqual([5.5, 21, 3, 4.5]);
    expect(out.columns.P2?.values).toEqual([5, null, 7, 9]);
    expect(out.columns.Index?.values).toEqual([5.25, 21, 5, 6.75]);
  });
  it('gives NA below the data-availability threshold of a level', () => {
    const { data, framework } = buildDataset();
    const { data: out, record } = aggregate(data, framework, { datThresh: { 2: 0.6 } });
    expect(out.columns.P1?.values).toEqual([5.5, 21, null, 4.5]);
    expect(record.details.belowThreshold).toEqual({ P1: [{ uCode: 'U3', time: 2020 }], P2: [{ uCode: 'U2', time: 2020 }] });
  });
  it('uses weight overrides', () => {
    const { data, framework } = buildDataset();
    expect(aggregate(data, framework, { weights: { a: 3, b: 1 } }).data.columns.P1?.values[0]).toBe(3.25);
  });
});

describe('runPipeline', () => {
  it('ranks with ties sharing the lowest rank and records the configuration as run', () => {
    const result = runPipeline(buildDataset({ U2: { Pop: '10', a: '1', b: '10', c: '5' } }));
    expect(result.ranks.Index?.[0]).toBe(result.ranks.Index?.[1]);
    const sorted = [...(result.ranks.Index as number[])].sort((x, y) => x - y);
    expect([[1, 1, 3, 4], [1, 2, 2, 4], [1, 2, 3, 3]]).toContainEqual(sorted);
    expect(result.records.map((r) => r.step)).toEqual(['denominate', 'treat', 'normalise', 'aggregate']);
    expect(result.config.steps[2]).toEqual({ step: 'normalise', method: 'minmax' });
    expect(result.stages.at(-1)?.data.columns.a?.origin).toEqual(['raw', 'raw', 'raw', 'raw']);
  });
});
