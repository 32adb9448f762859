/**
 * The pipeline's results as an analyst downloads them: one row per unit (and time), the score and rank of every
 * aggregate from the index down (`Index`, `Index_rank`, …). CSV and XLSX hold the table; JSON adds the
 * configuration as run and each step's record, so the numbers can be traced. A published edition's downloads (the
 * public API) add the uncertainty bands, and its workbook the framework and the changes from the previous edition.
 */
import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { formatNumber } from '../engine/coinr-cells.js';
import { aggregateNodes } from '../engine/data-table.js';
import type { PipelineResult } from '../engine/pipeline.js';
import type { Framework } from '../engine/types.js';
import type { EditionChanges } from '../index.changes.js';
import type { EditionSnapshot } from '../index.models.js';
import { isWithheld, withheldSourcesText } from '../index.withheld.js';
import { writeCsvTable, type TextTable } from './index.csv.js';
import { writeXlsxTables } from './index.xlsx.js';

/** Aggregates from the top level down, iMeta order within a level. */
function aggregateCodes(framework: Framework): string[] {
  return aggregateNodes(framework)
    .map((n, i) => ({ n, i }))
    .sort((a, b) => b.n.level - a.n.level || a.i - b.i)
    .map(({ n }) => n.code);
}

/** The results table: uCode, uName, Time (when the data have one), then score and rank per aggregate. */
export function resultsTable(result: PipelineResult, framework: Framework): TextTable {
  const codes = aggregateCodes(framework);
  const hasTime = result.units.some((u) => u.time !== null);
  const columns = ['uCode', 'uName', ...(hasTime ? ['Time'] : []), ...codes.flatMap((c) => [c, `${c}_rank`])];
  const rows = result.units.map((u, i) => {
    const row: Record<string, string> = { uCode: u.uCode, uName: u.uName ?? 'NA' };
    if (hasTime) row.Time = formatNumber(u.time);
    for (const c of codes) {
      row[c] = formatNumber(result.scores[c]?.[i] ?? null);
      row[`${c}_rank`] = formatNumber(result.ranks[c]?.[i] ?? null);
    }
    return row;
  });
  return { columns, rows };
}

/** Every column of a results table but the unit's code and name holds numbers. */
const numericResultColumns = (table: TextTable) => new Set(table.columns.filter((c) => c !== 'uCode' && c !== 'uName'));

/** The JSON download: configuration as run, step records, and per-unit scores and ranks. */
function resultsJson(result: PipelineResult, framework: Framework): unknown {
  const codes = aggregateCodes(framework);
  return {
    config: result.config,
    steps: result.records,
    results: result.units.map((u, i) => ({
      uCode: u.uCode,
      uName: u.uName,
      time: u.time,
      scores: Object.fromEntries(codes.map((c) => [c, result.scores[c]?.[i] ?? null])),
      ranks: Object.fromEntries(codes.map((c) => [c, result.ranks[c]?.[i] ?? null])),
    })),
  };
}

export const RESULT_FORMATS = ['.csv', '.xlsx', '.json'] as const;

/** Writes the results in the format the file name asks for (.csv, .xlsx or .json). */
export async function writeResults(file: string, result: PipelineResult, framework: Framework): Promise<void> {
  const ext = extname(file).toLowerCase();
  if (ext === '.json') return writeFile(file, `${JSON.stringify(resultsJson(result, framework), null, 2)}\n`);
  const table = resultsTable(result, framework);
  if (ext === '.csv') return writeFile(file, writeCsvTable(table));
  if (ext === '.xlsx') return writeFile(file, await writeXlsxTables([{ name: 'Results', table, numericColumns: numericResultColumns(table) }]));
  throw new Error(`${file}: results are written as ${RESULT_FORMATS.join(', ')}`);
}

/**
 * OWASP CSV injection: a text cell starting with = + - @ tab or CR gets a leading `'`, so a spreadsheet shows it
 * instead of running it (numbers are written apart, as numbers).
 */
export const safeText = (value: string) => (/^'*[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** What the cells of a node withheld for licence reasons read (its sources are named in the Framework sheet). */
export const WITHHELD_CELL = 'withheld (licence)';

/**
 * A published edition's results: one row per unit × time, every aggregate's score, rank and 5/95 % bands, from the
 * index down; an aggregate withheld for licence reasons reads `withheld (licence)` in all six of its columns.
 */
export function editionResultsTable(snapshot: EditionSnapshot): TextTable {
  const aggregates = snapshot.nodes.filter((n) => n.kind === 'aggregate').map((n) => n.code);
  const withheld = new Set(snapshot.nodes.filter(isWithheld).map((n) => n.code));
  const names = new Map(snapshot.units.map((u) => [u.code, u.name]));
  const columns = ['uCode', 'uName', 'Time', ...aggregates.flatMap((c) => [c, `${c}_p5`, `${c}_p95`, `${c}_rank`, `${c}_rank_p5`, `${c}_rank_p95`])];
  const rows = snapshot.rows.map((r) => {
    const row: Record<string, string> = { uCode: safeText(r.unit), uName: safeText(names.get(r.unit) ?? r.unit), Time: formatNumber(r.time) };
    for (const c of aggregates) {
      if (withheld.has(c)) {
        for (const suffix of ['', '_p5', '_p95', '_rank', '_rank_p5', '_rank_p95']) row[`${c}${suffix}`] = WITHHELD_CELL;
        continue;
      }
      const band = r.bands[c];
      Object.assign(row, {
        [c]: formatNumber(r.scores[c] ?? null), [`${c}_p5`]: formatNumber(band?.score.p5 ?? null), [`${c}_p95`]: formatNumber(band?.score.p95 ?? null),
        [`${c}_rank`]: formatNumber(r.ranks[c] ?? null), [`${c}_rank_p5`]: formatNumber(band?.rank.p5 ?? null), [`${c}_rank_p95`]: formatNumber(band?.rank.p95 ?? null),
      });
    }
    return row;
  });
  return { columns, rows };
}

/** The framework as iMeta names its columns, one row per node from the index down. */
function frameworkTable(snapshot: EditionSnapshot): TextTable {
  const columns = ['iCode', 'iName', 'Level', 'Type', 'Parent', 'Weight', 'Direction', 'Unit', 'Source', 'Licence', 'Note', 'RawValues', 'Scores'];
  const text = (v: string | null) => (v === null ? 'NA' : safeText(v));
  const rows = snapshot.nodes.map((n) => ({
    iCode: safeText(n.code), iName: safeText(n.name), Level: formatNumber(n.level), Type: n.kind === 'indicator' ? 'Indicator' : 'Aggregate',
    Parent: text(n.parent), Weight: formatNumber(n.weight), Direction: formatNumber(n.direction),
    Unit: text(n.unit), Source: text(n.source), Licence: text(n.licence), Note: text(n.note),
    // Why an indicator's raw values are absent from the JSON download (null there): its source's licence.
    RawValues: n.kind !== 'indicator' ? 'NA' : n.rawWithheld ? WITHHELD_CELL : 'given',
    // Why a node's scores, ranks and bands read `withheld (licence)` in Results (null in the JSON), and from what.
    Scores: isWithheld(n) ? safeText(`${WITHHELD_CELL}: ${withheldSourcesText(snapshot, n.code)}`) : 'given',
  }));
  return { columns, rows };
}

/** A configuration value as a cell: numbers as numbers, anything else as compact JSON; absent as an empty cell. */
const jsonCell = (v: unknown) => (v === null || v === undefined ? 'NA' : typeof v === 'number' ? formatNumber(v) : safeText(JSON.stringify(v)));

/** The edition itself, as field/value rows: what it is, when it was published, what it follows and why it changed. */
function aboutTable(edition: EditionDownload): TextTable {
  const fields: [string, string | null][] = [
    ['Edition', edition.slug], ['Title (en)', edition.titleEn], ['Title (fr)', edition.titleFr],
    ['Published', edition.publishedAt?.toISOString() ?? null], ['Previous edition', edition.changes.previous?.slug ?? null],
    ['Pilot', edition.isPilot ? 'yes: computed from open data, not an edition adopted by working group 5' : 'no'],
    ['Withdrawn', edition.status === 'withdrawn' ? `${edition.withdrawnAt?.toISOString() ?? ''}: ${edition.withdrawalReason ?? ''}` : null],
    ['Changes note (en)', edition.changesNoteEn], ['Changes note (fr)', edition.changesNoteFr],
    ['Index', edition.snapshot.top], ['Monte Carlo runs', formatNumber(edition.snapshot.uncertainty.runs)],
    ['Monte Carlo runs asked for', formatNumber(edition.snapshot.uncertainty.design?.requested ?? null)],
    ['Why fewer runs', edition.snapshot.uncertainty.design?.reason ?? null], ['Seed', formatNumber(edition.snapshot.uncertainty.seed)],
  ];
  return { columns: ['Field', 'Value'], rows: fields.map(([Field, value]) => ({ Field, Value: value === null ? 'NA' : safeText(value) })) };
}

/** What the workbook of a published edition is made from. */
export interface EditionDownload {
  slug: string;
  titleEn: string;
  titleFr: string;
  publishedAt: Date | null;
  isPilot: boolean;
  status: string;
  withdrawnAt: Date | null;
  withdrawalReason: string | null;
  changesNoteEn: string | null;
  changesNoteFr: string | null;
  snapshot: EditionSnapshot;
  changes: EditionChanges;
}

/**
 * A published edition as a self-describing workbook: `Results` (the same table as the CSV, numbers as numbers),
 * `Edition` (what it is), `Framework` (its nodes), `Config changes` and `Unit changes` (from the previous edition).
 */
export async function editionWorkbook(edition: EditionDownload): Promise<Buffer> {
  const results = editionResultsTable(edition.snapshot);
  const configChanges = {
    columns: ['Path', 'Before', 'After'],
    rows: edition.changes.config.map((c) => ({ Path: safeText(c.path), Before: jsonCell(c.before), After: jsonCell(c.after) })),
  };
  const unitChanges = {
    columns: ['uCode', 'uName', 'Time', 'Score_before', 'Score_after', 'Score_delta', 'Rank_before', 'Rank_after', 'Rank_delta'],
    rows: edition.changes.units.map((u) => ({
      uCode: safeText(u.unit), uName: safeText(u.name), Time: formatNumber(u.time),
      Score_before: formatNumber(u.score.before), Score_after: formatNumber(u.score.after), Score_delta: formatNumber(u.score.delta),
      Rank_before: formatNumber(u.rank.before), Rank_after: formatNumber(u.rank.after), Rank_delta: formatNumber(u.rank.delta),
    })),
  };
  return writeXlsxTables([
    { name: 'Results', table: results, numericColumns: numericResultColumns(results) },
    { name: 'Edition', table: aboutTable(edition) },
    { name: 'Framework', table: frameworkTable(edition.snapshot), numericColumns: new Set(['Level', 'Weight', 'Direction']) },
    { name: 'Config changes', table: configChanges, numericColumns: new Set(['Before', 'After']) },
    { name: 'Unit changes', table: unitChanges, numericColumns: numericResultColumns(unitChanges) },
  ]);
}
