/**
 * Test fixtures: a small framework (two pillars under one index) and data, built through the COINr parser so
 * tests exercise the real import path. `buildDataset(overrides)` changes iData cells by uCode and column.
 */
import { parseCoinr, type RawTable } from './coinr-format.js';
import type { IndexDataset } from './types.js';

export const META_COLUMNS = ['Level', 'iCode', 'iName', 'Direction', 'Weight', 'Unit', 'Target', 'Denominator', 'Parent', 'Type'];

export function table(columns: string[], lines: string[][]): RawTable {
  return { columns, rows: lines.map((l) => Object.fromEntries(columns.map((c, i) => [c, l[i] ?? '']))) };
}

export const META: RawTable = table(META_COLUMNS, [
  ['1', 'a', 'A', '1', '1', 'n', '10', 'NA', 'P1', 'Indicator'],
  ['1', 'b', 'B', '-1', '1', 'n', '0', 'Pop', 'P1', 'Indicator'],
  ['1', 'c', 'C', '1', '2', 'n', 'NA', 'NA', 'P2', 'Indicator'],
  ['2', 'P1', 'Pillar 1', '1', '1', 'NA', 'NA', 'NA', 'Index', 'Aggregate'],
  ['2', 'P2', 'Pillar 2', '1', '1', 'NA', 'NA', 'NA', 'Index', 'Aggregate'],
  ['3', 'Index', 'Index', '1', '1', 'NA', 'NA', 'NA', 'NA', 'Aggregate'],
  ['NA', 'Grp', 'Group', 'NA', 'NA', 'NA', 'NA', 'NA', 'NA', 'Group'],
  ['NA', 'Pop', 'Population', 'NA', 'NA', 'NA', 'NA', 'NA', 'NA', 'Denominator'],
]);

export const DATA_COLUMNS = ['uCode', 'uName', 'Time', 'Grp', 'Pop', 'a', 'b', 'c'];
export const DATA: RawTable = table(DATA_COLUMNS, [
  ['U1', 'One', '2020', 'x', '10', '1', '10', '5'],
  ['U2', 'Two', '2020', 'x', '20', '2', '40', 'NA'],
  ['U3', 'Three', '2020', 'y', '10', '3', 'NA', '7'],
  ['U4', 'Four', '2020', 'y', '5', '4', '5', '9'],
]);

export function buildDataset(overrides: Record<string, Record<string, string>> = {}): IndexDataset {
  const rows = DATA.rows.map((r) => ({ ...r, ...(overrides[r.uCode ?? ''] ?? {}) }));
  const parsed = parseCoinr({ iData: { columns: DATA.columns, rows }, iMeta: META, source: 'fixture' });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.dataset;
}
