/**
 * A synthetic composite-index dataset in COINr format (iData and iMeta tables), seeded, for tests and the benchmark:
 * a tree index → categories → sub-dimensions → indicators, units × years, a group column, a denominator, some
 * skewed indicators (so that outlier treatment acts), some negative-direction ones and a share of missing cells.
 */
import { formatNumber, type RawTable } from '../coinr-cells.js';
import { Xoshiro128 } from './prng.js';

export interface SyntheticOptions {
  units: number;
  years: number;
  categories: number;
  subPerCategory: number;
  indicatorsPerSub: number;
  /** Share of missing indicator cells. */
  missing: number;
  seed: number;
}

export const SYNTHETIC_BENCH: SyntheticOptions = { units: 200, years: 10, categories: 5, subPerCategory: 3, indicatorsPerSub: 4, missing: 0.05, seed: 2026 };

const META_COLUMNS = ['Level', 'iCode', 'iName', 'Direction', 'Weight', 'Unit', 'Target', 'Denominator', 'Parent', 'Type'];

export function syntheticCoinr(o: SyntheticOptions): { iData: RawTable; iMeta: RawTable } {
  const rng = new Xoshiro128(o.seed);
  const u = () => rng.nextDouble();
  const normal = () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
  const meta: Record<string, string>[] = [];
  const row = (level: number, code: string, direction: number, weight: number, denominator: string, parent: string, type: string) =>
    meta.push(Object.fromEntries(META_COLUMNS.map((c, i) => [c, [String(level), code, `Name of ${code}`, String(direction), String(weight), 'NA', 'NA', denominator, parent, type][i] as string])));
  const indicators: { code: string; skewed: boolean; direction: number; loading: number; denominated: boolean }[] = [];
  for (let c = 1; c <= o.categories; c++) {
    for (let s = 1; s <= o.subPerCategory; s++) {
      for (let i = 1; i <= o.indicatorsPerSub; i++) {
        const code = `I${c}${s}${i}`;
        const k = indicators.length;
        const ind = { code, skewed: k % 5 === 2, direction: k % 7 === 3 ? -1 : 1, loading: 0.3 + 0.7 * u(), denominated: k % 11 === 5 };
        indicators.push(ind);
        row(1, code, ind.direction, 1 + Math.floor(u() * 3), ind.denominated ? 'Pop' : 'NA', `S${c}${s}`, 'Indicator');
      }
    }
  }
  for (let c = 1; c <= o.categories; c++) for (let s = 1; s <= o.subPerCategory; s++) row(2, `S${c}${s}`, 1, 1, 'NA', `C${c}`, 'Aggregate');
  for (let c = 1; c <= o.categories; c++) row(3, `C${c}`, 1, 1, 'NA', 'Index', 'Aggregate');
  row(4, 'Index', 1, 1, 'NA', 'NA', 'Aggregate');
  meta.push(Object.fromEntries(META_COLUMNS.map((c) => [c, c === 'iCode' ? 'Grp' : c === 'iName' ? 'Group' : c === 'Type' ? 'Group' : 'NA'])));
  meta.push(Object.fromEntries(META_COLUMNS.map((c) => [c, c === 'iCode' ? 'Pop' : c === 'iName' ? 'Population' : c === 'Type' ? 'Denominator' : 'NA'])));

  const columns = ['uCode', 'uName', 'Time', 'Grp', 'Pop', ...indicators.map((i) => i.code)];
  const rows: Record<string, string>[] = [];
  const units = Array.from({ length: o.units }, (_, k) => ({
    code: `U${String(k + 1).padStart(3, '0')}`, quality: normal(), group: `G${(k % 4) + 1}`, pop: Math.exp(14 + 2 * normal()),
  }));
  for (let y = 0; y < o.years; y++) {
    for (const unit of units) {
      const record: Record<string, string> = { uCode: unit.code, uName: `Unit ${unit.code}`, Time: String(2015 + y), Grp: unit.group, Pop: formatNumber(Math.round(unit.pop * (1 + 0.01 * y))) };
      for (const ind of indicators) {
        if (u() < o.missing) {
          record[ind.code] = 'NA';
          continue;
        }
        const latent = ind.direction * ind.loading * unit.quality + 0.6 * normal() + 0.05 * y;
        let v = ind.skewed ? Math.exp(1.5 * latent) : 50 + 10 * latent;
        if (ind.denominated) v *= unit.pop / 1e6;
        record[ind.code] = formatNumber(Number(v.toPrecision(8)));
      }
      rows.push(record);
    }
  }
  return { iData: { columns, rows }, iMeta: { columns: META_COLUMNS, rows: meta } };
}
