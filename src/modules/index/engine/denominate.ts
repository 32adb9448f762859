/**
 * Denomination: divides each indicator by the denominator column iMeta names for it.
 * Follows COINr `Denominate.coin()` (denomby taken from iMeta's `Denominator` column, `f_denom` = division,
 * `ScaleFactor` = 1): `x / (denominator / scaleFactor)`, matched row by row (same unit × time).
 */
import { columnOf, finiteOrNull } from './data-table.js';
import type { DataTable, Framework, NumericColumn, StepResult } from './types.js';

export interface DenominateOptions {
  /** Multiplies the result (COINr `ScaleFactor`, applied as `x / (d / s)`); default 1 for every indicator. */
  scaleFactors?: Record<string, number>;
}

export interface DenominateDetails {
  /** Indicator → denominator used. */
  denominated: Record<string, string>;
  /** Cells left missing because the denominator was missing or zero (COINr would give NA or Inf). */
  undefinedCells: { uCode: string; time: number | null; iCode: string }[];
}

export function denominate(data: DataTable, framework: Framework, options: DenominateOptions = {}): StepResult<DenominateDetails> {
  const columns = { ...data.columns };
  const details: DenominateDetails = { denominated: {}, undefinedCells: [] };
  for (const node of framework.nodes) {
    if (node.type !== 'Indicator' || node.denominator === null) continue;
    const x = columnOf(data, node.code);
    const d = columnOf(data, node.denominator);
    const scale = options.scaleFactors?.[node.code] ?? 1;
    // Only the values change: origin and source are the input's (a step never modifies its input, so sharing is safe).
    const out: NumericColumn = { values: [], origin: x.origin, source: x.source };
    out.values = x.values.map((v, i) => {
      const dv = d.values[i] ?? null;
      if (v === null) return null;
      // Deviation from R, on purpose: a zero denominator gives Inf there; here the cell becomes missing and is reported.
      const r = dv === null ? null : finiteOrNull(v / (dv / scale));
      if (r === null) details.undefinedCells.push({ uCode: data.units[i]?.uCode ?? '', time: data.units[i]?.time ?? null, iCode: node.code });
      return r;
    });
    columns[node.code] = out;
    details.denominated[node.code] = node.denominator;
  }
  return {
    data: { ...data, columns },
    record: { step: 'denominate', follows: 'COINr Denominate.coin() with denomby from iMeta', options: { scaleFactors: options.scaleFactors ?? {} }, details },
  };
}
