/**
 * Normalisation of each indicator within each time point, following COINr `Normalise()` (R/normalise.R):
 * the values are first multiplied by the indicator's Direction (`x <- x*direction`), then:
 *  - `minmax` (COINr default `n_minmax`, l_u = c(0,100)): (x − min)/(max − min)·(u − l) + l;
 *  - `zscore` (`n_zscore`, m_sd = c(0,1)): (x − mean)/sd·s + m, sample sd;
 *  - `rank` (`n_rank`): rank, ties "min" (higher value, higher rank); `percentRank` (`n_prank`): (rank − 1)/(n − 1);
 *  - `distToTarget` (`n_dist2targ` with targets from iMeta, the `use_iMeta` route): on the direction-adjusted
 *    values and target, (x − min)/(targ − min), i.e. (max − x)/(max − targ) for Direction −1; optional cap at 1;
 *  - `distToFrontier` (`n_dist2max`): 1 − (max − x)/(max − min), a 0–1 scale;
 *  - `goalposts` (`n_goalposts` via `use_iMeta`): (x − lower)/(upper − lower), or (upper − x)/(upper − lower) for
 *    Direction −1, truncated to [0, 1] by default (`trunc2posts = TRUE`), times `scale`.
 * COINr returns 0–1 for the distance methods; `scale` (default 1) multiplies them. A zero range gives NaN in COINr
 * (with a warning); here those cells are missing and the indicator is reported.
 */
import { EngineError, finiteOrNull, indicatorNodes, rowsByTime } from './data-table.js';
import { mean, present, rankMin, sd } from './stats.js';
import type { DataTable, Framework, FrameworkNode, NumericColumn, StepResult } from './types.js';

export type NormaliseOptions =
  | { method?: 'minmax'; lower?: number; upper?: number }
  | { method: 'zscore'; mean?: number; sd?: number }
  | { method: 'rank' | 'percentRank' }
  | { method: 'distToTarget'; capMax?: boolean; scale?: number }
  | { method: 'distToFrontier'; scale?: number }
  | { method: 'goalposts'; goalposts: Record<string, { lower: number; upper: number }>; truncate?: boolean; scale?: number };

export interface NormaliseDetails {
  /** Indicators whose normalised values are undefined (zero range, missing target). */
  undefinedIndicators: { iCode: string; time: number | null; reason: string }[];
}

/** Normalises one direction-adjusted vector; `node` gives target and direction where the method needs them. */
function normaliseVector(x: (number | null)[], node: FrameworkNode, o: NormaliseOptions): (number | null)[] {
  const v = present(x);
  // Math.min(...v) and Math.max(...v), folded pairwise (the same result) without spreading the vector
  let lo = Infinity;
  let hi = -Infinity;
  for (const y of v) {
    lo = Math.min(lo, y);
    hi = Math.max(hi, y);
  }
  const map = (f: (y: number) => number) => x.map((y) => (y === null ? null : finiteOrNull(f(y))));
  switch (o.method ?? 'minmax') {
    case 'minmax': {
      const { lower = 0, upper = 100 } = o as { lower?: number; upper?: number };
      return map((y) => ((y - lo) / (hi - lo)) * (upper - lower) + lower);
    }
    case 'zscore': {
      const p = o as { mean?: number; sd?: number };
      const m = mean(v);
      const s = sd(v);
      return map((y) => ((y - m) / s) * (p.sd ?? 1) + (p.mean ?? 0));
    }
    case 'rank':
      return rankMin(x);
    case 'percentRank':
      return rankMin(x).map((r) => (r === null ? null : finiteOrNull((r - 1) / (v.length - 1))));
    case 'distToTarget': {
      const p = o as { capMax?: boolean; scale?: number };
      if (node.target === null) throw new EngineError('normalise.target.missing', `${node.code} has no Target in iMeta`);
      const t = node.target * node.direction;
      return map((y) => {
        const r = (y - lo) / (t - lo);
        return (p.capMax && r > 1 ? 1 : r) * (p.scale ?? 1);
      });
    }
    case 'distToFrontier':
      return map((y) => (1 - (hi - y) / (hi - lo)) * ((o as { scale?: number }).scale ?? 1));
    case 'goalposts': {
      const p = o as { goalposts: Record<string, { lower: number; upper: number }>; truncate?: boolean; scale?: number };
      const gp = p.goalposts[node.code];
      if (!gp) throw new EngineError('normalise.goalposts.missing', `no goalposts for ${node.code}`);
      return map((y) => {
        const raw = node.direction * y; // undo the direction flip: goalposts are in the indicator's own units
        let r = node.direction === 1 ? (raw - gp.lower) / (gp.upper - gp.lower) : (gp.upper - raw) / (gp.upper - gp.lower);
        if (p.truncate ?? true) r = Math.min(1, Math.max(0, r));
        return r * (p.scale ?? 1);
      });
    }
  }
}

export function normalise(data: DataTable, framework: Framework, options: NormaliseOptions = { method: 'minmax' }): StepResult<NormaliseDetails> {
  const columns = { ...data.columns };
  const details: NormaliseDetails = { undefinedIndicators: [] };
  const slices = rowsByTime(data);
  for (const node of indicatorNodes(framework)) {
    const source = data.columns[node.code];
    if (!source) continue;
    // Only the values change: origin and source are the input's (a step never modifies its input, so sharing is safe).
    const out: NumericColumn = { values: source.values.slice(), origin: source.origin, source: source.source };
    for (const rows of slices) {
      const x: (number | null)[] = new Array(rows.length);
      for (let k = 0; k < rows.length; k++) {
        const y = source.values[rows[k] as number] ?? null;
        x[k] = y === null ? null : y * node.direction;
      }
      const n = normaliseVector(x, node, options);
      let undefinedCell = false;
      for (let k = 0; k < rows.length; k++) {
        const v = n[k] ?? null;
        out.values[rows[k] as number] = v;
        if (v === null && x[k] !== null) undefinedCell = true;
      }
      if (undefinedCell) {
        details.undefinedIndicators.push({ iCode: node.code, time: data.units[rows[0] ?? 0]?.time ?? null, reason: 'zero range or undefined scale' });
      }
    }
    columns[node.code] = out;
  }
  const resolved = { method: options.method ?? 'minmax', ...options };
  return { data: { ...data, columns }, record: { step: 'normalise', follows: `COINr Normalise() ${resolved.method}`, options: resolved, details } };
}
