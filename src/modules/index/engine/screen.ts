/**
 * Screening of units (rows) by data availability.
 * Follows COINr `Screen.data.frame()`: availability = 1 − (missing indicators / indicators); non-zero share =
 * 1 − zeros / non-missing; a row is dropped when availability < `datThresh` (default 2/3) for `byNA`, when the
 * non-zero share < `nonZeroThresh` (default 0.05) for `byZeros`, or either for `byNAandZeros`. `force` overrides.
 * COINr has no default for `unit_screen`; `byNA` is used here because it is the documented common case.
 */
import { indicatorNodes, selectRows } from './data-table.js';
import type { DataTable, Framework, StepResult } from './types.js';

export interface ScreenOptions {
  unitScreen?: 'byNA' | 'byZeros' | 'byNAandZeros';
  datThresh?: number;
  nonZeroThresh?: number;
  /** Units to keep or drop whatever their data (COINr `Force`). */
  force?: { uCode: string; include: boolean }[];
}

export interface ScreenDetails {
  summary: { uCode: string; time: number | null; datAvail: number; nonZero: number; included: boolean }[];
  removed: { uCode: string; time: number | null }[];
}

export function screenUnits(data: DataTable, framework: Framework, options: ScreenOptions = {}): StepResult<ScreenDetails> {
  const resolved = {
    unitScreen: options.unitScreen ?? 'byNA',
    datThresh: options.datThresh ?? 2 / 3,
    nonZeroThresh: options.nonZeroThresh ?? 0.05,
    force: options.force ?? [],
  };
  const codes = indicatorNodes(framework).map((n) => n.code).filter((c) => data.columns[c]);
  const forced = new Map(resolved.force.map((f) => [f.uCode, f.include]));
  const summary: ScreenDetails['summary'] = data.units.map((u, row) => {
    let missing = 0;
    let zeros = 0;
    for (const c of codes) {
      const v = data.columns[c]?.values[row] ?? null;
      if (v === null) missing++;
      else if (v === 0) zeros++;
    }
    const datAvail = 1 - missing / codes.length;
    const nonZero = 1 - zeros / (codes.length - missing);
    const lowData = datAvail < resolved.datThresh;
    // With no data at all COINr gets NaN here, and NaN < thresh is NA; such a row is dropped by byNA anyway.
    const lowNonZero = nonZero < resolved.nonZeroThresh;
    let included =
      resolved.unitScreen === 'byNA' ? !lowData : resolved.unitScreen === 'byZeros' ? !lowNonZero : !(lowData || lowNonZero);
    const force = forced.get(u.uCode);
    if (force !== undefined) included = force;
    return { uCode: u.uCode, time: u.time, datAvail, nonZero, included };
  });
  const keep = summary.flatMap((s, row) => (s.included ? [row] : []));
  const removed = summary.filter((s) => !s.included).map((s) => ({ uCode: s.uCode, time: s.time }));
  return {
    data: selectRows(data, keep),
    record: { step: 'screen', follows: 'COINr Screen()', options: resolved, details: { summary, removed } },
  };
}
