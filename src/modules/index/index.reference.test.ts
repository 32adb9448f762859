/**
 * The index's part of the reference bundle: built from the real open data (beside the repository, never copied in),
 * written, read back and loaded into a real database as the published pilot, then served by the real HTTP routes
 * with the pilot's notice and, withheld, the figures of sources that may not be redistributed (raw values, scores,
 * ranks and bands of their indicators and of the aggregates computed from them alone). A broken file is refused with
 * its line, before anything is written.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { needsShared, sharedDir, sharedPaths } from '../../../test/helpers/shared-data.js';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { auditLog } from '../../app/audit/audit.tables.js';
import { BundleFileError, formatBundleFile } from '../../app/reference/bundle-file.js';
import { readCsvTable } from './io/index.csv.js';
import { indexMessages } from './index.messages.js';
import type { EditionSnapshot, SnapshotNode, SnapshotRow } from './index.models.js';
import { indexReference, pilotEditionFile, withholdLicensedValues } from './index.reference.js';
import { withheldSourcesText } from './index.withheld.js';
import { indexEditions } from './index.tables.js';
import { buildPilotEdition } from './sources/index.pilot.js';

const write = (dir: string, text: string) => {
  mkdirSync(dirname(join(dir, pilotEditionFile)), { recursive: true });
  writeFileSync(join(dir, pilotEditionFile), text);
};
const header = { file: pilotEditionFile, contents: 'test', source: 'test', version: '2023-12-04', licence: 'test' };

describe('a broken pilot bundle file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pariscall-index-bundle-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is refused with the file and the line of the bad record', async () => {
    write(dir, formatBundleFile(header, [{ slug: 'pilot', titles: { en: 'Pilot' } }]));
    const error = await indexReference.read(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BundleFileError);
    expect(error).toMatchObject({ file: pilotEditionFile, line: 2 });
    expect((error as Error).message).toMatch(/^reference\/index\/pilot-edition\.jsonl:2: /);
    expect((error as Error).message).toContain('titles.fr');
  });

  it('is refused when a line is not JSON, or when it holds no edition', async () => {
    write(dir, `${formatBundleFile(header, [{}]).split('\n')[0]}\n{"slug": "pilot",\n`);
    await expect(indexReference.read(dir)).rejects.toMatchObject({ name: 'BundleFileError', line: 2 });
    write(dir, formatBundleFile(header, []));
    await expect(indexReference.read(dir)).rejects.toThrow(/one edition expected/);
  });
});

/** A small tree: Index → A (a1, of ITU) and B (b1 of ITU, b2 open); A → A1 → a1 one level deeper is not needed. */
function treeSnapshot(): EditionSnapshot {
  const node = (code: string, level: number, parent: string | null, source: string | null = null): SnapshotNode => ({
    code, name: code, level, kind: level === 1 ? 'indicator' : 'aggregate', parent, weight: 1, direction: 1, unit: null, source, licence: null, note: null,
  });
  const nodes = [node('Index', 3, null), node('A', 2, 'Index'), node('B', 2, 'Index'), node('a1', 1, 'A', 'ITU Global Cybersecurity Index'), node('b1', 1, 'B', 'EuRepoC dashboard'), node('b2', 1, 'B', 'Access Now')];
  const all = (v: number) => Object.fromEntries(nodes.map((n) => [n.code, v]));
  const band = { score: { p5: 1, p50: 2, p95: 3 }, rank: { p5: 1, p50: 1, p95: 2 } };
  const row: SnapshotRow = { unit: 'FRA', time: 2020, raw: { a1: 7, b1: 3, b2: 5 }, scores: all(42), ranks: all(1), bands: { Index: band, A: band, B: band } };
  const sensitivity = { Index: [], A: [{ factor: 'weights, level 1', first: 0.5, total: 0.5 }], B: [] };
  return {
    format: 1, top: 'Index', times: [2020], units: [{ code: 'FRA', name: 'France' }], nodes, rows: [row],
    uncertainty: { seed: 1, runs: 64, percentiles: [5, 50, 95], factors: [], sensitivity },
    coverage: { indicators: [], withoutData: { categories: [], indicators: [] } }, config: { steps: [] },
  } as EditionSnapshot;
}

describe('the licence rule of the reference bundle', () => {
  it('withholds an unredistributable indicator and every aggregate fed by such indicators alone, and keeps the rest', () => {
    const { snapshot, withheld } = withholdLicensedValues(treeSnapshot());
    expect(withheld.map((w) => w.code)).toEqual(['A', 'a1', 'b1']);
    const marks = Object.fromEntries(snapshot.nodes.map((n) => [n.code, [n.rawWithheld ?? '-', n.scoresWithheld ?? '-']]));
    expect(marks).toEqual({ Index: ['-', '-'], A: ['-', 'licence'], B: ['-', '-'], a1: ['licence', 'licence'], b1: ['licence', 'licence'], b2: ['-', '-'] });
    const [row] = snapshot.rows;
    expect(row?.raw).toEqual({ a1: null, b1: null, b2: 5 });
    expect(row?.scores).toEqual({ Index: 42, A: null, B: 42, a1: null, b1: null, b2: 42 });
    expect(row?.ranks).toEqual({ Index: 1, A: null, B: 1, a1: null, b1: null, b2: 1 });
    expect(Object.keys(row?.bands ?? {})).toEqual(['Index', 'B']);
    expect(Object.keys(snapshot.uncertainty.sensitivity)).toEqual(['Index', 'B']);
    expect(withheldSourcesText(snapshot, 'A')).toBe('ITU Global Cybersecurity Index');
    expect(withheldSourcesText(snapshot, 'B')).toBe('');
  });
});

const open = needsShared('the pilot edition of the reference bundle', sharedPaths.indexSources);

describe.skipIf(!open.available)(open.title('the pilot edition of the reference bundle'), () => {
  const dir = mkdtempSync(join(tmpdir(), 'pariscall-index-bundle-'));
  let t: TestApp;
  let text = '';
  let gciRaw: { unit: string; time: number; value: number }[] = [];
  const withheldCodes = ['GCI', 'CIDisrupt', 'ConfEnv', 'Confidence', 'ServAvail', 'Services'];

  beforeAll(async () => {
    const built = await indexReference.build(sharedDir);
    text = built[pilotEditionFile] ?? '';
    write(dir, text);
    const pilot = await buildPilotEdition({ sourcesDir: sharedPaths.indexSources });
    gciRaw = pilot.iData.rows.filter((r) => r.GCI !== 'NA').map((r) => ({ unit: r.uCode ?? '', time: Number(r.Time), value: Number(r.GCI) }));
    t = await createTestApp();
    expect(await indexReference.isEmpty(t.database.db)).toBe(true);
    const parsed = await indexReference.read(dir);
    await t.database.db.transaction((tx) => indexReference.load(tx, parsed, 'system:reference-bundle'));
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is one compact, deterministic file: a header and one edition, the same bytes on every build', async () => {
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(Buffer.byteLength(text)).toBeLessThan(600_000);
    const again = await indexReference.build(sharedDir);
    expect(again[pilotEditionFile] === text).toBe(true);
    const { $bundle } = JSON.parse(lines[0] ?? '');
    expect($bundle).toMatchObject({ file: pilotEditionFile, version: '2023-12-04', records: 1 });
    for (const code of [...withheldCodes, 'scoresWithheld', 'rawWithheld']) expect($bundle.withheld).toContain(code);
    expect($bundle.withheld).not.toMatch(/scoresEqualRaw|ranks and bands are kept/);
    const record = JSON.parse(lines[1] ?? '');
    expect(record.dataset.iData).toEqual({ columns: [], rows: [] });
    expect(record.dataset.source).toContain('ITU GCI');
  }, 60_000);

  it('leaves out every raw value, score, rank and band of ITU GCI and EuRepoC and of the aggregates fed by them alone, and keeps the others', () => {
    expect(gciRaw.length).toBeGreaterThan(100);
    const record = JSON.parse(text.split('\n')[1] ?? '');
    const snapshot = record.snapshot as EditionSnapshot;
    const marked = (field: 'rawWithheld' | 'scoresWithheld') => snapshot.nodes.filter((n) => n[field] === 'licence').map((n) => n.code).sort();
    expect(marked('rawWithheld')).toEqual(['CIDisrupt', 'GCI']);
    expect(marked('scoresWithheld')).toEqual([...withheldCodes].sort());
    // In the text itself: no key of a withheld node holds a number or an object (raw, scores, ranks, bands, Sobol indices).
    expect(text).not.toMatch(new RegExp(`"(${withheldCodes.join('|')})":(-?\\d|\\{|\\[)`));
    expect(Object.keys(snapshot.uncertainty.sensitivity).sort()).toEqual(['Index', 'InfoAvail', 'Information']);
    expect(snapshot.rows).toHaveLength(585);
    for (const row of snapshot.rows) {
      const at = `${row.unit} ${row.time}`;
      for (const code of withheldCodes) {
        expect(row.scores[code], `${at} ${code} score`).toBeNull();
        expect(row.ranks[code], `${at} ${code} rank`).toBeNull();
        expect(row.bands[code], `${at} ${code} band`).toBeUndefined();
        if (code in row.raw) expect(row.raw[code], `${at} ${code} raw`).toBeNull();
      }
      expect(typeof row.raw.Shutdowns, at).toBe('number');
      for (const code of ['Shutdowns', 'InfoAvail', 'Information']) expect(typeof row.scores[code], `${at} ${code}`).toBe('number');
    }
    expect(snapshot.rows.filter((r) => typeof r.scores.Index === 'number' && typeof r.bands.Index?.score.p5 === 'number')).toHaveLength(580);
    for (const { unit, time } of gciRaw) {
      const row = snapshot.rows.find((r) => r.unit === unit && r.time === time);
      expect(row?.raw.GCI, `${unit} ${time}`).toBeNull();
    }
  });

  it('loads the pilot as a published edition flagged as the pilot, audited, and only into an empty database', async () => {
    const [row] = await t.database.db.select().from(indexEditions).where(eq(indexEditions.slug, 'pilot'));
    expect(row).toMatchObject({ status: 'published', isPilot: true, publishedBy: 'system:reference-bundle', previousEditionId: null });
    expect(row?.publishedAt?.toISOString()).toBe('2023-12-04T00:00:00.000Z');
    const [audit] = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'index.edition.load-reference'));
    expect(audit?.subject).toBe(row?.id);
    expect(await indexReference.isEmpty(t.database.db)).toBe(false);
  });

  it.each(['en', 'fr'] as const)('serves the pilot in %s with its notice on every page, and the withheld figures said so with their sources', async (locale) => {
    const m = indexMessages(locale);
    const list = await t.app.inject({ url: `/${locale}/index` });
    expect(list.body).toContain(`/${locale}/index/pilot`);
    expect(list.body).toContain(m('index.pilot.tag'));
    for (const time of ['', '2017', '2018', '2020']) {
      for (const path of ['', '/methodology', '/map', '/units/FRA', '/units/LIE', '/indicators/GCI', '/indicators/CIDisrupt', '/indicators/Shutdowns']) {
        const page = await t.app.inject({ url: `/${locale}/index/pilot${path}?time=${time}` });
        expect(page.statusCode, `${path} ${time}`).toBe(200);
        expect(page.body, path).toContain(m('index.pilot'));
      }
    }
    const withheld = m('scores.withheld');
    const gci = 'ITU Global Cybersecurity Index';
    const snapshot = (await indexReference.read(dir)).snapshot;
    const indicator = await t.app.inject({ url: `/${locale}/index/pilot/indicators/GCI?time=2020` });
    expect(indicator.body).toContain(m('raw.withheld'));
    expect(indicator.body).toContain(withheld);
    const gciNode = snapshot.nodes.find((n) => n.code === 'GCI');
    expect(indicator.body).toContain(m('scores.withheld.note', { source: gciNode?.source ?? '', licence: gciNode?.licence ?? '' }));
    expect(indicator.body).toContain(gci);
    expect(indicator.body).not.toContain('class="strip-plot"');
    const unit = await t.app.inject({ url: `/${locale}/index/pilot/units/FRA?time=2018` });
    // Confidence and Services: score, band and rank cells, and their sources named above the table.
    expect(unit.body.split(`>${withheld}<`)).toHaveLength(1 + 2 * 3);
    expect(unit.body).toContain(gci);
    expect(unit.body).toContain('EuRepoC');
    // Strengths and weaknesses leave the withheld indicators out.
    expect(unit.body).toContain('/indicators/Shutdowns');
    expect(unit.body).not.toMatch(/\/indicators\/(GCI|CIDisrupt)/);
    const ranking = await t.app.inject({ url: `/${locale}/index/pilot?time=2020` });
    // Two tables of one header and one row per unit: the ranking, and the category scores behind a disclosure.
    const scored = (ranking.body.match(/<tr>/g) ?? []).length / 2 - 1;
    expect(ranking.body.split(`>${withheld}<`)).toHaveLength(1 + 2 * scored);
    expect(ranking.body).toContain(gci);
    expect(ranking.body).toContain('EuRepoC');
    const methodology = await t.app.inject({ url: `/${locale}/index/pilot/methodology` });
    expect(methodology.body).toContain(m('method.withheld', { sources: withheldSourcesText(snapshot, 'Confidence') }));
  });

  it('says pilot and withheld in the API and the downloads', async () => {
    const list = (await t.app.inject({ url: '/api/v1/index/editions' })).json();
    expect(list.items).toEqual([expect.objectContaining({ slug: 'pilot', pilot: true, withdrawn: null })]);
    const json = (await t.app.inject({ url: '/api/v1/index/editions/pilot/results.json' })).json();
    expect(json.pilot).toBe(true);
    expect(json.snapshot.nodes.find((n: { code: string }) => n.code === 'GCI')).toMatchObject({ rawWithheld: 'licence', scoresWithheld: 'licence' });
    expect(json.snapshot.nodes.find((n: { code: string }) => n.code === 'Confidence')).toMatchObject({ scoresWithheld: 'licence' });
    expect(json.snapshot.rows[0].raw.GCI).toBeNull();
    expect(json.snapshot.rows[0].scores.Confidence).toBeNull();
    const unitJson = (await t.app.inject({ url: '/api/v1/index/editions/pilot/units/FRA' })).json();
    expect(unitJson.rows.map((r: SnapshotRow) => r.ranks.Services)).toEqual([null, null, null]);
    const csv = readCsvTable((await t.app.inject({ url: '/api/v1/index/editions/pilot/results.csv' })).body);
    const columns = csv.columns ?? [];
    expect(columns).toContain('Confidence_rank_p95');
    expect(csv.rows).toHaveLength(585);
    for (const row of csv.rows) {
      for (const code of ['Confidence', 'Services', 'ConfEnv', 'ServAvail']) {
        const cells = columns.filter((c) => c === code || c.startsWith(`${code}_`)).map((c) => row[c]);
        expect(new Set(cells), `${row.uCode} ${row.Time} ${code}`).toEqual(new Set(['withheld (licence)']));
      }
    }
    const xlsx = await t.app.inject({ url: '/api/v1/index/editions/pilot/results.xlsx' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const framework = workbook.getWorksheet('Framework');
    const headerRow = (framework?.getRow(1).values as unknown[]).slice(1);
    const column = (name: string) => {
      const index = headerRow.indexOf(name) + 1;
      const byCode = new Map<unknown, unknown>();
      framework?.eachRow((r) => byCode.set(r.getCell(1).value, r.getCell(index).value));
      return byCode;
    };
    expect(column('RawValues').get('GCI')).toBe('withheld (licence)');
    expect(column('RawValues').get('Shutdowns')).toBe('given');
    expect(String(column('Scores').get('Confidence'))).toMatch(/^withheld \(licence\): ITU Global Cybersecurity Index/);
    expect(String(column('Scores').get('Services'))).toMatch(/^withheld \(licence\): EuRepoC/);
    expect(column('Scores').get('Index')).toBe('given');
    const results = workbook.getWorksheet('Results');
    const resultsHeader = (results?.getRow(1).values as unknown[]).slice(1);
    expect(results?.getRow(2).getCell(resultsHeader.indexOf('Confidence') + 1).value).toBe('withheld (licence)');
    const about = workbook.getWorksheet('Edition');
    const pilotRow = about?.getRows(1, about.rowCount)?.find((r) => r.getCell(1).value === 'Pilot');
    expect(String(pilotRow?.getCell(2).value)).toMatch(/^yes/);
  });
});
