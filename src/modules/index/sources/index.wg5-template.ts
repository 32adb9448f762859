/**
 * The WG5 framework as a COINr template: the whole tree (index → 5 categories → sub-dimensions → every candidate
 * indicator, with or without open data) in an iMeta table, and an iData table with its columns and no rows. An
 * analyst fills in values for the indicators they have data for, removes the rows of those they do not, and uploads
 * both: the engine needs data for every indicator it aggregates.
 */
import type { TextTable } from '../io/index.csv.js';
import { writeXlsxTables } from '../io/index.xlsx.js';
import { WG5_FRAMEWORK } from './index.wg5-framework.js';

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
