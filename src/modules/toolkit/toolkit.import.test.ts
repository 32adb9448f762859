import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog } from '../../app/audit/audit.tables.js';
import { anonymous, systemActor } from '../../app/authz/actor.js';
import { AppError } from '../../app/http/errors.js';
import { createTestDatabase } from '../../app/database/test-utils.js';
import type { DatabaseHandle } from '../../app/database/database.js';
import { needsShared, sharedDir, sharedPaths } from '../../../test/helpers/shared-data.js';
import { readWg6FromShared, wg6Files } from './io/toolkit.source.js';
import { importPublishedDataset } from './toolkit.import.js';
import type { ParsedDataset } from './toolkit.models.js';
import { createToolkitRepository } from './toolkit.repository.js';
import { createStakeholderRolesRepository } from './toolkit.stakeholders.repository.js';

/** A small published data set: two frameworks, three actions, one quotation merged over two actions. */
function buildDataset(overrides: Partial<ParsedDataset> = {}): ParsedDataset {
  const recipient = (source: string, marked: boolean) => ({ marked, note: null, source, merged: null });
  const framework = (key: string, row: number, position: number) => ({
    key,
    name: `Framework ${key}`,
    category: 'public-policy' as const,
    documentType: 'Public policy (Legislation)',
    recipients: { states: recipient(`Public policy!C${row}`, true), 'private-sector': recipient(`Public policy!D${row}`, false), individuals: recipient(`Public policy!E${row}`, false) },
    resources: ['https://example.org/'],
    position,
    source: { name: `Public policy!A${row}`, type: `Public policy!B${row}`, resources: `Public policy!AE${row}` },
  });
  const action = (n: number) => ({
    code: `A${n}`,
    number: n,
    principle: 'transparency' as const,
    title: `Title ${n}`,
    titleSource: 'report p. 13',
    workbookTitle: `Title ${n}`,
    workbookTitleSource: `Public policy!${String.fromCharCode(69 + n)}4`,
    principleSource: 'Public policy!F3:K3',
  });
  return {
    key: 'wg6-2021',
    name: 'WG6 2021 as published',
    version: '2021-11-10',
    source: 'test.xlsx; report.txt',
    sourceSha256: 'a'.repeat(64),
    frameworks: [framework('pp-5', 5, 1), framework('pp-6', 6, 2)],
    actions: [action(1), action(2), action(3)],
    cells: [
      { frameworkKey: 'pp-5', action: 'A1', status: 'quoted', quotation: 'Article 1: text', locator: 'Article 1', source: 'Public policy!F5', mergedRange: null },
      { frameworkKey: 'pp-5', action: 'A2', status: 'quoted', quotation: 'shared', locator: null, source: 'Public policy!G5', mergedRange: 'G5:H5' },
      { frameworkKey: 'pp-5', action: 'A3', status: 'quoted', quotation: 'shared', locator: null, source: 'Public policy!H5', mergedRange: 'G5:H5' },
      { frameworkKey: 'pp-6', action: 'A1', status: 'reviewed-absent', quotation: null, locator: null, source: 'Public policy!F6', mergedRange: null },
      { frameworkKey: 'pp-6', action: 'A2', status: 'reviewed-absent', quotation: null, locator: null, source: 'Public policy!G6', mergedRange: null },
      { frameworkKey: 'pp-6', action: 'A3', status: 'quoted', quotation: 'Section 2', locator: null, source: 'Public policy!H6', mergedRange: null },
    ],
    stakeholderRoles: [
      { action: 'A1', stakeholder: 'public-sector', marked: true, condition: 'if it is a customer', excludesMainstreamUsers: false, mergedWith: null, source: 'report p. 26' },
      { action: 'A1', stakeholder: 'supply-side', marked: true, condition: null, excludesMainstreamUsers: true, mergedWith: ['supply-side', 'demand-side'], source: 'report p. 26' },
      { action: 'A1', stakeholder: 'demand-side', marked: true, condition: null, excludesMainstreamUsers: true, mergedWith: ['supply-side', 'demand-side'], source: 'report p. 26' },
    ],
    anomalies: [{ cell: 'Public policy!G5', kind: 'merged-actions', detail: 'one quotation spans G5:H5' }],
    ...overrides,
  };
}

describe('importing a published data set', () => {
  let database: DatabaseHandle;
  const cli = systemActor('cli:test');
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.close());

  it('refuses an anonymous visitor and writes nothing', async () => {
    await expect(importPublishedDataset({ db: database.db, dataset: buildDataset(), actor: anonymous })).rejects.toBeInstanceOf(AppError);
    expect(await createToolkitRepository(database.db).countDatasets()).toBe(0);
  });

  it('writes the layer once, with every cell and its provenance, and records it in the audit log', async () => {
    const report = await importPublishedDataset({ db: database.db, dataset: buildDataset(), actor: cli });
    expect(report).toMatchObject({ dataset: 'wg6-2021', written: true, frameworks: 2, actions: 3, cells: 6, quoted: 4 });
    const repository = createToolkitRepository(database.db);
    const dataset = await repository.findDataset('wg6-2021');
    expect(dataset).toMatchObject({ immutable: true, version: '2021-11-10', anomalies: [{ cell: 'Public policy!G5', kind: 'merged-actions' }] });
    const cells = await repository.listCells(dataset!.id);
    expect(cells.map((c) => [c.frameworkKey, c.actionCode, c.status, c.sourceCell, c.mergedRange])).toEqual([
      ['pp-5', 'A1', 'quoted', 'Public policy!F5', null],
      ['pp-5', 'A2', 'quoted', 'Public policy!G5', 'G5:H5'],
      ['pp-5', 'A3', 'quoted', 'Public policy!H5', 'G5:H5'],
      ['pp-6', 'A1', 'reviewed-absent', 'Public policy!F6', null],
      ['pp-6', 'A2', 'reviewed-absent', 'Public policy!G6', null],
      ['pp-6', 'A3', 'quoted', 'Public policy!H6', null],
    ]);
    const audit = await database.db.select({ actor: auditLog.actor, subject: auditLog.subject }).from(auditLog).where(eq(auditLog.action, 'toolkit.import-published'));
    expect(audit).toEqual([{ actor: 'cli:test', subject: dataset!.id }]);
    const roles = await createStakeholderRolesRepository(database.db).listRoles();
    expect(roles.map((r) => [r.actionCode, r.stakeholder, r.marked, r.mergedWith])).toEqual([
      ['A1', 'public-sector', true, null],
      ['A1', 'supply-side', true, ['supply-side', 'demand-side']],
      ['A1', 'demand-side', true, ['supply-side', 'demand-side']],
    ]);
    expect(report).toMatchObject({ stakeholderCells: 3, stakeholderMarks: 3 });
  });

  it('adds the stakeholder matrix to a layer imported before it was read, once', async () => {
    const other = await createTestDatabase();
    try {
      await importPublishedDataset({ db: other.db, dataset: buildDataset({ stakeholderRoles: [] }), actor: cli });
      const again = await importPublishedDataset({ db: other.db, dataset: buildDataset(), actor: cli });
      expect(again.written).toBe(true);
      expect(await createStakeholderRolesRepository(other.db).countRoles()).toBe(3);
      expect((await importPublishedDataset({ db: other.db, dataset: buildDataset(), actor: cli })).written).toBe(false);
    } finally {
      await other.close();
    }
  });

  it('when the same file is imported again, nothing is written and the report says so', async () => {
    const report = await importPublishedDataset({ db: database.db, dataset: buildDataset(), actor: cli });
    expect(report.written).toBe(false);
    const repository = createToolkitRepository(database.db);
    expect(await repository.countFrameworks((await repository.findDataset('wg6-2021'))!.id)).toBe(2);
  });

  it('refuses another file under the published key: the 2021 layer never changes', async () => {
    const changed = buildDataset({ sourceSha256: 'b'.repeat(64), frameworks: buildDataset().frameworks.map((f) => ({ ...f, name: 'Edited' })) });
    const error = await importPublishedDataset({ db: database.db, dataset: changed, actor: cli }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'toolkit.dataset.immutable', status: 409 });
    const repository = createToolkitRepository(database.db);
    const frameworks = await repository.listFrameworks((await repository.findDataset('wg6-2021'))!.id, { offset: 0, limit: 10 });
    expect(frameworks.map((f) => f.name)).toEqual(['Framework pp-5', 'Framework pp-6']);
  });
});

const workbook = needsShared('the WG6 workbook', path.join(sharedPaths.officialSite, wg6Files.workbook));

describe.skipIf(!workbook.available)(workbook.title('importing the published WG6 workbook and report'), () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.close());

  it('stores 35 frameworks, 25 actions and 875 reviewed pairs, 271 of them quoted', async () => {
    const dataset = await readWg6FromShared(sharedPaths.officialSite, path.join(sharedDir, 'data/reports-text'));
    const report = await importPublishedDataset({ db: database.db, dataset, actor: systemActor('cli:test') });
    expect(report).toMatchObject({ written: true, frameworks: 35, actions: 25, cells: 875, quoted: 271, stakeholderCells: 100, stakeholderMarks: 76 });
    const repository = createToolkitRepository(database.db);
    const cells = await repository.listCells((await repository.findDataset('wg6-2021'))!.id);
    expect(cells.filter((c) => c.status === 'quoted')).toHaveLength(271);
    expect((await repository.listActions()).map((a) => a.principle).filter((p) => p === 'proportionality')).toHaveLength(2);
  });
});
