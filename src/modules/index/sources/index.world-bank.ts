/**
 * World Bank denominators as packaged by the JRC's COINr (WorldDenoms.csv: `uName, uCode, GDP, Population, Area,
 * GDPpc, Income_Group`), keyed by ISO3 already. The file is one snapshot without a reference year, so values carry
 * `year: null`; the edition builder repeats them for each time point and says so.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { createCountryMapper } from './country-names.js';
import { countExcluded, measureCoverage, type SourceImport, type SourceValue } from './index.sources.types.js';

export const WORLD_BANK_MEASURES = ['GDP', 'Population', 'Area', 'GDPpc'] as const;

const PROVENANCE = {
  source: 'World Bank World Development Indicators, as packaged by the JRC COINr (WorldDenoms.csv)',
  date: 'snapshot without a stated reference year',
  licence: 'CC BY 4.0 (World Bank)',
};

export async function importWorldBank(file: string): Promise<SourceImport & { incomeGroup: Record<string, string> }> {
  const rows = parse(await readFile(file, 'utf8'), { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[];
  const names = createCountryMapper();
  const excluded: Record<string, number> = {};
  const values: SourceValue[] = [];
  const incomeGroup: Record<string, string> = {};
  for (const r of rows) {
    const iso3 = names.toIso3(r.uCode ?? '', 'uCode');
    if (iso3 === null) {
      countExcluded(excluded, 'uCode not an ISO 3166 alpha-3 code');
      continue;
    }
    for (const m of WORLD_BANK_MEASURES) {
      const v = Number.parseFloat(r[m] ?? '');
      if (Number.isFinite(v)) values.push({ iso3, year: null, measure: m, value: v, ...PROVENANCE });
    }
    if (r.Income_Group && r.Income_Group !== 'NA') incomeGroup[iso3] = r.Income_Group;
  }
  return {
    values, incomeGroup,
    coverage: { source: 'World Bank (COINr WorldDenoms)', recordsRead: rows.length, recordsUsed: rows.length - Object.values(excluded).reduce((a, b) => a + b, 0), excluded, measures: measureCoverage(values), names: names.report() },
  };
}
