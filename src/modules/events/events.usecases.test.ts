import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { startSmtpServer, type TestSmtpServer } from '../../../test/helpers/smtp.js';
import { auditLog } from '../../app/audit/audit.tables.js';
import { EventBus } from '../../app/events/events.js';
import { AppError } from '../../app/http/errors.js';
import type { ParsedMail } from 'mailparser';
import { createEventsRepository } from './events.repository.js';
import { cancelRegistration, registerForEvent } from './events.registrations.js';
import { events } from './events.tables.js';
import { buildEventInput, setUpEventPeople, type EventPeople } from './events.test-support.js';
import { cancelEvent, createEvent, updateEvent } from './events.usecases.js';

let t: TestApp;
let smtp: TestSmtpServer;
let people: EventPeople;
const publicUrl = 'https://platform.example';

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ config: { smtpUrl: smtp.url } });
  people = await setUpEventPeople(t);
});

afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

const recipients = (mail: ParsedMail) => [mail.to].flat().map((a) => a?.text ?? '').join(', ');
const codeOf = async (promise: Promise<unknown>) => promise.then(() => 'ok', (error: unknown) => (error instanceof AppError ? error.code : String(error)));

async function groupEvent(overrides = {}) {
  return (await createEvent({ db: t.database.db, actor: people.actors.coChair, groupId: people.group.id, event: buildEventInput(overrides) })).event;
}

describe('organising', () => {
  it('a co-chair schedules an event of their group, stored in UTC with its zone, audited, announced', async () => {
    const reasons: string[] = [];
    const bus = new EventBus();
    bus.on('registry.changed', 'test.events', ({ reason }) => reasons.push(reason));
    const { event } = await createEvent({ db: t.database.db, actor: people.actors.coChair, groupId: people.group.id, event: buildEventInput(), events: bus });
    expect(event.allDay).toBe(false);
    expect(event.startsAt!.toISOString()).toBe(`${new Date().getUTCFullYear() + 1}-03-10T13:30:00.000Z`);
    expect(event.timeZone).toBe('Europe/Paris');
    expect(event.uid).toBe(`${event.id}@pariscall.international`);
    expect(event.sequence).toBe(0);
    expect(reasons.filter((r) => r !== 'database-notify')).toEqual(['events.create']);
    const [audit] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.subject, event.id), eq(auditLog.action, 'events.create')));
    expect(audit!.actor).toBe(`user:${people.actors.coChair.userId}`);
  });

  it('a member of the group, another person and a visitor may not schedule its events; only the secretariat schedules Call-wide ones', async () => {
    const { db } = t.database;
    expect(await codeOf(createEvent({ db, actor: people.actors.member, groupId: people.group.id, event: buildEventInput() }))).toBe('events.not-allowed');
    expect(await codeOf(createEvent({ db, actor: people.actors.alice, groupId: people.group.id, event: buildEventInput() }))).toBe('events.not-allowed');
    expect(await codeOf(createEvent({ db, actor: { kind: 'anonymous' }, groupId: people.group.id, event: buildEventInput() }))).toBe('auth.unauthorized');
    expect(await codeOf(createEvent({ db, actor: people.actors.coChair, groupId: null, event: buildEventInput() }))).toBe('events.not-allowed');
    expect(await codeOf(createEvent({ db, actor: people.actors.moderator, groupId: null, event: buildEventInput() }))).toBe('ok');
  });

  it('bad input is refused field by field, in the reader’s language, and nothing is written', async () => {
    const before = await t.database.db.$count(events);
    const error = await createEvent({
      db: t.database.db, actor: people.actors.coChair, groupId: people.group.id,
      event: buildEventInput({ title: {}, startDate: '2026-02-30', timeZone: 'Mars/Olympus', link: 'javascript:alert(1)', capacity: '0', openness: 'secret' }),
    }).then(() => null, (e: unknown) => e as AppError);
    expect(error).toBeInstanceOf(AppError);
    if (!error) return;
    expect(error.code).toBe('events.invalid');
    expect(Object.fromEntries(error.issues.map((i) => [i.field, i.message]))).toEqual({
      titleEn: 'error.title', startDate: 'error.date', timeZone: 'error.timeZone', link: 'error.link', capacity: 'error.capacity', openness: 'error.openness',
    });
    expect(error.localize('fr')).toBe('L’événement comporte des erreurs : voir chaque champ.');
    expect(await t.database.db.$count(events)).toBe(before);
  });

  it('an edit calendars show raises the SEQUENCE; an edit of minutes alone does not, and is audited as published minutes', async () => {
    const event = await groupEvent();
    const moved = await updateEvent({ db: t.database.db, actor: people.actors.coChair, eventId: event.id, event: buildEventInput({ startTime: '15:00' }), publicUrl });
    expect(moved.event.sequence).toBe(1);
    const minutes = await updateEvent({ db: t.database.db, actor: people.actors.coChair, eventId: event.id, event: buildEventInput({ startTime: '15:00', minutes: { en: 'We agreed.' }, recordingUrl: 'https://video.example.org/1' }), publicUrl });
    expect(minutes.event.sequence).toBe(1);
    expect(minutes.event.minutesPublishedAt).not.toBeNull();
    const trail = (await t.database.db.select().from(auditLog).where(eq(auditLog.subject, event.id))).map((r) => r.action);
    expect(trail).toEqual(['events.create', 'events.update', 'events.update', 'events.minutes']);
  });

  it('cancelling keeps the event with a higher SEQUENCE and tells everyone registered, in their language', async () => {
    const event = await groupEvent({ capacity: '1' });
    await registerForEvent({ db: t.database.db, actor: people.actors.alice, eventId: event.id });
    await registerForEvent({ db: t.database.db, actor: people.actors.bob, eventId: event.id });
    const { event: cancelled, told } = await cancelEvent({ db: t.database.db, actor: people.actors.coChair, eventId: event.id, reason: 'Room unavailable', publicUrl });
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.sequence).toBe(event.sequence + 1);
    expect(told).toBe(2);
    await t.app.context.jobs.worker.drain();
    const english = await smtp.waitForMessage((m) => m.subject === 'Cancelled: Working group meeting' && recipients(m).includes(people.actors.alice.email));
    expect(english.text).toContain('is cancelled');
    const french = await smtp.waitForMessage((m) => m.subject === 'Annulé : Réunion du groupe de travail');
    expect(recipients(french)).toContain(people.actors.bob.email);
    expect(await codeOf(cancelEvent({ db: t.database.db, actor: people.actors.coChair, eventId: event.id, reason: null, publicUrl }))).toBe('events.already-cancelled');
    expect(await codeOf(registerForEvent({ db: t.database.db, actor: people.actors.carol, eventId: event.id }))).toBe('events.registration-closed');
  });
});

describe('registering', () => {
  it('places go first come, first served; then the waiting list; a cancellation promotes the first waiting, told by e-mail in French', async () => {
    const event = await groupEvent({ capacity: '1' });
    const alice = await registerForEvent({ db: t.database.db, actor: people.actors.alice, eventId: event.id });
    expect(alice).toMatchObject({ registration: { state: 'registered' }, waitingRank: null });
    const bob = await registerForEvent({ db: t.database.db, actor: people.actors.bob, eventId: event.id });
    expect(bob).toMatchObject({ registration: { state: 'waiting' }, waitingRank: 1 });
    const carol = await registerForEvent({ db: t.database.db, actor: people.actors.carol, eventId: event.id });
    expect(carol.waitingRank).toBe(2);
    // Registering again changes nothing.
    expect((await registerForEvent({ db: t.database.db, actor: people.actors.bob, eventId: event.id })).waitingRank).toBe(1);

    const { promoted } = await cancelRegistration({ db: t.database.db, actor: people.actors.alice, eventId: event.id, publicUrl });
    expect(promoted).toBe(1);
    const repository = createEventsRepository(t.database.db);
    expect((await repository.registrationOf(event.id, people.actors.bob.userId))!.state).toBe('registered');
    expect(await repository.countByState(event.id)).toEqual({ registered: 1, waiting: 1 });
    await t.app.context.jobs.worker.drain();
    const mail = await smtp.waitForMessage((m) => m.subject === 'Une place pour vous : Réunion du groupe de travail');
    expect(recipients(mail)).toContain(people.actors.bob.email);
    expect(mail.text).toContain(`${publicUrl}/fr/events/${event.id}`);
    expect(await codeOf(cancelRegistration({ db: t.database.db, actor: people.actors.alice, eventId: event.id, publicUrl }))).toBe('events.not-registered');
  });

  it('registrations sent at the same moment never exceed the capacity', async () => {
    const event = await groupEvent({ capacity: '2' });
    const who = [people.actors.alice, people.actors.bob, people.actors.carol, people.actors.dora, people.actors.member];
    const results = await Promise.all(who.map((actor) => registerForEvent({ db: t.database.db, actor, eventId: event.id })));
    expect(results.filter((r) => r.registration.state === 'registered')).toHaveLength(2);
    expect(results.filter((r) => r.registration.state === 'waiting').map((r) => r.waitingRank).sort()).toEqual([1, 2, 3]);
    expect(await createEventsRepository(t.database.db).countByState(event.id)).toEqual({ registered: 2, waiting: 3 });
  });

  it('a larger capacity gives the new places to the waiting list, in order', async () => {
    const event = await groupEvent({ capacity: '1' });
    for (const actor of [people.actors.alice, people.actors.bob, people.actors.carol]) await registerForEvent({ db: t.database.db, actor, eventId: event.id });
    const { promoted } = await updateEvent({ db: t.database.db, actor: people.actors.coChair, eventId: event.id, event: buildEventInput({ capacity: '2' }), publicUrl });
    expect(promoted).toBe(1);
    expect((await createEventsRepository(t.database.db).registrationOf(event.id, people.actors.bob.userId))!.state).toBe('registered');
  });

  it('a group’s by-invitation event takes its co-chairs, members and observers only', async () => {
    const event = await groupEvent({ openness: 'by-invitation' });
    expect(await codeOf(registerForEvent({ db: t.database.db, actor: people.actors.alice, eventId: event.id }))).toBe('events.not-invited');
    expect(await codeOf(registerForEvent({ db: t.database.db, actor: people.actors.member, eventId: event.id }))).toBe('ok');
    expect(await codeOf(registerForEvent({ db: t.database.db, actor: { kind: 'anonymous' }, eventId: event.id }))).toBe('auth.unauthorized');
  });

  it('a Call-wide by-invitation event takes the people whose address the organiser listed', async () => {
    const { event } = await createEvent({ db: t.database.db, actor: people.actors.moderator, groupId: null, event: buildEventInput({ openness: 'by-invitation', invitees: [people.actors.carol.email.toUpperCase()] }) });
    expect(await codeOf(registerForEvent({ db: t.database.db, actor: people.actors.alice, eventId: event.id }))).toBe('events.not-invited');
    expect(await codeOf(registerForEvent({ db: t.database.db, actor: people.actors.carol, eventId: event.id }))).toBe('ok');
  });

  it('registration closed, or an event over, takes nobody', async () => {
    const closed = await groupEvent({ registrationOpen: false });
    expect(await codeOf(registerForEvent({ db: t.database.db, actor: people.actors.alice, eventId: closed.id }))).toBe('events.registration-closed');
    const open = await groupEvent();
    const after = new Date(open.endsAt!.getTime() + 1000);
    expect(await codeOf(registerForEvent({ db: t.database.db, actor: people.actors.alice, eventId: open.id, now: after }))).toBe('events.registration-closed');
  });
});
