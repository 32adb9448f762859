/**
 * Small pure helpers over the framework and the data table, shared by the pipeline steps.
 */
import type { DataTable, Framework, FrameworkNode, NumericColumn } from './types.js';

/** Raised by a step that cannot proceed (COINr stops with an error in the same situations). */
export class EngineError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'EngineError';
  }
}

/** The indicators (level 1) in iMeta order. */
export function indicatorNodes(framework: Framework): FrameworkNode[] {
  return framework.nodes.filter((n) => n.type === 'Indicator');
}

/** Aggregates by ascending level, iMeta order within a level (the order COINr aggregates in). */
export function aggregateNodes(framework: Framework): FrameworkNode[] {
  return framework.nodes.filter((n) => n.type === 'Aggregate').sort((a, b) => a.level - b.level);
}

/** Children of each aggregate, in iMeta order. */
export function childrenByParent(framework: Framework): Map<string, FrameworkNode[]> {
  const map = new Map<string, FrameworkNode[]>();
  for (const node of framework.nodes) {
    if (node.parent === null) continue;
    const list = map.get(node.parent) ?? [];
    list.push(node);
    map.set(node.parent, list);
  }
  return map;
}

/** Row indices grouped by time point, in order of first appearance (one group when there is no Time column). */
export function rowsByTime(data: DataTable): number[][] {
  const groups = new Map<number | null, number[]>();
  data.units.forEach((unit, row) => {
    const list = groups.get(unit.time);
    if (list) list.push(row);
    else groups.set(unit.time, [row]);
  });
  return [...groups.values()];
}

/** A column, or an error naming it. */
export function columnOf(data: DataTable, code: string): NumericColumn {
  const column = data.columns[code];
  if (!column) throw new EngineError('data.column.unknown', `no numeric column ${code}`);
  return column;
}

/** A copy of a numeric column (arrays copied, so a step can write to it). */
export function copyColumn(column: NumericColumn): NumericColumn {
  return { values: column.values.slice(), origin: column.origin.slice(), source: column.source.slice() };
}

/** The table restricted to the given rows, in the given order. */
export function selectRows(data: DataTable, rows: number[]): DataTable {
  const pick = <T>(values: T[]): T[] => rows.map((r) => values[r] as T);
  const columns: Record<string, NumericColumn> = {};
  for (const [code, c] of Object.entries(data.columns)) {
    columns[code] = { values: pick(c.values), origin: pick(c.origin), source: pick(c.source) };
  }
  const labels: Record<string, (string | null)[]> = {};
  for (const [code, values] of Object.entries(data.labels)) labels[code] = pick(values);
  return { units: pick(data.units), labels, columns, columnOrder: [...data.columnOrder] };
}

/** A number, or null for NaN/±Infinity: the engine never lets a non-finite value through. */
export function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}
