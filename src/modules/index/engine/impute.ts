/**
 * Imputation of missing indicator values, column by column within each time point.
 * Follows COINr `Impute.coin(impute_by = "column")` with `i_mean` (COINr's default `f_i`), `i_median`,
 * `i_mean_grp` / `i_median_grp` (grouped by a Group column; units whose group is missing are left as they are,
 * COINr's `skip_f_na = TRUE`), and `impute_panel` (latest earlier time point, at most `maxTime` steps back).
 * Deviation: where COINr stops ("Input is all NAs") the column is left missing and reported instead.
 */
import { copyColumn, EngineError, indicatorNodes, rowsByTime } from './data-table.js';
import { mean, median } from './stats.js';
import type { DataTable, Framework, NumericColumn, StepResult } from './types.js';

export type ImputeMethod = 'none' | 'mean' | 'median' | 'groupMean' | 'groupMedian' | 'previousYear';

export interface ImputeOptions {
  method?: ImputeMethod;
  /** Group column for groupMean / groupMedian (COINr `use_group`). */
  group?: string;
  /** previousYear: how many earlier time points to search (COINr `max_time`); all by default. */
  maxTime?: number;
}

export interface ImputeDetails {
  imputed: { uCode: string; time: number | null; iCode: string; value: number; from: string }[];
  stillMissing: number;
}

export function impute(data: DataTable, framework: Framework, options: ImputeOptions = {}): StepResult<ImputeDetails> {
  const method = options.method ?? 'mean';
  if ((method === 'groupMean' || method === 'groupMedian') && !(options.group && data.labels[options.group])) {
    throw new EngineError('impute.group.unknown', `${method} needs a Group column; got ${options.group ?? 'none'}`);
  }
  const details: ImputeDetails = { imputed: [], stillMissing: 0 };
  const columns = { ...data.columns };
  const slices = rowsByTime(data);
  for (const node of indicatorNodes(framework)) {
    const source = data.columns[node.code];
    if (!source || method === 'none') continue;
    const out = copyColumn(source);
    if (method === 'previousYear') imputePanel(data, out, options.maxTime, node.code, details);
    else for (const rows of slices) imputeSlice(data, out, rows, method, options.group, node.code, details);
    details.stillMissing += countMissing(out.values);
    columns[node.code] = out;
  }
  if (method === 'none') details.stillMissing = indicatorNodes(framework).reduce((s, n) => s + countMissing(data.columns[n.code]?.values ?? []), 0);
  return {
    data: { ...data, columns },
    record: { step: 'impute', follows: followed[method], options: { method, group: options.group ?? null, maxTime: options.maxTime ?? null }, details },
  };
}

function countMissing(values: readonly (number | null)[]): number {
  let count = 0;
  for (const v of values) if (v === null) count++;
  return count;
}

const followed: Record<ImputeMethod, string> = {
  none: 'no imputation',
  mean: 'COINr i_mean (Impute default)',
  median: 'COINr i_median',
  groupMean: 'COINr i_mean_grp',
  groupMedian: 'COINr i_median_grp',
  previousYear: 'COINr impute_panel',
};

function imputeSlice(
  data: DataTable, out: NumericColumn, rows: number[], method: ImputeMethod, group: string | undefined, iCode: string, details: ImputeDetails,
) {
  const centre = method === 'mean' || method === 'groupMean' ? mean : median;
  const labels = group ? data.labels[group] : undefined;
  // without a group column, the slice is one group
  const groups = new Map<string | null, number[]>(labels ? [] : [['', rows]]);
  if (labels) {
    for (const r of rows) {
      const g = labels[r] ?? null;
      const members = groups.get(g);
      if (members) members.push(r);
      else groups.set(g, [r]);
    }
  }
  for (const [g, members] of groups) {
    if (g === null) continue;
    const values: number[] = [];
    for (const r of members) {
      const v = out.values[r] ?? null;
      if (v !== null) values.push(v);
    }
    if (values.length === 0) continue;
    const fill = centre(values);
    const from = labels ? `${method} of ${group} = ${g}` : method;
    const source = `imputed: ${from}`;
    for (const r of members) {
      if (out.values[r] !== null) continue;
      out.values[r] = fill;
      out.origin[r] = 'imputed';
      out.source[r] = source;
      details.imputed.push({ uCode: data.units[r]?.uCode ?? '', time: data.units[r]?.time ?? null, iCode, value: fill, from });
    }
  }
}

function imputePanel(data: DataTable, out: NumericColumn, maxTime: number | undefined, iCode: string, details: ImputeDetails) {
  const times = [...new Set(data.units.map((u) => u.time).filter((t): t is number => t !== null))].sort((a, b) => a - b);
  const rowOf = new Map(data.units.map((u, r) => [`${u.uCode}\u0000${u.time}`, r]));
  const original = [...out.values];
  data.units.forEach((u, r) => {
    if (original[r] !== null || u.time === null) return;
    const k = times.indexOf(u.time);
    const limit = maxTime ?? k;
    for (let back = 1; back <= limit && k - back >= 0; back++) {
      const t = times[k - back] as number;
      const donor = rowOf.get(`${u.uCode}\u0000${t}`);
      const v = donor === undefined ? null : (original[donor] ?? null);
      if (donor === undefined || v === null) continue;
      out.values[r] = v;
      out.origin[r] = 'imputed';
      out.source[r] = out.source[donor] ?? null;
      details.imputed.push({ uCode: u.uCode, time: u.time, iCode, value: v, from: `Time ${t}` });
      return;
    }
  });
}
