/**
 * Organising events: a group's co-chairs (or the secretariat) create one, edit it (any change a calendar shows raises
 * its SEQUENCE, so subscribed calendars replace their copy), publish minutes and a recording afterwards, or cancel it
 * (the event stays, cancelled, and everyone registered or waiting is told by e-mail). Each use case authorizes, checks
 * the input (nothing is written when anything is wrong), runs in one transaction with its audit entry and e-mails,
 * and announces `registry.changed` after the commit (the calendar pages and feeds are cached).
 */
import { recordAudit } from '../../app/audit/audit.js';
import { actorRef, type Actor } from '../../app/authz/actor.js';
import { authorize } from '../../app/authz/policy.js';
import { createId } from '../../app/database/columns.js';
import type { Executor } from '../../app/database/database.js';
import type { EventBus } from '../../app/events/events.js';
import type { FieldIssue } from '../../app/http/errors.js';
import { findGroupById } from '../groups/groups.queries.js';
import { calendarDomain } from './events.constants.js';
import { sendCancellationEmail } from './events.emails.js';
import { eventAlreadyCancelled, eventInvalid, eventNotFound, groupClosed } from './events.errors.js';
import { changesCalendars, checkEventInput, type EventFields, type EventInput } from './events.models.js';
import { eventsPolicies } from './events.policies.js';
import { promoteWaiting } from './events.registrations.js';
import { createEventsRepository } from './events.repository.js';
import type { EventRow } from './events.tables.js';

const issuesOf = (issues: Record<string, string>): FieldIssue[] => Object.entries(issues).map(([field, message]) => ({ field, message, code: 'events.invalid' }));

function checked(input: EventInput): EventFields {
  const result = checkEventInput(input);
  if (!result.ok) throw eventInvalid(issuesOf(result.issues));
  return result.fields;
}

/** The minutes' publication time: set when minutes or a recording first appear or change. */
function minutesPublished(before: Pick<EventRow, 'minutes' | 'recordingUrl' | 'minutesPublishedAt'> | null, fields: EventFields): Date | null {
  const has = Object.keys(fields.minutes).length > 0 || fields.recordingUrl !== null;
  if (!has) return null;
  const changed = !before || JSON.stringify(before.minutes) !== JSON.stringify(fields.minutes) || before.recordingUrl !== fields.recordingUrl;
  return changed ? new Date() : before.minutesPublishedAt;
}

/** Creates an event in a group (`groupId`) or Call-wide (`null`). */
export async function createEvent(input: { db: Executor; actor: Actor; groupId: string | null; event: EventInput; events?: EventBus }): Promise<{ event: EventRow }> {
  const actor = authorize(input.actor, eventsPolicies.organise, { groupId: input.groupId });
  if (input.groupId) {
    const group = await findGroupById(input.db, input.groupId);
    if (!group) throw eventNotFound();
    if (group.state !== 'active') throw groupClosed();
  }
  const fields = checked(input.event);
  const by = actorRef(actor);
  const result = await input.db.transaction(async (tx) => {
    const repository = createEventsRepository(tx);
    const id = createId('evt');
    const event = await repository.insert({
      ...fields, id, groupId: input.groupId, uid: `${id}@${calendarDomain}`, sequence: 0, minutesPublishedAt: minutesPublished(null, fields), createdBy: by, editedBy: by,
    });
    if (!input.groupId) await repository.setInvitees(id, input.event.invitees, by);
    await recordAudit(tx, { actor: by, action: 'events.create', subject: id, details: { group: input.groupId, openness: fields.openness, capacity: fields.capacity } });
    return { event };
  });
  input.events?.emit('registry.changed', { reason: 'events.create' });
  return result;
}

/** Loads and locks the event, refusing whoever does not organise it. */
async function organisedEvent(tx: Executor, actor: Actor, eventId: string): Promise<EventRow> {
  const event = await createEventsRepository(tx).lock(eventId);
  if (!event) throw eventNotFound();
  authorize(actor, eventsPolicies.organise, { groupId: event.groupId });
  return event;
}

/**
 * Saves an edit. A change calendars show raises the SEQUENCE; a larger capacity (or none) gives the freed places to
 * the waiting list in order, each promoted person told by e-mail. A cancelled event is not edited.
 */
export async function updateEvent(input: { db: Executor; actor: Actor; eventId: string; event: EventInput; publicUrl: string; events?: EventBus }): Promise<{ event: EventRow; sequenceRaised: boolean; promoted: number }> {
  const result = await input.db.transaction(async (tx) => {
    const repository = createEventsRepository(tx);
    const before = await organisedEvent(tx, input.actor, input.eventId);
    if (before.state === 'cancelled') throw eventAlreadyCancelled();
    const fields = checked(input.event);
    const by = actorRef(input.actor);
    const raise = changesCalendars(before, fields);
    const changed = (Object.keys(fields) as Array<keyof EventFields>).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(fields[key]));
    const event = await repository.update(before.id, { ...fields, sequence: before.sequence + (raise ? 1 : 0), minutesPublishedAt: minutesPublished(before, fields), editedBy: by });
    if (!before.groupId) await repository.setInvitees(before.id, input.event.invitees, by);
    const promoted = await promoteWaiting(tx, event, input.publicUrl);
    await recordAudit(tx, { actor: by, action: 'events.update', subject: before.id, details: { changed, sequence: event.sequence, promoted } });
    if (changed.includes('minutes') || changed.includes('recordingUrl')) await recordAudit(tx, { actor: by, action: 'events.minutes', subject: before.id });
    return { event, sequenceRaised: raise, promoted };
  });
  input.events?.emit('registry.changed', { reason: 'events.update' });
  return result;
}

/**
 * Cancels the event: it stays (its page and the calendars say it is cancelled, with a higher SEQUENCE), registration
 * closes, and everyone registered or waiting receives an e-mail in their language.
 */
export async function cancelEvent(input: { db: Executor; actor: Actor; eventId: string; reason: string | null; publicUrl: string; events?: EventBus }): Promise<{ event: EventRow; told: number }> {
  const result = await input.db.transaction(async (tx) => {
    const repository = createEventsRepository(tx);
    const before = await organisedEvent(tx, input.actor, input.eventId);
    if (before.state === 'cancelled') throw eventAlreadyCancelled();
    const by = actorRef(input.actor);
    const event = await repository.update(before.id, { state: 'cancelled', registrationOpen: false, sequence: before.sequence + 1, editedBy: by });
    const attendees = await repository.attendees(before.id);
    for (const person of attendees) {
      if (person.email) await sendCancellationEmail(tx, { to: person.email, locale: person.locale, event, publicUrl: input.publicUrl }, person.userId);
    }
    await recordAudit(tx, { actor: by, action: 'events.cancel', subject: before.id, reason: input.reason, details: { sequence: event.sequence, told: attendees.length } });
    return { event, told: attendees.length };
  });
  input.events?.emit('registry.changed', { reason: 'events.cancel' });
  return result;
}
