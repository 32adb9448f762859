/**
 * The pilot edition of the Cyberstability Index: the open data mapped onto the WG5 framework as a COINr
 * iData/iMeta pair, with a coverage report per category. Only what a source genuinely measures goes in:
 *  - time points are the years every mapped source covers (by default 2017, 2018 and 2020);
 *  - units are the countries ITU assessed in any GCI edition plus any country with a recorded event those years;
 *  - event counts (incidents, shutdowns) are 0 for a country-year with no recorded event, but only inside the
 *    repository's coverage years (a global register that lists nothing is a count of zero, said so in `Unit`);
 *    GCI scores are missing where ITU gave none;
 *  - categories, sub-dimensions and indicators without data are not in iMeta (the engine requires data for every
 *    indicator and children for every aggregate) and are listed in the coverage report instead.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { formatNumber } from '../engine/coinr-cells.js';
import type { PipelineConfig } from '../engine/pipeline.js';
import type { TextTable } from '../io/index.csv.js';
import { countryName } from './country-names.js';
import { importEurepoc } from './index.eurepoc.js';
import { importItuGci } from './index.itu-gci.js';
import { importKeepItOn } from './index.keepiton.js';
import type { CoverageReport, SourceValue } from './index.sources.types.js';
import { WG5_FRAMEWORK, type Wg5Indicator } from './index.wg5-framework.js';
import { importWorldBank, WORLD_BANK_MEASURES } from './index.world-bank.js';

/** Years each repository covers: inside them, no record means a count of zero. */
export const COUNT_COVERAGE: Record<string, [number, number]> = { eurepoc: [2000, 2023], keepiton: [2016, 2022] };

/**
 * The pilot's pipeline: COINr's defaults, except that outlier treatment leaves the critical-infrastructure
 * incident counts alone: they are zero for most countries, so winsorising the few non-zero values collapses the
 * range to nothing and min-max normalisation becomes undefined (all NA). Shutdown counts keep the default
 * treatment (a log transform on their heavy tail). The index is left missing when a category is.
 */
export const PILOT_PIPELINE: PipelineConfig = {
  steps: [{ step: 'treat', skip: ['CIDisrupt'] }, { step: 'normalise', method: 'minmax', lower: 0, upper: 100 }],
  // The index needs all three categories with data: an arithmetic mean over the present ones would rank a country
  // without a GCI score on incidents and shutdowns alone (Hong Kong and Palau came first in 2020 that way).
  aggregate: { method: 'arithmetic', datThresh: { 4: 1 } },
};

export const PILOT_FILES = {
  eurepoc: 'eurepoc',
  keepiton: 'keepiton/Keepiton_raw_dataset.xlsx',
  gci: 'itu-gci/gci-local-indicator-summary.csv',
  worldBank: 'world-bank/WorldDenoms.csv',
};

export interface CategoryCoverage {
  code: string;
  name: string;
  status: 'data' | 'no data yet';
  indicatorsWithData: string[];
  indicatorsWithoutData: { code: string; name: string; subDimension: string; rationale: string }[];
  /** Units with at least one value of this category's indicators, per year. */
  unitsWithData: Record<string, number>;
}

export interface PilotEdition {
  iData: TextTable;
  iMeta: TextTable;
  years: number[];
  units: string[];
  categories: CategoryCoverage[];
  sources: CoverageReport[];
}

const META_COLUMNS = ['Level', 'iCode', 'iName', 'Direction', 'Weight', 'Unit', 'Target', 'Denominator', 'Parent', 'Type', 'Source', 'SourceDate', 'Licence', 'Note'];

function metaRow(cells: Partial<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(META_COLUMNS.map((c) => [c, cells[c] ?? 'NA']));
}

/** Builds the pilot edition from the folder of open data (read at run time, never copied). */
export async function buildPilotEdition(input: { sourcesDir: string; years?: number[] }): Promise<PilotEdition> {
  const dir = input.sourcesDir;
  for (const f of Object.values(PILOT_FILES)) if (!existsSync(join(dir, f))) throw new Error(`${join(dir, f)} is missing`);
  const [eurepoc, keepiton, gci, wb] = await Promise.all([
    importEurepoc(join(dir, PILOT_FILES.eurepoc)),
    importKeepItOn(join(dir, PILOT_FILES.keepiton)),
    importItuGci(join(dir, PILOT_FILES.gci)),
    importWorldBank(join(dir, PILOT_FILES.worldBank)),
  ]);
  const bySource: Record<string, SourceValue[]> = { eurepoc: eurepoc.values, keepiton: keepiton.values, 'itu-gci': gci.values };
  const lookup = new Map<string, SourceValue>();
  for (const [source, values] of Object.entries(bySource)) for (const v of values) lookup.set(`${source}:${v.measure}|${v.iso3}|${v.year}`, v);

  const mapped = WG5_FRAMEWORK.flatMap((c) => c.subDimensions.flatMap((s) => s.indicators.filter((i) => i.measure !== null).map((i) => ({ c, s, i }))));
  const yearsOf = (measure: string) => {
    const [source = ''] = measure.split(':');
    const range = COUNT_COVERAGE[source];
    if (range) return Array.from({ length: range[1] - range[0] + 1 }, (_, k) => range[0] + k);
    return [...new Set((bySource[source] ?? []).filter((v) => `${source}:${v.measure}` === measure).map((v) => v.year as number))];
  };
  const years = input.years ?? mapped.map((m) => yearsOf(m.i.measure as string)).reduce((a, b) => a.filter((y) => b.includes(y))).sort((a, b) => a - b);

  const units = new Set(gci.values.filter((v) => v.measure === 'gci_score').map((v) => v.iso3));
  for (const { i } of mapped) {
    const [source = '', measure = ''] = (i.measure as string).split(':');
    for (const v of bySource[source] ?? []) if (v.measure === measure && years.includes(v.year as number)) units.add(v.iso3);
  }
  const unitList = [...units].sort();

  const valueOf = (ind: Wg5Indicator, iso3: string, year: number): number | null => {
    const [source = ''] = (ind.measure as string).split(':');
    const found = lookup.get(`${ind.measure}|${iso3}|${year}`);
    if (found) return found.value;
    const range = COUNT_COVERAGE[source];
    return range && year >= range[0] && year <= range[1] ? 0 : null;
  };
  const denoms = new Map(wb.values.map((v) => [`${v.measure}|${v.iso3}`, v.value]));

  const dataColumns = ['uCode', 'uName', 'Time', 'Income_Group', ...WORLD_BANK_MEASURES, ...mapped.map((m) => m.i.code)];
  const rows: Record<string, string>[] = [];
  for (const year of years) {
    for (const iso3 of unitList) {
      const row: Record<string, string> = { uCode: iso3, uName: countryName(iso3) ?? iso3, Time: String(year), Income_Group: wb.incomeGroup[iso3] ?? 'NA' };
      for (const m of WORLD_BANK_MEASURES) row[m] = formatNumber(denoms.get(`${m}|${iso3}`) ?? null);
      for (const { i } of mapped) row[i.code] = formatNumber(valueOf(i, iso3, year));
      rows.push(row);
    }
  }

  const provenanceOf = (ind: Wg5Indicator) => {
    const [source = '', measure = ''] = (ind.measure as string).split(':');
    const used = (bySource[source] ?? []).filter((x) => x.measure === measure && (x.year === null || years.includes(x.year)));
    const v = used[0];
    const dates = [...new Set(used.map((x) => x.date))].join('; ');
    return { Source: v?.source ?? 'NA', SourceDate: dates || 'NA', Licence: v?.licence ?? 'NA', Note: `${v?.note ?? ''}. ${ind.rationale}`.replace(/^\. /, '') };
  };
  const meta: Record<string, string>[] = [];
  for (const { s, i } of mapped) {
    const counted = COUNT_COVERAGE[(i.measure as string).split(':')[0] ?? ''] !== undefined;
    meta.push(metaRow({ Level: '1', iCode: i.code, iName: i.name, Direction: String(i.direction), Weight: '1', Unit: counted ? `${i.unit} (0 = none recorded)` : i.unit, Parent: s.code, Type: 'Indicator', ...provenanceOf(i) }));
  }
  const withData = new Set(mapped.map((m) => m.s.code));
  const categoriesWithData = WG5_FRAMEWORK.filter((c) => c.subDimensions.some((s) => withData.has(s.code)));
  for (const c of categoriesWithData) for (const s of c.subDimensions) if (withData.has(s.code)) meta.push(metaRow({ Level: '2', iCode: s.code, iName: s.name, Direction: '1', Weight: '1', Parent: c.code, Type: 'Aggregate' }));
  for (const c of categoriesWithData) meta.push(metaRow({ Level: '3', iCode: c.code, iName: c.name, Direction: '1', Weight: '1', Parent: 'Index', Type: 'Aggregate' }));
  const missing = WG5_FRAMEWORK.filter((c) => !categoriesWithData.includes(c)).map((c) => c.name);
  meta.push(metaRow({ Level: '4', iCode: 'Index', iName: 'Cyberstability Index (pilot)', Direction: '1', Weight: '1', Type: 'Aggregate', Note: `Pilot: no open data yet for ${missing.join('; ')}` }));
  meta.push(metaRow({ iCode: 'Income_Group', iName: 'World Bank income group', Type: 'Group', Source: 'World Bank (COINr WorldDenoms)', Licence: 'CC BY 4.0' }));
  for (const m of WORLD_BANK_MEASURES) {
    meta.push(metaRow({ iCode: m, iName: m, Type: 'Denominator', Source: 'World Bank (COINr WorldDenoms)', SourceDate: 'snapshot without a stated reference year; repeated for each time point', Licence: 'CC BY 4.0' }));
  }

  const categories: CategoryCoverage[] = WG5_FRAMEWORK.map((c) => {
    const inds = c.subDimensions.flatMap((s) => s.indicators.map((i) => ({ s, i })));
    const codes = inds.filter((x) => x.i.measure !== null).map((x) => x.i.code);
    const unitsWithData: Record<string, number> = {};
    for (const year of years) {
      unitsWithData[year] = rows.filter((r) => r.Time === String(year) && codes.some((k) => r[k] !== 'NA')).length;
    }
    return {
      code: c.code, name: c.name, status: codes.length > 0 ? 'data' : 'no data yet', indicatorsWithData: codes,
      indicatorsWithoutData: inds.filter((x) => x.i.measure === null).map((x) => ({ code: x.i.code, name: x.i.name, subDimension: x.s.name, rationale: x.i.rationale })),
      unitsWithData,
    };
  });
  return {
    iData: { columns: dataColumns, rows }, iMeta: { columns: META_COLUMNS, rows: meta }, years, units: unitList, categories,
    sources: [eurepoc.coverage, keepiton.coverage, gci.coverage, wb.coverage],
  };
}
