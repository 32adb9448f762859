/**
 * Who may change the crosswalk: the secretariat edits it on the platform; the system (first start) imports it from the
 * reference bundle as the secretariat may. Everyone reads it.
 */
import { definePolicies, rule } from '../../../app/authz/policy.js';
import { secretariatOnly, secretariatOrSystem } from '../../../app/authz/rules.js';

export const crosswalkPolicies = definePolicies('norms.crosswalk', {
  /** Loading the links the WG4 report supports (the reference bundle). */
  importLinks: rule((actor) => secretariatOrSystem(actor)),
  /** Adding, editing and removing links, from the secretariat's pages. */
  editLinks: rule((actor) => secretariatOnly(actor)),
});
