import { describe, expect, it } from 'vitest';
import { parseCoinr } from './engine/coinr-format.js';
import { runPipeline } from './engine/pipeline.js';
import type { IndexDataset } from './engine/types.js';
import { runUncertainty } from './engine/uncertainty/index.js';
import { diffEditions, diffJson } from './index.changes.js';
import { buildSnapshot, DEFAULT_UNCERTAINTY, uncertaintySpec, type EditionConfig, type WithoutData } from './index.models.js';
import { fixtureTable } from './index.usecases.test-support.js';

function smallDataset(): IndexDataset {
  const parsed = parseCoinr({ iData: fixtureTable('small-iData.csv'), iMeta: fixtureTable('small-iMeta.csv'), source: 'small' });
  if (!parsed.ok) throw new Error('fixture does not parse');
  return parsed.dataset;
}

const withoutData: WithoutData = {
  categories: [{ code: 'Change', name: 'Management of change' }],
  indicators: [{ code: 'x1', name: 'Not measured', category: 'Management of change', subDimension: 'Peace', rationale: 'no open source' }],
};
const config: EditionConfig = { pipeline: { steps: [{ step: 'denominate' }, { step: 'normalise', method: 'minmax', lower: 0, upper: 100 }] }, uncertainty: { ...DEFAULT_UNCERTAINTY, runs: 256 } };

function snapshotOf(dataset: IndexDataset, cfg: EditionConfig = config) {
  const result = runPipeline(dataset, cfg.pipeline);
  const { monteCarlo } = runUncertainty(dataset, cfg.pipeline, uncertaintySpec(dataset, cfg.uncertainty), { indicators: false });
  return { result, snapshot: buildSnapshot({ dataset, result, uncertainty: monteCarlo, withoutData }) };
}

describe('buildSnapshot', () => {
  const dataset = smallDataset();
  const { result, snapshot } = snapshotOf(dataset);

  it('lists units by code with their names, the time points and the tree from the index down', () => {
    expect(snapshot.format).toBe(1);
    expect(snapshot.top).toBe('Index');
    expect(snapshot.times).toEqual([2020, 2021]);
    expect(snapshot.units).toEqual([
      { code: 'AAA', name: 'Alpha' }, { code: 'BBB', name: 'Beta' }, { code: 'CCC', name: 'Gamma, Republic of' }, { code: 'DDD', name: 'Delta' },
    ]);
    expect(snapshot.nodes.map((n) => n.code)).toEqual(['Index', 'Info', 'Serv', 'shut', 'press', 'inc', 'gci']);
    expect(snapshot.nodes.find((n) => n.code === 'gci')).toMatchObject({ kind: 'indicator', parent: 'Serv', weight: 2, direction: 1, unit: 'score 0-100' });
  });

  it('publishes the weights actually used when aggregate.weighting sets them, the iMeta weights otherwise', () => {
    const equal: EditionConfig = { ...config, pipeline: { ...config.pipeline, aggregate: { weighting: { method: 'equal', levels: [2] } } } };
    const run = snapshotOf(dataset, equal);
    const weights = (run.result.records.find((r) => r.step === 'aggregate')?.details as { weights: Record<string, Record<string, number>> }).weights;
    const gci = run.snapshot.nodes.find((n) => n.code === 'gci');
    expect(gci?.weight).toBe(weights.Serv?.gci);
    expect(gci?.weight).not.toBe(2);
    // Level 3 was not data-driven: its weights are iMeta's.
    expect(run.snapshot.nodes.find((n) => n.code === 'Info')?.weight).toBe(snapshot.nodes.find((n) => n.code === 'Info')?.weight);
    expect(run.snapshot.config.aggregate).toMatchObject({ weighting: { method: 'equal', levels: [2] } });
  });

  it('gives every node a score and rank per unit and time, equal to the pipeline’s', () => {
    expect(snapshot.rows).toHaveLength(8);
    for (const row of snapshot.rows) {
      const i = result.units.findIndex((u) => u.uCode === row.unit && u.time === row.time);
      expect(Object.keys(row.scores).sort()).toEqual(['Index', 'Info', 'Serv', 'gci', 'inc', 'press', 'shut']);
      expect(row.scores.Index).toBe(result.scores.Index?.[i]);
      expect(row.ranks.Info).toBe(result.ranks.Info?.[i]);
    }
    const ddd2021 = snapshot.rows.find((r) => r.unit === 'DDD' && r.time === 2021);
    expect(ddd2021?.raw).toMatchObject({ press: null, shut: 2, gci: 45 });
    expect(ddd2021?.scores.press).toBeNull();
    expect(ddd2021?.ranks.press).toBeNull();
    // min-max 0–100 within each year: the best gci of 2020 (AAA, 90.5) scores 100 and ranks first
    const aaa2020 = snapshot.rows.find((r) => r.unit === 'AAA' && r.time === 2020);
    expect(aaa2020?.scores.gci).toBe(100);
    expect(aaa2020?.ranks.gci).toBe(1);
  });

  it('gives every aggregate a 5/50/95 band of its score and rank, ordered', () => {
    for (const row of snapshot.rows) {
      for (const code of ['Index', 'Info', 'Serv']) {
        const band = row.bands[code];
        if (row.scores[code] === null) continue;
        expect(band?.score.p5).not.toBeNull();
        expect(band!.score.p5!).toBeLessThanOrEqual(band!.score.p50!);
        expect(band!.score.p50!).toBeLessThanOrEqual(band!.score.p95!);
        expect(band!.rank.p5!).toBeLessThanOrEqual(band!.rank.p95!);
      }
      expect(row.bands.shut).toBeUndefined();
    }
    expect(snapshot.uncertainty.percentiles).toEqual([5, 50, 95]);
    expect(snapshot.uncertainty.factors.map((f) => f.kind)).toEqual(['weights', 'weights']);
    expect(Object.keys(snapshot.uncertainty.sensitivity).sort()).toEqual(['Index', 'Info', 'Serv']);
    expect(snapshot.uncertainty.sensitivity.Index).toHaveLength(2);
  });

  it('states coverage per indicator and year and lists what has no data', () => {
    expect(snapshot.coverage.indicators.find((i) => i.code === 'press')?.unitsWithData).toEqual({ 2020: 4, 2021: 3 });
    expect(snapshot.coverage.indicators.find((i) => i.code === 'inc')?.unitsWithData).toEqual({ 2020: 3, 2021: 4 });
    expect(snapshot.coverage.withoutData).toEqual(withoutData);
  });

  it('is deterministic: the same inputs and seed give the same snapshot', () => {
    expect(snapshotOf(dataset).snapshot).toEqual(snapshot);
  });
});

describe('diffJson', () => {
  it.each([
    { before: { a: 1 }, after: { a: 1 }, expected: [] },
    { before: { a: 1 }, after: { a: 2 }, expected: [{ path: 'a', before: 1, after: 2 }] },
    { before: { a: { b: 1 } }, after: { a: {} }, expected: [{ path: 'a.b', before: 1, after: null }] },
    { before: { s: [1, 2] }, after: { s: [2, 1] }, expected: [{ path: 's', before: [1, 2], after: [2, 1] }] },
    { before: {}, after: { n: { w: 1 } }, expected: [{ path: 'n', before: null, after: { w: 1 } }] },
  ])('when $before becomes $after, it lists $expected', ({ before, after, expected }) => {
    expect(diffJson(before, after)).toEqual(expected);
  });
});

describe('diffEditions', () => {
  const dataset = smallDataset();
  const first = snapshotOf(dataset).snapshot;

  it('lists nothing for the first edition', () => {
    expect(diffEditions({ previous: null, config, snapshot: first })).toEqual({ previous: null, config: [], units: [] });
  });

  it('when the aggregation changes, it lists the configuration change and each unit whose index score or rank moved', () => {
    const second: EditionConfig = { ...config, pipeline: { ...config.pipeline, aggregate: { method: 'harmonic' } } };
    const after = snapshotOf(dataset, { ...second, pipeline: { ...second.pipeline, steps: [{ step: 'denominate' }, { step: 'normalise', method: 'minmax', lower: 1, upper: 100 }] } }).snapshot;
    const changes = diffEditions({ previous: { id: 'ied_1', slug: 'first', publishedAt: new Date('2026-01-01T00:00:00Z'), config, snapshot: first }, config: second, snapshot: after });
    expect(changes.previous).toEqual({ id: 'ied_1', slug: 'first', publishedAt: '2026-01-01T00:00:00.000Z' });
    expect(changes.config.map((c) => c.path)).toEqual(expect.arrayContaining(['pipeline.aggregate.method', 'pipeline.steps']));
    expect(changes.units.length).toBeGreaterThan(0);
    for (const u of changes.units) {
      const before = first.rows.find((r) => r.unit === u.unit && r.time === u.time);
      expect(u.score.before).toBe(before?.scores.Index ?? null);
      if (u.score.before !== null && u.score.after !== null) expect(u.score.delta).toBeCloseTo(u.score.after - u.score.before, 12);
    }
  });
});
