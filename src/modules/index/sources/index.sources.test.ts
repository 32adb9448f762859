import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { needsShared, sharedPaths } from '../../../../test/helpers/shared-data.js';
import { parseCoinr } from '../engine/coinr-format.js';
import { runPipeline } from '../engine/pipeline.js';
import { writeXlsxTables } from '../io/index.xlsx.js';
import { importEurepoc } from './index.eurepoc.js';
import { importItuGci } from './index.itu-gci.js';
import { detectLayout, importKeepItOn } from './index.keepiton.js';
import { buildPilotEdition, PILOT_PIPELINE } from './index.pilot.js';
import { importWorldBank } from './index.world-bank.js';
import type { SourceValue } from './index.sources.types.js';

const FIX = join(import.meta.dirname, 'fixtures');
const open = needsShared('importers on the real open data', sharedPaths.indexSources);
const DATA = open.path;
const value = (values: SourceValue[], measure: string, iso3: string, year: number | null) =>
  values.find((v) => v.measure === measure && v.iso3 === iso3 && v.year === year)?.value;
const total = (values: SourceValue[], measure: string, year: number) =>
  values.filter((v) => v.measure === measure && v.year === year).reduce((s, v) => s + v.value, 0);

/** A #KeepItOn-like workbook with one sheet per layout, plus a sheet of leads without a header. */
async function keepItOnFixture(): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), 'kio-')), 'kio.xlsx');
  const sheet = (name: string, columns: string[], rows: string[][]) => ({ name, table: { columns, rows: rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i] ?? '']))) } });
  writeFileSync(file, await writeXlsxTables([
    sheet('2021 Data', ['start_date_type', 'start_date', 'country', 'shutdown_type', 'shutdown_extent'],
      [['Actual', '2016-06-12', 'Pakistan', 'Shutdown', 'Full network'], ['Actual', '2021-03-20', 'Congo', 'Shutdown', 'Full network'], ['Actual', '2021-05-01', 'Atlantis', 'Throttle', 'Service-based']]),
    sheet('2019', ['ID', 'start_date', 'end_date ', 'country ', 'full or service-based'], [['1', '2018-03-28', '2019-07-13', 'Chad', 'Service-based'], ['2', '2019-01-01', '', 'SriLanka', 'Full']]),
    sheet('2016+2017+2018 ', ['year', 'start_date', 'country', 'shutdown_type_group'], [['2016', '2016-01-26', 'India', 'Full network'], ['2017', '2017-01-01', 'Democratic Republic of the Congo', 'Full network'], ['2018', '2018-02-02', 'India', 'Service-based']]),
    sheet('Need more details', ['2017', 'Afghanistan', 'https://example.org'], [['2019', 'Mauritania', 'https://example.org']]),
  ]));
  return file;
}

describe('importers on small fixtures', () => {
  it('EuRepoC: counts each incident once per receiving country and year, and critical-infrastructure disruptions apart', async () => {
    const { values, coverage } = await importEurepoc(join(FIX, 'eurepoc'));
    expect(value(values, 'incidents', 'UKR', 2022)).toBe(2);
    expect(value(values, 'incidents', 'POL', 2022)).toBe(1);
    expect(value(values, 'ci_disruptive_incidents', 'UKR', 2022)).toBe(2); // a disruption and a ransomware attack
    expect(value(values, 'ci_disruptive_incidents', 'POL', 2022)).toBeUndefined(); // state institutions, not critical infrastructure
    expect(value(values, 'ci_disruptive_incidents', 'KOR', 2021)).toBeUndefined(); // hijacking is not a disruption
    expect(coverage.recordsRead).toBe(6);
    expect(coverage.names.unmapped.map((n) => n.name)).toEqual(['Atlantis']);
    expect(coverage.names.notCountries.map((n) => n.name)).toEqual(['Europe (region)']);
    expect(coverage.excluded['incident × receiver: no date']).toBe(1);
    expect(values[0]).toMatchObject({ date: '2023-12-04 (extraction)', licence: expect.stringContaining('EuRepoC') });
  });

  it('#KeepItOn: detects the three layouts, counts events per country and year, skips and reports the rest', async () => {
    const got = await importKeepItOn(await keepItOnFixture());
    expect(got.sheets.map((s) => [s.name, s.layout, s.events])).toEqual([
      ['2021 Data', 'release', 3], ['2019', '2019', 2], ['2016+2017+2018', '2016-2018', 3], ['Need more details', null, 0],
    ]);
    expect(value(got.values, 'shutdown_events', 'PAK', 2021)).toBe(1); // begun in 2016, active in 2021
    expect(value(got.values, 'shutdown_events', 'COG', 2021)).toBe(1);
    expect(value(got.values, 'shutdown_events', 'TCD', 2019)).toBe(1);
    expect(value(got.values, 'shutdown_events', 'IND', 2016)).toBe(1);
    expect(got.coverage.names.unmapped).toEqual([{ name: 'Atlantis', count: 1, where: ['sheet 2021 Data'] }]);
    expect(Object.keys(got.coverage.excluded)).toContain('sheet "Need more details": header matches none of the three layouts');
    expect(detectLayout(['a', 'b'])).toBeNull();
  });

  it('ITU GCI: pairs scores with ranks despite the "Globa Rank" typo, rescales 0–1 editions, never fills blanks', async () => {
    const { values, coverage } = await importItuGci(join(FIX, 'gci.csv'));
    expect(value(values, 'gci_score', 'USA', 2014)).toBe(82.4);
    expect(value(values, 'gci_rank', 'USA', 2014)).toBe(1);
    expect(value(values, 'gci_score', 'USA', 2020)).toBe(100);
    expect(value(values, 'gci_score', 'SWZ', 2017)).toBe(4.1);
    expect(value(values, 'gci_score', 'SWZ', 2024)).toBe(79.43); // from the row spelt Eswatini
    expect(value(values, 'gci_score', 'SWZ', 2018)).toBe(13.3);
    expect(coverage.names.unmapped.map((n) => n.name)).toEqual(['Narnia']);
  });
});

describe.skipIf(!open.available)(open.title('importers on the real open data'), () => {
  it('EuRepoC: 2,465 incidents; Ukraine 2022: 42 incidents, 11 disruptive against critical infrastructure', async () => {
    const { values, coverage } = await importEurepoc(join(DATA, 'eurepoc'));
    expect(coverage.recordsRead).toBe(2465);
    expect(value(values, 'incidents', 'UKR', 2022)).toBe(42);
    expect(value(values, 'ci_disruptive_incidents', 'UKR', 2022)).toBe(11);
    expect(total(values, 'ci_disruptive_incidents', 2022)).toBe(74);
    expect(coverage.names.unmapped).toEqual([]);
    expect(coverage.names.notCountries.map((n) => n.name)).toEqual(expect.arrayContaining(['Europe (region)', 'EU (institutions)', 'Unknown']));
  });

  it('#KeepItOn: 1,118 events, the yearly totals Access Now published (75, 106, 196, 213, 159, 182, 187)', async () => {
    const got = await importKeepItOn(join(DATA, 'keepiton/Keepiton_raw_dataset.xlsx'));
    expect(got.coverage.recordsRead).toBe(1118);
    expect([2016, 2017, 2018, 2019, 2020, 2021, 2022].map((y) => total(got.values, 'shutdown_events', y))).toEqual([75, 106, 196, 213, 159, 182, 187]);
    expect(value(got.values, 'shutdown_events', 'IND', 2018)).toBe(134);
    expect(got.coverage.names.unmapped).toEqual([]);
  });

  it('ITU GCI: 195 countries over five editions on a 0–100 scale', async () => {
    const { values, coverage } = await importItuGci(join(DATA, 'itu-gci/gci-local-indicator-summary.csv'));
    expect(coverage.recordsUsed).toBe(195);
    expect(coverage.measures.gci_score?.years).toEqual([2014, 2017, 2018, 2020, 2024]);
    expect(values.filter((v) => v.measure === 'gci_score').every((v) => v.value >= 0 && v.value <= 100)).toBe(true);
    expect(coverage.names.unmapped).toEqual([]);
  });

  it('World Bank: 249 ISO3 units, population for 214', async () => {
    const { coverage, incomeGroup } = await importWorldBank(join(DATA, 'world-bank/WorldDenoms.csv'));
    expect([coverage.recordsUsed, coverage.measures.Population?.units]).toEqual([249, 214]);
    expect(incomeGroup.AFG).toBe('Low income');
  });

  it('the pilot edition imports cleanly, lists the categories without data and runs', async () => {
    const edition = await buildPilotEdition({ sourcesDir: DATA });
    expect(edition.years).toEqual([2017, 2018, 2020]);
    expect(edition.categories.map((c) => [c.code, c.status, c.indicatorsWithData])).toEqual([
      ['Confidence', 'data', ['GCI']], ['Services', 'data', ['CIDisrupt']], ['Information', 'data', ['Shutdowns']],
      ['Change', 'no data yet', []], ['Tension', 'no data yet', []],
    ]);
    const parsed = parseCoinr({ iData: edition.iData, iMeta: edition.iMeta, source: 'pilot' });
    expect(parsed.ok ? [] : parsed.issues).toEqual([]);
    if (!parsed.ok) return;
    const result = runPipeline(parsed.dataset, PILOT_PIPELINE);
    const hkg = result.units.findIndex((u) => u.uCode === 'HKG' && u.time === 2020);
    expect(result.scores.Index?.[hkg]).toBeNull(); // no GCI score → no index score, not a rank on two categories
    expect(result.scores.Services?.filter((s) => s === null)).toHaveLength(0);
  });
});
