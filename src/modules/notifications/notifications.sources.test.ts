/**
 * The digest with the platform's real activity sources (the other digest tests bring their own): what the groups,
 * consultations and events modules publish in a group reaches its members' weekly digest, in their language, through
 * the outbox and a real SMTP server.
 */
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { signInAs } from '../../../test/helpers/auth.js';
import { startSmtpServer, type TestSmtpServer } from '../../../test/helpers/smtp.js';
import { enqueueJob } from '../../app/jobs/outbox.js';
import { seedConsultation } from '../consultations/consultations.test-support.js';
import { createEvent } from '../events/events.usecases.js';
import { buildEventInput } from '../events/events.test-support.js';
import { postNews } from '../groups/groups.content.js';
import { seedGroup } from '../groups/groups.test-support.js';
import { digestsJob } from './notifications.jobs.js';

const publicUrl = 'https://pariscall.test';
let t: TestApp;
let smtp: TestSmtpServer;

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ config: { smtpUrl: smtp.url, publicUrl, mailFrom: 'Paris Call <no-reply@pariscall.test>', secretKey: 'k'.repeat(40) } });
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

const mailsTo = (address: string): ParsedMail[] => smtp.messages.filter((mail) => (mail.to as { text: string } | undefined)?.text === address);

describe('a weekly digest made from the groups, consultations and events modules', () => {
  it('lists the news, the consultation opened and the event scheduled in the member’s group, and nothing of another group', async () => {
    const db = t.database.db;
    expect(t.app.context.activity.map((source) => source.name).sort()).toEqual(expect.arrayContaining([expect.stringMatching(/groups/), expect.stringMatching(/consultations/), expect.stringMatching(/events/)]));
    const member = await signInAs(t, { email: 'digest-member@sources.example', locale: 'fr' });
    const chair = await signInAs(t, { email: 'digest-chair@sources.example' });
    const group = await seedGroup(db, { members: [member.userId], coChairs: [chair.userId] });
    const other = await seedGroup(db, { coChairs: [chair.userId] });
    const grants = [group, other].map((g) => ({ role: 'co-chair' as const, scopeId: g.id }));
    const coChair = { kind: 'user' as const, userId: chair.userId, email: 'digest-chair@sources.example', name: null, role: 'member' as const, locale: 'en' as const, sessionId: chair.sessionId, method: 'email-link' as const, grants };
    await postNews({ db, actor: coChair, groupId: group.id, title: { en: 'Plenary moved', fr: 'Plénière déplacée' }, body: { fr: 'Elle aura lieu mardi.' }, visibility: 'public' });
    await postNews({ db, actor: coChair, groupId: other.id, title: { en: 'Elsewhere', fr: 'Ailleurs' }, body: { fr: 'Rien à voir.' }, visibility: 'public' });
    await seedConsultation(db, { groupId: group.id, phase: 'open', paragraphs: ['Un.'] });
    await createEvent({ db, actor: coChair, groupId: group.id, event: buildEventInput({ title: { en: 'Drafting session', fr: 'Séance de rédaction' } }) });

    const until = new Date(Date.now() + 60_000);
    const since = new Date(until.getTime() - 15 * 86_400_000);
    await enqueueJob(db, digestsJob, { frequency: 'weekly', since: since.toISOString(), until: until.toISOString() }, { idempotencyKey: 'sources-weekly' });
    await t.app.context.jobs.worker.drain();

    const [mail, ...more] = mailsTo('digest-member@sources.example');
    expect(more).toEqual([]);
    expect(mail?.text).toContain('Plénière déplacée');
    expect(mail?.text).toContain('Consultation de test');
    expect(mail?.text).toContain('Séance de rédaction');
    expect(mail?.text).not.toContain('Ailleurs');
    expect(mail?.headerLines.find((line) => line.key === 'list-unsubscribe-post')?.line).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
  });
});
