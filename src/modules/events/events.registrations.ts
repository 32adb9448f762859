/**
 * Registering for an event and leaving it. Places are first come, first served: the event row is locked for the
 * transaction (SELECT … FOR UPDATE), so two registrations at the same moment are counted one after the other and never
 * exceed the capacity; whoever comes when it is full joins the waiting list. When a place frees (a cancellation, a
 * larger capacity), the first on the waiting list takes it and is told by e-mail, in their language, through the outbox.
 */
import { recordAudit } from '../../app/audit/audit.js';
import { actorRef, type Actor, type UserActor } from '../../app/authz/actor.js';
import { authorize } from '../../app/authz/policy.js';
import type { Executor } from '../../app/database/database.js';
import { sendPromotionEmail } from './events.emails.js';
import { eventNotFound, notRegistered } from './events.errors.js';
import { eventsPolicies, invitedThroughGroup } from './events.policies.js';
import { createEventsRepository } from './events.repository.js';
import type { EventRow, RegistrationRow } from './events.tables.js';

/** Whether the actor is invited to a by-invitation event: through its group, or by the organiser's list (by e-mail). */
export async function isInvited(db: Executor, actor: Actor, event: Pick<EventRow, 'id' | 'groupId'>): Promise<boolean> {
  if (actor.kind !== 'user') return false;
  if (event.groupId) return invitedThroughGroup(actor, event.groupId);
  return createEventsRepository(db).isInvited(event.id, actor.email);
}

/** Gives the freed places of an event to its waiting list, in order; returns how many were promoted. */
export async function promoteWaiting(tx: Executor, event: EventRow, publicUrl: string): Promise<number> {
  if (event.state !== 'scheduled') return 0;
  const repository = createEventsRepository(tx);
  const { registered } = await repository.countByState(event.id);
  const free = event.capacity === null ? Number.MAX_SAFE_INTEGER : event.capacity - registered;
  if (free <= 0) return 0;
  const promoted = await repository.firstWaiting(event.id, Math.min(free, 10_000));
  for (const row of promoted) {
    await repository.setRegistrationState(row.id, 'registered');
    const contact = await repository.userContact(row.userId);
    if (contact?.email) await sendPromotionEmail(tx, { to: contact.email, locale: contact.locale, event, publicUrl }, row.id, row.position);
    await recordAudit(tx, { actor: 'system:events', action: 'events.promote', subject: event.id, details: { user: row.userId } });
  }
  return promoted.length;
}

/** Where a person stands: registered, or waiting at this place on the list. */
export interface Standing {
  registration: RegistrationRow;
  /** 1-based place on the waiting list; null when registered. */
  waitingRank: number | null;
}

/** Registers the signed-in person (or puts them on the waiting list when full); registering twice changes nothing. */
export async function registerForEvent(input: { db: Executor; actor: Actor; eventId: string; now?: Date }): Promise<Standing> {
  return input.db.transaction(async (tx) => {
    const repository = createEventsRepository(tx);
    const event = await repository.lock(input.eventId);
    if (!event) throw eventNotFound();
    const user: UserActor = authorize(input.actor, eventsPolicies.register, { event, invited: await isInvited(tx, input.actor, event), now: input.now ?? new Date() });
    const existing = await repository.registrationOf(event.id, user.userId);
    if (existing && existing.state !== 'cancelled') {
      return { registration: existing, waitingRank: existing.state === 'waiting' ? await repository.waitingRank(event.id, existing.position) : null };
    }
    const { registered, waiting } = await repository.countByState(event.id);
    // Nobody jumps the queue: while anyone waits, a newcomer waits too.
    const state = (event.capacity === null || registered < event.capacity) && waiting === 0 ? 'registered' : 'waiting';
    const registration = await repository.upsertRegistration(event.id, user.userId, state, await repository.nextPosition(event.id));
    await recordAudit(tx, { actor: actorRef(user), action: `events.${state === 'registered' ? 'register' : 'wait'}`, subject: event.id });
    return { registration, waitingRank: state === 'waiting' ? await repository.waitingRank(event.id, registration.position) : null };
  });
}

/** Cancels the signed-in person's registration (or leaves the waiting list); a freed place goes to the first waiting. */
export async function cancelRegistration(input: { db: Executor; actor: Actor; eventId: string; publicUrl: string }): Promise<{ promoted: number }> {
  return input.db.transaction(async (tx) => {
    const repository = createEventsRepository(tx);
    const event = await repository.lock(input.eventId);
    if (!event) throw eventNotFound();
    const user = authorize(input.actor, eventsPolicies.unregister, undefined);
    const existing = await repository.registrationOf(event.id, user.userId);
    if (!existing || existing.state === 'cancelled') throw notRegistered();
    await repository.setRegistrationState(existing.id, 'cancelled');
    await recordAudit(tx, { actor: actorRef(user), action: 'events.unregister', subject: event.id, details: { was: existing.state } });
    return { promoted: existing.state === 'registered' ? await promoteWaiting(tx, event, input.publicUrl) : 0 };
  });
}

/** The person's standing for an event, or null (for the event page). */
export async function standingOf(db: Executor, actor: Actor, eventId: string): Promise<Standing | null> {
  if (actor.kind !== 'user') return null;
  const repository = createEventsRepository(db);
  const registration = await repository.registrationOf(eventId, actor.userId);
  if (!registration || registration.state === 'cancelled') return null;
  return { registration, waitingRank: registration.state === 'waiting' ? await repository.waitingRank(eventId, registration.position) : null };
}
