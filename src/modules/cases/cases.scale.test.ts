/**
 * A case with 120 organisations (VINCE #140: one case, 121 vendors, one unreadable forum): the page shows the answers
 * one page of participants at a time, with the totals of the whole case, and every organisation starts at "no response".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { supporters } from '../supporters/supporters.tables.js';
import { participantsPerPage } from './cases.constants.js';
import { caseDetail } from './cases.queries.js';
import { buildCaseInput, contactPerson } from './cases.test-support.js';
import { inviteParticipant, openCase } from './cases.usecases.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  const names = Array.from({ length: 121 }, (_, i) => `Vendor ${String(i).padStart(3, '0')}`);
  await t.database.db.insert(supporters).values(names.map((name, i) => ({ id: `sup_scale${i}`, slug: `vendor-${i}`, name, searchText: name.toLowerCase(), sortName: name.toLowerCase() })));
});
afterAll(async () => t?.close());

describe('a case with 121 organisations', () => {
  it('shows its matrix a page of participants at a time, with the whole case’s totals', async () => {
    const coordinator = await contactPerson(t, 'psirt@scale.example', 0);
    const deps = { db: t.database.db, actor: coordinator.actor, locale: 'en' as const, publicUrl: 'https://pariscall.example' };
    const row = await openCase({ ...deps, input: buildCaseInput() });
    for (let i = 1; i < 121; i++) await inviteParticipant({ ...deps, caseId: row.id, organisation: `vendor-${i}`, products: `Product ${i}` });
    const first = await caseDetail({ db: t.database.db, actor: coordinator.actor, caseId: row.id, page: 1 });
    expect(first).toMatchObject({ total: 121, pages: Math.ceil(121 / participantsPerPage), page: 1 });
    expect(first.participants).toHaveLength(participantsPerPage);
    expect(first.tallies.silent).toBe(121);
    const last = await caseDetail({ db: t.database.db, actor: coordinator.actor, caseId: row.id, page: 99 });
    expect(last.page).toBe(first.pages);
    expect(last.participants).toHaveLength(121 - (first.pages - 1) * participantsPerPage);
    const names = new Set([...first.participants, ...last.participants].map((p) => p.name));
    expect(names.size).toBe(first.participants.length + last.participants.length);
    const page = await t.app.inject({ url: `/en/cooperation/cases/${row.id}?page=2`, headers: { cookie: coordinator.cookie } });
    expect(page.body).toContain(`Page 2 of ${first.pages}`);
    expect(page.body).toContain(`?page=3`);
    expect(page.body).toContain('121 participants: 0 answered for every vulnerability, 121 not yet.');
  }, 120_000);
});
