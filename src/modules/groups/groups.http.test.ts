import { parse as parseCsv } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xml2js, type Element } from 'xml-js';
import { createTestApp, fixtureSite, type TestApp } from '../../../test/helpers/app.js';
import { csrfFor } from '../../../test/helpers/auth.js';
import { storeFile } from '../../app/files/files.js';
import { samplePdf } from '../../app/files/files.test-utils.js';
import { createGroupsRepository } from './groups.repository.js';
import { groupMemberships } from './groups.tables.js';
import { setUpGroupPeople } from './groups.test-support.js';
import { acceptRequest, requestMembership } from './groups.usecases.js';

let t: TestApp;
let setUp: Awaited<ReturnType<typeof setUpGroupPeople>>;

beforeAll(async () => {
  t = await createTestApp({ site: fixtureSite });
  setUp = await setUpGroupPeople(t, { slug: 'supply-chains' });
  const { group, supporter, people } = setUp;
  const db = t.database.db;
  const deps = { db, publicUrl: t.config.publicUrl };
  const { membership } = await requestMembership({ ...deps, actor: people.rep.actor, groupId: group.id, role: 'member', supporterId: supporter.id, message: 'private note to the chairs' });
  await acceptRequest({ ...deps, actor: people.coChair.actor, groupId: group.id, membershipId: membership.id });
  const repository = createGroupsRepository(db);
  await repository.insertNews({ groupId: group.id, title: { en: 'Kick-off <meeting>', fr: 'Lancement' }, body: { en: 'We met.' }, visibility: 'public', createdBy: 'test' });
  await repository.insertNews({ groupId: group.id, title: { en: 'Members: draft ready' }, body: { en: 'Read it.' }, visibility: 'members', createdBy: 'test' });
  const file = await storeFile(db, samplePdf(), { declaredName: 'draft.pdf' });
  const secret = await repository.insertDocument({ groupId: group.id, kind: 'draft', visibility: 'members', title: { en: 'Confidential draft' }, createdBy: 'test' });
  await repository.insertVersion({ documentId: secret.id, files: { en: file }, note: null, createdBy: 'test' });
});
afterAll(async () => t?.close());

const get = (url: string, cookie?: string) => t.app.inject({ url, headers: cookie ? { cookie } : {} });

describe('working group pages, feed, CSV and API', () => {
  it('lists the groups and shows a group in both languages, its member organisation but no person, and no members-only part to the public', async () => {
    const list = await get('/fr/groups');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Groupes de travail');
    const en = await get('/en/groups/supply-chains');
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain(setUp.supporter.name.replace(/&/g, '&amp;'));
    expect(en.body).toContain('Kick-off &lt;meeting>');
    expect(en.body).toContain('/en/account/subscriptions?group=supply-chains');
    expect(en.body).not.toContain('Rita Rep');
    expect(en.body).not.toContain('private note');
    expect(en.body).not.toContain('Members: draft ready');
    expect(en.body).not.toContain('Confidential draft');
    const fr = await get('/fr/groups/supply-chains');
    expect(fr.body).toContain('Suivre ce groupe');
    expect(fr.body).toContain('Lancement');
  });

  it('shows the members-only part to a member, and its file only to them', async () => {
    const page = await get('/en/groups/supply-chains', setUp.people.rep.cookie);
    expect(page.body).toContain('Members: draft ready');
    expect(page.body).toContain('Confidential draft');
    const href = /href="(\/en\/groups\/supply-chains\/documents\/[^"]+\/versions\/1\/en)"/.exec(page.body)?.[1];
    expect(href).toBeTruthy();
    const file = await get(href!, setUp.people.rep.cookie);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toMatch(/^attachment/);
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect((await get(href!)).statusCode).toBe(404);
    expect((await get(href!, setUp.people.member.cookie)).statusCode).toBe(404);
  });

  it('exports member organisations as CSV without personal data', async () => {
    const response = await get('/en/groups/supply-chains/memberships.csv');
    expect(response.statusCode).toBe(200);
    const [header, ...rows] = parseCsv(response.body) as string[][];
    expect(header).toEqual(['group', 'organisation', 'registry_slug', 'role', 'since']);
    expect(rows).toEqual([['supply-chains', setUp.supporter.name, setUp.supporter.slug, 'member', expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/)]]);
    expect(response.body).not.toContain('@');
    expect((await get('/fr/groups/memberships.csv')).body.split('\n')[0]).toBe('groupe,organisation,slug_registre,role,depuis');
  });

  it('publishes an Atom feed of the public activity only', async () => {
    const response = await get('/en/groups/supply-chains/feed.atom');
    expect(response.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    const feed = (xml2js(response.body) as Element).elements?.find((e) => e.name === 'feed');
    const entries = feed?.elements?.filter((e) => e.name === 'entry') ?? [];
    expect(entries).toHaveLength(1);
    expect(entries[0]!.elements?.find((e) => e.name === 'title')?.elements?.[0]?.cdata).toBe('Kick-off &lt;meeting&gt;');
  });

  it('answers the API: a paged list with total and one group, public parts only', async () => {
    const list = await get('/api/v1/working-groups?page=1&pageSize=10');
    expect(list.statusCode).toBe(200);
    const body = list.json();
    expect(body).toMatchObject({ page: 1, pageSize: 10, total: expect.any(Number) });
    expect(body.items.find((g: { slug: string }) => g.slug === 'supply-chains').memberOrganisations).toBe(1);
    const one = (await get('/api/v1/working-groups/supply-chains')).json();
    expect(one.memberOrganisations).toEqual([{ name: setUp.supporter.name, supporterSlug: setUp.supporter.slug }]);
    expect(one.documents).toEqual([]);
    expect(one.news.map((n: { title: { en: string } }) => n.title.en)).toEqual(['Kick-off <meeting>']);
    expect((await get('/api/v1/working-groups/nope')).statusCode).toBe(404);
    const openapi = (await get('/api/openapi.json')).json();
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/api/v1/working-groups', '/api/v1/working-groups/{group}']));
  });

  it('a decline without a reason re-renders the co-chairs\' page with the error beside the field, in French', async () => {
    const { group, people } = setUp;
    const { membership } = await requestMembership({ db: t.database.db, publicUrl: t.config.publicUrl, actor: people.member.actor, groupId: group.id, role: 'observer', supporterId: null, message: null });
    const form = await csrfFor(t, '/fr/groups/supply-chains/manage', people.coChair.cookie);
    expect(form.status).toBe(200);
    const response = await t.app.inject({
      method: 'POST', url: `/fr/groups/supply-chains/requests/${membership.id}/decline`,
      headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: `_csrf=${encodeURIComponent(form.token)}&reason=`,
    });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('Indiquez un motif');
    const [row] = await t.database.db.select().from(groupMemberships).where(eq(groupMemberships.id, membership.id));
    expect(row!.state).toBe('requested');
  });
});
