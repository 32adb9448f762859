/**
 * Who may do what with the toolkit's data: the secretariat (from a passkey session) and the system (the CLI, first
 * start) import a published layer; everyone reads (no rule: public pages and the read API ask nothing).
 */
import { definePolicies, rule } from '../../app/authz/policy.js';
import { secretariatOrSystem } from '../../app/authz/rules.js';

export const toolkitPolicies = definePolicies('toolkit', {
  /** Importing a published data set (the WG6 2021 workbook and report). */
  importPublished: rule((actor) => secretariatOrSystem(actor)),
});
