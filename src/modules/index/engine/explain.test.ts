import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { needsShared, sharedPaths } from '../../../../test/helpers/shared-data.js';
import { parseCoinr } from './coinr-format.js';
import { explainScore, type AggregateExplanation, type IndicatorExplanation, type ScoreExplanation } from './explain.js';
import { buildDataset } from './fixtures.test-helpers.js';
import { COINR_ASEM_EXAMPLE, DEFAULT_PIPELINE, runPipeline, type PipelineConfig, type PipelineResult } from './pipeline.js';
import type { TreatIndicatorDetail } from './treat.js';
import type { IndexDataset } from './types.js';
import { syntheticCoinr } from './uncertainty/synthetic.js';

/** Float rounding only: Σ wᵢxᵢ/Σw and (Σ wᵢxᵢ)/Σw differ by a few ulps. */
const EPS = 1e-12;
const close = (a: number, b: number) => Math.abs(a - b) <= EPS * Math.max(1, Math.abs(b));

/** Checks every aggregate of the tree: contributions give back the score, used weights sum to 1, values are the children's. */
function checkTree(e: ScoreExplanation, result: PipelineResult, row: number): number {
  if (e.kind === 'indicator') {
    expect(e.steps.at(-1)?.after ?? null, e.code).toBe(e.normalised);
    return 0;
  }
  let checked = 1;
  expect(e.score, e.code).toBe(result.scores[e.code]?.[row] ?? null);
  const present = e.children.filter((c) => c.value !== null);
  if (e.score === null) {
    expect(e.contributionTotal).toBeNull();
    expect(e.children.every((c) => c.contribution === null && c.weightUsed === null)).toBe(true);
  } else {
    const total = e.contributionTotal as number;
    const back = e.method === 'arithmetic' ? total : e.method === 'geometric' ? Math.exp(total) : 1 / total;
    expect(close(back, e.score), `${e.code}: ${back} vs ${e.score}`).toBe(true);
    expect(close(present.reduce((s, c) => s + (c.weightUsed as number), 0), 1), e.code).toBe(true);
    expect(close(present.reduce((s, c) => s + (c.contribution as number), 0), total)).toBe(true);
  }
  for (const c of e.children) {
    const inner = c.explanation;
    expect(c.value, c.code).toBe(inner.kind === 'aggregate' ? inner.score : inner.normalised);
    checked += checkTree(inner, result, row);
  }
  return checked;
}

const find = (e: ScoreExplanation, code: string): ScoreExplanation | undefined =>
  e.code === code ? e : e.kind === 'aggregate' ? e.children.map((c) => find(c.explanation, code)).find(Boolean) : undefined;
const indicator = (e: ScoreExplanation, code: string) => find(e, code) as IndicatorExplanation;
const agg = (e: ScoreExplanation, code: string) => find(e, code) as AggregateExplanation;

// Fixture: a = [1,2,3,4], b = [10,40,NA,5] / Pop [10,20,10,5] (Direction −1), c = [5,NA,7,9]; P1 = (a, b), P2 = c.
const fixture = buildDataset();
const CONFIGS: [string, PipelineConfig][] = [
  ['COINr defaults (denominate, treat, min-max 0–100, arithmetic)', DEFAULT_PIPELINE],
  ['mean imputation, weight overrides', { steps: [{ step: 'denominate' }, { step: 'impute', method: 'mean' }, { step: 'normalise' }], aggregate: { weights: { a: 3, b: 1 } } }],
  ['geometric on min-max 1–100', { steps: [{ step: 'denominate' }, { step: 'normalise', method: 'minmax', lower: 1, upper: 100 }], aggregate: { method: 'geometric' } }],
  ['harmonic on min-max 1–100', { steps: [{ step: 'denominate' }, { step: 'normalise', method: 'minmax', lower: 1, upper: 100 }], aggregate: { method: 'harmonic' } }],
  ['geometric pillars, arithmetic index', { steps: [{ step: 'denominate' }, { step: 'normalise', method: 'minmax', lower: 1, upper: 100 }], aggregate: { method: { 2: 'geometric', 3: 'arithmetic' } } }],
  ['data threshold on pillars', { steps: [{ step: 'denominate' }, { step: 'normalise' }], aggregate: { datThresh: { 2: 0.6 } } }],
];

describe('explainScore: the decomposition gives back every score', () => {
  const cases = CONFIGS.flatMap(([name, config]) => ['U1', 'U2', 'U3', 'U4'].map((u) => [name, config, u] as const));
  it.each(cases)('%s, %s', (_name, config, uCode) => {
    const result = runPipeline(fixture, config);
    const row = result.units.findIndex((u) => u.uCode === uCode);
    const e = explainScore(result, fixture, { uCode });
    expect(e.code).toBe('Index');
    expect(checkTree(e, result, row)).toBe(3);
  });
});

describe('explainScore: what each level says', () => {
  const result = runPipeline(fixture, DEFAULT_PIPELINE);
  it.each<[string, string, Partial<AggregateExplanation>, Record<string, [number | null, number | null]>]>([
    // U1: a → 0, b/Pop = 1 (Direction −1; range 1–2) → 100, so P1 = 50; c = 5 → 0; Index = (50 + 0) / 2
    ['U1', 'Index', { score: 25, method: 'arithmetic', basis: 'score' }, { P1: [0.5, 25], P2: [0.5, 0] }],
    // U2: c missing → P2 missing, its weight dropped: Index = P1 = (100/3 + 0) / 2
    ['U2', 'Index', { score: expect.closeTo(100 / 6, 12) as never }, { P1: [1, 100 / 6], P2: [null, null] }],
    ['U3', 'P1', { score: expect.closeTo(200 / 3, 12) as never }, { a: [1, 200 / 3], b: [null, null] }],
  ])('%s %s', (uCode, node, expected, children) => {
    const e = explainScore(result, fixture, { uCode, node }) as AggregateExplanation;
    expect(e).toMatchObject(expected);
    for (const [code, [w, contribution]] of Object.entries(children)) {
      const c = e.children.find((x) => x.code === code);
      expect(c?.weightUsed ?? null, code).toBe(w);
      if (contribution === null) expect(c?.contribution).toBeNull();
      else expect(c?.contribution).toBeCloseTo(contribution, 12);
    }
  });

  it('gives log shares for a geometric mean and reciprocal shares for a harmonic one, and says so', () => {
    const geo = runPipeline(fixture, CONFIGS[2]![1]);
    const g = explainScore(geo, fixture, { uCode: 'U1', node: 'P1' }) as AggregateExplanation;
    expect(g.basis).toBe('log');
    expect(g.reading).toMatch(/ln\(score\)/);
    expect(g.children.map((c) => c.contribution)).toEqual(g.children.map((c) => 0.5 * Math.log(c.value as number)));
    const har = runPipeline(fixture, CONFIGS[3]![1]);
    const h = explainScore(har, fixture, { uCode: 'U1', node: 'P1' }) as AggregateExplanation;
    expect(h.basis).toBe('reciprocal');
    expect(h.reading).toMatch(/1\/score/);
    expect(h.children.map((c) => c.contribution)).toEqual(h.children.map((c) => 1 / (c.value as number) / 2));
  });

  it('flags a row below the data threshold', () => {
    const r = runPipeline(fixture, CONFIGS[5]![1]);
    const e = explainScore(r, fixture, { uCode: 'U3' });
    expect(agg(e, 'P1')).toMatchObject({ score: null, belowThreshold: true, datThresh: 0.6, contributionTotal: null });
    expect(agg(e, 'P2').belowThreshold).toBe(false);
  });
});

describe('explainScore: an indicator down to its raw value, treatment and source', () => {
  it.each<[string, PipelineConfig, string, string, Partial<IndicatorExplanation>]>([
    ['denominated', DEFAULT_PIPELINE, 'U1', 'b', { raw: 10, source: 'fixture', direction: -1, denominator: { code: 'Pop', value: 10, scaleFactor: 1, denominatedValue: 1 }, normalised: 100, origin: 'raw', imputation: null }],
    ['missing, not imputed', DEFAULT_PIPELINE, 'U2', 'c', { raw: null, normalised: null, imputation: null, origin: 'raw' }],
    ['imputed by the column mean', CONFIGS[1]![1], 'U2', 'c', { raw: null, imputation: { method: 'mean', from: 'mean', value: 7 }, origin: 'imputed', finalSource: 'imputed: mean', normalised: 50 }],
    // three values: kurtosis undefined (NA), but |skew| = 0 < 2, and COINr's `|skew| < 2 | kurt < 3.5` is TRUE: not treated
    ['three values, passes on skew alone', DEFAULT_PIPELINE, 'U4', 'c', { raw: 9, normalised: 100, treatment: { action: 'none', changed: false, before: 9, after: 9, skew: 0, kurt: null, nwin: 0, passesAfter: null } }],
  ])('%s: %s %s', (_name, config, uCode, node, expected) => {
    const e = explainScore(runPipeline(fixture, config), fixture, { uCode, node });
    expect(e.kind).toBe('indicator');
    expect(e).toMatchObject(expected);
  });

  // A larger synthetic set, where some indicators are winsorised and some log-transformed.
  const raw = syntheticCoinr({ units: 60, years: 2, categories: 2, subPerCategory: 2, indicatorsPerSub: 5, missing: 0.05, seed: 7 });
  const parsed = parseCoinr({ iData: raw.iData, iMeta: raw.iMeta, source: 'synthetic' });
  const dataset = (parsed.ok ? parsed.dataset : undefined) as IndexDataset;
  const result = runPipeline(dataset, { steps: [{ step: 'denominate' }, { step: 'impute', method: 'groupMean', group: 'Grp' }, { step: 'treat' }, { step: 'normalise' }] });
  const treated = (result.records.find((r) => r.step === 'treat')?.details ?? []) as TreatIndicatorDetail[];

  it('reports the treatment the step records, for winsorised and log-transformed indicator-years', () => {
    const win = treated.find((d) => d.action === 'winsorised' && d.winsorisedUnits.length > 0);
    // at most one winsorised point: some indicator-years still fail and are log-transformed (log_CT)
    const strict = runPipeline(dataset, { steps: [{ step: 'denominate' }, { step: 'treat', winmax: 1 }, { step: 'normalise' }] });
    const log = ((strict.records.find((r) => r.step === 'treat')?.details ?? []) as TreatIndicatorDetail[]).find((d) => d.action === 'log');
    expect(win).toBeDefined();
    expect(log).toBeDefined();
    if (win) {
      const uCode = win.winsorisedUnits[0] as string;
      const e = explainScore(result, dataset, { uCode, time: win.time, node: win.iCode }) as IndicatorExplanation;
      expect(e.treatment).toMatchObject({ action: 'winsorised', changed: true, nwin: win.nwin });
      expect(e.treatment?.after).not.toBe(e.treatment?.before);
      expect(e.origin).toBe('treated');
    }
    if (log) {
      const row = strict.units.findIndex((u, r) => u.time === log.time && dataset.data.columns[log.iCode]?.values[r] !== null);
      const u = strict.units[row]!;
      const e = explainScore(strict, dataset, { uCode: u.uCode, time: u.time, node: log.iCode }) as IndicatorExplanation;
      expect(e.treatment).toMatchObject({ action: 'log', changed: true, passesAfter: log.passesAfter });
      const xs = dataset.data.units.flatMap((v, r) => (v.time === log.time && dataset.data.columns[log.iCode]?.values[r] !== null ? [(dataset.data.columns[log.iCode]?.values[r] ?? 0) as number] : []));
      // log_CT on the (denominated) values of that year; I113 and I213 have no denominator in this set
      const lo = Math.min(...xs);
      const hi = Math.max(...xs);
      if (e.denominator === null) expect(e.treatment?.after).toBeCloseTo(Math.log((e.raw as number) - lo + 0.01 * (hi - lo)), 12);
    }
  });

  it('follows every cell of every unit-year: steps chain, and the tree sums back', () => {
    let aggregates = 0;
    result.units.forEach((u, row) => {
      const e = explainScore(result, dataset, { uCode: u.uCode, time: u.time });
      aggregates += checkTree(e, result, row);
      const leaf = indicator(e, 'I111');
      leaf.steps.slice(1).forEach((s, i) => expect(s.before).toBe(leaf.steps[i]?.after ?? null));
      expect(leaf.steps[0]?.before).toBe(leaf.raw);
    });
    expect(aggregates).toBe(result.units.length * 7);
  });

  it('names the problem for an unknown unit or node, a screened-out unit and an ambiguous time', () => {
    expect(() => explainScore(result, dataset, { uCode: 'NOPE', time: 2015 })).toThrow(/no row for NOPE/);
    expect(() => explainScore(result, dataset, { uCode: 'U001', time: 2015, node: 'X' })).toThrow(/not in the framework/);
    expect(() => explainScore(result, dataset, { uCode: 'U001' })).toThrow(/2 time points/);
    const screened = runPipeline(fixture, { steps: [{ step: 'screen', datThresh: 1 }, { step: 'normalise' }] });
    expect(() => explainScore(screened, fixture, { uCode: 'U2' })).toThrow(/screened out/);
  });
});

const asem = needsShared('explainScore on COINr’s ASEM example', sharedPaths.coinrAsem);
const ASEM = asem.path;
describe.skipIf(!asem.available)(asem.title('explainScore on COINr’s ASEM example (COINR_ASEM_EXAMPLE)'), () => {
  const read = (file: string) => {
    const text = readFileSync(join(ASEM, file), 'utf8');
    return { columns: (parse(text, { to_line: 1 }) as string[][])[0] ?? [], rows: parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[] };
  };
  // Read when the suite runs, not when it is collected: a skipped suite is still collected.
  let dataset: IndexDataset;
  let result: PipelineResult;
  beforeAll(() => {
    const parsed = parseCoinr({ iData: read('ASEM_iData.csv'), iMeta: read('ASEM_iMeta.csv'), source: 'COINr ASEM example' });
    dataset = (parsed.ok ? parsed.dataset : undefined) as IndexDataset;
    result = runPipeline(dataset, COINR_ASEM_EXAMPLE);
  });

  it.each([
    ['CHE', 68.38, { Conn: 62.79, Sust: 73.98 }],
    ['IND', 39.79, { Conn: 28.6, Sust: 50.99 }],
  ])('%s: Index %d = Σ contributions at every level, down to each indicator', (uCode, score, pillars) => {
    const row = result.units.findIndex((u) => u.uCode === uCode);
    const e = explainScore(result, dataset, { uCode }) as AggregateExplanation;
    expect(e.score?.toFixed(2)).toBe(score.toFixed(2));
    expect(e.contributionTotal?.toFixed(2)).toBe(score.toFixed(2));
    for (const [code, s] of Object.entries(pillars)) {
      const c = e.children.find((x) => x.code === code);
      expect(c?.weightUsed).toBe(0.5);
      expect(c?.contribution?.toFixed(4)).toBe(((c?.value as number) / 2).toFixed(4));
      expect(c?.value?.toFixed(2)).toBe(s.toFixed(2));
    }
    expect(checkTree(e, result, row)).toBeGreaterThan(10);
    // every indicator leaf: raw value as in iData, source, imputation named by group when it happened
    const rawRow = dataset.data.units.findIndex((u) => u.uCode === uCode);
    const leaves: IndicatorExplanation[] = [];
    const collect = (x: ScoreExplanation) => (x.kind === 'indicator' ? leaves.push(x) : x.children.forEach((c) => collect(c.explanation)));
    collect(e);
    expect(leaves.length).toBe(49);
    for (const leaf of leaves) {
      expect(leaf.raw, leaf.code).toBe(dataset.data.columns[leaf.code]?.values[rawRow] ?? null);
      expect(leaf.source).toBe('COINr ASEM example');
      if (leaf.raw === null) expect(leaf.imputation?.from, leaf.code).toMatch(/EurAsia_group/);
      else expect(leaf.imputation).toBeNull();
      expect(leaf.treatment).not.toBeNull();
      expect(leaf.normalisation).toMatchObject({ method: 'minmax', lower: 0, upper: 100 });
    }
  });
});
