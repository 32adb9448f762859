/**
 * Who may do what with events. An event's existence, time, place, agenda and minutes are public. A group's co-chairs
 * organise its events (create, edit, cancel, publish minutes), the secretariat those of every group and the Call-wide
 * ones. Registering: any signed-in person for a public event; for a by-invitation event only those invited — the
 * group's co-chairs, members and observers for a group's event, the e-mail addresses the organiser listed for a
 * Call-wide one (kept that simple: no invitation workflow, the list is the invitation). Those invited, and the
 * organisers, see a by-invitation event's link; everyone else sees that it exists, not how to join.
 */
import type { Actor } from '../../app/authz/actor.js';
import { allowIf, definePolicies, rule, userRule } from '../../app/authz/policy.js';
import { holds, isSecretariat } from '../../app/authz/rules.js';
import { unauthorized } from '../../app/authz/authz.errors.js';
import { eventNotAllowed, notInvited, registrationClosed } from './events.errors.js';
import { endOf } from './events.models.js';
import type { EventRow } from './events.tables.js';

/** An event's organisers: its group's co-chairs, and the secretariat (the only organiser of Call-wide events). */
export function organises(actor: Actor, groupId: string | null): boolean {
  return isSecretariat(actor) || (groupId !== null && holds(actor, 'co-chair', groupId));
}

/** Invited through the group: its co-chairs, members and observers. (Call-wide invitations are read from the database.) */
export function invitedThroughGroup(actor: Actor, groupId: string | null): boolean {
  return groupId !== null && (['co-chair', 'member', 'observer'] as const).some((role) => holds(actor, role, groupId));
}

/** The event as the registration rule sees it, with whether the actor is invited (computed by the caller). */
export interface RegistrationSubject {
  event: Pick<EventRow, 'groupId' | 'openness' | 'state' | 'registrationOpen' | 'allDay' | 'endDate' | 'endsAt'>;
  invited: boolean;
  now: Date;
}

export const eventsPolicies = definePolicies('events', {
  /** Creating, editing, cancelling a group's event (`groupId`) or a Call-wide one (`null`). */
  organise: rule<{ groupId: string | null }>((actor, { groupId }) => allowIf(organises(actor, groupId), actor.kind === 'user' ? eventNotAllowed : unauthorized)),
  /** Seeing a by-invitation event's link (a public event's link is public). */
  seeLink: rule<{ openness: string; groupId: string | null; invited: boolean }>((actor, s) => allowIf(s.openness === 'public' || s.invited || organises(actor, s.groupId), eventNotAllowed)),
  /** Registering (or joining the waiting list): open registration, an event not cancelled nor over, and invited if it is by invitation. */
  register: userRule<RegistrationSubject>((user, { event, invited, now }) => {
    if (event.state !== 'scheduled' || !event.registrationOpen || endOf(event) <= now) return allowIf(false, registrationClosed);
    return allowIf(event.openness === 'public' || invited || organises(user, event.groupId), notInvited);
  }),
  /** Cancelling one's own registration: anyone signed in (the use case finds their own row only). */
  unregister: userRule(() => allowIf(true, eventNotAllowed)),
});
