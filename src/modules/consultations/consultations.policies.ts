/**
 * Who may do what with consultations, and when. A group's co-chairs (and the secretariat) create, open and conclude
 * its consultations and give each input a disposition; they read private inputs. Others read a consultation once it
 * is open. Inputs are taken only while it is open (after opening, before the deadline), from any signed-in person
 * for a public consultation, from representatives of registry organisations for a supporters' one. Dispositions are
 * given only after the deadline; a published one changes only as a new version (the use case keeps the old ones).
 * Decided here for the pages, the API, the exports and the e-mails.
 */
import type { Actor } from '../../app/authz/actor.js';
import { allow, allowIf, definePolicies, refuse, rule, userRule } from '../../app/authz/policy.js';
import { holds, isSecretariat } from '../../app/authz/rules.js';
import type { Publication } from './consultations.constants.js';
import { beforeDeadline, consultationNotFound, groupClosed, inputClosed, inputNotOpen, notACoChair, notASupporter, concluded } from './consultations.errors.js';
import { phaseOf } from './consultations.models.js';

/** A group's co-chairs, and the secretariat (from a second-factor session). */
export const coChairs = (actor: Actor, groupId: string) => isSecretariat(actor) || holds(actor, 'co-chair', groupId);

/** A representative of any registry organisation. */
const isSupporter = (actor: Actor) => actor.kind === 'user' && actor.grants.some((grant) => grant.role === 'representative');

interface Held {
  groupId: string;
  state: string;
  closesAt: Date;
  audience: string;
}
type AtTime<T> = T & { now: Date };

/** Whether the actor reads an input: published ones for all; private ones for the co-chairs and their author. */
export function readsInput(actor: Actor, groupId: string, input: { publication: string; authorId: string }): boolean {
  return input.publication !== 'private' || coChairs(actor, groupId) || (actor.kind === 'user' && actor.userId === input.authorId);
}

/**
 * The name shown with an input: the author's for a named input; for a private one, to the co-chairs (whom it was sent
 * to); never for an anonymous one, except to its author. Null: "anonymous".
 */
export function shownAuthor(actor: Actor, groupId: string, input: { publication: string; authorId: string; authorName: string }): string | null {
  if (input.publication === 'named') return input.authorName;
  if (actor.kind === 'user' && actor.userId === input.authorId) return input.authorName;
  return input.publication === 'private' && coChairs(actor, groupId) ? input.authorName : null;
}

export const consultationsPolicies = definePolicies('consultations', {
  /** The forms' posts: someone signed in (each then authorizes against its consultation). */
  signedIn: userRule(() => allow),
  /** Creating a consultation in a group that is still active. */
  create: userRule<{ group: { id: string; state: string } }>((user, { group }) => {
    if (!coChairs(user, group.id)) return refuse(notACoChair);
    return allowIf(group.state === 'active', groupClosed);
  }),
  /** A consultation's page: once opened; a draft only for its co-chairs (others are told there is none). */
  view: rule<{ groupId: string; state: string }>((actor, c) => allowIf(c.state !== 'draft' || coChairs(actor, c.groupId), consultationNotFound)),
  /** The co-chairs' pages: the disposition table, the draft's page and forms. */
  manage: userRule<{ groupId: string }>((user, c) => allowIf(coChairs(user, c.groupId), notACoChair)),
  /** Opening a draft (its deadline still ahead). */
  open: userRule<AtTime<Held>>((user, c) => {
    if (!coChairs(user, c.groupId)) return refuse(notACoChair);
    if (c.state !== 'draft') return refuse(inputNotOpen);
    return allowIf(c.closesAt.getTime() > c.now.getTime(), inputClosed);
  }),
  /** Sending an input: while open, by the consultation's audience. */
  comment: userRule<AtTime<Held>>((user, c) => {
    const phase = phaseOf(c, c.now);
    if (phase === 'draft') return refuse(inputNotOpen);
    if (phase !== 'open') return refuse(inputClosed);
    return allowIf(c.audience === 'public' || isSupporter(user), notASupporter);
  }),
  /** Giving or changing a disposition: after the deadline (a concluded consultation's as a new version). */
  dispose: userRule<AtTime<Held>>((user, c) => {
    if (!coChairs(user, c.groupId)) return refuse(notACoChair);
    const phase = phaseOf(c, c.now);
    return allowIf(phase === 'closed' || phase === 'concluded', beforeDeadline);
  }),
  /** Publishing the synthesis and the revised text: once, after the deadline. */
  conclude: userRule<AtTime<Held>>((user, c) => {
    if (!coChairs(user, c.groupId)) return refuse(notACoChair);
    const phase = phaseOf(c, c.now);
    if (phase === 'concluded') return refuse(concluded);
    return allowIf(phase === 'closed', beforeDeadline);
  }),
});

/** The publication choices shown to the contributor (all three, always: the choice is theirs). */
export const publicationChoices: readonly Publication[] = ['named', 'anonymous', 'private'];
