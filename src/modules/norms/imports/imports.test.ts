import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, systemActor } from '../../../app/authz/actor.js';
import type { DatabaseHandle } from '../../../app/database/database.js';
import { createTestDatabase } from '../../../app/database/test-utils.js';
import { referenceParts } from '../../../app/modules.js';
import { loadReferenceBundle } from '../../../app/reference/load.js';
import { referenceDir } from '../../../app/reference/reference.js';
import { fixtureSite } from '../../../../test/helpers/app.js';
import { needsShared, sharedDir, sharedPaths } from '../../../../test/helpers/shared-data.js';
import { formatImportReport, importSite } from '../../../site-import.js';
import { g7Countries } from '../practices/practices.constants.js';
import { practiceRevisions, practices } from '../practices/practices.tables.js';
import { practicesReference } from './imports.reference.js';
import { importPractices } from './imports.usecases.js';

const auditCount = async (db: DatabaseHandle['db']) =>
  ((await db.execute(sql`select count(*)::int as n from audit_log where action = 'practices.import'`)) as unknown as { rows: { n: number }[] }).rows[0]!.n;

/** The practices of the reference bundle, loaded as a fresh clone's first start loads them (the registry first). */
describe('the existing practices in the reference bundle', () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase();
    const parts = referenceParts().filter((part) => part.name === 'registry' || part.name === 'practices');
    const report = await loadReferenceBundle({ db: database.db, parts, bundleDir: referenceDir });
    expect(report.loaded.practices).toEqual({ practices: 43, linked: 12 });
  }, 120_000);
  afterAll(async () => database?.close());

  it('holds each G7 measure as a published practice of the G7 states: French verbatim, English as its translation, norm-linked, 2019', async () => {
    const rows = await database.db.select().from(practices).where(eq(practices.origin, 'g7-synthesis')).orderBy(asc(practices.sourceKey));
    expect(rows).toHaveLength(28);
    const norm3 = rows.find((r) => r.sourceKey === 'g7-2019/13c/2')!;
    expect(norm3).toMatchObject({
      state: 'published',
      publishedRevision: 1,
      original: 'fr',
      attribution: { en: 'G7 states', fr: 'États du G7' },
      category: 'state',
      supporterId: null,
      countries: [...g7Countries],
      norms: ['13c'],
      year: 2019,
      implementationStatus: 'reported',
      kind: 'partnership',
      sourceRef: { document: 'g7-synthesis-2019', locator: 'Norme 3, bullet 2' },
      createdBy: 'system:reference-bundle',
    });
    expect(norm3.description!.fr).toContain("en ce qui concerne notamment la notification des incidents");
    expect(norm3.description!.en).toMatch(/^have strengthened cooperation with the private sector/);
    expect(norm3.searchText).toContain('etats du g7');
    const [revision] = await database.db.select().from(practiceRevisions).where(eq(practiceRevisions.practiceId, norm3.id));
    expect(revision).toMatchObject({ number: 1, state: 'published', authoredBy: 'system:reference-bundle' });
    expect(revision!.content.description).toEqual(norm3.description);
    expect(rows.filter((r) => r.sourceRef!.locator.includes('paragraph')).map((r) => r.sourceKey)).toEqual(['g7-2019/13c/4', 'g7-2019/13d/4', 'g7-2019/13f/1', 'g7-2019/13h/1', 'g7-2019/13j/1', 'g7-2019/13k/1']);
  });

  it('holds the 15 case studies, principle-linked, English original with the site\'s French, linked to the registry where their supporter is', async () => {
    const rows = await database.db.select().from(practices).where(eq(practices.origin, 'case-study')).orderBy(asc(practices.sourceKey));
    expect(rows).toHaveLength(15);
    expect(rows.map((r) => r.principles[0])).toEqual([1, 2, 2, 3, 3, 4, 4, 5, 6, 6, 6, 7, 8, 9, 9]);
    expect(rows.filter((r) => !r.supporterId).map((r) => r.attribution!.en)).toEqual([
      'Alliance for Securing Democracy, Government of Canada and Microsoft',
      'Charter of Trust',
      'Cybersecurity Tech Accord',
    ]);
    const hcss = rows.find((r) => r.sourceKey === 'case-study/principle-2/2')!;
    const entry = (await database.db.execute(sql`select slug from supporters where id = ${hcss.supporterId}`)) as unknown as { rows: Array<{ slug: string }> };
    expect(entry.rows[0]!.slug).toBe('the_hague_center_of_strategic_studies-civil-society-NLD');
    expect(hcss).toMatchObject({ original: 'en', category: 'civil-society', year: 2019, norms: [] });
    expect(hcss.title!.fr).toMatch(/^"Public Core CoI" : Le Centre d'études stratégiques/);
    expect(rows.find((r) => r.sourceKey === 'case-study/principle-3/2')).toMatchObject({ year: 2020, countries: ['CAN'] });
  });

  it('writes nothing on a second import, keeps a practice edited on the platform, and publishes a changed source as the next revision', async () => {
    const { practices: parsed } = await practicesReference.read(referenceDir);
    const db = database.db;
    const audits = await auditCount(db);
    const again = await importPractices({ db, practices: parsed, actor: systemActor('cli:test') });
    expect(again).toMatchObject({ added: [], updated: [], unchanged: 43, kept: [] });
    expect(again.matched).toHaveLength(12);
    expect(again.unmatched.map((u) => u.sourceKey)).toEqual(['case-study/principle-3/2', 'case-study/principle-6/2', 'case-study/principle-8/1']);
    expect(await auditCount(db)).toBe(audits);

    await db.update(practices).set({ editedBy: 'user:usr_editor', title: { en: 'Edited on the platform' } }).where(eq(practices.sourceKey, 'g7-2019/13a/1'));
    const changed = parsed.map((p) => (p.sourceKey === 'g7-2019/13b/1' ? { ...p, content: { ...p.content, description: { ...p.content.description, en: 'A better translation.' } } } : p));
    const third = await importPractices({ db, practices: changed, actor: systemActor('cli:test') });
    expect(third).toMatchObject({ added: [], updated: ['g7-2019/13b/1'], unchanged: 41, kept: [{ sourceKey: 'g7-2019/13a/1', reason: 'edited' }] });
    const [edited] = await db.select().from(practices).where(eq(practices.sourceKey, 'g7-2019/13a/1'));
    expect(edited!.title).toEqual({ en: 'Edited on the platform' });
    const [updated] = await db.select().from(practices).where(eq(practices.sourceKey, 'g7-2019/13b/1'));
    expect(updated).toMatchObject({ publishedRevision: 2, description: { en: 'A better translation.' } });
    const revisions = await db.select().from(practiceRevisions).where(eq(practiceRevisions.practiceId, updated!.id)).orderBy(asc(practiceRevisions.number));
    expect(revisions.map((r) => [r.number, r.state, r.authoredBy])).toEqual([[1, 'superseded', 'system:reference-bundle'], [2, 'published', 'cli:test']]);
    expect(await auditCount(db)).toBe(audits + 1);
  });

  it('refuses a visitor, and writes nothing', async () => {
    const { practices: parsed } = await practicesReference.read(referenceDir);
    await expect(importPractices({ db: database.db, practices: parsed.slice(0, 1), actor: anonymous })).rejects.toMatchObject({ status: 401 });
  });
});

const real = needsShared('the case studies and the G7 synthesis', sharedPaths.officialSite);
describe.skipIf(!real.available)(real.title('pariscall import of the existing practices'), () => {
  let database: DatabaseHandle;
  let site: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    // The fixture registry with the real case studies: their supporters are not in it, so none is matched.
    site = fs.mkdtempSync(path.join(os.tmpdir(), 'pariscall-practices-site-'));
    fs.cpSync(fixtureSite, site, { recursive: true });
    for (const locale of ['en', 'fr']) {
      const dir = `_includes/pages/texts/${locale}/case-studies`;
      fs.cpSync(path.join(sharedPaths.officialSite, dir), path.join(site, dir), { recursive: true });
    }
  });
  afterAll(async () => {
    await database?.close();
    if (site) fs.rmSync(site, { recursive: true, force: true });
  });

  it('imports the G7 synthesis from the seeds and the case studies from the checkout, reports the unmatched supporters, then finds nothing to do', async () => {
    const seeds = path.join(sharedDir, 'seeds');
    const first = await importSite(database, { source: site, seeds, actor: 'cli:test', firstSeenCsv: path.join(site, 'first-seen.csv') });
    expect(first.practices).toMatchObject({ g7: { practices: 28 }, caseStudies: { practices: 15, skipped: [], missing: [] } });
    expect(first.practices!.result!.added).toHaveLength(43);
    expect(first.practices!.result!.unmatched).toHaveLength(15);
    const text = formatImportReport(first);
    expect(text).toContain('  practices: 43 added, 0 updated, 0 unchanged, 0 kept as changed on the platform');
    expect(text).toContain('  supporters named by the case studies: 0 matched in the registry, 15 not');
    expect(text).toContain('    unmatched case-study/principle-9/1: France (no published registry entry has this name)');
    const second = await importSite(database, { source: site, seeds, actor: 'cli:test', firstSeenCsv: path.join(site, 'first-seen.csv') });
    expect(second.practices!.result).toMatchObject({ added: [], updated: [], unchanged: 43 });
  }, 120_000);

  it('imports no practice from the fixture checkout, whose case studies are nobody\'s, and says why', async () => {
    const fresh = await createTestDatabase();
    try {
      const report = await importSite(fresh, { source: fixtureSite, actor: 'cli:test', firstSeenCsv: path.join(fixtureSite, 'first-seen.csv') });
      expect(report.practices!.g7).toMatchObject({ skipped: expect.stringMatching(/^no folder .*seeds/) });
      expect(report.practices!.caseStudies.skipped).toHaveLength(9);
      expect(report.practices!.result).toBeNull();
      expect(formatImportReport(report)).toMatch(/left out _includes\/pages\/texts\/en\/case-studies\/principle-1\.md:1 "Case study 1 \(fixture\)[^"]*": the entry "principle-1\/1" in case-studies\.attribution\.ts was written for a heading starting "Emergency services"/);
      expect((await fresh.db.select().from(practices)).length).toBe(0);
    } finally {
      await fresh.close();
    }
  }, 120_000);
});
