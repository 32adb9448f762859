import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixtureSite, type TestApp } from '../../../test/helpers/app.js';
import { consultationsActivity } from './consultations.activity.js';
import { consultationsContributions } from './consultations.contributions.js';
import { moveDeadlineIntoPast, openedConsultation, setUpConsultations, type ConsultationPeople } from './consultations.test-support.js';

let t: TestApp;
let people: ConsultationPeople;
beforeAll(async () => {
  t = await createTestApp({ site: fixtureSite });
  people = await setUpConsultations(t);
}, 60_000);
afterAll(async () => t?.close());

describe('the activity and the group page', () => {
  it('an opened consultation is in the group activity (members only for a supporters\' one) and in the deadlines of its window', async () => {
    const db = t.database.db;
    const open = await openedConsultation(db, people, { audience: 'public', title: { en: 'Open to all' } });
    const members = await openedConsultation(db, people, { audience: 'supporters', closesAt: new Date(Date.now() + 3 * 86_400_000) });
    const since = new Date(Date.now() - 60_000);
    const until = new Date(Date.now() + 60_000);
    const publicItems = await consultationsActivity.list(db, { groupIds: [people.group.id], since, until, visibility: 'public' });
    expect(publicItems.map((i) => i.key)).toEqual([`consultations:${open.id}:opened`]);
    expect(publicItems[0]).toMatchObject({ kind: 'consultation', visibility: 'public', path: `/consultations/${open.id}`, title: { en: 'Consultation opened: Open to all', fr: 'Consultation ouverte : Open to all' } });
    const memberItems = await consultationsActivity.list(db, { groupIds: [people.group.id], since, until, visibility: 'members' });
    expect(memberItems.find((i) => i.key === `consultations:${members.id}:opened`)?.visibility).toBe('members');
    expect(await consultationsActivity.list(db, { groupIds: [], since, until, visibility: 'members' })).toEqual([]);
    const closing = await consultationsActivity.deadlines!(db, { from: new Date(), to: new Date(Date.now() + 4 * 86_400_000) });
    expect(closing.map((i) => [i.key, i.deadline?.toISOString()])).toEqual([[`consultations:${members.id}:opened`, members.closesAt.toISOString()]]);
    await moveDeadlineIntoPast(db, members.id);
    expect(await consultationsActivity.deadlines!(db, { from: new Date(), to: new Date(Date.now() + 4 * 86_400_000) })).toEqual([]);
  });

  it("a group's page lists its consultations past their draft", async () => {
    const [group] = await consultationsContributions.list(t.database.db, { group: people.group.id }, 'fr');
    expect(group?.heading).toBe('Consultations');
    expect(group?.items.length).toBeGreaterThanOrEqual(2);
    expect(group?.items[0]?.note).toMatch(/Europe\/Paris, UTC\+0[12]:00/);
    expect(await consultationsContributions.list(t.database.db, { principle: 1 }, 'fr')).toEqual([]);
  });
});
