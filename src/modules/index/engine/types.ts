/**
 * Types of the composite-indicator engine: the framework tree (what COINr calls `iMeta`) and the data
 * (what COINr calls `iData`), plus the record every pipeline step returns.
 *
 * The data are held by column (one array per indicator, aligned with `units`) because every step works a
 * column or a row at a time, and the later Monte Carlo wants flat arrays.
 */

/** +1: a higher value is better; -1: a lower value is better (COINr `Direction`). */
export type Direction = 1 | -1;

/** COINr `Type` column values. `Indicator` and `Aggregate` form the tree; the others describe iData columns. */
export type MetaType = 'Indicator' | 'Aggregate' | 'Group' | 'Denominator' | 'Other';

/** A node of the framework tree: an indicator (level 1) or an aggregate (level ≥ 2). */
export interface FrameworkNode {
  code: string;
  name: string;
  /** 1 for indicators; an aggregate's level is one more than its children's (COINr convention). */
  level: number;
  type: 'Indicator' | 'Aggregate';
  /** Code of the aggregate this node feeds, null only for the top level (the index). */
  parent: string | null;
  direction: Direction;
  /** Weight relative to its siblings (same parent); re-normalised over available values at aggregation. */
  weight: number | null;
  unit: string | null;
  /** Target used by distance-to-target normalisation (COINr `Target`). */
  target: number | null;
  /** Code of a Denominator column that divides this indicator (COINr `Denominator`). */
  denominator: string | null;
}

/** An iData column that is not in the tree: a grouping variable, a denominator or anything else. */
export interface AuxColumn {
  code: string;
  name: string;
  type: 'Group' | 'Denominator' | 'Other';
  unit: string | null;
}

/** The framework: tree nodes and auxiliary columns, plus what is needed to write iMeta back unchanged. */
export interface Framework {
  nodes: FrameworkNode[];
  aux: AuxColumn[];
  /** iMeta as read: column order and every cell as text, so writing gives the same table back. */
  meta: { columns: string[]; rows: Record<string, string>[] };
}

/** Where a value comes from: as imported, filled in by imputation, or changed by outlier treatment. */
export type CellOrigin = 'raw' | 'imputed' | 'treated';

/**
 * One numeric column (an indicator, a denominator or an aggregate score), aligned with `DataTable.units`. A step
 * never modifies its input, so a column's arrays may be shared between the data of successive steps (an array a
 * step does not change is not copied): treat them as read-only once returned.
 */
export interface NumericColumn {
  values: (number | null)[];
  origin: CellOrigin[];
  source: (string | null)[];
}

/** The identity of a row: unit × time. */
export interface UnitKey {
  uCode: string;
  uName: string | null;
  /** Null when iData has no `Time` column. */
  time: number | null;
}

/** Unit × time × indicator values, by column. */
export interface DataTable {
  units: UnitKey[];
  /** Group and Other columns (text, null when missing). */
  labels: Record<string, (string | null)[]>;
  /** Indicator and Denominator columns. */
  columns: Record<string, NumericColumn>;
  /** iData column order as read, so writing gives the same table back. */
  columnOrder: string[];
}

/** A framework with its data: what the COINr-format parser returns and the pipeline consumes. */
export interface IndexDataset {
  framework: Framework;
  data: DataTable;
}

/** A problem found in an imported table, with the place to fix it. */
export interface ImportIssue {
  table: 'iData' | 'iMeta';
  /** 1-based position among the data rows (the header is not counted); null for a table-level problem. */
  row: number | null;
  column: string | null;
  /** Stable code, e.g. `imeta.parent.unknown`. */
  code: string;
  message: string;
}

/** What a pipeline step did: its name, the options it ran with (defaults filled in) and details. */
export interface StepRecord<D = unknown> {
  step: string;
  /** The COINr function whose default semantics this step follows. */
  follows: string;
  options: Record<string, unknown>;
  details: D;
}

/** A step's result: new data (the input is never modified) and the record of what was done. */
export interface StepResult<D = unknown> {
  data: DataTable;
  record: StepRecord<D>;
}
