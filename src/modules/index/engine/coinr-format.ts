/**
 * Import and export in the JRC COINr convention, from rows already read by a CSV/XLSX reader.
 *
 * `parseCoinr` returns either the whole dataset or every problem found (row, column, message): nothing is
 * half-imported. `writeIData` / `writeIMeta` give the tables back; parse then write gives the same table.
 */
import { columnsOf, formatNumber, formatText, parseNumber, parseText, type RawTable } from './coinr-cells.js';
import { IDATA_ID_COLUMNS, IMETA_STANDARD, parseIMeta } from './coinr-meta.js';
import type { DataTable, Framework, ImportIssue, IndexDataset, NumericColumn, UnitKey } from './types.js';

export type { RawTable } from './coinr-cells.js';

export type CoinrParse = { ok: true; dataset: IndexDataset } | { ok: false; issues: ImportIssue[] };

/** Parses iMeta and iData together; `source` is recorded on every cell (e.g. the file name and date). */
export function parseCoinr(input: { iData: RawTable; iMeta: RawTable; source?: string }): CoinrParse {
  const meta = parseIMeta(input.iMeta);
  const { data, issues } = parseIData(input.iData, meta.framework, input.source ?? null);
  const all = [...meta.issues, ...issues];
  return all.length > 0 ? { ok: false, issues: all } : { ok: true, dataset: { framework: meta.framework, data } };
}

function parseIData(table: RawTable, framework: Framework, source: string | null) {
  const issues: ImportIssue[] = [];
  const at = (row: number | null, column: string | null, code: string, message: string) =>
    issues.push({ table: 'iData', row, column, code, message });
  const columns = columnsOf(table);
  const n = table.rows.length;
  const data: DataTable = { units: [], labels: {}, columns: {}, columnOrder: columns };

  const numeric = new Set([
    ...framework.nodes.filter((x) => x.type === 'Indicator').map((x) => x.code),
    ...framework.aux.filter((a) => a.type === 'Denominator').map((a) => a.code),
  ]);
  const textual = new Set(framework.aux.filter((a) => a.type !== 'Denominator').map((a) => a.code));
  if (!columns.includes('uCode')) at(null, 'uCode', 'idata.columns.missing', 'iData lacks the uCode column');
  for (const c of columns) {
    if (IDATA_ID_COLUMNS.includes(c) || numeric.has(c) || textual.has(c)) continue;
    const aggregate = framework.nodes.some((x) => x.code === c);
    at(null, c, 'idata.column.unknown',
      aggregate ? `${c} is an Aggregate in iMeta; iData holds indicators only` : `column ${c} is not defined in iMeta`);
  }
  framework.meta.rows.forEach((r, i) => {
    const code = r.iCode ?? '';
    if ((numeric.has(code) || textual.has(code)) && !columns.includes(code)) {
      issues.push({ table: 'iMeta', row: i + 1, column: 'iCode', code: 'imeta.column.absent_from_idata', message: `${code} has no column in iData` });
    }
  });

  for (const c of columns) {
    if (numeric.has(c)) data.columns[c] = { values: new Array(n).fill(null), origin: new Array(n).fill('raw'), source: new Array(n).fill(source) };
    else if (textual.has(c)) data.labels[c] = new Array(n).fill(null);
  }
  const hasTime = columns.includes('Time');
  const firstRow = new Map<string, number>();
  table.rows.forEach((r, i) => {
    const row = i + 1;
    const uCode = parseText(r.uCode) ?? '';
    if (uCode === '' && columns.includes('uCode')) at(row, 'uCode', 'idata.ucode.missing', 'uCode is empty');
    let time: number | null = null;
    if (hasTime) {
      const t = parseNumber(r.Time);
      if (!t.ok || t.value === null) at(row, 'Time', 'idata.time.invalid', `Time "${r.Time ?? ''}" is not a number`);
      else time = t.value;
    }
    const key = `${uCode}\u0000${time ?? ''}`;
    const dup = firstRow.get(key);
    if (dup !== undefined && uCode !== '') {
      at(row, 'uCode', 'idata.row.duplicate', `${uCode}${hasTime ? ` × ${time}` : ''} already appears on row ${dup}`);
    } else firstRow.set(key, row);
    data.units.push({ uCode, uName: parseText(r.uName), time } satisfies UnitKey);

    for (const c of columns) {
      const column = data.columns[c];
      if (column) {
        const parsed = parseNumber(r[c]);
        if (parsed.ok) column.values[i] = parsed.value;
        else at(row, c, 'idata.cell.non_numeric', `"${r[c]}" is not a number`);
      } else if (data.labels[c]) (data.labels[c] as (string | null)[])[i] = parseText(r[c]);
    }
  });

  const indicators = framework.nodes.filter((x) => x.type === 'Indicator' && data.columns[x.code]).map((x) => x.code);
  const withData = new Set<string>();
  data.units.forEach((u, i) => {
    if (indicators.some((c) => (data.columns[c] as NumericColumn).values[i] !== null)) withData.add(u.uCode);
  });
  const reported = new Set<string>();
  data.units.forEach((u, i) => {
    if (u.uCode === '' || withData.has(u.uCode) || reported.has(u.uCode) || indicators.length === 0) return;
    reported.add(u.uCode);
    at(i + 1, 'uCode', 'idata.unit.no_data', `unit ${u.uCode} has no indicator data at all`);
  });
  return { data, issues };
}

/** The iData table (header order as read, `NA` for missing). */
export function writeIData(dataset: IndexDataset): { columns: string[]; rows: Record<string, string>[] } {
  const { data } = dataset;
  const rows = data.units.map((u, i) => {
    const out: Record<string, string> = {};
    for (const c of data.columnOrder) {
      if (c === 'uCode') out[c] = u.uCode;
      else if (c === 'uName') out[c] = formatText(u.uName);
      else if (c === 'Time') out[c] = formatNumber(u.time);
      else if (data.columns[c]) out[c] = formatNumber(data.columns[c].values[i] ?? null);
      else if (data.labels[c]) out[c] = formatText(data.labels[c][i] ?? null);
    }
    return out;
  });
  return { columns: [...data.columnOrder], rows };
}

/** The iMeta table from the framework (rows in the order read, then any new ones; extra columns kept). */
export function writeIMeta(framework: Framework): { columns: string[]; rows: Record<string, string>[] } {
  const columns = [...framework.meta.columns];
  for (const c of IMETA_STANDARD) if (!columns.includes(c)) columns.push(c);
  const previous = new Map(framework.meta.rows.map((r) => [r.iCode ?? '', r]));
  const entries: Record<string, string>[] = [
    ...framework.nodes.map((x) => ({
      Level: formatNumber(x.level), iCode: x.code, iName: x.name, Direction: formatNumber(x.direction),
      Weight: formatNumber(x.weight), Unit: formatText(x.unit), Target: formatNumber(x.target),
      Denominator: formatText(x.denominator), Parent: formatText(x.parent), Type: x.type,
    })),
    ...framework.aux.map((a) => ({
      Level: 'NA', iCode: a.code, iName: a.name, Direction: 'NA', Weight: 'NA', Unit: formatText(a.unit),
      Target: 'NA', Denominator: 'NA', Parent: 'NA', Type: a.type,
    })),
  ];
  const order = new Map(framework.meta.rows.map((r, i) => [r.iCode ?? '', i]));
  entries.sort((a, b) => (order.get(a.iCode ?? '') ?? Infinity) - (order.get(b.iCode ?? '') ?? Infinity));
  const rows = entries.map((e) => {
    const out: Record<string, string> = {};
    const before = previous.get(e.iCode ?? '') ?? {};
    for (const c of columns) out[c] = e[c] ?? before[c] ?? 'NA';
    return out;
  });
  return { columns, rows };
}
