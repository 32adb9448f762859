/**
 * Who may do what with index editions: the secretariat (from a passkey session) and the system (the CLI, first start)
 * prepare, preview, publish and withdraw; everyone reads what is published (no rule: public pages ask nothing).
 */
import { definePolicies, rule } from '../../app/authz/policy.js';
import { secretariatOrSystem } from '../../app/authz/rules.js';

export const indexPolicies = definePolicies('index', {
  /** Drafts, previews, uploads, configuration, publication, withdrawal, the list of editions with drafts. */
  manageEditions: rule((actor) => secretariatOrSystem(actor)),
});
