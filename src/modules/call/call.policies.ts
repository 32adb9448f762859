/**
 * Who may change the Call's texts: the secretariat (from a passkey session) and the system (the CLI's import, the
 * reference bundle at first start). Reading them asks nothing.
 */
import { definePolicies, rule } from '../../app/authz/policy.js';
import { secretariatOnly, secretariatOrSystem } from '../../app/authz/rules.js';

export const callPolicies = definePolicies('call', {
  /** Import or edit the documents and principles. */
  editContent: rule((actor) => secretariatOrSystem(actor)),
  /** Rename a principle (its short and full names, in each language) from the secretariat's pages. */
  editPrinciple: rule((actor) => secretariatOnly(actor)),
});
