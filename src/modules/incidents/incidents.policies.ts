/**
 * Who may do what with incidents. The space (`/cooperation/incidents`) is for the designated contacts of any
 * organisation and the secretariat. A contact records incidents for their own organisation. Reading one is decided by
 * its TLP marking (src/app/authz/tlp.ts) from how the reader stands to it: its author is the "individual recipient";
 * the contacts of its organisation are the "organisation"; every contact and the secretariat are the "community";
 * anyone else the "world". A reader who may not read it is not told it exists (404). Weights, bands and the crosswalk
 * are the secretariat's.
 */
import type { Actor } from '../../app/authz/actor.js';
import { forbidden, unauthorized } from '../../app/authz/authz.errors.js';
import { allowIf, definePolicies, refuse, rule, userRule } from '../../app/authz/policy.js';
import { holds, isSecretariat, secretariatOnly } from '../../app/authz/rules.js';
import { tlpMayRead, type TlpLabel, type TlpRelation } from '../../app/authz/tlp.js';
import { incidentNotFound } from './incidents.errors.js';

/** A designated contact of some organisation. */
export const isContact = (actor: Actor): boolean => actor.kind === 'user' && actor.grants.some((g) => g.role === 'contact');

export const inCooperationSpace = (actor: Actor): boolean => isSecretariat(actor) || isContact(actor);

export interface MarkedIncident {
  supporterId: string;
  authorUserId: string | null;
  tlp: string;
}

/** How the actor stands to the incident, closest first. */
export function relationTo(actor: Actor, incident: Pick<MarkedIncident, 'supporterId' | 'authorUserId'>): TlpRelation {
  if (actor.kind === 'user' && incident.authorUserId !== null && actor.userId === incident.authorUserId) return 'individual';
  if (holds(actor, 'contact', incident.supporterId)) return 'organisation';
  if (inCooperationSpace(actor)) return 'community';
  return 'world';
}

export const mayReadIncident = (actor: Actor, incident: MarkedIncident): boolean => tlpMayRead(incident.tlp as TlpLabel, relationTo(actor, incident));

export const incidentsPolicies = definePolicies('incidents', {
  /** Entering the space: the list, the form, the frames' pages. */
  enter: rule((actor) => (inCooperationSpace(actor) ? allowIf(true, forbidden) : refuse(actor.kind === 'user' ? forbidden : unauthorized))),
  /** Recording an incident for an organisation: its designated contacts. */
  record: rule<{ supporterId: string }>((actor, { supporterId }) => allowIf(holds(actor, 'contact', supporterId), actor.kind === 'user' ? forbidden : unauthorized)),
  /** Reading one, as its TLP marking allows; signed in (the incidents' pages are the cooperation space's, even TLP:CLEAR ones). */
  read: userRule<MarkedIncident>((user, incident) => allowIf(mayReadIncident(user, incident), incidentNotFound)),
  /** Marking a NIS2 report as sent: its author and its organisation's contacts, as far as they may read it. */
  report: userRule<MarkedIncident>((actor, incident) =>
    allowIf(mayReadIncident(actor, incident) && (relationTo(actor, incident) === 'individual' || relationTo(actor, incident) === 'organisation'), mayReadIncident(actor, incident) ? forbidden : incidentNotFound),
  ),
  /** Editing the scoring weights and bands, and the crosswalk. */
  administer: rule((actor) => secretariatOnly(actor)),
});
