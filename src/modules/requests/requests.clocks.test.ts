import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixtureSite, type TestApp } from '../../../test/helpers/app.js';
import { jobs } from '../../app/jobs/jobs.tables.js';
import { seedContact } from '../contacts/contacts.test-support.js';
import { acknowledgeRequest, closeRequest } from './requests.actions.js';
import { escalateRequest } from './requests.escalation.js';
import { loadRequest, sendRequest } from './requests.usecases.js';
import { seedPeople, type People } from './requests.people.test-support.js';
import { signInAs } from '../../../test/helpers/auth.js';

/** The acknowledgement clock and its escalation chain, with a controlled clock (`now` given to each step). */
let t: TestApp;
let people: People;
const deps = () => ({ db: t.database.db, publicUrl: 'https://pariscall.test' });
const hour = 3_600_000;
const start = new Date('2030-03-01T08:00:00Z');
let staleUser = '';

beforeAll(async () => {
  t = await createTestApp({ site: fixtureSite });
  people = await seedPeople(t, 'clocks');
  // A stale contact of B, tried after its active ones whatever its escalation order.
  staleUser = (await signInAs(t, { email: 'stale@requests.example' })).userId;
  await seedContact(t.database.db, { supporterId: people.orgB, userId: staleUser, email: 'stale@requests.example', name: 'Stale contact', state: 'stale', escalationOrder: 0 });
});
afterAll(async () => t?.close());

const send = async (urgency: 'routine' | 'high' | 'critical') =>
  sendRequest(deps(), await people.actor('sender'), {
    kind: 'notification', senderSupporterId: people.orgA, recipientSupporterId: people.orgB, urgency, sector: 'energy', requestedAction: 'Acknowledge', subject: 'Clock', body: 'Clock body', language: 'en', tlp: 'AMBER+STRICT',
  }, start);

describe('acknowledgement and response clocks', () => {
  it('starts both clocks from the urgency and queues the escalation due at the acknowledgement deadline', async () => {
    const critical = await send('critical');
    expect(critical.ackDueAt.toISOString()).toBe('2030-03-01T09:00:00.000Z');
    expect(critical.responseDueAt.toISOString()).toBe('2030-03-02T08:00:00.000Z');
    const routine = await send('routine');
    expect(routine.ackDueAt.getTime() - start.getTime()).toBe(24 * hour);
    const [job] = await t.database.db.select().from(jobs).where(and(eq(jobs.type, 'requests.escalate'), eq(jobs.subjectRef, critical.id)));
    expect(job?.runAt.toISOString()).toBe('2030-03-01T09:00:00.000Z');
  });

  it('does nothing before the deadline, then escalates to the next active contact, then the stale one, then says none is left', async () => {
    const request = await send('high');
    const recipients = async () => (await loadRequest(t.database.db, request.id)).recipients.map((r) => r.userId);
    expect(await recipients()).toEqual([people.userIds.recipient]);
    expect(await escalateRequest(deps(), { requestId: request.id, level: 0 }, new Date(start.getTime() + 4 * hour - 1))).toBe('nothing');

    const first = new Date(start.getTime() + 4 * hour);
    expect(await escalateRequest(deps(), { requestId: request.id, level: 0 }, first)).toBe('escalated');
    expect(await recipients()).toEqual([people.userIds.recipient, people.userIds.otherOfRecipient]);
    // The same job again (a retry after a crash) changes nothing.
    expect(await escalateRequest(deps(), { requestId: request.id, level: 0 }, first)).toBe('nothing');
    const view = await loadRequest(t.database.db, request.id);
    expect(view.request.ackDueAt.getTime()).toBe(first.getTime() + 4 * hour);

    const second = new Date(first.getTime() + 4 * hour);
    expect(await escalateRequest(deps(), { requestId: request.id, level: 1 }, second)).toBe('escalated');
    expect((await recipients()).at(-1)).toBe(staleUser);
    const third = new Date(second.getTime() + 4 * hour);
    expect(await escalateRequest(deps(), { requestId: request.id, level: 2 }, third)).toBe('exhausted');
    expect(await escalateRequest(deps(), { requestId: request.id, level: 2 }, new Date(third.getTime() + 10 * hour))).toBe('nothing');
    const log = (await loadRequest(t.database.db, request.id)).events.map((e) => [e.kind, e.at.toISOString()]);
    expect(log).toEqual([
      ['sent', start.toISOString()],
      ['escalated', first.toISOString()],
      ['escalated', second.toISOString()],
      ['escalation-exhausted', third.toISOString()],
    ]);
    // Each escalation queued the next one, once.
    const queued = await t.database.db.select().from(jobs).where(and(eq(jobs.type, 'requests.escalate'), eq(jobs.subjectRef, request.id)));
    expect(queued.map((j) => (j.payload as { level: number }).level).sort()).toEqual([0, 1, 2]);
  });

  it('stops escalating once acknowledged; the outcome log keeps every step with its time', async () => {
    const request = await send('high');
    await acknowledgeRequest(deps(), await people.actor('otherOfRecipient'), request.id, new Date(start.getTime() + hour));
    expect(await escalateRequest(deps(), { requestId: request.id, level: 0 }, new Date(start.getTime() + 5 * hour))).toBe('nothing');
    await closeRequest(deps(), await people.actor('sender'), request.id, { outcome: 'no-response' }, new Date(start.getTime() + 80 * hour));
    const view = await loadRequest(t.database.db, request.id);
    expect(view.request.state).toBe('closed');
    expect(view.request.outcome).toBe('no-response');
    expect(view.events.map((e) => e.kind)).toEqual(['sent', 'acknowledged', 'closed']);
  });
});
