/**
 * EuRepoC (European Repository of Cyber Incidents) dashboard files → incidents per receiving country × year.
 * The files have one row per incident × receiver × initiator × type (× targeted sector), keyed by `ID`; an
 * incident is counted once per receiving country and year (the `year` column, else `start_date`'s year).
 *  - `incidents`: every incident received (dashboard_evolution_data.csv);
 *  - `ci_disruptive_incidents`: incidents of type Disruption or Ransomware whose targets include the
 *    "Critical infrastructure" category (dashboard_targeted_sectors_data.csv): the availability of services.
 * Only observed incidents are returned (no zeros): absence from a repository is a count of zero only within
 * its coverage, which the edition builder decides and records.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { createCountryMapper } from './country-names.js';
import { countExcluded, measureCoverage, type Provenance, type SourceImport, type SourceValue } from './index.sources.types.js';

export const EUREPOC_PROVENANCE = (file: string): Provenance => ({
  source: `EuRepoC – European Repository of Cyber Incidents (swp-berlin/EuRepoC_Cyber_Incident_Dashboard), ${file}`,
  date: '2023-12-04 (extraction)',
  licence: 'No licence file in the source repository: attribute "EuRepoC"; confirm terms before publishing derived data',
});

/** Incident types that take a service down (availability), as EuRepoC names them. */
export const DISRUPTIVE_TYPES = new Set(['Disruption', 'Ransomware']);
export const CRITICAL_INFRASTRUCTURE = 'Critical infrastructure';

type Row = Record<string, string>;

function yearOf(row: Row): number | null {
  const y = Number.parseFloat(row.year ?? '');
  if (Number.isInteger(y)) return y;
  const m = /^(\d{4})-/.exec(row.start_date ?? '');
  return m ? Number(m[1]) : null;
}

async function readRows(dir: string, file: string): Promise<Row[]> {
  return parse(await readFile(join(dir, file), 'utf8'), { columns: true, bom: true, skip_empty_lines: true }) as Row[];
}

/** Imports the EuRepoC folder (`dashboard_evolution_data.csv`, `dashboard_targeted_sectors_data.csv`). */
export async function importEurepoc(dir: string): Promise<SourceImport> {
  const names = createCountryMapper();
  const excluded: Record<string, number> = {};
  const evolution = await readRows(dir, 'dashboard_evolution_data.csv');
  const sectors = await readRows(dir, 'dashboard_targeted_sectors_data.csv');

  /** measure → "ISO3|year" → incident IDs */
  const sets: Record<string, Map<string, Set<string>>> = { incidents: new Map(), ci_disruptive_incidents: new Map() };
  const incidents = new Set<string>();
  const used = new Set<string>();
  const seenPair = new Set<string>();
  const add = (measure: string, rows: Row[], file: string, keep: (r: Row) => boolean) => {
    for (const r of rows) {
      const id = r.ID ?? '';
      if (measure === 'incidents') incidents.add(id);
      if (!keep(r)) continue;
      const pair = `${measure}|${id}|${r.receiver_country ?? ''}`;
      const first = !seenPair.has(pair);
      seenPair.add(pair);
      const year = yearOf(r);
      const iso3 = first ? names.toIso3(r.receiver_country ?? '', file) : resolveQuiet(r.receiver_country ?? '');
      if (iso3 === null || year === null) {
        if (first && measure === 'incidents') countExcluded(excluded, iso3 === null ? 'incident × receiver: not a mapped country' : 'incident × receiver: no date');
        continue;
      }
      const key = `${iso3}|${year}`;
      const set = sets[measure]?.get(key) ?? new Set<string>();
      set.add(id);
      sets[measure]?.set(key, set);
      if (measure === 'incidents') used.add(id);
    }
  };
  const quiet = createCountryMapper();
  const resolveQuiet = (name: string) => quiet.toIso3(name, '');
  add('incidents', evolution, 'dashboard_evolution_data.csv', () => true);
  add('ci_disruptive_incidents', sectors, 'dashboard_targeted_sectors_data.csv',
    (r) => r.receiver_category === CRITICAL_INFRASTRUCTURE && DISRUPTIVE_TYPES.has(r.incident_type ?? ''));

  const values: SourceValue[] = [];
  for (const [measure, map] of Object.entries(sets)) {
    const file = measure === 'incidents' ? 'dashboard_evolution_data.csv' : 'dashboard_targeted_sectors_data.csv';
    const note = measure === 'incidents'
      ? 'distinct incidents with this receiving country, by start year'
      : 'distinct incidents of type Disruption or Ransomware targeting Critical infrastructure in this country, by start year';
    for (const [key, ids] of map) {
      const [iso3 = '', year = ''] = key.split('|');
      values.push({ iso3, year: Number(year), measure, value: ids.size, note, ...EUREPOC_PROVENANCE(file) });
    }
  }
  values.sort((a, b) => a.measure.localeCompare(b.measure) || a.iso3.localeCompare(b.iso3) || (a.year ?? 0) - (b.year ?? 0));
  return {
    values,
    coverage: { source: 'EuRepoC', recordsRead: incidents.size, recordsUsed: used.size, excluded, measures: measureCoverage(values), names: names.report() },
  };
}
