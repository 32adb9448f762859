/**
 * Who may do what with coordination cases. Reading follows the case's TLP marking (src/app/authz/tlp.ts): the person who
 * opened it is its source ("individual"); the designated contacts of the participating organisations, and the
 * secretariat when it coordinates, stand as "organisation"; other contacts and the secretariat as "community"; anyone
 * else as "world". So TLP:AMBER reaches the participants' contacts, TLP:RED only the person who opened the case, and
 * nobody outside the parties learns that an AMBER case exists (404). The coordinator (the opening organisation's
 * contacts, or the secretariat) invites, sets the embargo, approves statements and publishes; each participant answers
 * for itself. Opening a case: any designated contact, or the secretariat.
 */
import type { Actor } from '../../app/authz/actor.js';
import { allowIf, definePolicies, refuse, userRule } from '../../app/authz/policy.js';
import { holds, isSecretariat } from '../../app/authz/rules.js';
import { tlpMayRead, type TlpLabel, type TlpRelation } from '../../app/authz/tlp.js';
import { caseNotFound, casePublished, notContact, notCoordinator, notParticipant } from './cases.errors.js';

/** The case as the rules see it, with its participating organisations. */
export interface CaseSubject {
  case: { marking: string; coordinatorSupporterId: string | null; openedBy: string | null; state: string };
  participantSupporterIds: readonly string[];
}

/** Whether the actor is a designated contact of any organisation (the cooperation space). */
export const isContact = (actor: Actor): boolean => actor.kind === 'user' && actor.grants.some((g) => g.role === 'contact');

export function coordinates(actor: Actor, subject: CaseSubject): boolean {
  const coordinator = subject.case.coordinatorSupporterId;
  return coordinator === null ? isSecretariat(actor) : holds(actor, 'contact', coordinator);
}

/** The organisation the actor answers for in the case (the first they are a contact of), or null. */
export function participantSupporter(actor: Actor, subject: CaseSubject): string | null {
  return subject.participantSupporterIds.find((id) => holds(actor, 'contact', id)) ?? null;
}

export function relationTo(actor: Actor, subject: CaseSubject): TlpRelation {
  if (actor.kind !== 'user') return 'world';
  if (subject.case.openedBy === actor.userId) return 'individual';
  if (coordinates(actor, subject) || participantSupporter(actor, subject)) return 'organisation';
  return isContact(actor) || isSecretariat(actor) ? 'community' : 'world';
}

export function mayRead(actor: Actor, subject: CaseSubject): boolean {
  return tlpMayRead(subject.case.marking as TlpLabel, relationTo(actor, subject));
}

const open = (subject: CaseSubject) => subject.case.state === 'open';

export const casesPolicies = definePolicies('cases', {
  /** Any case route: signed in first (an anonymous visitor is not told whether a case exists). */
  signedIn: userRule(() => allowIf(true, caseNotFound)),
  /** Opening a case, listing one's cases: a designated contact, or the secretariat. */
  open: userRule((user) => allowIf(isContact(user) || isSecretariat(user), notContact)),
  /** Reading a case (page, API): as its marking allows; anyone else is not told it exists. */
  read: userRule<CaseSubject>((user, subject) => allowIf(mayRead(user, subject), caseNotFound)),
  /** Inviting, setting the embargo, adding a vulnerability, reviewing statements, publishing. */
  coordinate: userRule<CaseSubject>((user, subject) => {
    if (!mayRead(user, subject)) return refuse(caseNotFound);
    if (!coordinates(user, subject)) return refuse(notCoordinator);
    return allowIf(open(subject), casePublished);
  }),
  /** Answering, acknowledging the embargo, drafting the statement: a participant's contact. */
  participate: userRule<CaseSubject>((user, subject) => {
    if (!mayRead(user, subject)) return refuse(caseNotFound);
    if (!participantSupporter(user, subject)) return refuse(notParticipant);
    return allowIf(open(subject), casePublished);
  }),
});
