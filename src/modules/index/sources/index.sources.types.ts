/**
 * What every pilot-data importer returns: values per ISO3 × year, each carrying its source, date and licence
 * note, and a coverage report saying what was read, what was left out and why.
 */
import type { NameReport } from './country-names.js';

/** Provenance kept with every value. */
export interface Provenance {
  /** e.g. "EuRepoC (European Repository of Cyber Incidents), dashboard_targeted_sectors_data.csv" */
  source: string;
  /** Date of the data as known (extraction, edition or publication), ISO or a year. */
  date: string;
  licence: string;
}

export interface SourceValue extends Provenance {
  iso3: string;
  /** Null for a snapshot without a reference year (World Bank denominators as packaged by COINr). */
  year: number | null;
  /** Measure code within the source, e.g. `shutdown_events`. */
  measure: string;
  value: number;
  /** How the value was derived (count rule, rescaling). */
  note?: string;
}

export interface CoverageReport {
  source: string;
  /** Records (rows, events, incidents) read and used. */
  recordsRead: number;
  recordsUsed: number;
  /** Records left out, by reason (no country, not a state, unmapped name, no date, …). */
  excluded: Record<string, number>;
  /** Per measure: the number of countries and the years with at least one value. */
  measures: Record<string, { units: number; years: number[]; values: number }>;
  names: NameReport;
}

export interface SourceImport {
  values: SourceValue[];
  coverage: CoverageReport;
}

/** Coverage of each measure from the values. */
export function measureCoverage(values: SourceValue[]): CoverageReport['measures'] {
  const out: Record<string, { units: Set<string>; years: Set<number>; values: number }> = {};
  for (const v of values) {
    const m = (out[v.measure] ??= { units: new Set(), years: new Set(), values: 0 });
    m.units.add(v.iso3);
    if (v.year !== null) m.years.add(v.year);
    m.values += 1;
  }
  return Object.fromEntries(
    Object.entries(out).map(([k, m]) => [k, { units: m.units.size, years: [...m.years].sort((a, b) => a - b), values: m.values }]),
  );
}

/** Adds one to a reason's count. */
export function countExcluded(excluded: Record<string, number>, reason: string): void {
  excluded[reason] = (excluded[reason] ?? 0) + 1;
}
