/**
 * Outlier treatment, per indicator within each time point, following COINr `Treat()` defaults
 * (R/treat.R, `Treat.data.frame` specs_def):
 *  - pass test `check_SkewKurt`: passes when |skew| < 2 OR kurt < 3.5 (so it is treated when |skew| ≥ 2 AND
 *    kurt ≥ 3.5); skew/kurt are e1071 type 2 (Excel) sample statistics, see stats.ts;
 *  - f1 `winsorise(winmax = 5)`: while failing and fewer than `winmax` points winsorised, if skew ≥ 0 every value
 *    equal to the maximum is set to the largest remaining value, else every value equal to the minimum to the
 *    smallest remaining value. The count is COINr's `length(imax) + length(imin)` of the last high/low sets, which
 *    counts tied points; it is reproduced exactly since it decides when to stop;
 *  - if still failing, f2 `log_CT` is applied to the ORIGINAL values (`combine_treat = FALSE`):
 *    `log(x − min + 0.01·(max − min))`, whatever the result of the final check.
 * When the test cannot be computed (fewer than 4 values, zero variance: NA in R) the indicator is left as is,
 * as COINr does ("f_pass has returned NA. Returning untreated vector").
 */
import { indicatorNodes, rowsByTime } from './data-table.js';
import { kurtosis, skewness } from './stats.js';
import type { DataTable, Framework, NumericColumn, StepResult } from './types.js';

export interface TreatOptions {
  winmax?: number;
  skewThresh?: number;
  kurtThresh?: number;
  /** Second-stage transformation when winsorisation is not enough; COINr default `log_CT`. */
  fallback?: 'logCT' | 'none';
  /** Indicators to leave untreated (COINr `indiv_specs = list(code = "none")`). */
  skip?: string[];
}

export interface TreatIndicatorDetail {
  iCode: string;
  time: number | null;
  skew: number | null;
  kurt: number | null;
  action: 'none' | 'winsorised' | 'log' | 'untestable';
  nwin: number;
  winsorisedUnits: string[];
  passesAfter: boolean | null;
}

type Resolved = Required<Omit<TreatOptions, 'skip'>> & { skip: string[] };

/** COINr `check_SkewKurt` with R's three-valued logic: null when it cannot tell. */
export function passesSkewKurt(x: readonly number[], o: { skewThresh: number; kurtThresh: number }): boolean | null {
  return skewKurtTest(skewness(x), kurtosis(x), o);
}

/** `passesSkewKurt` from skewness and kurtosis already computed. */
function skewKurtTest(sk: number, kt: number, o: { skewThresh: number; kurtThresh: number }): boolean | null {
  const a = Number.isNaN(sk) ? null : Math.abs(sk) < o.skewThresh;
  const b = Number.isNaN(kt) ? null : kt < o.kurtThresh;
  if (a === true || b === true) return true;
  return a === null || b === null ? null : false;
}

/** `Math.max(...x)` / `Math.min(...x)` without spreading (same result, -0 and NaN included: both fold pairwise). */
function fold(x: readonly number[], f: (a: number, b: number) => number, start: number, skip?: number): number {
  let m = start;
  for (const y of x) if (y !== skip) m = f(m, y);
  return m;
}

/** COINr `winsorise()` on the non-missing values (same order); returns the values and COINr's `nwin`. */
export function winsorise(x: readonly number[], o: Resolved): { x: number[]; nwin: number } {
  const v = [...x];
  let imax: number[] = [];
  let imin: number[] = [];
  let nwin = 0;
  let sk = skewness(v);
  let passing = skewKurtTest(sk, kurtosis(v), o);
  while (passing === false && nwin < o.winmax) {
    // the skewness of the values as they are now: the one the test just computed
    const high = sk >= 0;
    const extreme = high ? fold(v, Math.max, -Infinity) : fold(v, Math.min, Infinity);
    const at: number[] = [];
    for (let i = 0; i < v.length; i++) if (v[i] === extreme) at.push(i);
    if (at.length === v.length) break;
    // the largest (smallest) value other than the extreme, as Math.max(...v.filter((y) => y !== extreme))
    const replacement = high ? fold(v, Math.max, -Infinity, extreme) : fold(v, Math.min, Infinity, extreme);
    for (const i of at) v[i] = replacement;
    if (high) imax = at;
    else imin = at;
    nwin = imax.length + imin.length;
    sk = skewness(v);
    passing = skewKurtTest(sk, kurtosis(v), o);
  }
  return { x: v, nwin };
}

/** COINr `log_CT`: `log(x − min + 0.01·(max − min))`. */
export function logCT(x: readonly number[]): number[] {
  const lo = fold(x, Math.min, Infinity);
  const hi = fold(x, Math.max, -Infinity);
  return x.map((v) => Math.log(v - lo + 0.01 * (hi - lo)));
}

export function treatOutliers(data: DataTable, framework: Framework, options: TreatOptions = {}): StepResult<TreatIndicatorDetail[]> {
  const o: Resolved = {
    winmax: options.winmax ?? 5,
    skewThresh: options.skewThresh ?? 2,
    kurtThresh: options.kurtThresh ?? 3.5,
    fallback: options.fallback ?? 'logCT',
    skip: options.skip ?? [],
  };
  const columns = { ...data.columns };
  const details: TreatIndicatorDetail[] = [];
  const slices = rowsByTime(data);
  for (const node of indicatorNodes(framework)) {
    const source = data.columns[node.code];
    if (!source || o.skip.includes(node.code)) continue;
    // Values are copied; origin only once a cell is treated; source never changes (shared with the input, which no step modifies).
    const out: NumericColumn = { values: source.values.slice(), origin: source.origin, source: source.source };
    for (const rows of slices) {
      const idx: number[] = [];
      const x: number[] = [];
      for (const r of rows) {
        const v = out.values[r] ?? null;
        if (v === null) continue;
        idx.push(r);
        x.push(v);
      }
      const sk = skewness(x);
      const kt = kurtosis(x);
      const d: TreatIndicatorDetail = {
        iCode: node.code, time: data.units[rows[0] ?? 0]?.time ?? null,
        skew: Number.isNaN(sk) ? null : sk, kurt: Number.isNaN(kt) ? null : kt,
        action: 'none', nwin: 0, winsorisedUnits: [], passesAfter: null,
      };
      details.push(d);
      const pass = skewKurtTest(sk, kt, o);
      if (pass === null) d.action = 'untestable';
      if (pass !== false) continue;
      const win = winsorise(x, o);
      let result = win.x;
      d.nwin = win.nwin;
      d.action = 'winsorised';
      d.passesAfter = passesSkewKurt(win.x, o);
      if (d.passesAfter === false && o.fallback === 'logCT') {
        result = logCT(x);
        d.action = 'log';
        d.passesAfter = passesSkewKurt(result, o);
      }
      idx.forEach((r, k) => {
        const nv = result[k] as number;
        if (nv === out.values[r]) return;
        if (d.action === 'winsorised') d.winsorisedUnits.push(data.units[r]?.uCode ?? '');
        out.values[r] = nv;
        if (out.origin === source.origin) out.origin = source.origin.slice();
        out.origin[r] = 'treated';
      });
    }
    columns[node.code] = out;
  }
  return {
    data: { ...data, columns },
    record: { step: 'treat', follows: 'COINr Treat() defaults: winsorise + log_CT, check_SkewKurt', options: o, details },
  };
}
