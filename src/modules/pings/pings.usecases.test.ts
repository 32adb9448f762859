import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixtureSite, type TestApp } from '../../../test/helpers/app.js';
import { auditLog } from '../../app/audit/audit.tables.js';
import { jobs } from '../../app/jobs/jobs.tables.js';
import { seedContact } from '../contacts/contacts.test-support.js';
import { acknowledgeWithCode, acknowledgeWithToken, recordAnswer } from './pings.acknowledge.js';
import { createPingsRepository } from './pings.repository.js';
import { pings, pingTargets } from './pings.tables.js';
import { contactActor, secretariatActor, someSupporters } from './pings.test-support.js';
import { createExercise, startExercise, sweepExercise } from './pings.usecases.js';

const publicUrl = 'https://pariscall.test';
let t: TestApp;
let orgs: Array<{ id: string; name: string }>;
const T0 = new Date('2026-03-02T08:00:00Z');
const hours = (n: number) => new Date(T0.getTime() + n * 3_600_000);

beforeAll(async () => {
  t = await createTestApp({ site: fixtureSite });
  orgs = await someSupporters(t.database.db, 3);
});
afterAll(async () => t?.close());

/** Runs a secretariat exercise over one organisation at T0 with a 1 h window; returns its id. */
async function exerciseOver(supporterId: string, channels = ['email', 'phone']): Promise<string> {
  const { db } = t.database;
  const exercise = await createExercise({ db, actor: secretariatActor(), now: T0, exercise: { supporterId: null, scopeSupporterIds: [supporterId], roles: [], channels, windowMinutes: 60, startsAt: null, timeZone: 'Europe/Paris' } });
  await startExercise({ db, publicUrl, exerciseId: exercise.id, now: T0 });
  return exercise.id;
}

const pingsOf = (exerciseId: string) => createPingsRepository(t.database.db).pingsOf(exerciseId);
const targetsOf = (exerciseId: string) => createPingsRepository(t.database.db).targetsOf(exerciseId);

describe('ping exercises', () => {
  it('escalates to the next channel, then to the next contact, then records the contact unreachable', async () => {
    const { db } = t.database;
    const org = orgs[0]!.id;
    const first = await seedContact(db, { supporterId: org, userId: undefined, state: 'active', escalationOrder: 1, channels: [{ kind: 'email', value: 'desk@org.example' }, { kind: 'phone', value: '+33 1 00 00 00 01' }] });
    const second = await seedContact(db, { supporterId: org, state: 'stale', escalationOrder: 0, channels: [{ kind: 'phone', value: '+33 1 00 00 00 02' }] });
    const exerciseId = await exerciseOver(org);
    // Both contacts are targets; the first one's chain: its e-mail, its phone, then the stale contact's phone.
    let list = await pingsOf(exerciseId);
    expect(list.map((p) => [p.contactId, p.channelKind, p.step]).sort()).toEqual([[first.id, 'email', 0], [second.id, 'phone', 0]].sort());
    const mail = await db.select().from(jobs).where(eq(jobs.idempotencyKey, `pings.ping:${list.find((p) => p.channelKind === 'email')!.id}`));
    expect(mail).toHaveLength(1);

    // The escalation clock is a job due at the end of the window.
    const [sweep] = await db.select().from(jobs).where(eq(jobs.idempotencyKey, `pings.sweep:${exerciseId}:${hours(1).toISOString()}`));
    expect(sweep?.runAt).toEqual(hours(1));
    // Before the window ends nothing moves; the sweep that ran early is retried later.
    await expect(sweepExercise({ db, publicUrl, exerciseId, at: hours(1), now: hours(0.5) })).rejects.toThrow();
    expect(await sweepExercise({ db, publicUrl, exerciseId, now: hours(1) })).toEqual({ escalated: 2, unreachable: 0 });
    list = await pingsOf(exerciseId);
    const firstChain = list.filter((p) => p.targetId === list.find((q) => q.contactId === first.id && q.step === 0)!.targetId);
    expect(firstChain.map((p) => [p.contactId, p.channelKind, p.step])).toEqual([[first.id, 'email', 0], [first.id, 'phone', 1]]);
    // The stale contact's chain goes on to the active one (active before stale): its e-mail.
    const secondChain = list.filter((p) => p.targetId === list.find((q) => q.contactId === second.id && q.step === 0)!.targetId);
    expect(secondChain.map((p) => [p.contactId, p.channelKind])).toEqual([[second.id, 'phone'], [first.id, 'email']]);

    await sweepExercise({ db, publicUrl, exerciseId, now: hours(2) });
    list = await pingsOf(exerciseId);
    expect(list.filter((p) => p.targetId === firstChain[0]!.targetId).map((p) => [p.contactId, p.channelKind, p.step])).toEqual([[first.id, 'email', 0], [first.id, 'phone', 1], [second.id, 'phone', 2]]);

    await sweepExercise({ db, publicUrl, exerciseId, now: hours(3) });
    await sweepExercise({ db, publicUrl, exerciseId, now: hours(4) });
    const targets = await targetsOf(exerciseId);
    expect(targets.map((x) => x.state)).toEqual(['unreachable', 'unreachable']);
    const exercise = await createPingsRepository(db).exercise(exerciseId);
    expect(exercise?.state).toBe('completed');
    const audit = await db.select().from(auditLog).where(eq(auditLog.subject, exerciseId));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['pings.exercise.create', 'pings.exercise.start', 'pings.escalate', 'pings.exercise.complete']));
  });

  it('records an acknowledgement once: twice changes nothing, and a late ping of an unreachable contact is refused', async () => {
    const { db } = t.database;
    const org = orgs[1]!.id;
    const contact = await seedContact(db, { supporterId: org, state: 'active', channels: [{ kind: 'phone', value: '+33 1 00 00 00 03' }] });
    const exerciseId = await exerciseOver(org);
    const [ping] = await pingsOf(exerciseId);
    // The spoken code, typed back by a contact of the organisation (another organisation's contact is told it is unknown).
    await expect(acknowledgeWithCode({ db, actor: contactActor('usr_other', orgs[2]!.id), code: ping!.code, now: hours(0.25) })).rejects.toMatchObject({ status: 422 });
    const done = await acknowledgeWithCode({ db, actor: contactActor('usr_desk', org), code: `${ping!.code.slice(0, 4)}-${ping!.code.slice(4).toLowerCase()}`, now: hours(0.25) });
    expect(done.recorded).toBe(true);
    const again = await recordAnswer({ db, actor: secretariatActor(), exerciseId, pingId: ping!.id, now: hours(0.5) });
    expect(again.recorded).toBe(false);
    const [row] = await db.select().from(pings).where(eq(pings.id, ping!.id));
    expect(row).toMatchObject({ via: 'code', acknowledgedAt: hours(0.25), recordedBy: null });
    const [target] = await db.select().from(pingTargets).where(eq(pingTargets.id, ping!.targetId));
    expect(target?.state).toBe('acknowledged');
    expect((await createPingsRepository(db).exercise(exerciseId))?.state).toBe('completed');
    // The sweep finds nothing to escalate.
    expect(await sweepExercise({ db, publicUrl, exerciseId, now: hours(2) })).toEqual({ escalated: 0, unreachable: 0 });
    expect(contact.id).toBe(row?.contactId);
  });

  it('records an answer given to the operator, with who recorded it, in the audit log', async () => {
    const { db } = t.database;
    const org = orgs[0]!.id;
    await seedContact(db, { supporterId: org, state: 'active', channels: [{ kind: 'signal', value: '+33 6 11 11 11 11' }] });
    const exerciseId = await exerciseOver(org, ['signal']);
    const [ping] = await pingsOf(exerciseId);
    await expect(recordAnswer({ db, actor: contactActor('usr_outsider', orgs[1]!.id), exerciseId, pingId: ping!.id, now: hours(0.1) })).rejects.toMatchObject({ status: 403 });
    const done = await recordAnswer({ db, actor: secretariatActor('usr_operator'), exerciseId, pingId: ping!.id, now: hours(0.1) });
    expect(done.recorded).toBe(true);
    const [row] = await db.select().from(pings).where(eq(pings.id, ping!.id));
    expect(row).toMatchObject({ via: 'operator', recordedBy: 'user:usr_operator' });
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.subject, ping!.id));
    expect(entry).toMatchObject({ actor: 'user:usr_operator', action: 'pings.acknowledge' });
    expect(entry?.details).toMatchObject({ via: 'operator', recordedBy: 'user:usr_operator', seconds: 360 });
  });

  it('refuses an expired or unknown token and lets a contact run an exercise over its own organisation only', async () => {
    const { db } = t.database;
    const org = orgs[2]!.id;
    await seedContact(db, { supporterId: org, state: 'active', channels: [{ kind: 'sms', value: '+33 6 00 00 00 04' }] });
    const exerciseId = await exerciseOver(org, ['sms']);
    await sweepExercise({ db, publicUrl, exerciseId, now: hours(1) });
    const [ping] = await pingsOf(exerciseId);
    // Unreachable now: its code no longer acknowledges.
    await expect(acknowledgeWithCode({ db, actor: contactActor('usr_late', org), code: ping!.code, now: hours(1.5) })).rejects.toMatchObject({ status: 410 });
    await expect(acknowledgeWithToken({ db, token: 'x'.repeat(43), via: 'api', actor: { kind: 'anonymous' } })).rejects.toMatchObject({ status: 404 });
    const own = { supporterId: org, scopeSupporterIds: [], roles: [], channels: ['sms'], windowMinutes: 60, startsAt: null, timeZone: 'UTC' };
    await expect(createExercise({ db, actor: contactActor('usr_x', orgs[0]!.id), exercise: own })).rejects.toMatchObject({ status: 403 });
    const created = await createExercise({ db, actor: contactActor('usr_y', org), exercise: { ...own, scopeSupporterIds: [orgs[0]!.id] } });
    expect(created.scopeSupporterIds).toEqual([org]);
  });
});
