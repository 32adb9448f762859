import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { signInAs } from '../../../test/helpers/auth.js';
import { startSmtpServer, type TestSmtpServer } from '../../../test/helpers/smtp.js';
import { enqueueJob } from '../../app/jobs/outbox.js';
import { seedGroup } from '../groups/groups.test-support.js';
import { remindersJob } from './notifications.jobs.js';
import { buildItem, registerActivitySource, testActivitySource, type TestActivity } from './notifications.test-support.js';
import { chooseFrequency } from './notifications.usecases.js';

const publicUrl = 'https://pariscall.test';
let t: TestApp;
let smtp: TestSmtpServer;
let activity: TestActivity;
let run = 0;

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ config: { smtpUrl: smtp.url, publicUrl, mailFrom: 'Paris Call <no-reply@pariscall.test>' } });
  activity = testActivitySource();
  registerActivitySource(t.app.context, activity);
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

const person = async (email: string, locale: 'en' | 'fr' = 'en') => {
  const signed = await signInAs(t, { email, locale });
  return { ...signed, email, actor: { kind: 'user' as const, userId: signed.userId, email, name: null, role: 'member' as const, locale, sessionId: signed.sessionId, method: 'email-link' as const, grants: [] } };
};

/** A reminder run now, through the worker (each a new job, as a duplicated schedule would make). */
async function runReminders(): Promise<void> {
  await enqueueJob(t.database.db, remindersJob, { at: new Date().toISOString() }, { idempotencyKey: `test-reminders-${++run}` });
  await t.app.context.jobs.worker.drain();
}

const mailsTo = (address: string): ParsedMail[] => smtp.messages.filter((mail) => (mail.to as { text: string } | undefined)?.text === address);
const hours = (n: number) => new Date(Date.now() + n * 3_600_000);

describe('deadline reminders', () => {
  it('a deadline within 48 hours is mailed once to the group’s role holders and followers, never to those who chose off', async () => {
    const member = await person('rem-member@notify.example');
    const follower = await person('rem-follower@notify.example', 'fr');
    const off = await person('rem-off@notify.example');
    const stranger = await person('rem-stranger@notify.example');
    const group = await seedGroup(t.database.db, { members: [member.userId, off.userId], name: { en: 'Norms group', fr: 'Groupe des normes' } });
    await chooseFrequency({ db: t.database.db, actor: follower.actor, groupSlug: group.slug, frequency: 'daily' });
    await chooseFrequency({ db: t.database.db, actor: off.actor, groupSlug: group.slug, frequency: 'off' });
    const item = buildItem({ groupId: group.id, at: hours(-100), kind: 'consultation', deadline: hours(20), title: { en: 'Consultation on the draft', fr: 'Consultation sur le projet' }, path: `/groups/${group.slug}/consultations/c9` });
    activity.items.push(item);

    await runReminders();
    await runReminders();

    const [toMember, ...again] = mailsTo(member.email);
    expect(again).toEqual([]);
    expect(toMember!.subject).toMatch(/^Closes .+: Consultation on the draft$/);
    expect(toMember!.text).toContain('Norms group: “Consultation on the draft” closes on');
    expect(toMember!.text).toContain(`${publicUrl}/en/groups/${group.slug}/consultations/c9`);
    const list = toMember!.headerLines.find((line) => line.key === 'list-unsubscribe')?.line ?? '';
    expect(list).toContain(`<${publicUrl}/en/unsubscribe/`);
    expect(toMember!.headerLines.find((line) => line.key === 'list-unsubscribe-post')?.line).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');

    const [toFollower, ...againFr] = mailsTo(follower.email);
    expect(againFr).toEqual([]);
    expect(toFollower!.subject).toMatch(/^Clôture le .+ : Consultation sur le projet$/);
    expect(mailsTo(off.email)).toEqual([]);
    expect(mailsTo(stranger.email)).toEqual([]);
  });

  it('a members-only deadline reaches role holders only; one beyond 48 hours or already past reaches no one', async () => {
    const member = await person('rem2-member@notify.example');
    const follower = await person('rem2-follower@notify.example');
    const group = await seedGroup(t.database.db, { observers: [member.userId] });
    await chooseFrequency({ db: t.database.db, actor: follower.actor, groupSlug: group.slug, frequency: 'weekly' });
    activity.items.push(
      buildItem({ groupId: group.id, at: hours(-10), visibility: 'members', deadline: hours(30), title: { en: 'Members’ vote' } }),
      buildItem({ groupId: group.id, at: hours(-10), deadline: hours(49), title: { en: 'Later consultation' } }),
      buildItem({ groupId: group.id, at: hours(-10), deadline: hours(-1), title: { en: 'Closed consultation' } }),
    );
    await runReminders();
    expect(mailsTo(member.email).map((mail) => mail.subject)).toEqual([expect.stringMatching(/: Members’ vote$/)]);
    expect(mailsTo(follower.email)).toEqual([]);
  });
});
