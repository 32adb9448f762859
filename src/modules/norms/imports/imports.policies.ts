/** Who may import existing practices (the G7 synthesis, the case studies): the secretariat, and the system (first start, CLI). */
import { definePolicies, rule } from '../../../app/authz/policy.js';
import { secretariatOrSystem } from '../../../app/authz/rules.js';

export const practiceImportPolicies = definePolicies('practice-imports', {
  importPractices: rule((actor) => secretariatOrSystem(actor)),
});
