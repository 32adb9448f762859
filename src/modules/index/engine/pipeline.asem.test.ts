/**
 * The whole pipeline on COINr's real ASEM example, compared with COINr's published results: the "Presenting
 * Results" vignette (bluefoxr/COINr articles/results.md) prints, for `build_example_coin()`,
 * `head(get_results(coin, dset = "Aggregated", tab_type = "Aggs"))` and `get_unit_summary(coin, usel = "IND", …)`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { needsShared, sharedPaths } from '../../../../test/helpers/shared-data.js';
import { parseCoinr, writeIData, writeIMeta } from './coinr-format.js';
import { COINR_ASEM_EXAMPLE, runPipeline, type PipelineResult } from './pipeline.js';
import type { IndexDataset } from './types.js';

const asem = needsShared('the COINr ASEM example', sharedPaths.coinrAsem);
const DIR = asem.path;
const read = (file: string) => {
  const text = readFileSync(join(DIR, file), 'utf8');
  const rows = parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const columns = (parse(text, { to_line: 1 }) as string[][])[0] ?? [];
  return { columns, rows };
};

/** Published values (2 decimals): uCode → [Rank, Index, Conn, Sust, Physical, ConEcFin, Political, Instit, P2P, Environ, Social, SusEcFin]. */
const PUBLISHED: Record<string, number[]> = {
  CHE: [1, 68.38, 62.79, 73.98, 63.41, 32.87, 74.78, 85.94, 56.93, 77.21, 87.85, 56.88],
  NLD: [2, 64.82, 61.94, 67.7, 64.87, 46.62, 84.55, 71.74, 41.92, 58.73, 86.58, 57.78],
  DNK: [3, 64.8, 57.1, 72.51, 50.52, 30.43, 78.13, 75.35, 51.04, 69.83, 86.4, 61.29],
  NOR: [4, 64.47, 57.44, 71.5, 58.18, 25.7, 80.03, 89.46, 33.8, 70.9, 87.0, 56.59],
  BEL: [5, 63.54, 63.99, 63.09, 71.97, 48.22, 80.84, 75.6, 43.32, 53.01, 86.17, 50.09],
  SWE: [6, 63.0, 53.87, 72.12, 51.51, 23.87, 80.98, 74.51, 38.5, 66.37, 87.74, 62.27],
};
const CODES = ['Index', 'Conn', 'Sust', 'Physical', 'ConEcFin', 'Political', 'Instit', 'P2P', 'Environ', 'Social', 'SusEcFin'];
/** get_unit_summary(coin, usel = "IND", Levels = c(4,3,2)): code → [score, rank]. */
const INDIA: Record<string, [number, number]> = {
  Index: [39.79, 45], Conn: [28.6, 44], Sust: [50.99, 43], Physical: [18.78, 48], ConEcFin: [6.38, 49], Political: [51.9, 33],
  Instit: [59.84, 37], P2P: [6.07, 47], Environ: [75.34, 6], Social: [22.74, 51], SusEcFin: [54.88, 36],
};

describe.skipIf(!asem.available)(asem.title('the COINr ASEM example'), () => {
  // Read when the suite runs, not when it is collected: a skipped suite is still collected.
  let iData: ReturnType<typeof read>;
  let iMeta: ReturnType<typeof read>;
  let parsed: ReturnType<typeof parseCoinr>;
  let dataset: IndexDataset;
  let result: PipelineResult;
  beforeAll(() => {
    iData = read('ASEM_iData.csv');
    iMeta = read('ASEM_iMeta.csv');
    parsed = parseCoinr({ iData, iMeta, source: 'COINr ASEM example' });
    dataset = (parsed.ok ? parsed.dataset : undefined) as IndexDataset;
    result = runPipeline(dataset, COINR_ASEM_EXAMPLE);
  });

  it('imports without issues and writes both tables back unchanged', () => {
    expect(parsed.ok ? [] : parsed.issues).toEqual([]);
    expect(writeIData(dataset)).toEqual(iData);
    expect(writeIMeta(dataset.framework)).toEqual(iMeta);
  });

  const row = (uCode: string) => result.units.findIndex((u) => u.uCode === uCode);

  it('keeps and ranks all 51 units, scores within 0–100, ranks a permutation with min-rank ties', () => {
    expect(result.units).toHaveLength(51);
    for (const code of CODES) {
      const scores = result.scores[code] ?? [];
      expect(scores.every((s) => s !== null && s >= 0 && s <= 100)).toBe(true);
      const ranks = (result.ranks[code] ?? []) as number[];
      const sorted = [...ranks].sort((a, b) => a - b);
      sorted.forEach((r, i) => expect(r === i + 1 || r === sorted[i - 1]).toBe(true));
    }
  });

  it('uses the iMeta weights, renormalised inside each parent', () => {
    const record = result.records.find((r) => r.step === 'aggregate');
    expect((record?.details as { weights: Record<string, Record<string, number>> }).weights.Index).toEqual({ Conn: 1, Sust: 1 });
  });

  it('matches COINr’s published top six (scores to 2 decimals, exact ranks)', () => {
    for (const [uCode, [rank, ...values]] of Object.entries(PUBLISHED)) {
      const r = row(uCode);
      expect(result.ranks.Index?.[r], uCode).toBe(rank);
      CODES.forEach((code, k) => expect(result.scores[code]?.[r]?.toFixed(2), `${uCode} ${code}`).toBe(values[k]?.toFixed(2)));
    }
  });

  it('matches COINr’s published unit summary for India', () => {
    const r = row('IND');
    for (const [code, [score, rank]] of Object.entries(INDIA)) {
      expect(result.scores[code]?.[r]?.toFixed(2), code).toBe(score.toFixed(2));
      expect(result.ranks[code]?.[r], code).toBe(rank);
    }
  });
});
