/** Who may do what with the norms: the secretariat and the system (first start, CLI) load them; everyone reads. */
import { definePolicies, rule } from '../../app/authz/policy.js';
import { secretariatOrSystem } from '../../app/authz/rules.js';

export const normsPolicies = definePolicies('norms', {
  /** Loading the norms from their sources or the reference bundle. */
  importNorms: rule((actor) => secretariatOrSystem(actor)),
});
