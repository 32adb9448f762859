import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixtureSite, type TestApp } from '../../../test/helpers/app.js';
import { csrfFor } from '../../../test/helpers/auth.js';
import { auditLog } from '../../app/audit/audit.tables.js';
import { systemActor } from '../../app/authz/actor.js';
import { roleGrants } from '../../app/authz/authz.tables.js';
import { AppError } from '../../app/http/errors.js';
import { referenceDir } from '../../app/reference/reference.js';
import { appointCoChair, editGroup, openGroup, removeCoChair } from './groups.admin.js';
import { addCoChairOrganisation, removeCoChairOrganisation } from './groups.co-chairs.js';
import { importReferenceGroups } from './groups.import.js';
import { groupsReference } from './groups.reference.js';
import { groupCoChairs, groups } from './groups.tables.js';
import { setUpGroupPeople } from './groups.test-support.js';

let t: TestApp;
let setUp: Awaited<ReturnType<typeof setUpGroupPeople>>;

beforeAll(async () => {
  t = await createTestApp({ site: fixtureSite });
  setUp = await setUpGroupPeople(t, { slug: 'secretariat-tests' });
});
afterAll(async () => t?.close());

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return `${error.status} ${error.code} ${error.issues.map((i) => `${i.field}=${i.message}`).join(',')}`.trim();
    throw error;
  }
  return 'allowed';
}

const db = () => t.database.db;
const audits = async (action: string) => (await db().select({ n: count() }).from(auditLog).where(eq(auditLog.action, action)))[0]!.n;
const groupCount = async () => (await db().select({ n: count() }).from(groups))[0]!.n;
const isCoChair = async (userId: string, groupId: string) =>
  (await db().select().from(roleGrants).where(and(eq(roleGrants.userId, userId), eq(roleGrants.role, 'co-chair'), eq(roleGrants.scopeId, groupId)))).length === 1;
const secretariat = () => ({ db: db(), actor: setUp.people.moderator.actor, events: t.app.context.events });

describe('the secretariat opens, edits and closes groups and appoints their co-chairs (use cases)', () => {
  it('opens a group with its creator and an audit entry, and announces the change; bad or taken addresses and numbers change nothing', async () => {
    const reasons: string[] = [];
    t.app.context.events.on('registry.changed', 'test.groups-open', ({ reason }) => reason !== 'database-notify' && reasons.push(reason));
    const before = await groupCount();
    expect(await refusal(openGroup({ ...secretariat(), slug: 'Bad slug', number: 'x', name: {}, mandate: {} }))).toBe('422 groups.invalid slug=error.slug,number=error.number,name-en=error.name');
    expect(await refusal(openGroup({ ...secretariat(), slug: 'secretariat-tests', number: '', name: { en: 'Dup' }, mandate: {} }))).toBe('422 groups.invalid slug=error.slugTaken');
    expect(await refusal(openGroup({ ...setUp.people.coChair, db: db(), slug: 'by-a-co-chair', number: '', name: { en: 'No' }, mandate: {} }))).toMatch(/^403 /);
    expect(await groupCount()).toBe(before);
    const { group } = await openGroup({ ...secretariat(), slug: 'Quantum-Security', number: '7', name: { fr: 'Sécurité quantique' }, mandate: { en: 'Prepare for quantum.' } });
    expect(group).toMatchObject({ slug: 'quantum-security', number: 7, name: { fr: 'Sécurité quantique' }, mandate: { en: 'Prepare for quantum.' }, state: 'active', createdBy: `user:${setUp.people.moderator.actor.userId}` });
    expect(await refusal(openGroup({ ...secretariat(), slug: 'another-one', number: '7', name: { en: 'Another' }, mandate: {} }))).toBe('422 groups.invalid number=error.numberTaken');
    expect(await groupCount()).toBe(before + 1);
    expect(await audits('groups.open')).toBe(1);
    expect(reasons).toEqual(['groups.open']);
  });

  it('edits and closes a group (edited_by set, audited as a closing), reopens it; an empty name changes nothing', async () => {
    const { group } = setUp;
    expect(await refusal(editGroup({ ...secretariat(), groupId: group.id, name: { en: ' ', fr: '' }, mandate: {}, state: 'closed' }))).toBe('422 groups.invalid name-en=error.name');
    expect(await refusal(editGroup({ ...secretariat(), groupId: group.id, name: { en: 'Ok' }, mandate: {}, state: 'archived' }))).toBe('422 groups.invalid state=error.state');
    expect((await db().select().from(groups).where(eq(groups.id, group.id)))[0]).toMatchObject({ state: 'active', editedBy: null });
    await editGroup({ ...secretariat(), groupId: group.id, name: { en: 'Supply chains', fr: 'Chaînes d’approvisionnement' }, mandate: { en: 'Map the risks.' }, state: 'closed' });
    const [closed] = await db().select().from(groups).where(eq(groups.id, group.id));
    expect(closed).toMatchObject({ state: 'closed', name: { en: 'Supply chains', fr: 'Chaînes d’approvisionnement' }, mandate: { en: 'Map the risks.' }, editedBy: `user:${setUp.people.moderator.actor.userId}` });
    expect(await audits('groups.close')).toBe(1);
    await editGroup({ ...secretariat(), groupId: group.id, name: closed!.name, mandate: closed!.mandate, state: 'active' });
    expect(await audits('groups.reopen')).toBe(1);
  });

  it('appoints a co-chair by the e-mail of an existing account and removes them with a reason; an unknown e-mail or no reason changes nothing', async () => {
    const { group, people } = setUp;
    const grants = async () => (await db().select({ n: count() }).from(roleGrants))[0]!.n;
    const before = await grants();
    expect(await refusal(appointCoChair({ ...secretariat(), groupId: group.id, email: 'nobody@nowhere.example' }))).toBe('422 groups.invalid email=error.email');
    expect(await grants()).toBe(before);
    const { appointed } = await appointCoChair({ ...secretariat(), groupId: group.id, email: ` ${people.rep.actor.email.toUpperCase()} ` });
    expect(appointed).toBe(true);
    expect(await isCoChair(people.rep.actor.userId, group.id)).toBe(true);
    expect(await audits('groups.appoint')).toBe(1);
    expect(await refusal(removeCoChair({ ...secretariat(), groupId: group.id, userId: people.rep.actor.userId, reason: '  ' }))).toBe('422 groups.invalid reason=error.reason');
    expect(await isCoChair(people.rep.actor.userId, group.id)).toBe(true);
    await removeCoChair({ ...secretariat(), groupId: group.id, userId: people.rep.actor.userId, reason: 'Left the organisation' });
    expect(await isCoChair(people.rep.actor.userId, group.id)).toBe(false);
    const [entry] = await db().select().from(auditLog).where(eq(auditLog.action, 'groups.remove-co-chair'));
    expect(entry).toMatchObject({ reason: 'Left the organisation', subject: group.id });
    expect(await refusal(removeCoChair({ ...secretariat(), groupId: group.id, userId: people.rep.actor.userId, reason: 'Again' }))).toBe('409 groups.not-participating');
  });

  it('a group of the reference bundle edited by the secretariat is kept as edited by a re-import', async () => {
    const parsed = await groupsReference.read(referenceDir);
    await importReferenceGroups({ db: db(), actor: systemActor('test'), groups: parsed });
    const [wg1] = await db().select().from(groups).where(eq(groups.sourceKey, 'wg-1'));
    await editGroup({ ...secretariat(), groupId: wg1!.id, name: { en: 'Growing the community, renamed' }, mandate: { en: 'Our own words.' }, state: 'closed' });
    const report = await importReferenceGroups({ db: db(), actor: systemActor('test'), groups: parsed });
    expect(report.keptEdited).toEqual([wg1!.slug]);
    const [after] = await db().select().from(groups).where(eq(groups.id, wg1!.id));
    expect(after).toMatchObject({ name: { en: 'Growing the community, renamed' }, mandate: { en: 'Our own words.' }, state: 'closed' });
  });
});

const form = (fields: Record<string, string>, token: string) => new URLSearchParams({ ...fields, _csrf: token }).toString();
const post = async (url: string, page: string, fields: Record<string, string>, cookie = setUp.people.moderator.cookie) => {
  const csrf = await csrfFor(t, page, cookie);
  expect(csrf.status).toBe(200);
  return t.app.inject({ method: 'POST', url, headers: { cookie: csrf.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: form(fields, csrf.token) });
};

describe('the secretariat’s group pages (HTTP)', () => {
  it('opens a group from the French form: bad input re-renders with the errors beside the fields (422), success redirects with a notice', async () => {
    const before = await groupCount();
    const bad = await post('/fr/secretariat/groups/new', '/fr/secretariat/groups/new', { slug: 'x', number: '', 'name-en': '', 'name-fr': '', 'mandate-en': 'Typed mandate' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('id="slug-error"');
    expect(bad.body).toContain('Utilisez de 3 à 60 lettres minuscules');
    expect(bad.body).toContain('Indiquez le nom en anglais ou en français');
    expect(bad.body).toContain('Typed mandate');
    expect(await groupCount()).toBe(before);
    const ok = await post('/fr/secretariat/groups/new', '/fr/secretariat/groups/new', { slug: 'capacity-building', number: '', 'name-en': '', 'name-fr': 'Renforcement des capacités', 'mandate-en': '', 'mandate-fr': '' });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/fr/secretariat/groups/capacity-building/edit?done=opened');
    const page = await t.app.inject({ url: ok.headers.location as string, headers: { cookie: setUp.people.moderator.cookie } });
    expect(page.body).toContain('Le groupe a été ouvert.');
    expect((await t.app.inject({ url: '/en/groups/capacity-building' })).body).toContain('Renforcement des capacités');
  });

  it('edits in English, appoints by e-mail (unknown e-mail: error beside the field), lists and removes the co-chair', async () => {
    const { people } = setUp;
    const edit = '/en/secretariat/groups/capacity-building/edit';
    const saved = await post(edit, edit, { 'name-en': 'Capacity building', 'name-fr': 'Renforcement des capacités', 'mandate-en': 'Train.', 'mandate-fr': '', state: 'active' });
    expect(saved.headers.location).toBe(`${edit}?done=saved`);
    const unknown = await post('/en/secretariat/groups/capacity-building/co-chairs', edit, { email: 'ghost@nowhere.example' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.body).toContain('id="email-error"');
    expect(unknown.body).toContain('No account has this e-mail address.');
    expect(unknown.body).toContain('ghost@nowhere.example');
    const appointed = await post('/en/secretariat/groups/capacity-building/co-chairs', edit, { email: people.member.actor.email });
    expect(appointed.headers.location).toBe(`${edit}?done=appointed`);
    const page = await t.app.inject({ url: appointed.headers.location as string, headers: { cookie: people.moderator.cookie } });
    expect(page.body).toContain(people.member.actor.email);
    expect(page.body).toContain('The co-chair was appointed.');
    const removeUrl = `/en/secretariat/groups/capacity-building/co-chairs/${people.member.actor.userId}/remove`;
    const noReason = await post(removeUrl, edit, { reason: '' });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.body).toContain(`id="reason-${people.member.actor.userId}-error"`);
    const removed = await post(removeUrl, edit, { reason: 'Asked to step down' });
    expect(removed.headers.location).toBe(`${edit}?done=coChairRemoved`);
    const [group] = await db().select().from(groups).where(eq(groups.slug, 'capacity-building'));
    expect(await isCoChair(people.member.actor.userId, group!.id)).toBe(false);
  });

  it('is refused to a co-chair; the group page shows the secretariat an Edit link, co-chairs the consultation and event links, everyone the calendar', async () => {
    const { people } = setUp;
    expect((await t.app.inject({ url: '/en/secretariat/groups/new', headers: { cookie: people.coChair.cookie } })).statusCode).toBe(403);
    const secretariatView = (await t.app.inject({ url: '/fr/groups/secretariat-tests', headers: { cookie: people.moderator.cookie } })).body;
    expect(secretariatView).toContain('href="/fr/secretariat/groups/secretariat-tests/edit"');
    expect(secretariatView).toContain('href="/fr/groups/secretariat-tests/consultations/new"');
    const chairView = (await t.app.inject({ url: '/en/groups/secretariat-tests', headers: { cookie: people.coChair.cookie } })).body;
    expect(chairView).toContain('href="/en/groups/secretariat-tests/events/new"');
    expect(chairView).not.toContain('/secretariat/groups/');
    const publicView = (await t.app.inject({ url: '/en/groups/secretariat-tests' })).body;
    expect(publicView).toContain('href="/en/calendar?group=secretariat-tests"');
    expect(publicView).not.toContain('/consultations/new');
    const account = (await t.app.inject({ url: '/en/account', headers: { cookie: people.moderator.cookie } })).body;
    expect(account).toContain('href="/en/secretariat/groups/new"');
    expect(account).toContain('href="/en/secretariat/groups/capacity-building/edit"');
  });
});

describe('the secretariat names the co-chair organisations', () => {
  it('adds a registry entry by its address and a named organisation, removes one; an unknown address changes nothing; the group is kept by a re-import', async () => {
    const { supporter } = setUp;
    const [wg2] = await db().select().from(groups).where(eq(groups.sourceKey, 'wg-2'));
    const named = async () => db().select().from(groupCoChairs).where(eq(groupCoChairs.groupId, wg2!.id));
    const before = (await named()).length;
    expect(await refusal(addCoChairOrganisation({ ...secretariat(), groupId: wg2!.id, supporterSlug: 'no-such-entry', name: {} }))).toBe('422 groups.invalid organisation-slug=error.organisationEntry');
    expect(await refusal(addCoChairOrganisation({ ...secretariat(), groupId: wg2!.id, supporterSlug: '', name: { en: ' ' } }))).toBe('422 groups.invalid organisation-slug=error.organisationName');
    expect((await named()).length).toBe(before);
    const { coChair: linked } = await addCoChairOrganisation({ ...secretariat(), groupId: wg2!.id, supporterSlug: supporter.slug, name: {} });
    expect(linked).toMatchObject({ supporterId: supporter.id, name: { en: supporter.name, fr: supporter.name }, position: before });
    await addCoChairOrganisation({ ...secretariat(), groupId: wg2!.id, supporterSlug: '', name: { en: 'Global Forum on Cyber Expertise' } });
    await removeCoChairOrganisation({ ...secretariat(), groupId: wg2!.id, coChairId: linked.id });
    expect(await refusal(removeCoChairOrganisation({ ...secretariat(), groupId: wg2!.id, coChairId: linked.id }))).toBe('409 groups.co-chair-gone');
    expect([await audits('groups.add-co-chair-organisation'), await audits('groups.remove-co-chair-organisation')]).toEqual([2, 1]);
    const report = await importReferenceGroups({ db: db(), actor: systemActor('test'), groups: await groupsReference.read(referenceDir) });
    expect(report.keptEdited).toContain(wg2!.slug);
    expect((await named()).map((c) => c.name.en)).toContain('Global Forum on Cyber Expertise');
    expect((await named()).length).toBe(before + 1);
  });

  it('the French form shows an unknown registry address beside the field (422), and adds a named organisation (303)', async () => {
    const edit = '/fr/secretariat/groups/capacity-building/edit';
    const url = '/fr/secretariat/groups/capacity-building/co-chair-organisations';
    const bad = await post(url, edit, { 'organisation-slug': 'no-such-entry', 'organisation-en': '', 'organisation-fr': '' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('id="organisation-slug-error"');
    expect(bad.body).toContain('Aucune fiche publiée du registre n’a cette adresse.');
    const ok = await post(url, edit, { 'organisation-slug': '', 'organisation-en': '', 'organisation-fr': 'Forum mondial' });
    expect(ok.headers.location).toBe(`${edit}?done=organisationAdded`);
    expect((await t.app.inject({ url: '/fr/groups/capacity-building' })).body).toContain('Forum mondial');
  });
});
