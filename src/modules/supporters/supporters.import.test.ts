import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog } from '../../app/audit/audit.tables.js';
import type { DatabaseHandle } from '../../app/database/database.js';
import { createTestDatabase } from '../../app/database/test-utils.js';
import { AppError } from '../../app/http/errors.js';
import { importSite } from '../../site-import.js';
import { fixtureSite, invalidSite } from '../../../test/helpers/app.js';
import { searchSupporters } from './supporters.queries.js';
import { supporterFiltersSchema } from './supporters.schemas.js';
import { supporters } from './supporters.tables.js';

let database: DatabaseHandle;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(async () => database.close());

const firstSeenCsv = path.join(fixtureSite, 'first-seen.csv');
const count = async () => (await database.db.select({ n: sql<number>`count(*)::int` }).from(supporters))[0]?.n;

/** A writable copy of the fixture site, to change files between imports. */
function copySite(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pariscall-site-'));
  fs.cpSync(fixtureSite, dir, { recursive: true });
  return dir;
}

describe('importing a site in the official layout', () => {
  it('adds every supporter and reports it', async () => {
    const report = await importSite(database, { source: fixtureSite, firstSeenCsv, actor: 'test' });
    expect(report.added).toHaveLength(13);
    expect(report.errors).toEqual([]);
    expect(report.call).toEqual({ documents: expect.any(Number), principles: 9, keptPrinciples: [] });
    expect(await count()).toBe(13);
  });

  it('when the same files are imported twice, the second import changes nothing', async () => {
    await importSite(database, { source: fixtureSite, firstSeenCsv, actor: 'test' });
    const before = await database.db.select().from(supporters);
    const report = await importSite(database, { source: fixtureSite, firstSeenCsv, actor: 'test' });
    expect(report).toMatchObject({ added: [], updated: [], unchanged: 13 });
    const after = await database.db.select().from(supporters);
    expect(after.map((r) => [r.slug, r.updatedAt.getTime()])).toEqual(before.map((r) => [r.slug, r.updatedAt.getTime()]));
  });

  it('when one file changes, only that supporter is updated', async () => {
    const site = copySite();
    await importSite(database, { source: site, firstSeenCsv, actor: 'test' });
    const file = path.join(site, '_supporters/serbie-state-SCG.md');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('name: "Serbie"', 'name: "République de Serbie"'));
    const report = await importSite(database, { source: site, firstSeenCsv, actor: 'test' });
    expect(report.updated).toEqual(['serbie-state-SCG']);
    expect(report.unchanged).toBe(12);
    const [row] = await database.db.select().from(supporters).where(sql`slug = 'serbie-state-SCG'`);
    expect(row?.name).toBe('République de Serbie');
  });

  it('facet counts follow an import at once, even when nobody listens for events', async () => {
    const site = copySite();
    await importSite(database, { source: site, firstSeenCsv, actor: 'test' });
    const filters = supporterFiltersSchema.parse({});
    const stateCount = async () =>
      (await searchSupporters({ db: database.db, filters, page: 1, pageSize: 20 })).facets.category.find((f) => f.value === 'state')?.count;
    expect(await stateCount()).toBe(2);
    const file = path.join(site, '_supporters/ville_de_nullepart-public-authority-FRA.md');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('category: public-authority', 'category: state'));
    await importSite(database, { source: site, firstSeenCsv, actor: 'test' });
    expect(await stateCount()).toBe(3);
  });

  it('a supporter missing from the source is reported and kept', async () => {
    const site = copySite();
    await importSite(database, { source: site, firstSeenCsv, actor: 'test' });
    fs.rmSync(path.join(site, '_supporters/serbie-state-SCG.md'));
    const report = await importSite(database, { source: site, firstSeenCsv, actor: 'test' });
    expect(report.notInSource).toEqual(['serbie-state-SCG']);
    expect(await count()).toBe(13);
  });

  it('invalid files stop the import with their names and lines, and nothing is written', async () => {
    let error: unknown;
    try {
      await importSite(database, { source: invalidSite, actor: 'test' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    const fields = (error as AppError).issues.map((i) => i.field);
    expect(fields.length).toBeGreaterThan(0);
    for (const field of fields) expect(field).toMatch(/\.(md|yml)(:\d+)?$/);
    expect(await count()).toBe(0);
    expect(await database.db.select().from(auditLog)).toEqual([]);
  });

  it('with skipInvalid, the valid files are imported and the invalid ones listed', async () => {
    const report = await importSite(database, { source: invalidSite, actor: 'test', skipInvalid: true });
    expect(report.skipped.length).toBeGreaterThan(0);
    expect(await count()).toBe(report.added.length);
  });

  it('a dry run reports without writing', async () => {
    const report = await importSite(database, { source: fixtureSite, firstSeenCsv, actor: 'test', dryRun: true });
    expect(report.added).toHaveLength(13);
    expect(await count()).toBe(0);
  });

  it('records who imported what in the audit log', async () => {
    await importSite(database, { source: fixtureSite, firstSeenCsv, actor: 'cli:alice' });
    const entries = await database.db.select().from(auditLog);
    expect(entries.map((e) => [e.actor, e.action])).toEqual(
      expect.arrayContaining([
        ['cli:alice', 'supporters.import'],
        ['cli:alice', 'call.import'],
      ]),
    );
  });

  it('dates supporters by signature, else by first appearance in the registry', async () => {
    await importSite(database, { source: fixtureSite, firstSeenCsv, actor: 'test' });
    const rows = await database.db.select().from(supporters);
    const bySlug = new Map(rows.map((r) => [r.slug, r]));
    expect(bySlug.get('acme_cyber_widgets-private-sector-USA')).toMatchObject({ joinedOn: '2021-04-01', joinedOnSource: 'signed', joinedYear: 2021 });
    expect(bySlug.get('roumanie-state-ROM')).toMatchObject({ joinedOn: '2019-09-16', joinedOnSource: 'first-seen' });
  });
});
