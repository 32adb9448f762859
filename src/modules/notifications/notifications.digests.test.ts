import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { signInAs } from '../../../test/helpers/auth.js';
import { startSmtpServer, type TestSmtpServer } from '../../../test/helpers/smtp.js';
import { systemActor } from '../../app/authz/actor.js';
import { enqueueJob } from '../../app/jobs/outbox.js';
import { seedGroup } from '../groups/groups.test-support.js';
import { digestsJob } from './notifications.jobs.js';
import { subscriptionsOf } from './notifications.queries.js';
import { buildItem, registerActivitySource, testActivitySource, type TestActivity } from './notifications.test-support.js';
import { chooseFrequency } from './notifications.usecases.js';
import { verifyUnsubscribeToken } from './notifications.tokens.js';
import { resolveSecretKey } from '../../app/auth/secret.js';

const publicUrl = 'https://pariscall.test';
let t: TestApp;
let smtp: TestSmtpServer;
let activity: TestActivity;
let run = 0;

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ config: { smtpUrl: smtp.url, publicUrl, mailFrom: 'Paris Call <no-reply@pariscall.test>', secretKey: 'k'.repeat(40) } });
  activity = testActivitySource();
  registerActivitySource(t.app.context, activity);
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

const person = async (email: string, locale: 'en' | 'fr' = 'en') => {
  const signed = await signInAs(t, { email, locale });
  const actor = { kind: 'user' as const, userId: signed.userId, email, name: null, role: 'member' as const, locale, sessionId: signed.sessionId, method: 'email-link' as const, grants: [] };
  return { ...signed, email, actor };
};

/** Runs the digest job of a period through the worker (each call a new job, as a duplicated schedule would be). */
async function runDigests(frequency: 'daily' | 'weekly', since: string, until: string): Promise<void> {
  await enqueueJob(t.database.db, digestsJob, { frequency, since: new Date(since).toISOString(), until: new Date(until).toISOString() }, { idempotencyKey: `test-run-${++run}` });
  await t.app.context.jobs.worker.drain();
}

const mailsTo = (address: string): ParsedMail[] => smtp.messages.filter((mail) => (mail.to as { text: string } | undefined)?.text === address);
const rawHeader = (mail: ParsedMail, key: string) => (mail.headerLines.find((line) => line.key === key)?.line ?? '').replace(/\r?\n\s+/g, ' ');

describe('who gets a digest by default, and their choices', () => {
  it('a member, observer or co-chair of a group gets its weekly digest until they choose; anyone else gets nothing from it', async () => {
    const member = await person('default-member@notify.example');
    const stranger = await person('default-stranger@notify.example');
    const group = await seedGroup(t.database.db, { members: [member.userId] });
    const mine = (await subscriptionsOf({ db: t.database.db, actor: member.actor })).find((row) => row.group.id === group.id);
    expect(mine).toMatchObject({ choice: null, holdsRole: true, frequency: 'weekly' });
    const theirs = (await subscriptionsOf({ db: t.database.db, actor: stranger.actor })).find((row) => row.group.id === group.id);
    expect(theirs).toMatchObject({ choice: null, holdsRole: false, frequency: 'off' });
  });

  it('a choice overrides the default and is audited; choosing the same again records nothing more', async () => {
    const member = await person('choice-member@notify.example');
    const group = await seedGroup(t.database.db, { members: [member.userId] });
    await chooseFrequency({ db: t.database.db, actor: member.actor, groupSlug: group.slug, frequency: 'daily' });
    await chooseFrequency({ db: t.database.db, actor: member.actor, groupSlug: group.slug, frequency: 'daily' });
    const mine = (await subscriptionsOf({ db: t.database.db, actor: member.actor })).find((row) => row.group.id === group.id);
    expect(mine).toMatchObject({ choice: 'daily', frequency: 'daily' });
    const audit = await t.database.db.execute(`select actor, details from audit_log where action = 'notifications.choose' and subject = '${group.id}'`);
    expect((audit as unknown as { rows: unknown[] }).rows).toEqual([{ actor: `user:${member.userId}`, details: { frequency: 'daily', previous: null } }]);
  });

  it('a frequency outside daily, weekly and off, or a group that does not exist, is refused and changes nothing', async () => {
    const someone = await person('bad-choice@notify.example');
    const group = await seedGroup(t.database.db);
    await expect(chooseFrequency({ db: t.database.db, actor: someone.actor, groupSlug: group.slug, frequency: 'hourly' })).rejects.toMatchObject({ code: 'notifications.frequency.invalid' });
    await expect(chooseFrequency({ db: t.database.db, actor: someone.actor, groupSlug: 'no-such-group', frequency: 'daily' })).rejects.toMatchObject({ code: 'notifications.group.not-found' });
    await expect(chooseFrequency({ db: t.database.db, actor: systemActor('test'), groupSlug: group.slug, frequency: 'daily' })).rejects.toMatchObject({ status: 401 });
  });
});

describe('digests through the outbox and a real SMTP server', () => {
  it('one e-mail per person covering all their groups: public items for followers, members-only items only where they hold a role', async () => {
    const member = await person('digest-member@notify.example');
    const follower = await person('digest-follower@notify.example');
    const groupA = await seedGroup(t.database.db, { members: [member.userId], name: { en: 'Advancing norms', fr: 'Faire progresser les normes' } });
    const groupB = await seedGroup(t.database.db, { observers: [member.userId], name: { en: 'Stability index', fr: 'Indice de stabilité' } });
    await chooseFrequency({ db: t.database.db, actor: follower.actor, groupSlug: groupA.slug, frequency: 'weekly' });
    const at = new Date('2026-03-03T10:00:00Z');
    const open = buildItem({ groupId: groupA.id, at, kind: 'document', title: { en: 'Draft report v2', fr: 'Projet de rapport v2' }, path: `/groups/${groupA.slug}/documents/d1` });
    const closed = buildItem({ groupId: groupA.id, at, visibility: 'members', title: { en: 'Members’ call notes', fr: 'Notes de l’appel des membres' }, path: `/groups/${groupA.slug}/news/n2` });
    const other = buildItem({ groupId: groupB.id, at, kind: 'event', title: { en: 'Index workshop' }, path: `/groups/${groupB.slug}/events/e1` });
    activity.items.push(open, closed, other);

    await runDigests('weekly', '2026-03-02T06:00:00Z', '2026-03-09T06:00:00Z');

    const [toMember, ...moreToMember] = mailsTo(member.email);
    expect(moreToMember).toEqual([]);
    expect(toMember!.subject).toBe('Working groups: 3 new items this week');
    expect(toMember!.text).toContain('Advancing norms');
    expect(toMember!.text).toContain('Stability index');
    expect(toMember!.text).toContain(`Document: Draft report v2\n  ${publicUrl}/en/groups/${groupA.slug}/documents/d1`);
    expect(toMember!.text).toContain('News (members only): Members’ call notes');
    expect(toMember!.text).toContain(`Event: Index workshop\n  ${publicUrl}/en/groups/${groupB.slug}/events/e1`);
    expect(toMember!.html).toContain(`${publicUrl}/en/account/subscriptions`);
    const list = rawHeader(toMember!, 'list-unsubscribe');
    const token = /\/en\/unsubscribe\/([^>]+)>/.exec(list)?.[1] ?? '';
    expect(list).toBe(`List-Unsubscribe: <${publicUrl}/en/unsubscribe/${token}>, <mailto:no-reply@pariscall.test?subject=unsubscribe%20${token}>`);
    expect(rawHeader(toMember!, 'list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(verifyUnsubscribeToken(resolveSecretKey(t.config), token)).toEqual({ userId: member.userId, groupId: null });

    const [toFollower, ...moreToFollower] = mailsTo(follower.email);
    expect(moreToFollower).toEqual([]);
    expect(toFollower!.subject).toBe('Working groups: 1 new item this week');
    expect(toFollower!.text).toContain('Draft report v2');
    expect(toFollower!.text).not.toContain('Members’ call notes');
    expect(toFollower!.text).not.toContain('Index workshop');
  });

  it('a period run twice (a retried or duplicated job) sends each person one digest', async () => {
    const member = await person('twice@notify.example');
    const group = await seedGroup(t.database.db, { coChairs: [member.userId] });
    activity.items.push(buildItem({ groupId: group.id, at: new Date('2026-04-07T12:00:00Z') }));
    await runDigests('weekly', '2026-04-06T06:00:00Z', '2026-04-13T06:00:00Z');
    await runDigests('weekly', '2026-04-06T06:00:00Z', '2026-04-13T06:00:00Z');
    expect(mailsTo(member.email)).toHaveLength(1);
  });

  it('nothing is sent to someone whose groups had nothing new, nor to someone who chose off', async () => {
    const quiet = await person('quiet@notify.example');
    const off = await person('off@notify.example');
    const group = await seedGroup(t.database.db, { members: [quiet.userId, off.userId] });
    await chooseFrequency({ db: t.database.db, actor: off.actor, groupSlug: group.slug, frequency: 'off' });
    await runDigests('weekly', '2026-05-04T06:00:00Z', '2026-05-11T06:00:00Z');
    activity.items.push(buildItem({ groupId: group.id, at: new Date('2026-05-12T08:00:00Z') }));
    await runDigests('weekly', '2026-05-11T06:00:00Z', '2026-05-18T06:00:00Z');
    expect(mailsTo(quiet.email).map((mail) => mail.subject)).toEqual(['Working groups: 1 new item this week']);
    expect(mailsTo(off.email)).toEqual([]);
  });

  it('daily subscribers get the daily digest, weekly ones do not get it', async () => {
    const daily = await person('daily@notify.example');
    const weekly = await person('weekly@notify.example');
    const group = await seedGroup(t.database.db, { members: [weekly.userId] });
    await chooseFrequency({ db: t.database.db, actor: daily.actor, groupSlug: group.slug, frequency: 'daily' });
    activity.items.push(buildItem({ groupId: group.id, at: new Date('2026-06-02T09:00:00Z') }));
    await runDigests('daily', '2026-06-02T06:00:00Z', '2026-06-03T06:00:00Z');
    expect(mailsTo(daily.email).map((mail) => mail.subject)).toEqual(['Working groups: 1 new item today']);
    expect(mailsTo(weekly.email)).toEqual([]);
  });

  it('a French-speaking person gets the digest in French, with French links and titles', async () => {
    const french = await person('francophone@notify.example', 'fr');
    const group = await seedGroup(t.database.db, { members: [french.userId], name: { en: 'Engaging actors', fr: 'Mobiliser les acteurs' } });
    activity.items.push(buildItem({ groupId: group.id, at: new Date('2026-07-07T09:00:00Z'), kind: 'consultation', title: { en: 'Consultation opened', fr: 'Consultation ouverte' }, path: `/groups/${group.slug}/consultations/c1` }));
    await runDigests('weekly', '2026-07-06T06:00:00Z', '2026-07-13T06:00:00Z');
    const [mail] = mailsTo(french.email);
    expect(mail!.subject).toBe('Groupes de travail : 1 nouveauté cette semaine');
    expect(mail!.text).toContain('Mobiliser les acteurs');
    expect(mail!.text).toContain('Consultation: Consultation ouverte');
    expect(mail!.text).toContain(`${publicUrl}/fr/groups/${group.slug}/consultations/c1`);
    expect(rawHeader(mail!, 'list-unsubscribe')).toContain(`<${publicUrl}/fr/unsubscribe/`);
    expect(mail!.headers.get('content-language')).toBe('fr');
  });
});
