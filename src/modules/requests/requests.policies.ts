/**
 * Who may do what with a request between organisations. Every decision starts from TLP 2.0 (src/app/authz/tlp.ts):
 * how the reader stands to the request (individual recipient, contact of an organisation involved, contact of another
 * organisation, anyone else) and what its marking lets that relation do. The secretariat is not a party: a request
 * is for the organisations involved, not for the platform's staff, so it reads one only as the world does (a
 * published TLP:CLEAR request).
 */
import type { Actor, UserActor } from '../../app/authz/actor.js';
import { unauthorized } from '../../app/authz/authz.errors.js';
import { allow, allowIf, definePolicies, refuse, rule, userRule, type Verdict } from '../../app/authz/policy.js';
import { holds, isSecretariat } from '../../app/authz/rules.js';
import { tlpMayForward, tlpMayRead, type TlpLabel, type TlpRelation } from '../../app/authz/tlp.js';
import { beyondMarking, notInCooperation, notYourSide, requestNotFound, wrongState } from './requests.errors.js';

/** A request as its rules see it. */
export interface RequestSubject {
  tlp: TlpLabel;
  state: string;
  published: boolean;
  senderSupporterId: string;
  recipientSupporterId: string;
  senderUserId: string | null;
  /** The individual recipients' accounts (routed, escalated, forwarded, granted). */
  recipientUserIds: readonly string[];
}

/** Whether the actor is a designated contact of any organisation (the cooperation space). */
export const isContact = (actor: Actor): actor is UserActor => actor.kind === 'user' && actor.grants.some((g) => g.role === 'contact');

/** The organisations the actor is a designated contact of. */
export const contactOrganisations = (actor: Actor): string[] => (actor.kind === 'user' ? actor.grants.filter((g) => g.role === 'contact').map((g) => g.scopeId) : []);

/** How the actor stands to the request, in TLP's words. */
export function relationTo(actor: Actor, request: RequestSubject): TlpRelation {
  if (!isContact(actor)) return 'world';
  if (actor.userId === request.senderUserId || request.recipientUserIds.includes(actor.userId)) return 'individual';
  if (holds(actor, 'contact', request.senderSupporterId) || holds(actor, 'contact', request.recipientSupporterId)) return 'organisation';
  return 'community';
}

/** Whether the actor may read the request: its marking for parties and the space, publication for the world. */
export function mayRead(actor: Actor, request: RequestSubject): boolean {
  const relation = relationTo(actor, request);
  if (relation === 'world') return request.tlp === 'CLEAR' && request.published;
  return tlpMayRead(request.tlp, relation);
}

/** A party: a reader who is an individual recipient or a contact of one of the two organisations. */
export const isParty = (actor: Actor, request: RequestSubject) => mayRead(actor, request) && ['individual', 'organisation'].includes(relationTo(actor, request));
const onSenderSide = (actor: Actor, request: RequestSubject) => isParty(actor, request) && (holds(actor, 'contact', request.senderSupporterId) || (actor.kind === 'user' && actor.userId === request.senderUserId));
const onRecipientSide = (actor: Actor, request: RequestSubject) => isParty(actor, request) && holds(actor, 'contact', request.recipientSupporterId);

/** A party, or else: 401 to visitors, 404 to anyone else (no one learns a request exists beyond its marking). */
function party(actor: Actor, request: RequestSubject, then: () => Verdict = () => allow): Verdict {
  if (actor.kind !== 'user') return refuse(unauthorized);
  if (!isParty(actor, request)) return refuse(requestNotFound);
  return then();
}

const open = (request: RequestSubject) => request.state !== 'closed';

export const requestsPolicies = definePolicies('requests', {
  /** The cooperation pages (lists, the form): designated contacts, and the secretariat (which sees no request on them). */
  enter: userRule((user) => allowIf(isContact(user) || isSecretariat(user), notInCooperation)),
  /** Sending in an organisation's name: its designated contacts. */
  send: userRule<{ supporterId: string }>((user, { supporterId }) => allowIf(holds(user, 'contact', supporterId), notInCooperation)),
  /** Reading one request (each read is audited by the use case). */
  read: rule<RequestSubject>((actor, request) => (mayRead(actor, request) ? allow : actor.kind === 'user' ? refuse(requestNotFound) : refuse(unauthorized))),
  /** The request-party routes (checked before the body is read; each handler then authorizes its subject). */
  useAccount: userRule(() => allow),
  /** Acknowledging: the recipient organisation's side, while the request waits for it. */
  acknowledge: rule<RequestSubject>((actor, request) => party(actor, request, () => (!onRecipientSide(actor, request) ? refuse(notYourSide) : request.state === 'sent' ? allow : refuse(wrongState)))),
  /** Replies and additional information, from either side, while the request is open. */
  reply: rule<RequestSubject>((actor, request) => party(actor, request, () => allowIf(open(request), wrongState))),
  /** Closing with an outcome: either side (the use case checks which outcomes each side may give). */
  close: rule<RequestSubject>((actor, request) => party(actor, request, () => allowIf(open(request), wrongState))),
  /** Forwarding on the platform to another contact, within the marking (never TLP:RED: ask the source instead). */
  forward: rule<{ request: RequestSubject; target: TlpRelation }>((actor, { request, target }) => party(actor, request, () => allowIf(tlpMayForward(request.tlp, target), beyondMarking))),
  /** Asking the source's permission to share wider: a party that is not the source's side. */
  askShare: rule<RequestSubject>((actor, request) => party(actor, request, () => allowIf(!onSenderSide(actor, request), notYourSide))),
  /** Granting or refusing that permission: the source's side. */
  decideShare: rule<RequestSubject>((actor, request) => party(actor, request, () => allowIf(onSenderSide(actor, request), notYourSide))),
  /** Publishing a TLP:CLEAR request in the public outputs: the source's side. */
  publish: rule<RequestSubject>((actor, request) => party(actor, request, () => allowIf(onSenderSide(actor, request) && request.tlp === 'CLEAR', notYourSide))),
});

export { onRecipientSide, onSenderSide };
