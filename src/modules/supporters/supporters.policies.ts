/**
 * Who may change the registry. Its write use cases are called by other modules (moderation publishes, applies an edit,
 * marks a claim; a representative withdraws their organisation) and by the importers (the CLI, the reference bundle):
 * each checks the actor itself rather than trusting its caller. Reading the public registry asks nothing.
 */
import { allow, definePolicies, rule } from '../../app/authz/policy.js';
import { holds, secretariatOrSystem } from '../../app/authz/rules.js';

export const supporterPolicies = definePolicies('supporters', {
  /** Publish a new entry (an approved join). */
  publish: rule((actor) => secretariatOrSystem(actor)),
  /** Replace an entry's public fields (an approved edit). */
  update: rule((actor) => secretariatOrSystem(actor)),
  /** Record that an imported entry is now managed by its representatives (an approved claim). */
  markClaimed: rule((actor) => secretariatOrSystem(actor)),
  /** Record the verification level an approval established (the public sees the level and its date). */
  verify: rule((actor) => secretariatOrSystem(actor)),
  /** Take an entry out of the registry: the secretariat, the system, or one of the entry's representatives. */
  withdraw: rule<{ supporterId: string }>((actor, { supporterId }) => (holds(actor, 'representative', supporterId) ? allow : secretariatOrSystem(actor))),
  /** Import the official source into the registry (the CLI, the reference bundle at first start). */
  import: rule((actor) => secretariatOrSystem(actor)),
});
