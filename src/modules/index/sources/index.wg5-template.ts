/**
 * The WG5 framework as a COINr template: the whole tree (index → 5 categories → sub-dimensions → every candidate
 * indicator, with or without open data) in an iMeta table, and an iData table with its columns and no rows. An
 * analyst fills in values for the indicators they have data for, removes the rows of those they do not, and uploads
 * both: the engine needs data for every indicator it aggregates.
 */
import type { TextTable } from '../io/index.csv.js';
import { writeXlsxTables } from '../io/index.xlsx.js';
import type { WithoutData } from '../index.models.js';
import { WG5_FRAMEWORK, type Wg5Category } from './index.wg5-framework.js';

const META_COLUMNS = ['Level', 'iCode', 'iName', 'Direction', 'Weight', 'Unit', 'Target', 'Denominator', 'Parent', 'Type', 'Source', 'Licence', 'Note'];
const row = (cells: Partial<Record<string, string>>): Record<string, string> => Object.fromEntries(META_COLUMNS.map((c) => [c, cells[c] ?? 'NA']));

/** iMeta of the whole WG5 tree with equal weights; each indicator's note says what WG5 names and what data exist. */
export function wg5TemplateTables(): { iData: TextTable; iMeta: TextTable } {
  const indicators = WG5_FRAMEWORK.flatMap((c) => c.subDimensions.flatMap((s) => s.indicators.map((i) => ({ s, i }))));
  const meta = [
    ...indicators.map(({ s, i }) =>
      row({ Level: '1', iCode: i.code, iName: i.name, Direction: String(i.direction), Weight: '1', Unit: i.unit, Parent: s.code, Type: 'Indicator', Note: i.rationale }),
    ),
    ...WG5_FRAMEWORK.flatMap((c) => c.subDimensions.map((s) => row({ Level: '2', iCode: s.code, iName: s.name, Direction: '1', Weight: '1', Parent: c.code, Type: 'Aggregate' }))),
    ...WG5_FRAMEWORK.map((c) => row({ Level: '3', iCode: c.code, iName: c.name, Direction: '1', Weight: '1', Parent: 'Index', Type: 'Aggregate' })),
    row({ Level: '4', iCode: 'Index', iName: 'Cyberstability Index', Direction: '1', Weight: '1', Type: 'Aggregate', Note: 'Paris Call Working Group 5 framework (report of 8 November 2021)' }),
  ];
  return {
    iData: { columns: ['uCode', 'uName', 'Time', ...indicators.map(({ i }) => i.code)], rows: [] },
    iMeta: { columns: META_COLUMNS, rows: meta },
  };
}

/** The template as one workbook with the sheets iData and iMeta, ready to fill in and upload. */
export async function wg5TemplateWorkbook(): Promise<Buffer> {
  const { iData, iMeta } = wg5TemplateTables();
  return writeXlsxTables([
    { name: 'iData', table: iData },
    { name: 'iMeta', table: iMeta, numericColumns: new Set(['Level', 'Direction', 'Weight']) },
  ]);
}

/** An iMeta row as far as the coverage needs it: its code and COINr type. */
export interface IMetaCode {
  iCode?: string;
  Type?: string;
}

/**
 * Whether an iMeta is built on the WG5 framework: most of its indicators carry WG5 indicator codes (the template's,
 * which an analyst keeps when filling it in). Aggregate codes do not count: another index may well have a pillar or
 * an indicator called "Services" or "Index" (the COINr ASEM example has both) without being WG5's.
 */
export function isWg5Framework(iMeta: readonly IMetaCode[]): boolean {
  const wg5 = new Set(WG5_FRAMEWORK.flatMap((c) => c.subDimensions.flatMap((s) => s.indicators.map((i) => i.code))));
  const indicators = iMeta.filter((r) => r.Type === 'Indicator').map((r) => r.iCode ?? '');
  return indicators.length > 0 && indicators.filter((c) => wg5.has(c)).length * 2 > indicators.length;
}

/**
 * The parts of the WG5 framework an edition's iMeta leaves out, for its coverage: categories none of whose
 * sub-dimensions or indicators are in it, and every candidate indicator that is not. Null when the iMeta is not built
 * on the WG5 framework (`isWg5Framework`): another index's coverage is not WG5's business.
 */
export function wg5WithoutData(iMeta: readonly IMetaCode[]): WithoutData | null {
  if (!isWg5Framework(iMeta)) return null;
  const codes = new Set(iMeta.map((r) => r.iCode ?? ''));
  const inTree = (c: Wg5Category) => codes.has(c.code) || c.subDimensions.some((s) => codes.has(s.code) || s.indicators.some((i) => codes.has(i.code)));
  return {
    categories: WG5_FRAMEWORK.filter((c) => !inTree(c)).map((c) => ({ code: c.code, name: c.name })),
    indicators: WG5_FRAMEWORK.flatMap((c) =>
      c.subDimensions.flatMap((s) =>
        s.indicators.filter((i) => !codes.has(i.code)).map((i) => ({ code: i.code, name: i.name, category: c.name, subDimension: s.name, rationale: i.rationale })),
      ),
    ),
  };
}
