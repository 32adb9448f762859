/**
 * Who may do what with the norms: the secretariat and the system (first start, CLI) load them; the secretariat edits
 * their text on the platform; everyone reads.
 */
import { definePolicies, rule } from '../../app/authz/policy.js';
import { secretariatOnly, secretariatOrSystem } from '../../app/authz/rules.js';

export const normsPolicies = definePolicies('norms', {
  /** Loading the norms from their sources or the reference bundle. */
  importNorms: rule((actor) => secretariatOrSystem(actor)),
  /** Correcting a norm's text, or giving its French (the UN's, or the G7's wording), from the secretariat's pages. */
  editNorms: rule((actor) => secretariatOnly(actor)),
});
