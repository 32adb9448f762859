/**
 * Who may do what in the points-of-contact directory. An organisation's representatives nominate its contacts, edit
 * and withdraw them, import and export them; the secretariat reads an organisation's contacts but writes nothing in its
 * name (what an organisation declares is its own word). The cooperation space (the directory, each contact's page) is
 * for the designated contacts of any organisation and the secretariat. A contact maintains their own record: their
 * publication choices, keys and attestation. The public directory shows only what its contacts chose to publish.
 */
import type { Actor } from '../../app/authz/actor.js';
import { allow, allowIf, definePolicies, refuse, rule, userRule } from '../../app/authz/policy.js';
import { holds, isSecretariat, secretariatOnly } from '../../app/authz/rules.js';
import { contactNotFound, notRepresentative, notTheContact } from './contacts.errors.js';

/** A designated contact of any organisation (the grant is revoked on withdrawal and erasure). */
export const isDesignatedContact = (actor: Actor) => actor.kind === 'user' && actor.grants.some((grant) => grant.role === 'contact');

/** In the cooperation space: a designated contact, or the secretariat. */
export const inCooperationSpace = (actor: Actor) => isDesignatedContact(actor) || isSecretariat(actor);

export const contactsPolicies = definePolicies('contacts', {
  /** An organisation's contacts page and its exports: its representatives and the secretariat (anyone else: 404). */
  viewOrganisation: userRule<{ supporterId: string }>((user, { supporterId }) => allowIf(isSecretariat(user) || holds(user, 'representative', supporterId), contactNotFound)),
  /** Nominating, editing, withdrawing, importing: the organisation's representatives only. */
  manage: userRule<{ supporterId: string }>((user, { supporterId }) => {
    if (holds(user, 'representative', supporterId)) return allow;
    return refuse(isSecretariat(user) ? notRepresentative : contactNotFound);
  }),
  /** The forms of signed-in people (checked before the body is read; each handler then authorizes its subject). */
  useAccount: userRule(() => allow),
  /** The cooperation space: the directory, each contact's page, their keys (401 to visitors, 403 to others). */
  viewDirectory: rule((actor) => (isDesignatedContact(actor) ? allow : secretariatOnly(actor))),
  /** The contact's own record: publication choices, details, keys, attestation. */
  maintain: userRule<{ userId: string | null; state: string }>((user, contact) => allowIf(contact.userId === user.userId && contact.state !== 'withdrawn', notTheContact)),
});
