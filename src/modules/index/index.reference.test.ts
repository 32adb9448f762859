/**
 * The index's part of the reference bundle: built from the real open data (beside the repository, never copied in),
 * written, read back and loaded into a real database as the published pilot, then served by the real HTTP routes
 * with the pilot's notice and the raw values that may not be redistributed withheld. A broken file is refused with
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
import { indexMessages } from './index.messages.js';
import { indexReference, pilotEditionFile } from './index.reference.js';
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

const open = needsShared('the pilot edition of the reference bundle', sharedPaths.indexSources);

describe.skipIf(!open.available)(open.title('the pilot edition of the reference bundle'), () => {
  const dir = mkdtempSync(join(tmpdir(), 'pariscall-index-bundle-'));
  let t: TestApp;
  let text = '';
  let gciRaw: { unit: string; time: number; value: number }[] = [];

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
    expect(Buffer.byteLength(text)).toBeLessThan(1_000_000);
    const again = await indexReference.build(sharedDir);
    expect(again[pilotEditionFile] === text).toBe(true);
    const { $bundle } = JSON.parse(lines[0] ?? '');
    expect($bundle).toMatchObject({ file: pilotEditionFile, version: '2023-12-04', records: 1 });
    expect($bundle.withheld).toContain('GCI');
    expect($bundle.withheld).toContain('CIDisrupt');
    const record = JSON.parse(lines[1] ?? '');
    expect(record.dataset.iData).toEqual({ columns: [], rows: [] });
    expect(record.dataset.source).toContain('ITU GCI');
  }, 60_000);

  it('leaves out the raw values of ITU GCI and EuRepoC, saying why, and keeps the others', () => {
    expect(gciRaw.length).toBeGreaterThan(100);
    const record = JSON.parse(text.split('\n')[1] ?? '');
    const withheld = record.snapshot.nodes.filter((n: { rawWithheld?: string }) => n.rawWithheld === 'licence').map((n: { code: string }) => n.code);
    expect(withheld.sort()).toEqual(['CIDisrupt', 'GCI']);
    // In the text itself: no `raw` object carries a number for them; the shutdown counts (attribution only) are kept.
    expect(text).not.toMatch(/"raw":\{[^}]*"GCI":(?!null)/);
    expect(text).not.toMatch(/"raw":\{[^}]*"CIDisrupt":(?!null)/);
    expect(text).toMatch(/"raw":\{[^}]*"Shutdowns":\d/);
    for (const { unit, time } of gciRaw) {
      const row = record.snapshot.rows.find((r: { unit: string; time: number }) => r.unit === unit && r.time === time);
      expect(row?.raw.GCI, `${unit} ${time}`).toBeNull();
      expect(typeof row?.scores.GCI).toBe('number');
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

  it.each(['en', 'fr'] as const)('serves the pilot in %s with its notice on every page, and the withheld raw values named', async (locale) => {
    const m = indexMessages(locale);
    const list = await t.app.inject({ url: `/${locale}/index` });
    expect(list.body).toContain(`/${locale}/index/pilot`);
    expect(list.body).toContain(m('index.pilot.tag'));
    for (const path of ['', '/methodology', '/map', '/units/FRA', '/indicators/GCI']) {
      const page = await t.app.inject({ url: `/${locale}/index/pilot${path}` });
      expect(page.statusCode, path).toBe(200);
      expect(page.body, path).toContain(m('index.pilot'));
    }
    const indicator = await t.app.inject({ url: `/${locale}/index/pilot/indicators/GCI?time=2020` });
    expect(indicator.body).toContain(m('raw.withheld'));
    expect(indicator.body).toContain('ITU Global Cybersecurity Index');
    const unit = await t.app.inject({ url: `/${locale}/index/pilot/units/FRA?time=2018` });
    expect(unit.body).toContain(m('raw.withheld'));
  });

  it('says pilot and withheld in the API and the downloads', async () => {
    const list = (await t.app.inject({ url: '/api/v1/index/editions' })).json();
    expect(list.items).toEqual([expect.objectContaining({ slug: 'pilot', pilot: true, withdrawn: null })]);
    const json = (await t.app.inject({ url: '/api/v1/index/editions/pilot/results.json' })).json();
    expect(json.pilot).toBe(true);
    expect(json.snapshot.nodes.find((n: { code: string }) => n.code === 'GCI')).toMatchObject({ rawWithheld: 'licence' });
    expect(json.snapshot.rows[0].raw.GCI).toBeNull();
    const xlsx = await t.app.inject({ url: '/api/v1/index/editions/pilot/results.xlsx' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const framework = workbook.getWorksheet('Framework');
    const headerRow = (framework?.getRow(1).values as unknown[]).slice(1);
    const rawColumn = headerRow.indexOf('RawValues') + 1;
    const byCode = new Map<unknown, unknown>();
    framework?.eachRow((r) => byCode.set(r.getCell(1).value, r.getCell(rawColumn).value));
    expect(byCode.get('GCI')).toBe('withheld (licence)');
    expect(byCode.get('Shutdowns')).toBe('given');
    const about = workbook.getWorksheet('Edition');
    const pilotRow = about?.getRows(1, about.rowCount)?.find((r) => r.getCell(1).value === 'Pilot');
    expect(String(pilotRow?.getCell(2).value)).toMatch(/^yes/);
  });
});
