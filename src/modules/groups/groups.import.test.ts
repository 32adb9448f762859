import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { needsShared, sharedDir } from '../../../test/helpers/shared-data.js';
import { systemActor } from '../../app/authz/actor.js';
import { referenceDir } from '../../app/reference/reference.js';
import { registryReference } from '../supporters/supporters.reference.js';
import { importReferenceGroups } from './groups.import.js';
import { groupsReference } from './groups.reference.js';
import { groupCoChairs, groupDocuments, groups } from './groups.tables.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  const registry = await registryReference.read(referenceDir);
  await t.database.db.transaction((tx) => registryReference.load(tx, registry, 'test'));
});
afterAll(async () => t?.close());

const total = async (table: typeof groups | typeof groupCoChairs | typeof groupDocuments) => (await t.database.db.select({ n: count() }).from(table))[0]!.n;

describe('the working groups of the reference bundle', () => {
  it('loads six groups, 15 co-chair seats of 14 organisations (11 in the registry, 3 named), and 5 deliverables; a second run changes nothing', async () => {
    const parsed = await groupsReference.read(referenceDir);
    expect(await groupsReference.isEmpty(t.database.db)).toBe(true);
    const report = await importReferenceGroups({ db: t.database.db, actor: systemActor('test'), groups: parsed });
    expect(report.added).toHaveLength(6);
    expect(report.coChairs).toBe(15);
    expect(report.matched).toHaveLength(11);
    expect(report.unmatched).toEqual(['AccessCyber.org', 'Cybersecurity Tech Accord', 'Paris Peace Forum secretariat']);
    expect(report.documentsAdded).toBe(5);
    const wg4 = (await t.database.db.select().from(groups).where(eq(groups.sourceKey, 'wg-4')))[0]!;
    expect(wg4.slug).toBe('advancing-international-norms');
    expect(wg4.name).toEqual({ en: 'Advancing international norms', fr: 'Faire progresser les normes internationales' });
    const documents = await t.database.db.select().from(groupDocuments);
    expect(documents.every((d) => d.officialUrl?.startsWith('https://pariscall.international/assets/files/') && d.publishedOn === '2021-11-12')).toBe(true);
    expect(documents.map((d) => d.sourceKey).sort()).toEqual(['wg-3/report', 'wg-4/report', 'wg-5/report', 'wg-6/mapping', 'wg-6/report']);

    const again = await importReferenceGroups({ db: t.database.db, actor: systemActor('test'), groups: parsed });
    expect(again.added).toHaveLength(0);
    expect(again.documentsAdded).toBe(0);
    expect([await total(groups), await total(groupCoChairs), await total(groupDocuments)]).toEqual([6, 15, 5]);
  });

  it('leaves a group edited on the platform as it is', async () => {
    const parsed = await groupsReference.read(referenceDir);
    await t.database.db.update(groups).set({ mandate: { en: 'Our own words.' }, editedBy: 'user:usr_test' }).where(eq(groups.sourceKey, 'wg-1'));
    const report = await importReferenceGroups({ db: t.database.db, actor: systemActor('test'), groups: parsed });
    expect(report.keptEdited).toEqual(['growing-the-community']);
    const [wg1] = await t.database.db.select().from(groups).where(eq(groups.sourceKey, 'wg-1'));
    expect(wg1!.mandate).toEqual({ en: 'Our own words.' });
  });

  const shared = needsShared('the groups bundle check', path.join(sharedDir, 'seeds'));
  it.skipIf(!shared.available)(shared.title('the bundle is what the build gives from the shared folder'), async () => {
    const built = await groupsReference.build(sharedDir);
    const fs = await import('node:fs/promises');
    expect(built['groups/groups.jsonl']).toBe(await fs.readFile(`${referenceDir}/groups/groups.jsonl`, 'utf8'));
  });
});
