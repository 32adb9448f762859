/**
 * The platform on the real official snapshot (../shared, present on the project's machines, never copied into the
 * repository). Skipped only where that directory is absent; the fixture suites cover the same code paths.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../src/app/database/test-utils.js';
import { importSite } from '../src/site-import.js';
import { createTestApp, type TestApp } from './helpers/app.js';
import { needsShared, sharedPaths } from './helpers/shared-data.js';

const real = needsShared('the real official registry', sharedPaths.officialSite);
const realSite = real.path;

describe.skipIf(!real.available)(real.title('the real official registry'), () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ site: realSite });
  }, 120_000);
  afterAll(async () => t?.close());

  it('imports all 1,222 supporters with the official counts per category', async () => {
    const stats = (await t.app.inject('/api/v1/stats')).json();
    expect(stats.total).toBe(1222);
    expect(stats.byCategory).toEqual({ state: 81, 'public-authority': 37, 'private-sector': 708, 'civil-society': 391, uncategorised: 5 });
  });

  it('re-importing the same snapshot changes nothing', async () => {
    const report = await importSite(t.database, { source: realSite, actor: 'test' });
    expect(report.added).toEqual([]);
    expect(report.updated).toEqual([]);
    expect(report.unchanged).toBe(1222);
  });

  it('keeps the European Union and INTERPOL, without a country', async () => {
    const response = (await t.app.inject('/api/v1/supporters?country=none&pageSize=50')).json();
    const names = response.items.map((i: { name: string }) => i.name);
    expect(names).toEqual(expect.arrayContaining(['European Union', 'INTERPOL']));
    for (const item of response.items) expect(item.country).toBeNull();
  });

  it('maps the legacy code ROM to Romania and keeps the original code', async () => {
    const body = (await t.app.inject('/api/v1/supporters/bitdefender-private-sector-ROM')).json();
    expect(body.country.code).toBe('ROU');
    expect(body.country.sourceCode).toBe('ROM');
  });

  it.each([
    ['germany', 'Allemagne'],
    ['GERMANY', 'Allemagne'],
    ['allemagne', 'Allemagne'],
    ['bitdef', 'Bitdefender'],
  ])('a search for "%s" finds %s', async (q, name) => {
    const body = (await t.app.inject(`/api/v1/supporters?q=${encodeURIComponent(q)}&pageSize=500`)).json();
    expect(body.items.map((i: { name: string }) => i.name)).toContain(name);
  });

  it('finds accented names without accents', async () => {
    const accented = (await t.app.inject('/api/v1/supporters?q=neurocirug%C3%ADa')).json();
    const plain = (await t.app.inject('/api/v1/supporters?q=neurocirugia')).json();
    expect(plain.total).toBeGreaterThan(0);
    expect(plain.items).toEqual(accented.items);
  });

  it('the CSV export imported into a fresh instance reproduces the same registry', async () => {
    const csv = (await t.app.inject('/supporters.csv')).body;
    // The official repository's columns, then the platform's verification level and its day (issue 14.10).
    expect(csv.split('\n')[0]).toBe('name,category,nationality,nature,website,twitter,date_signed,verification_level,verified_on');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pariscall-')), 'supporters.csv');
    fs.writeFileSync(file, csv);
    const fresh = await createTestDatabase();
    try {
      const report = await importSite(fresh, { source: file, actor: 'test' });
      expect(report.errors).toEqual([]);
      expect(report.added.length).toBe(1222);
      const { createServer } = await import('../src/app/server.js');
      const app = await createServer({ config: t.config, database: fresh, logger: false });
      const again = (await app.inject('/supporters.csv')).body;
      // The registry's own columns come back identical; the verification day of an imported entry is its first-seen
      // date, which a CSV does not carry, so only the level is compared there.
      const official = (text: string) => text.split('\n').map((line) => line.replace(/,verification_level,verified_on$|,"[^"]*","[^"]*"$/, ''));
      expect(official(again)).toEqual(official(csv));
      expect(again.split('\n').slice(1, -1).every((line) => line.includes(',"official-registry",'))).toBe(true);
      const stats = (await app.inject('/api/v1/stats')).json();
      expect(stats.byCategory).toEqual({ state: 81, 'public-authority': 37, 'private-sector': 708, 'civil-society': 391, uncategorised: 5 });
      await app.close();
    } finally {
      await fresh.close();
    }
  });
});
