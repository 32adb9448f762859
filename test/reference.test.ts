/**
 * The reference bundle shipped in reference/: it loads into an empty database (as a fresh clone's first start does),
 * refuses a broken file with its name and line and writes nothing, stays within its size budget, and is exactly what
 * the importers build from ../shared when that folder is present.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../src/app/database/database.js';
import { createTestDatabase } from '../src/app/database/test-utils.js';
import { referenceParts } from '../src/app/modules.js';
import { listBundleFiles } from '../src/app/reference/bundle-file.js';
import { buildReferenceFiles } from '../src/app/reference/build.js';
import { loadReferenceBundle } from '../src/app/reference/load.js';
import { referenceDir } from '../src/app/reference/reference.js';
import { needsShared, sharedDir } from './helpers/shared-data.js';

let database: DatabaseHandle;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(async () => database.close());

const count = async (table: string, where = 'true') =>
  ((await database.db.execute(sql.raw(`select count(*)::int as n from ${table} where ${where}`))) as unknown as { rows: { n: number }[] }).rows[0]?.n;

describe('the reference bundle', () => {
  it('loads the real Call into an empty database in one go, and a second load writes nothing', async () => {
    const report = await loadReferenceBundle({ db: database.db, parts: referenceParts(), bundleDir: referenceDir });
    expect(report.loaded.registry).toEqual({ supporters: 1222, milestones: 3 });
    expect(report.loaded.call).toEqual({ documents: 20, principles: 9 });
    expect(report.loaded.index).toEqual({ editions: 1, units: 195 });
    expect(report.loaded.crosswalk).toEqual({ links: 16 });
    // The G7 synthesis's 28 measures and the 15 case studies, 12 of whose supporters are in the registry.
    expect(report.loaded.practices).toEqual({ practices: 43, linked: 12 });
    expect(await count('practices', "state = 'published' and supporter_id is not null")).toBe(12);
    expect(await count('index_editions', "status = 'published' and is_pilot and slug = 'pilot'")).toBe(1);
    expect(await count('supporters', "status = 'published'")).toBe(1222);
    expect(await count('supporters', "category = 'state'")).toBe(81);
    expect(await count('supporters', 'first_seen is not null')).toBe(1222);
    expect(await count('call_documents', "key = 'call' and locale in ('en', 'fr')")).toBe(2);
    expect(await count('principles')).toBe(9);
    expect(await count('registry_milestones')).toBe(3);
    expect(await count('audit_log', "action = 'reference.load'")).toBe(1);

    const again = await loadReferenceBundle({ db: database.db, parts: referenceParts(), bundleDir: referenceDir });
    expect(again.loaded).toEqual({});
    expect(again.skipped).toEqual(expect.arrayContaining(['registry', 'call', 'index', 'crosswalk']));
    expect(await count('supporters')).toBe(1222);
  });

  it('stops on a broken file with its name and line, and writes nothing at all', async () => {
    const broken = fs.mkdtempSync(path.join(os.tmpdir(), 'pariscall-reference-'));
    fs.cpSync(referenceDir, broken, { recursive: true });
    const file = path.join(broken, 'registry/supporters.jsonl');
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    lines[99] = lines[99]!.replace(/"category":"[a-z-]+"/, '"category":"company"');
    fs.writeFileSync(file, lines.join('\n'));

    await expect(loadReferenceBundle({ db: database.db, parts: referenceParts(), bundleDir: broken })).rejects.toThrow(
      /^reference\/registry\/supporters\.jsonl:100: category: Invalid option/,
    );
    expect(await count('supporters')).toBe(0);
    expect(await count('call_documents')).toBe(0);
    expect(await count('audit_log', "action = 'reference.load'")).toBe(0);
    fs.rmSync(broken, { recursive: true });
  });

  it('stays under 2 MB, every data file with its provenance (source, version date, licence) in its first line', async () => {
    const files = await listBundleFiles(referenceDir);
    expect(files).toEqual([
      'call/documents.jsonl',
      'call/principles.jsonl',
      'events/official-events.jsonl',
      'groups/groups.jsonl',
      'incidents/crosswalk.jsonl',
      'index/pilot-edition.jsonl',
      'norms/crosswalk.jsonl',
      'norms/norms.jsonl',
      'norms/practices.jsonl',
      'norms/source-passages.jsonl',
      'registry/milestones.jsonl',
      'registry/supporters.jsonl',
      'toolkit/actions.jsonl',
      'toolkit/cells.jsonl',
      'toolkit/dataset.jsonl',
      'toolkit/frameworks.jsonl',
      'toolkit/stakeholder-roles.jsonl',
    ]);
    let bytes = fs.statSync(path.join(referenceDir, 'README.md')).size;
    for (const file of files) {
      const text = fs.readFileSync(path.join(referenceDir, file), 'utf8');
      bytes += Buffer.byteLength(text);
      const header = JSON.parse(text.slice(0, text.indexOf('\n'))).$bundle;
      expect(header).toMatchObject({ file, source: expect.any(String), version: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), licence: expect.any(String) });
    }
    expect(bytes).toBeLessThan(2 * 1024 * 1024);
  });

  const shared = needsShared('rebuilding the reference bundle', sharedDir);
  it.skipIf(!shared.available)(shared.title('is exactly what `pariscall reference build` makes from ../shared'), async () => {
    const built = await buildReferenceFiles({ parts: referenceParts(), sharedDir });
    expect(Object.keys(built).sort()).toEqual([...(await listBundleFiles(referenceDir)), 'README.md'].sort());
    for (const [file, content] of Object.entries(built)) {
      expect(content, `reference/${file} differs from its build: run pariscall reference build`).toBe(fs.readFileSync(path.join(referenceDir, file), 'utf8'));
    }
  }, 120_000);
});
