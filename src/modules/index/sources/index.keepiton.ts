/**
 * Access Now #KeepItOn STOP dataset (XLSX, 2016–2022) → internet-shutdown events per country × year.
 * The workbook has one sheet per release in three column layouts, detected from each sheet's header:
 *  - `release` (2020, 2021, 2022 Data): `start_date_type, start_date, country, …, shutdown_type, shutdown_extent`;
 *    the sheet lists every shutdown active in that year, so the year is the sheet's (events that began earlier
 *    and continue are counted again, as Access Now's yearly totals do);
 *  - `2019`: `ID, start_date, end_date , …, country , …, full or service-based` (headers with trailing spaces);
 *    the year is the sheet's, 2019;
 *  - `2016–2018`: `year, start_date, …, country, …, shutdown_type_group`; the year is the `year` column.
 * Any other sheet (e.g. "Need more details", three untitled rows of leads) is skipped and reported.
 */
import { readFile } from 'node:fs/promises';
import type ExcelJS from 'exceljs';
import { cellText, loadWorkbook } from '../io/index.xlsx.js';
import { createCountryMapper } from './country-names.js';
import { countExcluded, measureCoverage, type Provenance, type SourceImport, type SourceValue } from './index.sources.types.js';

export const KEEPITON_PROVENANCE: Provenance = {
  source: 'Access Now #KeepItOn STOP dataset 2016–2022 (Keepiton_raw_dataset.xlsx, via jens-koning/internet_shutdowns_india)',
  date: '2016–2022 releases',
  licence: 'Attribute "Access Now #KeepItOn"',
};

export type KeepItOnLayout = 'release' | '2019' | '2016-2018';

/** One shutdown event in the common shape. */
export interface ShutdownEvent {
  sheet: string;
  /** 1-based worksheet row. */
  row: number;
  layout: KeepItOnLayout;
  country: string;
  year: number;
  startDate: string | null;
  /** "Full network" / "Service-based" as the sheet says it (layouts differ in spelling). */
  extent: string | null;
}

const norm = (h: string) => h.trim().toLowerCase();

/** The layout of a header row, or null when it is none of the three. */
export function detectLayout(header: string[]): KeepItOnLayout | null {
  const h = new Set(header.map(norm));
  if (!h.has('country') || !h.has('start_date')) return null;
  if (h.has('start_date_type') && h.has('shutdown_extent')) return 'release';
  if (h.has('id') && h.has('full or service-based')) return '2019';
  if (h.has('year') && h.has('shutdown_type_group')) return '2016-2018';
  return null;
}

const EXTENT_COLUMN: Record<KeepItOnLayout, string> = { release: 'shutdown_extent', '2019': 'full or service-based', '2016-2018': 'shutdown_type_group' };

function sheetYear(name: string): number | null {
  const m = /^\s*(\d{4})(\s+data)?\s*$/i.exec(name);
  return m ? Number(m[1]) : null;
}

/** The events of one worksheet, or the reason it was skipped. */
function sheetEvents(sheet: ExcelJS.Worksheet): { events: ShutdownEvent[]; skipped?: string; undated: number } {
  const header: string[] = [];
  for (let c = 1; c <= sheet.columnCount; c++) header.push(cellText(sheet.getRow(1).getCell(c).value));
  const layout = detectLayout(header);
  if (layout === null) return { events: [], skipped: `sheet "${sheet.name}": header matches none of the three layouts`, undated: 0 };
  const col = (name: string) => header.findIndex((h) => norm(h) === name) + 1;
  const [country, start, extent, yearCol] = [col('country'), col('start_date'), col(EXTENT_COLUMN[layout]), col('year')];
  const fixedYear = layout === '2016-2018' ? null : sheetYear(sheet.name);
  if (layout !== '2016-2018' && fixedYear === null) return { events: [], skipped: `sheet "${sheet.name}": no year in its name`, undated: 0 };
  const events: ShutdownEvent[] = [];
  let undated = 0;
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const name = cellText(row.getCell(country).value).trim();
    if (name === '' && cellText(row.getCell(start).value).trim() === '') continue; // an empty row
    const year = fixedYear ?? Number.parseInt(cellText(row.getCell(yearCol).value), 10);
    if (!Number.isInteger(year)) {
      undated += 1;
      continue;
    }
    const startText = cellText(row.getCell(start).value).trim();
    events.push({ sheet: sheet.name.trim(), row: r, layout, country: name, year, startDate: startText || null, extent: cellText(row.getCell(extent).value).trim() || null });
  }
  return { events, undated };
}

/** Imports the workbook: `shutdown_events` per ISO3 × year, with every sheet's layout and any skipped sheet reported. */
export async function importKeepItOn(file: string): Promise<SourceImport & { events: ShutdownEvent[]; sheets: { name: string; layout: KeepItOnLayout | null; events: number }[] }> {
  const workbook = await loadWorkbook(await readFile(file));
  const names = createCountryMapper();
  const excluded: Record<string, number> = {};
  const events: ShutdownEvent[] = [];
  const sheets: { name: string; layout: KeepItOnLayout | null; events: number }[] = [];
  for (const sheet of workbook.worksheets) {
    const got = sheetEvents(sheet);
    sheets.push({ name: sheet.name.trim(), layout: got.events[0]?.layout ?? null, events: got.events.length });
    if (got.skipped) countExcluded(excluded, got.skipped);
    for (let i = 0; i < got.undated; i++) countExcluded(excluded, 'event without a year');
    events.push(...got.events);
  }
  const counts = new Map<string, number>();
  let used = 0;
  for (const e of events) {
    const iso3 = names.toIso3(e.country, `sheet ${e.sheet}`);
    if (iso3 === null) {
      countExcluded(excluded, 'event: country not mapped');
      continue;
    }
    used += 1;
    const key = `${iso3}|${e.year}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const values: SourceValue[] = [...counts].map(([key, n]) => {
    const [iso3 = '', year = ''] = key.split('|');
    return {
      iso3, year: Number(year), measure: 'shutdown_events', value: n,
      note: 'events recorded as active in the year (a shutdown continuing from an earlier year is counted again, as in Access Now’s yearly totals)',
      ...KEEPITON_PROVENANCE,
    };
  });
  values.sort((a, b) => a.iso3.localeCompare(b.iso3) || (a.year ?? 0) - (b.year ?? 0));
  return {
    values, events, sheets,
    coverage: { source: 'Access Now #KeepItOn', recordsRead: events.length, recordsUsed: used, excluded, measures: measureCoverage(values), names: names.report() },
  };
}
