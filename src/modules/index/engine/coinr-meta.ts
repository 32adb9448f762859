/**
 * Parsing of a COINr `iMeta` table (`Level, iCode, iName, Direction, Weight, Unit, Target, Denominator, Parent,
 * Type`, plus any extra columns, which are kept) into the framework, reporting every problem with its row.
 * Follows COINr `new_coin()`'s conventions: Type is one of Indicator, Aggregate, Group, Denominator, Other;
 * indicators are level 1; the top aggregate has Parent `NA`.
 */
import { columnsOf, parseNumber, parseText, type RawTable } from './coinr-cells.js';
import { validateTree, type LocatedNode } from './framework.js';
import type { AuxColumn, Direction, Framework, ImportIssue, MetaType } from './types.js';

export const IMETA_REQUIRED = ['Level', 'iCode', 'iName', 'Direction', 'Weight', 'Parent', 'Type'] as const;
export const IMETA_STANDARD = ['Level', 'iCode', 'iName', 'Direction', 'Weight', 'Unit', 'Target', 'Denominator', 'Parent', 'Type'];
/** iData columns that identify a row and are never in iMeta. */
export const IDATA_ID_COLUMNS = ['uCode', 'uName', 'Time'];
const TYPES: readonly MetaType[] = ['Indicator', 'Aggregate', 'Group', 'Denominator', 'Other'];

export type MetaParse = { framework: Framework; issues: ImportIssue[] };

/** Parses iMeta; `issues` is empty when the framework is valid. */
export function parseIMeta(table: RawTable): MetaParse {
  const columns = columnsOf(table);
  const issues: ImportIssue[] = [];
  const at = (row: number | null, column: string | null, code: string, message: string) =>
    issues.push({ table: 'iMeta', row, column, code, message });

  const rows = table.rows.map((r) => {
    const text: Record<string, string> = {};
    for (const c of columns) text[c] = r[c] ?? '';
    return text;
  });
  const framework: Framework = { nodes: [], aux: [], meta: { columns, rows } };
  const missing = IMETA_REQUIRED.filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    at(null, null, 'imeta.columns.missing', `iMeta lacks the column(s) ${missing.join(', ')}`);
    return { framework, issues };
  }

  const located: LocatedNode[] = [];
  const seen = new Map<string, number>();
  rows.forEach((r, i) => {
    const row = i + 1;
    const code = parseText(r.iCode);
    if (code === null) return void at(row, 'iCode', 'imeta.icode.missing', 'iCode is empty');
    if (IDATA_ID_COLUMNS.includes(code)) return void at(row, 'iCode', 'imeta.icode.reserved', `${code} is reserved for iData`);
    const dup = seen.get(code);
    if (dup !== undefined) return void at(row, 'iCode', 'imeta.icode.duplicate', `${code} is already defined on row ${dup}`);
    seen.set(code, row);

    const type = parseText(r.Type) as MetaType | null;
    if (type === null || !TYPES.includes(type)) {
      return void at(row, 'Type', 'imeta.type.invalid', `Type must be one of ${TYPES.join(', ')}`);
    }
    const name = parseText(r.iName) ?? code;
    const unit = parseText(r.Unit);
    if (type === 'Group' || type === 'Denominator' || type === 'Other') {
      framework.aux.push({ code, name, type, unit } satisfies AuxColumn);
      return;
    }

    const level = parseNumber(r.Level);
    const lvl = level.ok ? level.value : null;
    if (lvl === null || !Number.isInteger(lvl) || lvl < 1) {
      return void at(row, 'Level', 'imeta.level.invalid', 'Level must be a whole number ≥ 1');
    }
    if (type === 'Indicator' && lvl !== 1) return void at(row, 'Level', 'imeta.level.invalid', 'an Indicator must be at level 1');
    if (type === 'Aggregate' && lvl < 2) return void at(row, 'Level', 'imeta.level.invalid', 'an Aggregate must be at level 2 or above');

    const dir = parseNumber(r.Direction);
    let direction: Direction = 1;
    if (!dir.ok || (dir.value !== null && dir.value !== 1 && dir.value !== -1) || (dir.value === null && type === 'Indicator')) {
      at(row, 'Direction', 'imeta.direction.invalid', 'Direction must be 1 or -1');
    } else if (dir.value === -1) direction = -1;

    const weight = parseNumber(r.Weight);
    const parent = parseText(r.Parent);
    if (!weight.ok) at(row, 'Weight', 'imeta.weight.non_numeric', `Weight "${r.Weight}" is not a number`);
    else if (weight.value !== null && weight.value < 0) at(row, 'Weight', 'imeta.weight.negative', 'Weight must not be negative');
    else if (weight.value === null && parent !== null) at(row, 'Weight', 'imeta.weight.missing', 'Weight is missing');

    const target = parseNumber(r.Target);
    if (!target.ok) at(row, 'Target', 'imeta.target.non_numeric', `Target "${r.Target}" is not a number`);

    const node = {
      code, name, level: lvl, type, parent, direction, unit,
      weight: weight.ok ? weight.value : null,
      target: target.ok ? target.value : null,
      denominator: parseText(r.Denominator),
    };
    framework.nodes.push(node);
    located.push({ node, row });
  });

  const denominators = new Set(framework.aux.filter((a) => a.type === 'Denominator').map((a) => a.code));
  for (const { node, row } of located) {
    if (node.denominator !== null && !denominators.has(node.denominator)) {
      at(row, 'Denominator', 'imeta.denominator.unknown', `${node.code}: ${node.denominator} is not a Denominator in iMeta`);
    }
  }
  if (located.length === 0) at(null, null, 'imeta.indicators.none', 'iMeta defines no indicators');
  else issues.push(...validateTree(located));
  return { framework, issues };
}
