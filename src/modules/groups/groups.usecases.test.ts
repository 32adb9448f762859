import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixtureSite, type TestApp } from '../../../test/helpers/app.js';
import { startSmtpServer, type TestSmtpServer } from '../../../test/helpers/smtp.js';
import { auditLog } from '../../app/audit/audit.tables.js';
import { roleGrants } from '../../app/authz/authz.tables.js';
import { AppError } from '../../app/http/errors.js';
import { postNews } from './groups.content.js';
import { groupMemberships, groups } from './groups.tables.js';
import { setUpGroupPeople, type GroupPerson } from './groups.test-support.js';
import { acceptRequest, declineRequest, leaveGroup, removeParticipant, requestMembership } from './groups.usecases.js';

let t: TestApp;
let smtp: TestSmtpServer;
let setUp: Awaited<ReturnType<typeof setUpGroupPeople>>;
const publicUrl = 'https://pariscall.example';

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ site: fixtureSite, config: { smtpUrl: smtp.url } });
  setUp = await setUpGroupPeople(t);
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return `${error.status} ${error.code}`;
    throw error;
  }
  return 'allowed';
}

const deps = (person: GroupPerson) => ({ db: t.database.db, actor: person.actor, publicUrl, events: t.app.context.events });
const memberships = async () => (await t.database.db.select({ n: count() }).from(groupMemberships))[0]!.n;
const holds = async (userId: string, role: string, scopeId: string) =>
  (await t.database.db.select().from(roleGrants).where(and(eq(roleGrants.userId, userId), eq(roleGrants.role, role), eq(roleGrants.scopeId, scopeId)))).length === 1;
const drain = () => t.app.context.jobs.worker.drain();

describe('taking part in a working group', () => {
  it('a representative asks to join, the co-chair is mailed in French, accepts; the member is granted the role and mailed, and leaves', async () => {
    const { group, supporter, people } = setUp;
    const changes: string[] = [];
    t.app.context.events.on('registry.changed', 'test.groups-accept', ({ reason }) => reason !== 'database-notify' && changes.push(reason));
    const { membership } = await requestMembership({ ...deps(people.rep), groupId: group.id, role: 'member', supporterId: supporter.id, message: 'We work on supply chains.' });
    await drain();
    const notice = await smtp.waitForMessage((m) => m.subject?.startsWith('Nouvelle demande') ?? false);
    expect(notice.text).toContain('Rita Rep');
    expect(notice.text).toContain('We work on supply chains.');
    expect(notice.text).toContain(`/fr/groups/${group.slug}/manage`);

    expect(await refusal(acceptRequest({ ...deps(people.member), groupId: group.id, membershipId: membership.id }))).toBe('403 groups.not-allowed');
    await acceptRequest({ ...deps(people.coChair), groupId: group.id, membershipId: membership.id });
    expect(await holds(people.rep.actor.userId, 'member', group.id)).toBe(true);
    expect(changes).toContain('groups.accept');
    await drain();
    const accepted = await smtp.waitForMessage((m) => m.subject?.startsWith('You take part in') ?? false);
    expect(accepted.to).toBeTruthy();
    expect(accepted.text).toContain('as member');
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.subject, group.id));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['groups.request', 'groups.accept', 'authz.grant']));

    expect(await refusal(acceptRequest({ ...deps(people.coChair), groupId: group.id, membershipId: membership.id }))).toBe('409 groups.request-decided');
    const rep = { ...people.rep, actor: { ...people.rep.actor, grants: [...people.rep.actor.grants, { role: 'member' as const, scopeId: group.id }] } };
    await leaveGroup({ db: t.database.db, actor: rep.actor, groupId: group.id });
    expect(await holds(people.rep.actor.userId, 'member', group.id)).toBe(false);
  });

  it('a decline needs a reason (nothing changes without one), and the person reads it in their e-mail', async () => {
    const { group, people } = setUp;
    const { membership } = await requestMembership({ ...deps(people.member), groupId: group.id, role: 'observer', supporterId: null, message: null });
    const before = await memberships();
    expect(await refusal(declineRequest({ ...deps(people.coChair), groupId: group.id, membershipId: membership.id, reason: '   ' }))).toBe('422 groups.invalid');
    const [row] = await t.database.db.select().from(groupMemberships).where(eq(groupMemberships.id, membership.id));
    expect(row!.state).toBe('requested');
    expect(await memberships()).toBe(before);
    await declineRequest({ ...deps(people.coChair), groupId: group.id, membershipId: membership.id, reason: 'The group is full until June.' });
    await drain();
    const mail = await smtp.waitForMessage((m) => m.subject?.startsWith('Your request to take part') ?? false);
    expect(mail.text).toContain('The group is full until June.');
    expect(await holds(people.member.actor.userId, 'observer', group.id)).toBe(false);
  });

  it('bad requests change nothing: a member for an organisation one does not represent, a second request, a too long message', async () => {
    const { group, supporter, people } = setUp;
    const before = await memberships();
    expect(await refusal(requestMembership({ ...deps(people.member), groupId: group.id, role: 'member', supporterId: supporter.id, message: null }))).toBe('403 groups.not-representative');
    expect(await refusal(requestMembership({ ...deps(people.member), groupId: group.id, role: 'chair', supporterId: null, message: null }))).toBe('422 groups.invalid');
    expect(await refusal(requestMembership({ ...deps(people.member), groupId: group.id, role: 'observer', supporterId: null, message: 'x'.repeat(2001) }))).toBe('422 groups.invalid');
    expect(await memberships()).toBe(before);
  });

  it('a co-chair removes an observer with a reason: the role is revoked and the person told why', async () => {
    const { group, people } = setUp;
    const { membership } = await requestMembership({ ...deps(people.member), groupId: group.id, role: 'observer', supporterId: null, message: null });
    await acceptRequest({ ...deps(people.coChair), groupId: group.id, membershipId: membership.id });
    expect(await holds(people.member.actor.userId, 'observer', group.id)).toBe(true);
    expect(await refusal(removeParticipant({ ...deps(people.coChair), groupId: group.id, membershipId: membership.id, reason: '' }))).toBe('422 groups.invalid');
    await removeParticipant({ ...deps(people.coChair), groupId: group.id, membershipId: membership.id, reason: 'Repeated off-topic messages.' });
    expect(await holds(people.member.actor.userId, 'observer', group.id)).toBe(false);
    await drain();
    const mail = await smtp.waitForMessage((m) => m.subject?.startsWith('You no longer take part') ?? false);
    expect(mail.text).toContain('Repeated off-topic messages.');
    const [entry] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.subject, group.id), eq(auditLog.action, 'groups.remove')));
    expect(entry!.reason).toBe('Repeated off-topic messages.');
  });

  it('a closed group takes no new request and no news, and says so', async () => {
    const { group, people } = setUp;
    await t.database.db.update(groups).set({ state: 'closed' }).where(eq(groups.id, group.id));
    try {
      const before = await memberships();
      const closedSetUp = { ...deps(people.rep), groupId: group.id, role: 'observer', supporterId: null, message: null };
      expect(await refusal(requestMembership(closedSetUp))).toBe('409 groups.closed');
      expect(await refusal(postNews({ ...deps(people.coChair), groupId: group.id, title: { en: 'Hello' }, body: { en: 'World' }, visibility: 'public' }))).toBe('409 groups.closed');
      expect(await memberships()).toBe(before);
    } finally {
      await t.database.db.update(groups).set({ state: 'active' }).where(eq(groups.id, group.id));
    }
  });
});
